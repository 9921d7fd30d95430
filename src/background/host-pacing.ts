/**
 * Per-host pacing. Two things, both keyed by host name (`dps.psx.com.pk`):
 *
 * - A persisted record of hosts that answered HTTP 429, and until when. A 429 on one route of
 *   a host (the market watch, say) holds back every route of that host (the home page, the
 *   series, the symbols) until then, in this cycle and, once the caller has stored the record,
 *   in the next ones. Pure functions over a plain object, so it goes into storage as it is.
 * - Within one cycle, a minimum spacing between requests to the same host (HOST_SPACING_MS),
 *   applied by fetchText through the RequestGate seam.
 */
import { defineItem } from '../shared/storage/item';
import type { RequestGate } from '../sources/http';

/** Host name → the time (epoch ms) before which it is not asked. Plain, JSON-safe. */
export type HostPacingState = Readonly<Record<string, number>>;

/**
 * Requests of one cycle to one host start at least this far apart. A cycle asks the portal
 * for up to four things (home page, market watch, a series, the directory) and a news site for
 * up to twelve feeds, all at once; 250 ms turns such a burst into at most 4 requests a second
 * per host, the pace of a person clicking through the site, well clear of per-second rate
 * limits, while costing the largest burst (twelve feeds on one host) under 3 s of a cycle that
 * has 30 s before the browser may stop the worker.
 */
export const HOST_SPACING_MS = 250;

/**
 * The longest a host is held back for. A host-wide hold stops the quotes, so it is bounded by
 * the quotes' cap (30 min); a source that was told to wait longer keeps its own, longer,
 * bounded backoff. A stored time further ahead than this is not believed (clock moved back,
 * or written by a bad clock) and the host counts as free.
 */
export const HOST_WAIT_MAX_MS = 30 * 60_000;

/** A 429 with no usable `Retry-After` holds the host back this long: one quotes period. */
export const HOST_DEFAULT_WAIT_MS = 60_000;

/** The host a URL is paced by: its lower-case host name, without port; null if not a URL. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    // Not a URL: nothing was or will be fetched from it, so there is no host to pace.
    return null;
  }
}

/** The record with `host` held back until `until` (or later, if it already was). */
export function recordHostRateLimit(state: HostPacingState, host: string, until: number): HostPacingState {
  if (!Number.isFinite(until)) return state;
  const previous = state[host];
  if (previous !== undefined && previous >= until) return state;
  return { ...state, [host]: until };
}

/** When `host` may be asked again, or null when it may be now (or its record is unbelievable). */
export function hostHeldUntil(state: HostPacingState, host: string, now: number): number | null {
  const until = state[host];
  if (until === undefined || !Number.isFinite(until) || until <= now || until - now > HOST_WAIT_MAX_MS) return null;
  return until;
}

/** Free to ask `host` at `now`. */
export function hostFree(state: HostPacingState, host: string, now: number): boolean {
  return hostHeldUntil(state, host, now) === null;
}

/** At most this many hosts are kept (the portal, the fallback, twelve feeds' sites, and room). */
export const MAX_PACED_HOSTS = 32;

/**
 * The shape check for a stored value, with no clock: host names with finite times, at most
 * MAX_PACED_HOSTS of them (the latest holds kept); anything else becomes an empty record. A
 * storage item can use this as its validator.
 */
export function normaliseHostPacing(raw: unknown): HostPacingState {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const entries = Object.entries(raw as Record<string, unknown>).filter(
    (e): e is [string, number] => e[0] !== '' && e[0].length <= 253 && typeof e[1] === 'number' && Number.isFinite(e[1]),
  );
  entries.sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(entries.slice(0, MAX_PACED_HOSTS));
}

/** What is worth storing at `now`: only hosts still held back, with believable times. */
export function pruneHostPacing(raw: unknown, now: number): HostPacingState {
  const out: Record<string, number> = {};
  for (const [host, until] of Object.entries(normaliseHostPacing(raw))) {
    if (hostHeldUntil({ [host]: until }, host, now) !== null) out[host] = until;
  }
  return out;
}

/** The record between cycles: which hosts answered 429 and until when. Background-only data. */
export const hostPacingItem = defineItem<HostPacingState>({
  area: 'local',
  key: 'hostPacing',
  version: 1,
  normalise: normaliseHostPacing,
});

export interface CyclePacer extends RequestGate {
  /** The record as it stands, pruned: what the caller stores at the end of the cycle. */
  state(): HostPacingState;
}

export interface CyclePacerOptions {
  now?: () => number;
  spacingMs?: number;
  /** Injected in tests; defaults to a timer. */
  wait?: (ms: number) => Promise<void>;
}

const timerWait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One cycle's gate: starts from the stored record, spaces requests to each host, and adds the
 * 429s it sees. Create one per cycle, pass it to every fetch as `gate`, store `state()` after.
 */
export function createCyclePacer(stored: unknown, options: CyclePacerOptions = {}): CyclePacer {
  const { now = Date.now, spacingMs = HOST_SPACING_MS, wait = timerWait } = options;
  let record = pruneHostPacing(stored, now());
  const nextSlot = new Map<string, number>();
  const held = (host: string): { free: false; until: number } | null => {
    const until = hostHeldUntil(record, host, now());
    return until === null ? null : { free: false, until };
  };
  return {
    async admit(host) {
      const before = held(host);
      if (before) return before;
      // Slots are taken synchronously, so requests started together queue up in order.
      const t = now();
      const slot = Math.max(t, nextSlot.get(host) ?? t);
      nextSlot.set(host, slot + spacingMs);
      if (slot > t) await wait(slot - t);
      // A request ahead in the queue may have been answered with a 429 meanwhile.
      return held(host) ?? { free: true };
    },
    rateLimited(host, until) {
      const t = now();
      const bounded = Math.min(t + HOST_WAIT_MAX_MS, Math.max(t, until ?? t + HOST_DEFAULT_WAIT_MS));
      // A 429 that asked for no wait at all still holds the host for the default.
      record = recordHostRateLimit(record, host, bounded > t ? bounded : t + HOST_DEFAULT_WAIT_MS);
    },
    state: () => pruneHostPacing(record, now()),
  };
}
