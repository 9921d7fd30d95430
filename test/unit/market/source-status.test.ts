/**
 * Bounded waits (issue 10): no answer and no stored time can switch a source off for longer
 * than its policy's cap, and a clock put right recovers on the next cycle. From the header as
 * the server sent it, through the SourceError, to the stored status and `mayAsk`.
 */
import { describe, expect, it } from 'vitest';
import type { BackoffPolicy } from '../../../src/background/backoff';
import {
  FEEDS_MAX_WAIT_MS,
  feedsPolicy,
  LONGEST_WAIT_MS,
  policyFor,
  QUOTES_MAX_WAIT_MS,
  quotesPolicy,
  SERIES_POLICY,
  SYMBOLS_POLICY,
} from '../../../src/background/policies';
import {
  boundSources,
  boundStatus,
  CLOCK_SLACK_MS,
  mayAsk,
  neverFetched,
  recordFailure,
  validNextTry,
} from '../../../src/background/source-status';
import type { SourceId, SourceStatus } from '../../../src/shared/model';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { httpError, MAX_RETRY_AFTER_MS } from '../../../src/sources/http';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
const T0 = Date.UTC(2026, 9, 14, 6, 0); // Wed 11:00 PKT
const noJitter = (): number => 0.5;

const settings = { ...DEFAULT_SETTINGS, quotesPeriodSec: 60, feedsPeriodMin: 10 };
const POLICIES: [string, BackoffPolicy][] = [
  ['quotes', quotesPolicy(settings)],
  ['feeds', feedsPolicy(settings)],
  ['series', SERIES_POLICY],
  ['symbols', SYMBOLS_POLICY],
];

describe('the caps', () => {
  it('are 30 min for quotes and series, 6 h for feeds, a day for the directory', () => {
    expect(POLICIES.map(([name, p]) => [name, p.maxMs])).toEqual([
      ['quotes', 30 * MINUTE],
      ['feeds', 6 * HOUR],
      ['series', 30 * MINUTE],
      ['symbols', DAY],
    ]);
  });

  it('the longest is a day, and the http layer reads Retry-After no further', () => {
    expect(LONGEST_WAIT_MS).toBe(DAY);
    expect(MAX_RETRY_AFTER_MS).toBe(LONGEST_WAIT_MS);
  });

  it.each<[SourceId, number]>([
    ['psx-home', QUOTES_MAX_WAIT_MS],
    ['psx-quotes', QUOTES_MAX_WAIT_MS],
    ['psx-terminal', QUOTES_MAX_WAIT_MS],
    ['psx-series', SERIES_POLICY.maxMs],
    ['psx-symbols', SYMBOLS_POLICY.maxMs],
    ['feed:world', FEEDS_MAX_WAIT_MS],
    ['feed:user-abc', FEEDS_MAX_WAIT_MS],
  ])('policyFor(%s) caps at %d ms', (id, maxMs) => {
    expect(policyFor(id, settings).maxMs).toBe(maxMs);
  });
});

describe('a 429 with a hostile or broken Retry-After waits at most the cap', () => {
  // [name, header, wait per policy: quotes, feeds, series, symbols]
  const CASES: [string, string, [number, number, number, number]][] = [
    // obeyed when sane and longer than the backoff (bases: 1 min, 10 min, 5 min, 1 h)
    ['20 minutes', '1200', [20 * MINUTE, 20 * MINUTE, 20 * MINUTE, HOUR]],
    ['a date 2 h ahead', 'Wed, 14 Oct 2026 08:00:00 GMT', [30 * MINUTE, 2 * HOUR, 30 * MINUTE, 2 * HOUR]],
    // implausible: clamped to each cap
    ['a far-future date', 'Fri, 31 Dec 9999 23:59:59 GMT', [30 * MINUTE, 6 * HOUR, 30 * MINUTE, DAY]],
    ['a delay in milliseconds (1 h as ms)', '3600000', [30 * MINUTE, 6 * HOUR, 30 * MINUTE, DAY]],
    ['10^400 seconds', '1'.padEnd(401, '0'), [30 * MINUTE, 6 * HOUR, 30 * MINUTE, DAY]],
    // not a time: the backoff alone
    ['negative', '-3600', [MINUTE, 10 * MINUTE, 5 * MINUTE, HOUR]],
    ['garbage', 'tomorrow-ish', [MINUTE, 10 * MINUTE, 5 * MINUTE, HOUR]],
    ['a bare number Date.parse takes as a year', '-5', [MINUTE, 10 * MINUTE, 5 * MINUTE, HOUR]],
    ['a date in the past', 'Thu, 01 Jan 1970 00:00:00 GMT', [MINUTE, 10 * MINUTE, 5 * MINUTE, HOUR]],
  ];

  it.each(CASES)('%s (%s)', (_name, header, waits) => {
    const error = httpError(429, header, T0);
    const seen = POLICIES.map(([, policy]) => {
      const status = recordFailure(undefined, error, policy, noJitter);
      return (status.nextTry ?? NaN) - T0;
    });
    expect(seen).toEqual(waits);
  });

  it.each(POLICIES)('%s: after the cap has passed, the source may be asked (Refresh included)', (_name, policy) => {
    const status = recordFailure(undefined, httpError(429, 'Fri, 31 Dec 9999 23:59:59 GMT', T0), policy, noJitter);
    expect([mayAsk(status, T0, policy), mayAsk(status, T0 + policy.maxMs - 1, policy), mayAsk(status, T0 + policy.maxMs, policy)]).toEqual([false, false, true]);
    // what is stored is the bounded time, not the server's
    expect(status.lastError?.retryAt).toBe(T0 + policy.maxMs);
  });

  it('a Retry-After already in the SourceError past the cap is clamped when recorded', () => {
    const error = { kind: 'rate-limited' as const, detail: 'HTTP 429', at: T0, retryAt: T0 + 50 * YEAR };
    expect(recordFailure(undefined, error, quotesPolicy(settings), noJitter).nextTry).toBe(T0 + 30 * MINUTE);
    expect(recordFailure(undefined, { ...error, retryAt: Number.NaN }, quotesPolicy(settings), noJitter)).toMatchObject({
      nextTry: T0 + MINUTE,
      lastError: { kind: 'rate-limited', detail: 'HTTP 429', at: T0 },
    });
    expect(recordFailure(undefined, { ...error, retryAt: Infinity }, quotesPolicy(settings), noJitter).nextTry).toBe(T0 + 30 * MINUTE);
  });
});

describe('a stored nextTry is believed only within the cap and this clock', () => {
  const QUOTES = quotesPolicy(settings);
  const FEEDS = feedsPolicy(settings);
  const failing = (attemptedAt: number | null, nextTry: number | null): SourceStatus => ({
    ...neverFetched(),
    state: 'failing',
    attemptedAt,
    failures: 2,
    nextTry,
  });

  it.each<[string, SourceStatus, number, BackoffPolicy | undefined, boolean]>([
    ['within the backoff', failing(T0 - MINUTE, T0 + 10 * MINUTE), T0, QUOTES, false],
    ['exactly at the cap ahead', failing(T0, T0 + 30 * MINUTE), T0, QUOTES, false],
    ['just past the cap ahead (quotes)', failing(T0, T0 + 30 * MINUTE + 1), T0, QUOTES, true],
    ['2 h ahead: a feed may wait that long', failing(T0, T0 + 2 * HOUR), T0, FEEDS, false],
    ['2 h ahead: quotes may not', failing(T0, T0 + 2 * HOUR), T0, QUOTES, true],
    // written by an older build that obeyed any Retry-After
    ['10 years ahead, no policy given', failing(T0 - MINUTE, T0 + 10 * YEAR), T0, undefined, true],
    ['a day ahead, no policy given', failing(T0, T0 + DAY), T0, undefined, false],
    ['just past a day ahead, no policy given', failing(T0, T0 + DAY + 1), T0, undefined, true],
    // the clock was ahead when the failure was recorded and has been put back since
    ['clock put back a year after a failure', failing(T0 + YEAR, T0 + YEAR + 30 * MINUTE), T0, QUOTES, true],
    ['clock put back a year, no policy given', failing(T0 + YEAR, T0 + YEAR + 30 * MINUTE), T0, undefined, true],
    ['clock put back an hour after a feed failure', failing(T0 + HOUR, T0 + HOUR + 10 * MINUTE), T0, FEEDS, true],
    ['clock put back 10 min after a quotes failure', failing(T0 + 10 * MINUTE, T0 + 20 * MINUTE), T0, QUOTES, true],
    ['clock slewed back 30 s: still obeyed', failing(T0 + 30_000, T0 + 20 * MINUTE), T0, QUOTES, false],
    ['clock back by exactly the slack: still obeyed', failing(T0 + CLOCK_SLACK_MS, T0 + 20 * MINUTE), T0, QUOTES, false],
    // garbage
    ['negative', failing(T0 - MINUTE, -1), T0, QUOTES, true],
    ['NaN', failing(T0 - MINUTE, Number.NaN), T0, QUOTES, true],
    ['Infinity', failing(T0 - MINUTE, Infinity), T0, QUOTES, true],
    ['-Infinity', failing(T0 - MINUTE, -Infinity), T0, QUOTES, true],
    ['no attempt recorded, within the cap', failing(null, T0 + MINUTE), T0, QUOTES, false],
  ])('%s → may ask: %s', (_name, status, now, policy, expected) => {
    expect(mayAsk(status, now, policy)).toBe(expected);
  });

  it('after a clock put right, the next cycle asks; once it fails again, the new backoff holds', () => {
    // Recorded while the clock read a year ahead, with a Retry-After of 20 min.
    const ahead = T0 + YEAR;
    const stale = recordFailure(undefined, httpError(429, '1200', ahead), QUOTES, noJitter);
    expect(mayAsk(stale, ahead, QUOTES)).toBe(false);
    // The clock is corrected: the next cycle may ask.
    expect(mayAsk(stale, T0, QUOTES)).toBe(true);
    const again = recordFailure(stale, httpError(503, null, T0), QUOTES, noJitter);
    expect([again.failures, again.nextTry, mayAsk(again, T0, QUOTES)]).toEqual([2, T0 + 2 * MINUTE, false]);
  });

  it('validNextTry gives the time only when it is believed', () => {
    expect(validNextTry(failing(T0, T0 + MINUTE), T0, QUOTES.maxMs)).toBe(T0 + MINUTE);
    expect(validNextTry(failing(T0, T0 + HOUR), T0, QUOTES.maxMs)).toBeNull();
    expect(validNextTry(undefined, T0)).toBeNull();
    expect(validNextTry(neverFetched(), T0)).toBeNull();
  });
});

describe('boundStatus and boundSources clear what cannot be believed, by each source’s cap', () => {
  const status = (nextTry: number | null, attemptedAt = T0 - MINUTE): SourceStatus => ({
    ...neverFetched(),
    state: 'failing',
    attemptedAt,
    lastError: { kind: 'rate-limited', detail: 'HTTP 429', at: attemptedAt },
    failingSince: attemptedAt,
    failures: 4,
    nextTry,
  });

  it('keeps a believable status as it is (the same object)', () => {
    const s = status(T0 + MINUTE);
    expect(boundStatus(s, T0, quotesPolicy(settings))).toBe(s);
    const ok = neverFetched();
    expect(boundStatus(ok, T0, quotesPolicy(settings))).toBe(ok);
  });

  it('clears only nextTry: the failures still count towards the fallback', () => {
    expect(boundStatus(status(T0 + 10 * YEAR), T0, quotesPolicy(settings))).toEqual({ ...status(T0 + 10 * YEAR), nextTry: null });
  });

  it('judges each source by its own policy', () => {
    const twoHours = status(T0 + 2 * HOUR);
    const sources: Partial<Record<SourceId, SourceStatus>> = {
      'psx-home': twoHours,
      'psx-quotes': status(T0 + 10 * MINUTE),
      'psx-series': twoHours,
      'psx-symbols': twoHours,
      'feed:world': twoHours,
      'feed:latest-news': status(T0 + 7 * HOUR),
      'psx-terminal': status(T0 + 5 * MINUTE, T0 + YEAR),
    };
    const bounded = boundSources(sources, settings, T0);
    expect(Object.fromEntries(Object.entries(bounded).map(([id, s]) => [id, s?.nextTry ?? null]))).toEqual({
      'psx-home': null,
      'psx-quotes': T0 + 10 * MINUTE,
      'psx-series': null,
      'psx-symbols': T0 + 2 * HOUR,
      'feed:world': T0 + 2 * HOUR,
      'feed:latest-news': null,
      'psx-terminal': null,
    });
    // the input is not changed
    expect(sources['psx-home']?.nextTry).toBe(T0 + 2 * HOUR);
  });
});
