import { describe, expect, it } from 'vitest';
import { backoffDelay, boundRetryAt, JITTER, type BackoffPolicy } from '../../../src/background/backoff';
import { mayAsk, neverFetched, recordFailure, recordSuccess } from '../../../src/background/source-status';
import type { SourceError, SourceStatus } from '../../../src/shared/model';

const MINUTE = 60_000;
// The quotes policy at the default 60 s period: 1 min doubling up to 30 min.
const QUOTES: BackoffPolicy = { baseMs: MINUTE, maxMs: 30 * MINUTE };
const FEEDS: BackoffPolicy = { baseMs: 10 * MINUTE, maxMs: 6 * 60 * MINUTE };
const fixed = (value: number) => (): number => value;

describe('backoffDelay', () => {
  it('jitters by 20 %', () => {
    expect(JITTER).toBe(0.2);
  });

  it.each<[number, number, number]>([
    // random 0.5 is no jitter: base × 2^(n−1), capped
    [0.5, 1, MINUTE],
    [0.5, 2, 2 * MINUTE],
    [0.5, 3, 4 * MINUTE],
    [0.5, 4, 8 * MINUTE],
    [0.5, 5, 16 * MINUTE],
    [0.5, 6, 30 * MINUTE],
    [0.5, 7, 30 * MINUTE],
    // random 0 is −20 %
    [0, 1, 0.8 * MINUTE],
    [0, 2, 1.6 * MINUTE],
    [0, 5, 12.8 * MINUTE],
    [0, 6, 24 * MINUTE],
    [0, 20, 24 * MINUTE],
    // random 1 is +20 %, but never past the cap
    [1, 1, 1.2 * MINUTE],
    [1, 2, 2.4 * MINUTE],
    [1, 5, 19.2 * MINUTE],
    [1, 6, 30 * MINUTE],
    // no failure yet, or a nonsense count: the base
    [0.5, 0, MINUTE],
    [0.5, -3, MINUTE],
    [0, 0, 0.8 * MINUTE],
  ])('random %d, %d failures → %d ms', (random, failures, expected) => {
    expect(backoffDelay(failures, QUOTES, fixed(random))).toBe(expected);
  });

  it.each<[number]>([[31], [1_000], [1e9], [Number.MAX_SAFE_INTEGER], [Number.MAX_VALUE], [Infinity]])(
    '%d failures stay finite and at the cap',
    (failures) => {
      for (const random of [0, 0.5, 1]) {
        const delay = backoffDelay(failures, QUOTES, fixed(random));
        expect(Number.isFinite(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0.8 * QUOTES.maxMs);
        expect(delay).toBeLessThanOrEqual(QUOTES.maxMs);
      }
    },
  );

  it('stays within ±20 % of the doubled delay, at least 80 % of base, at most the cap', () => {
    const problems: string[] = [];
    for (const policy of [QUOTES, FEEDS, { baseMs: 30_000, maxMs: 30 * MINUTE }]) {
      for (let failures = 1; failures <= 40; failures++) {
        const raw = Math.min(policy.maxMs, policy.baseMs * 2 ** (failures - 1));
        for (const random of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999, 1]) {
          const delay = backoffDelay(failures, policy, fixed(random));
          const low = Math.max(policy.baseMs * 0.8, raw * 0.8);
          const high = Math.min(policy.maxMs, raw * 1.2);
          if (delay < Math.floor(low) || delay > Math.ceil(high) || !Number.isInteger(delay)) {
            problems.push(`${JSON.stringify(policy)} n=${failures} r=${random}: ${delay}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('never shrinks as failures add up (same random draw)', () => {
    for (const random of [0, 0.5, 1]) {
      const delays = Array.from({ length: 40 }, (_, i) => backoffDelay(i + 1, QUOTES, fixed(random)));
      for (const [i, delay] of delays.entries()) {
        if (i > 0) expect(delay).toBeGreaterThanOrEqual(delays[i - 1]!);
      }
    }
  });
});

describe('recordFailure, recordSuccess and mayAsk', () => {
  const t0 = Date.UTC(2026, 9, 14, 6, 0); // Wed 11:00 PKT
  const failure = (at: number, retryAt?: number): SourceError => ({
    kind: 'server',
    detail: 'HTTP 503',
    at,
    ...(retryAt !== undefined ? { retryAt } : {}),
  });

  it('a first failure counts one, keeps the data time and backs off by the base', () => {
    const lastOk = t0 - 5 * MINUTE;
    const previous = recordSuccess(undefined, lastOk);
    expect(recordFailure(previous, failure(t0), QUOTES, fixed(0.5))).toEqual<SourceStatus>({
      state: 'failing',
      attemptedAt: t0,
      lastOk,
      lastError: failure(t0),
      failingSince: t0,
      failures: 1,
      nextTry: t0 + MINUTE,
    });
  });

  it('remembers when a run of failures began, and forgets it on success', () => {
    const first = recordFailure(recordSuccess(undefined, t0 - MINUTE), failure(t0), QUOTES, fixed(0.5));
    const third = recordFailure(recordFailure(first, failure(t0 + MINUTE), QUOTES, fixed(0.5)), failure(t0 + 3 * MINUTE), QUOTES, fixed(0.5));
    expect(third.failingSince).toBe(t0);
    expect(recordSuccess(third, t0 + 10 * MINUTE).failingSince).toBeUndefined();
  });

  it('failures count up and the wait doubles', () => {
    let status: SourceStatus | undefined;
    const seen: [number, number | null][] = [];
    for (let i = 0; i < 4; i++) {
      const at = t0 + i * 10 * MINUTE;
      status = recordFailure(status, failure(at), QUOTES, fixed(0.5));
      seen.push([status.failures, status.nextTry === null ? null : status.nextTry - at]);
    }
    expect(seen).toEqual([
      [1, MINUTE],
      [2, 2 * MINUTE],
      [3, 4 * MINUTE],
      [4, 8 * MINUTE],
    ]);
    expect(status?.lastOk).toBe(null);
  });

  it('a success clears the failures, the error and the backoff', () => {
    const failing = recordFailure(recordFailure(undefined, failure(t0), QUOTES, fixed(0.5)), failure(t0 + MINUTE), QUOTES, fixed(0.5));
    const at = t0 + 10 * MINUTE;
    expect(recordSuccess(failing, at)).toEqual<SourceStatus>({
      state: 'ok',
      attemptedAt: at,
      lastOk: at,
      lastError: null,
      failures: 0,
      nextTry: null,
    });
    // and the next failure starts counting from one again
    expect(recordFailure(recordSuccess(failing, at), failure(at + MINUTE), QUOTES, fixed(0.5)).failures).toBe(1);
  });

  it('a success with no history is a fresh status', () => {
    expect(recordSuccess(undefined, t0)).toEqual({ ...neverFetched(), attemptedAt: t0, lastOk: t0 });
  });

  it.each<[string, number | undefined, number]>([
    ['no Retry-After: the backoff', undefined, t0 + MINUTE],
    ['a Retry-After later than the backoff wins', t0 + 10 * MINUTE, t0 + 10 * MINUTE],
    ['a Retry-After earlier than the backoff does not', t0 + 10_000, t0 + MINUTE],
    ['a Retry-After in the past does not', t0 - MINUTE, t0 + MINUTE],
    ['a Retry-After equal to the backoff', t0 + MINUTE, t0 + MINUTE],
  ])('%s', (_name, retryAt, expected) => {
    expect(recordFailure(undefined, failure(t0, retryAt), QUOTES, fixed(0.5)).nextTry).toBe(expected);
  });

  it.each<[string, SourceStatus | undefined, number, boolean]>([
    ['no status', undefined, t0, true],
    ['never fetched', neverFetched(), t0, true],
    ['after a success', recordSuccess(undefined, t0 - MINUTE), t0, true],
    ['before the backoff ends', { ...neverFetched(), state: 'failing', failures: 1, nextTry: t0 + 1 }, t0, false],
    ['exactly when the backoff ends', { ...neverFetched(), state: 'failing', failures: 1, nextTry: t0 }, t0, true],
    ['after the backoff ends', { ...neverFetched(), state: 'failing', failures: 1, nextTry: t0 - 1 }, t0, true],
  ])('mayAsk: %s → %s', (_name, status, now, expected) => {
    expect(mayAsk(status, now)).toBe(expected);
  });

  it('a failure may not be retried before its backoff, and may be after', () => {
    const status = recordFailure(undefined, failure(t0), QUOTES, fixed(0.5));
    expect([mayAsk(status, t0), mayAsk(status, t0 + MINUTE - 1), mayAsk(status, t0 + MINUTE)]).toEqual([false, false, true]);
  });
});

describe('boundRetryAt', () => {
  const t0 = Date.UTC(2026, 9, 14, 6, 0);
  it.each<[string, number | null | undefined, BackoffPolicy, number | null]>([
    ['absent', undefined, QUOTES, null],
    ['null', null, QUOTES, null],
    ['NaN (garbage)', Number.NaN, QUOTES, null],
    ['within the cap', t0 + 10 * MINUTE, QUOTES, t0 + 10 * MINUTE],
    ['at the cap', t0 + 30 * MINUTE, QUOTES, t0 + 30 * MINUTE],
    ['past the quotes cap', t0 + 31 * MINUTE, QUOTES, t0 + 30 * MINUTE],
    ['past the quotes cap, within the feeds cap', t0 + 2 * 60 * MINUTE, FEEDS, t0 + 2 * 60 * MINUTE],
    ['a far-future date', Date.UTC(9999, 11, 31), FEEDS, t0 + 6 * 60 * MINUTE],
    ['a delay read as seconds that was milliseconds', t0 + 1_800_000 * 1000, QUOTES, t0 + 30 * MINUTE],
    ['Infinity', Infinity, QUOTES, t0 + 30 * MINUTE],
    ['before the failure', t0 - MINUTE, QUOTES, t0],
    ['negative', -5, QUOTES, t0],
    ['-Infinity', -Infinity, QUOTES, t0],
  ])('%s', (_name, retryAt, policy, expected) => {
    expect(boundRetryAt(retryAt, t0, policy)).toBe(expected);
  });

  it('recordFailure never waits past the cap, whatever the server asked', () => {
    for (const retryAt of [t0 + 31 * MINUTE, t0 + 365 * 24 * 60 * MINUTE, Number.MAX_VALUE, Infinity]) {
      const status = recordFailure(undefined, { kind: 'rate-limited', detail: 'HTTP 429', at: t0, retryAt }, QUOTES, fixed(0.5));
      expect(status.nextTry).toBe(t0 + QUOTES.maxMs);
    }
  });

  it('mayAsk with the policy does not obey a wait longer than its cap', () => {
    const status: SourceStatus = { ...neverFetched(), state: 'failing', attemptedAt: t0, failures: 1, nextTry: t0 + 60 * MINUTE };
    expect([mayAsk(status, t0, FEEDS), mayAsk(status, t0, QUOTES)]).toEqual([false, true]);
  });
});
