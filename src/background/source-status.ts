/**
 * Bookkeeping for one source after an attempt: a success clears the error and the backoff; a
 * failure keeps the data, counts the failure and sets when the source may be asked again.
 *
 * Every wait is bounded by the source's policy: a `Retry-After` past the cap is clamped to it
 * when the failure is recorded, and a stored `nextTry` that could not have been written by this
 * clock (further ahead than the cap, or after a failure dated in our future: the clock was
 * ahead then and has been put right) is not obeyed, so the next cycle asks again.
 */
import type { SourceError, SourceId, SourceStatus } from '../shared/model';
import type { Settings } from '../shared/settings';
import { backoffDelay, boundRetryAt, type BackoffPolicy } from './backoff';
import { LONGEST_WAIT_MS, policyFor } from './policies';

/**
 * How far in our future a failure may be dated before its record is distrusted. Small clock
 * slews (NTP) do not void a server's Retry-After; a clock put back by minutes or more does.
 */
export const CLOCK_SLACK_MS = 60_000;

export const neverFetched = (): SourceStatus => ({
  state: 'ok',
  attemptedAt: null,
  lastOk: null,
  lastError: null,
  failures: 0,
  nextTry: null,
});

export function recordSuccess(previous: SourceStatus | undefined, at: number): SourceStatus {
  const { failingSince: _ended, ...rest } = previous ?? neverFetched();
  return { ...rest, state: 'ok', attemptedAt: at, lastOk: at, lastError: null, failures: 0, nextTry: null };
}

export function recordFailure(
  previous: SourceStatus | undefined,
  error: SourceError,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): SourceStatus {
  const base = { ...neverFetched(), ...previous };
  const failures = base.failures + 1;
  const delayed = error.at + backoffDelay(failures, policy, random);
  // A server's own Retry-After is obeyed when it asks for longer than our backoff would, up to
  // the policy's cap; what is stored is the bounded time, so storage never holds a wait longer
  // than the cap.
  const { retryAt: _asked, ...plain } = error;
  const retryAt = boundRetryAt(error.retryAt, error.at, policy);
  const lastError: SourceError = retryAt === null ? plain : { ...plain, retryAt };
  const nextTry = Math.max(delayed, retryAt ?? 0);
  const failingSince = base.state === 'failing' && base.failingSince !== undefined ? base.failingSince : error.at;
  return { ...base, state: 'failing', attemptedAt: error.at, lastError, failingSince, failures, nextTry };
}

/**
 * The stored `nextTry` if it can be believed at `now`, else null (free to ask). Not believed:
 * not a finite number; further ahead than `maxMs` (the source's cap; by default the longest cap
 * of any source), which no failure recorded by this clock can produce; or set by a failure
 * dated more than CLOCK_SLACK_MS in the future, which means the clock has been moved back
 * since, and the wait it set would be longer than the one granted.
 */
export function validNextTry(status: SourceStatus | undefined, now: number, maxMs: number = LONGEST_WAIT_MS): number | null {
  const next = status?.nextTry;
  if (next == null || !Number.isFinite(next)) return null;
  if (next - now > maxMs) return null;
  const attempted = status?.attemptedAt;
  if (attempted != null && attempted - now > CLOCK_SLACK_MS) return null;
  return next;
}

/**
 * Free to ask: never failed, the backoff has run out, or the backoff cannot be believed (see
 * validNextTry). Pass the source's policy to bound it by that source's cap; without one, the
 * longest cap of any source applies.
 */
export function mayAsk(status: SourceStatus | undefined, now: number, policy?: BackoffPolicy): boolean {
  const next = validNextTry(status, now, policy?.maxMs);
  return next === null || now >= next;
}

/**
 * The status with an unbelievable `nextTry` cleared (everything else kept: the failures still
 * count towards the fallback). Meant for the start of a cycle, so the schedule, `mayAsk` and
 * whatever is written back all see the same bounded wait.
 */
export function boundStatus(status: SourceStatus, now: number, policy: BackoffPolicy): SourceStatus {
  if (status.nextTry === null || validNextTry(status, now, policy.maxMs) !== null) return status;
  return { ...status, nextTry: null };
}

/** boundStatus for every source of a snapshot, each by its own policy. Returns a new record. */
export function boundSources(
  sources: Partial<Record<SourceId, SourceStatus>>,
  settings: Settings,
  now: number,
): Partial<Record<SourceId, SourceStatus>> {
  const out: Partial<Record<SourceId, SourceStatus>> = {};
  for (const [id, status] of Object.entries(sources) as [SourceId, SourceStatus | undefined][]) {
    if (status !== undefined) out[id] = boundStatus(status, now, policyFor(id, settings));
  }
  return out;
}
