/**
 * Bookkeeping for one source after an attempt: a success clears the error and the backoff; a
 * failure keeps the data, counts the failure and sets when the source may be asked again.
 */
import type { SourceError, SourceStatus } from '../shared/model';
import { backoffDelay, type BackoffPolicy } from './backoff';

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
  // A server's own Retry-After is obeyed even when it asks for longer than our backoff would.
  const nextTry = Math.max(delayed, error.retryAt ?? 0);
  const failingSince = base.state === 'failing' && base.failingSince !== undefined ? base.failingSince : error.at;
  return { ...base, state: 'failing', attemptedAt: error.at, lastError: error, failingSince, failures, nextTry };
}

/** Free to ask: never failed, or the backoff has run out. */
export function mayAsk(status: SourceStatus | undefined, now: number): boolean {
  return status?.nextTry == null || now >= status.nextTry;
}
