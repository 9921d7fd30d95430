import { describe, expect, it } from 'vitest';
import {
  EDGE_PERIOD_MS,
  HOLIDAY_CHECK_MS,
  MIN_WAKE_MS,
  nextWake,
  periodicDueAt,
  portalDueAt,
  PRE_SESSION_CHECK_MS,
  withBackoff,
  type QuotesClock,
} from '../../../src/background/schedule';
import type { MarketView } from '../../../src/shared/market-view';
import type { MarketPhase, SourceStatus } from '../../../src/shared/model';

// PKT is UTC+5. 2026-10-14 is a Wednesday, 2026-10-16 a Friday, 2026-10-19 a Monday.
const MINUTE = 60_000;
const WED_1100 = Date.UTC(2026, 9, 14, 6, 0); // Wed 11:00 PKT

const attempted = (attemptedAt: number | null, nextTry: number | null = null): SourceStatus => ({
  state: 'ok',
  attemptedAt,
  lastOk: attemptedAt,
  lastError: null,
  failures: 0,
  nextTry,
});

const clock = (phase: MarketPhase, options: Partial<Omit<QuotesClock, 'view'>> & { unscheduledClose?: boolean } = {}): QuotesClock => {
  const view: MarketView = { phase, basis: 'board', unscheduledClose: options.unscheduledClose ?? false, label: null };
  return { view, closingQuotesHeld: options.closingQuotesHeld ?? true, quotesPeriodMs: options.quotesPeriodMs ?? MINUTE, quotesNextTry: null };
};

describe('schedule constants', () => {
  it('are 2 min at the edges, 15 min before a session and on a holiday, 30 s between wakes', () => {
    expect([EDGE_PERIOD_MS, PRE_SESSION_CHECK_MS, HOLIDAY_CHECK_MS, MIN_WAKE_MS]).toEqual([2 * MINUTE, 15 * MINUTE, 15 * MINUTE, 30_000]);
  });
});

describe('portalDueAt while the market trades or is about to', () => {
  const now = WED_1100;
  const last = now - 20_000;
  it.each<[string, QuotesClock, number]>([
    ['open: the quote period (60 s)', clock('open'), last + MINUTE],
    ['open: the quote period (30 s)', clock('open', { quotesPeriodMs: 30_000 }), last + 30_000],
    ['open: the quote period (5 min)', clock('open', { quotesPeriodMs: 5 * MINUTE }), last + 5 * MINUTE],
    ['unknown: treated like open', clock('unknown'), last + MINUTE],
    ['pre-open: every 2 min', clock('pre-open'), last + 2 * MINUTE],
    ['post-close: every 2 min', clock('post-close'), last + 2 * MINUTE],
    ['pre-open ignores the quote period', clock('pre-open', { quotesPeriodMs: 30_000 }), last + 2 * MINUTE],
  ])('%s', (_name, quotesClock, expected) => {
    expect(portalDueAt(attempted(last), quotesClock, now)).toBe(expected);
  });
});

describe('portalDueAt while closed', () => {
  it.each<[string, QuotesClock, number, number, number]>([
    [
      'closing quotes not yet held: now',
      clock('closed', { closingQuotesHeld: false }),
      Date.UTC(2026, 9, 14, 10, 46), // Wed 15:46 PKT
      Date.UTC(2026, 9, 14, 10, 45, 30), // Wed 15:45:30 PKT
      Date.UTC(2026, 9, 14, 10, 46),
    ],
    [
      'a holiday: every 15 min after the last attempt',
      clock('closed', { unscheduledClose: true }),
      WED_1100,
      WED_1100 - 2 * MINUTE,
      WED_1100 + 13 * MINUTE,
    ],
    [
      'the evening: 15 min before the next session',
      clock('closed'),
      Date.UTC(2026, 9, 14, 15, 0), // Wed 20:00 PKT
      Date.UTC(2026, 9, 14, 14, 59), // Wed 19:59 PKT
      Date.UTC(2026, 9, 15, 4, 0), // Thu 09:00 PKT
    ],
    [
      'checked before the session already: the session start',
      clock('closed'),
      Date.UTC(2026, 9, 15, 4, 5), // Thu 09:05 PKT
      Date.UTC(2026, 9, 15, 4, 1), // Thu 09:01 PKT
      Date.UTC(2026, 9, 15, 4, 15), // Thu 09:15 PKT
    ],
    [
      'the pre-session check missed (worker asleep): the check time, already due',
      clock('closed'),
      Date.UTC(2026, 9, 15, 4, 5), // Thu 09:05 PKT
      Date.UTC(2026, 9, 14, 15, 0), // Wed 20:00 PKT
      Date.UTC(2026, 9, 15, 4, 0), // Thu 09:00 PKT
    ],
    [
      'the last attempt exactly at the check time: the session start',
      clock('closed'),
      Date.UTC(2026, 9, 15, 4, 5), // Thu 09:05 PKT
      Date.UTC(2026, 9, 15, 4, 0), // Thu 09:00 PKT
      Date.UTC(2026, 9, 15, 4, 15), // Thu 09:15 PKT
    ],
    [
      'Friday break: 15 min before the afternoon session',
      clock('closed'),
      Date.UTC(2026, 9, 16, 7, 30), // Fri 12:30 PKT
      Date.UTC(2026, 9, 16, 7, 5), // Fri 12:05 PKT
      Date.UTC(2026, 9, 16, 9, 15), // Fri 14:15 PKT
    ],
    [
      'Friday break, checked already: the afternoon session start',
      clock('closed'),
      Date.UTC(2026, 9, 16, 9, 20), // Fri 14:20 PKT
      Date.UTC(2026, 9, 16, 9, 16), // Fri 14:16 PKT
      Date.UTC(2026, 9, 16, 9, 30), // Fri 14:30 PKT
    ],
    [
      'Friday evening: 15 min before Monday',
      clock('closed'),
      Date.UTC(2026, 9, 16, 12, 0), // Fri 17:00 PKT
      Date.UTC(2026, 9, 16, 11, 50), // Fri 16:50 PKT
      Date.UTC(2026, 9, 19, 4, 0), // Mon 09:00 PKT
    ],
  ])('%s', (_name, quotesClock, now, last, expected) => {
    expect(portalDueAt(attempted(last), quotesClock, now)).toBe(expected);
  });
});

describe('portalDueAt without a usable last attempt', () => {
  const now = WED_1100;
  const phases: QuotesClock[] = [
    clock('open'),
    clock('pre-open'),
    clock('post-close'),
    clock('closed'),
    clock('closed', { unscheduledClose: true }),
  ];
  it.each<[string, SourceStatus | undefined]>([
    ['no health at all', undefined],
    ['never attempted', attempted(null)],
    ['an attempt stamped in the future (clock moved back)', attempted(now + 10 * MINUTE)],
  ])('%s: due now in every phase', (_name, health) => {
    for (const quotesClock of phases) {
      expect(portalDueAt(health, quotesClock, now), quotesClock.view.phase).toBe(now);
    }
  });
});

describe('periodicDueAt', () => {
  const now = WED_1100;
  it.each<[string, SourceStatus | undefined, number]>([
    ['never attempted: now', undefined, now],
    ['attemptedAt null: now', attempted(null), now],
    ['attempted 3 min ago: 10 min after that', attempted(now - 3 * MINUTE), now + 7 * MINUTE],
    ['attempted long ago: overdue', attempted(now - 60 * MINUTE), now - 50 * MINUTE],
    ['attempted in the future: now', attempted(now + MINUTE), now],
  ])('%s', (_name, health, expected) => {
    expect(periodicDueAt(health, 10 * MINUTE, now)).toBe(expected);
  });
});

describe('withBackoff', () => {
  const due = WED_1100;
  it.each<[string, SourceStatus | undefined, number]>([
    ['no health', undefined, due],
    ['no backoff', attempted(due - MINUTE, null), due],
    ['a backoff that ends later wins', attempted(due - MINUTE, due + 5 * MINUTE), due + 5 * MINUTE],
    ['a backoff that ended earlier does not', attempted(due - MINUTE, due - 30_000), due],
    ['a backoff ending exactly at the due time', attempted(due - MINUTE, due), due],
  ])('%s', (_name, health, expected) => {
    expect(withBackoff(due, health)).toBe(expected);
  });
});

describe('nextWake', () => {
  const now = WED_1100;
  it.each<[string, number[], number]>([
    ['everything overdue: 30 s from now', [now - MINUTE, now - 5 * MINUTE], now + 30_000],
    ['due now: 30 s from now', [now], now + 30_000],
    ['due in 10 s: still 30 s from now', [now + 10_000], now + 30_000],
    ['due in exactly 30 s', [now + 30_000], now + 30_000],
    ['the earliest of several', [now + 10 * MINUTE, now + 2 * MINUTE, now + 60 * MINUTE], now + 2 * MINUTE],
    ['one far-off time', [now + 24 * 60 * MINUTE], now + 24 * 60 * MINUTE],
  ])('%s', (_name, dueTimes, expected) => {
    expect(nextWake(dueTimes, now)).toBe(expected);
  });
});
