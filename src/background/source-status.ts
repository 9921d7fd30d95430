/** Bookkeeping for one source after an attempt: success clears the error, failure keeps data. */
import type { SourceError, SourceStatus } from '../shared/model';

export const neverFetched = (): SourceStatus => ({ attemptedAt: null, fetchedAt: null, lastError: null });

export function recordSuccess(previous: SourceStatus | undefined, at: number): SourceStatus {
  return { ...(previous ?? neverFetched()), attemptedAt: at, fetchedAt: at, lastError: null };
}

export function recordFailure(previous: SourceStatus | undefined, error: SourceError): SourceStatus {
  return { ...(previous ?? neverFetched()), attemptedAt: error.at, lastError: error };
}
