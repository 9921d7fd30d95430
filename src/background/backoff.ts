/**
 * Exponential backoff with jitter: after the n-th failure in a row a source waits its normal
 * period × 2^(n−1), capped, ±20 % so that many browsers do not retry the portal in step.
 */

export interface BackoffPolicy {
  /** The source's normal period: the first retry comes no sooner than this. */
  baseMs: number;
  /** The longest wait: 30 min for quotes, 6 h for feeds. */
  maxMs: number;
}

export const JITTER = 0.2;

export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  const raw = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const jitter = 1 - JITTER + 2 * JITTER * random();
  return Math.round(Math.min(policy.maxMs, Math.max(policy.baseMs * (1 - JITTER), raw * jitter)));
}

/**
 * When a server asked us to come back (`Retry-After`), kept within the policy: never before the
 * failure, never past its cap. A date years ahead, a delay written in milliseconds, a clock
 * that was ahead: all become the cap, so no answer can switch a source off for good. Null when
 * there is no time to keep (absent, or not a number).
 */
export function boundRetryAt(retryAt: number | null | undefined, at: number, policy: BackoffPolicy): number | null {
  if (retryAt == null || Number.isNaN(retryAt)) return null;
  return Math.min(at + policy.maxMs, Math.max(at, retryAt));
}
