import { describe, expect, it } from 'vitest';
import { FEEDS_PERIOD_MS, QUOTES_PERIOD_MS, isDue, wantQuotes, type RefreshReason } from '../../../src/background/due';
import type { MarketPhase, MarketStatus, SourceStatus } from '../../../src/shared/model';

const NOW = Date.UTC(2026, 9, 14, 6, 41, 0);
const attempted = (ago: number): SourceStatus => ({ attemptedAt: NOW - ago, fetchedAt: null, lastError: null });
const NEVER: SourceStatus = { attemptedAt: null, fetchedAt: null, lastError: null };

describe('isDue', () => {
  it('periods', () => {
    expect(QUOTES_PERIOD_MS).toBe(60_000);
    expect(FEEDS_PERIOD_MS).toBe(600_000);
  });

  // Any event other than the alarm wants fresh data at once, however recent the last attempt.
  it.each<[RefreshReason, SourceStatus | undefined]>([
    ['install', attempted(0)],
    ['install', undefined],
    ['startup', attempted(0)],
    ['startup', attempted(1_000)],
    ['user', attempted(0)],
    ['user', attempted(1_000)],
    ['user', NEVER],
  ])('%s is always due (%j)', (reason, status) => {
    expect(isDue(status, QUOTES_PERIOD_MS, NOW, reason)).toBe(true);
  });

  it.each<[string, SourceStatus | undefined, number, boolean]>([
    ['no status at all', undefined, QUOTES_PERIOD_MS, true],
    ['never attempted', NEVER, QUOTES_PERIOD_MS, true],
    ['quotes, just asked', attempted(0), QUOTES_PERIOD_MS, false],
    ['quotes, 30 s ago', attempted(30_000), QUOTES_PERIOD_MS, false],
    ['quotes, 54.999 s ago', attempted(54_999), QUOTES_PERIOD_MS, false],
    ['quotes, 55 s ago (within the 5 s slack)', attempted(55_000), QUOTES_PERIOD_MS, true],
    ['quotes, 60 s ago', attempted(60_000), QUOTES_PERIOD_MS, true],
    ['quotes, an hour ago', attempted(3_600_000), QUOTES_PERIOD_MS, true],
    ['feeds, 60 s ago', attempted(60_000), FEEDS_PERIOD_MS, false],
    ['feeds, 594.999 s ago', attempted(594_999), FEEDS_PERIOD_MS, false],
    ['feeds, 595 s ago (within the slack)', attempted(595_000), FEEDS_PERIOD_MS, true],
    ['feeds, 10 min ago', attempted(600_000), FEEDS_PERIOD_MS, true],
  ])('alarm: %s → %s', (_name, status, period, expected) => {
    expect(isDue(status, period, NOW, 'alarm')).toBe(expected);
  });

  // An attemptedAt in the future (the clock was wrong, then set back) must not stop periodic
  // refresh until the clock catches up with the bad stamp.
  it('alarm: an attempt stamped in the future (clock set back) is due', () => {
    expect(isDue(attempted(-24 * 3_600_000), QUOTES_PERIOD_MS, NOW, 'alarm')).toBe(true);
  });
});

describe('wantQuotes', () => {
  const phases: MarketPhase[] = ['pre-open', 'open', 'post-close', 'closed', 'unknown'];
  const trading = new Set<MarketPhase>(['pre-open', 'open', 'post-close']);
  const rows: [MarketStatus | null, boolean, boolean][] = [
    ...phases.flatMap((phase): [MarketStatus | null, boolean, boolean][] => [
      // While trading, always; otherwise only until the closing figures are held.
      [{ phase, label: phase }, false, true],
      [{ phase, label: phase }, true, trading.has(phase)],
    ]),
    [null, false, true],
    [null, true, false],
  ];
  it.each(rows)('market %j, closingQuotesHeld %s → %s', (market, closingQuotesHeld, expected) => {
    expect(wantQuotes(market, { closingQuotesHeld })).toBe(expected);
  });
});
