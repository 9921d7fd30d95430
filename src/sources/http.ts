/**
 * The one way the background talks to the network: every request has a deadline, goes only to
 * an https address on a public host (and is refused when redirected elsewhere), waits its turn
 * behind the cycle's other requests to the same host, the body is decoded by its declared
 * charset, and every failure comes back as a classified SourceError instead of a throw.
 */
import { fetchRefusal } from '../shared/links';
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

/**
 * The furthest a `Retry-After` is read: a day, the longest cap of any source's policy (the
 * symbol directory's). Each source then bounds it by its own cap when the failure is recorded
 * (recordFailure), so this only keeps absurd values (a date in 2099, a delay written in
 * milliseconds, 10^30 seconds) out of every SourceError.
 */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * Paces one cycle's requests per host (implemented in src/background/host-pacing.ts; sources
 * only see this seam). `admit` resolves when the request may go, or says the host is still
 * rate-limited; `rateLimited` reports a 429 with the time the host named, if any.
 */
export interface RequestGate {
  admit(host: string): Promise<{ free: true } | { free: false; until: number }>;
  rateLimited(host: string, until: number | null): void;
}

export interface FetchTextOptions {
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * Keep what arrived when the connection drops mid-body (marked `truncated`). Only for
   * documents that can be read in part, like feeds; a cut portal page is a failure.
   */
  keepPartialBody?: boolean;
  /** The cycle's per-host pacing; without one, requests go at once and 429s are not shared. */
  gate?: RequestGate;
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
  const { headers = {}, timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_BODY_BYTES, fetchImpl = fetch, now = Date.now, gate } = options;
  const refused = fetchRefusal(url);
  if (refused !== null) return err({ kind: 'http', detail: `not fetched: ${refused}`, at: now() });
  const host = new URL(url).hostname;
  if (gate) {
    let turn: Awaited<ReturnType<RequestGate['admit']>>;
    try {
      turn = await gate.admit(host);
    } catch (cause) {
      // Our own pacing failed: a Result like any other failure, and nothing was sent.
      return err({ kind: 'internal', detail: `pacing: ${cause instanceof Error ? cause.message : String(cause)}`, at: now() });
    }
    if (!turn.free) {
      return err({ kind: 'rate-limited', detail: `held back: ${host} answered HTTP 429`, at: now(), retryAt: turn.until });
    }
  }
  // The deadline starts once the request is on its way, not while it waits its turn.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, {
      headers,
      signal: controller.signal,
      // The figures must be live, and the user's cookies have no business in these requests.
      cache: 'no-store',
      credentials: 'omit',
      // fetch follows redirects before we see them, so by the time `response.url` names the
      // final address the request to it has been made: what is refused below is its data (the
      // body is never read, the error's Retry-After is not taken), not the request. The first
      // address is checked before anything is sent, above. `redirect: 'manual'` does not help:
      // the browser then answers with an opaque-redirect response (type `opaqueredirect`,
      // status 0, no headers, so no Location), an extension with host access included, so
      // the target could be neither checked nor followed by hand; `'error'` would refuse the
      // ordinary https→https redirects that feeds and CDNs use.
      redirect: 'follow',
    });
    const landed = redirectRefusal(url, response);
    if (landed !== null) {
      await discardBody(response);
      return err({ kind: 'http', detail: `refused: ${landed}`, at: now() });
    }
    if (!response.ok) {
      const error = httpError(response.status, response.headers.get('retry-after'), now());
      if (response.status === 429) gate?.rateLimited(host, error.retryAt ?? null);
      return err(error);
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

/**
 * Why a response that was redirected must not be used, or null: its final address changed
 * scheme, or is not one the background would fetch (a private, loopback or link-local host,
 * credentials). A response that was not redirected is judged by its request, checked before.
 */
export function redirectRefusal(requested: string, response: Pick<Response, 'redirected' | 'url'>): string | null {
  if (!response.redirected) return null;
  let finalUrl: URL;
  try {
    finalUrl = new URL(response.url);
  } catch {
    return 'redirected to an address that cannot be read';
  }
  const from = new URL(requested).protocol;
  if (finalUrl.protocol !== from) return `redirected from ${from} to ${finalUrl.protocol}`;
  const problem = fetchRefusal(finalUrl.href);
  return problem === null ? null : `redirected to ${finalUrl.host}: ${problem}`;
}

/** A refused body is not downloaded; failing to cancel it is logged, not fatal. */
async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch (cause) {
    console.warn('refused response body not cancelled:', cause);
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

/**
 * `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3), read into a time
 * no earlier than `now` and no later than `now + maxMs`: a date in the past means now, and a
 * far-future date or a huge number of seconds (such as a delay written in milliseconds)
 * means `now + maxMs`. Anything else (negative, fractional, words) is no time at all.
 */
export function parseRetryAfter(value: string | null, now: number, maxMs: number = MAX_RETRY_AFTER_MS): number | null {
  if (value == null) return null;
  const trimmed = value.trim();
  // 10^400 seconds is Infinity here, and is then capped like any other huge delay.
  const at = /^\d+$/.test(trimmed) ? now + Number(trimmed) * 1000 : parseHttpDate(trimmed, now);
  if (at === null) return null;
  return Math.min(now + maxMs, Math.max(now, at));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const IMF_FIXDATE = /^[a-z]{3}, (\d{1,2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const RFC_850 = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const ASCTIME = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/**
 * The three HTTP date formats (RFC 9110 §5.6.7), strictly: `Date.parse` would also take "1",
 * "-5" or "2026" as dates. A two-digit RFC 850 year more than 50 years after `now`'s is taken
 * as last century's.
 */
export function parseHttpDate(value: string, now: number): number | null {
  const fields = dateFields(value);
  if (fields === null) return null;
  const [day, monthName, yearText, h, m, s] = fields;
  const month = MONTHS.indexOf(monthName.toLowerCase());
  let year = Number(yearText);
  if (yearText.length === 2) {
    year += 2000;
    if (year > new Date(now).getUTCFullYear() + 50) year -= 100;
  }
  const [d, hh, mm, ss] = [Number(day), Number(h), Number(m), Number(s)];
  if (month === -1 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 60) return null;
  // A leap second (:60) is read as :59.
  const time = Date.UTC(year, month, d, hh, mm, Math.min(ss, 59));
  // 31 Feb and the like roll over in Date.UTC: refuse them rather than read another day.
  return new Date(time).getUTCDate() === d ? time : null;
}

type DateFields = [day: string, month: string, year: string, hours: string, minutes: string, seconds: string];

function dateFields(value: string): DateFields | null {
  const imf = IMF_FIXDATE.exec(value) ?? RFC_850.exec(value);
  if (imf) return [imf[1]!, imf[2]!, imf[3]!, imf[4]!, imf[5]!, imf[6]!];
  const asc = ASCTIME.exec(value);
  if (asc) return [asc[2]!.trim(), asc[1]!, asc[6]!, asc[3]!, asc[4]!, asc[5]!];
  return null;
}
