/**
 * The one way the background talks to the network: every request has a deadline, the body is
 * decoded by its declared charset, and every failure comes back as a classified SourceError
 * instead of a throw.
 */
import type { ErrorKind, SourceError } from '../shared/model';
import { err, ok, type Result } from '../shared/result';
import { decodeBody } from './charset';

/**
 * Chrome stops a service worker whose fetch has been pending for about 30 s, which would lose
 * the whole cycle; aborting earlier keeps the cycle able to record the failure.
 */
export const FETCH_TIMEOUT_MS = 20_000;

/** Bodies past this are cut off, not read whole: a 5 MB "feed" must not stall the worker. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface FetchTextOptions {
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * Keep what arrived when the connection drops mid-body (marked `truncated`). Only for
   * documents that can be read in part, like feeds; a cut portal page is a failure.
   */
  keepPartialBody?: boolean;
  /** Injected in tests; defaults to the global fetch. */
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export interface FetchedText {
  status: number;
  text: string;
  contentType: string | null;
  /** True when the body was longer than the limit and only its start was read. */
  truncated: boolean;
}

export async function fetchText(
  url: string,
  options: FetchTextOptions = {},
): Promise<Result<FetchedText, SourceError>> {
  const { headers = {}, timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_BODY_BYTES, fetchImpl = fetch, now = Date.now } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, {
      headers,
      signal: controller.signal,
      // The figures must be live, and the user's cookies have no business in these requests.
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'follow',
    });
    if (!response.ok) {
      return err(httpError(response.status, response.headers.get('retry-after'), now()));
    }
    const { bytes, truncated } = await readCapped(response, maxBytes, options.keepPartialBody === true);
    const contentType = response.headers.get('content-type');
    return ok({ status: response.status, text: decodeBody(bytes, contentType), contentType, truncated });
  } catch (cause) {
    return err(networkError(cause, controller.signal.aborted, now()));
  } finally {
    clearTimeout(timer);
  }
}

/** Reads at most `maxBytes` of the body and cancels the rest of the download. */
async function readCapped(response: Response, maxBytes: number, keepPartial: boolean): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  if (!response.body) {
    const all = new Uint8Array(await response.arrayBuffer());
    return { bytes: all.subarray(0, maxBytes), truncated: all.length > maxBytes };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (cause) {
      if (!keepPartial || size === 0) throw cause;
      truncated = true;
      break;
    }
    const { done, value } = chunk;
    if (done) break;
    if (size + value.length > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      size = maxBytes;
      truncated = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.length;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, truncated };
}

export function httpError(status: number, retryAfter: string | null, at: number): SourceError {
  const kind: ErrorKind =
    status === 403
      ? 'forbidden'
      : status === 404 || status === 410
        ? 'not-found'
        : status === 429
          ? 'rate-limited'
          : status >= 500
            ? 'server'
            : 'http';
  const retryAt = parseRetryAfter(retryAfter, at);
  return { kind, detail: `HTTP ${status}`, at, ...(retryAt === null ? {} : { retryAt }) };
}

function networkError(cause: unknown, aborted: boolean, at: number): SourceError {
  if (aborted) return { kind: 'timeout', detail: 'no answer within the time limit', at };
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return { kind: offline ? 'offline' : 'network', detail, at };
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value == null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return now + Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(now, date);
}
