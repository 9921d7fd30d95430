/**
 * Messages from the UIs to the background. They are commands only; data flows through
 * storage. Every name maps to its request and response types, and every reply is a Result
 * because Error objects do not cross contexts.
 */
import { browser } from './browser';
import type { Result } from './result';

export interface RefreshSummary {
  /** Sources that were fetched in this cycle. */
  fetched: string[];
  /** Sources that failed in this cycle. */
  failed: string[];
}

export interface MessageMap {
  refreshNow: { request: Record<string, never>; response: RefreshSummary };
}

export type MessageName = keyof MessageMap;

export interface Message<N extends MessageName = MessageName> {
  type: N;
  payload: MessageMap[N]['request'];
}

export type Reply<N extends MessageName> = Result<MessageMap[N]['response'], string>;

export function isMessage(value: unknown): value is Message {
  if (value === null || typeof value !== 'object') return false;
  const { type } = value as { type?: unknown };
  return type === 'refreshNow';
}

export async function sendMessage<N extends MessageName>(
  type: N,
  payload: MessageMap[N]['request'],
): Promise<Reply<N>> {
  try {
    return (await browser.runtime.sendMessage({ type, payload })) as Reply<N>;
  } catch (cause) {
    return { ok: false, error: cause instanceof Error ? cause.message : String(cause) };
  }
}
