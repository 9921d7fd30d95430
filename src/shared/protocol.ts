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
  /** When the prices were last read, so a Refresh that asked nothing (its floor) can say so. */
  lastReadAt: number | null;
}

export interface FeedCheck {
  /** The feed's own title, shown to the user before they keep it. */
  title: string | null;
  stories: number;
}

export interface MessageMap {
  refreshNow: { request: Record<string, never>; response: RefreshSummary };
  /** Fetch a feed once and say whether it is one; only the background fetches. */
  checkFeed: { request: { url: string }; response: FeedCheck };
  /** From the bar: hide it on the sender tab's own site (the site is the sender's, never the payload's). */
  hideBarOnSite: { request: Record<string, never>; response: { site: string } };
  /** From the bar: switch it off everywhere. */
  hideBarEverywhere: { request: Record<string, never>; response: null };
}

export type MessageName = keyof MessageMap;

/** What the background sends to the bar in open tabs. */
export type TabMessage = { type: 'removeBar' } | { type: 'toggleBar' };

export function isTabMessage(value: unknown): value is TabMessage {
  if (value === null || typeof value !== 'object') return false;
  const { type } = value as { type?: unknown };
  return type === 'removeBar' || type === 'toggleBar';
}

export interface Message<N extends MessageName = MessageName> {
  type: N;
  payload: MessageMap[N]['request'];
}

export type Reply<N extends MessageName> = Result<MessageMap[N]['response'], string>;

/** Any well-formed command; payloads are checked here because a message is untrusted input. */
export type AnyMessage = { [N in MessageName]: Message<N> }[MessageName];

export function isMessage(value: unknown): value is AnyMessage {
  if (value === null || typeof value !== 'object') return false;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  if (payload === null || typeof payload !== 'object') return false;
  if (type === 'refreshNow' || type === 'hideBarOnSite' || type === 'hideBarEverywhere') return true;
  if (type === 'checkFeed') return typeof (payload as { url?: unknown }).url === 'string';
  return false;
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
