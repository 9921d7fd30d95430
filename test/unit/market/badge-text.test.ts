import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS, badgePercent, badgeView as paint } from '../../../src/background/badge-text';
import { emptySnapshot, type IndexQuote, type Quote, type Snapshot } from '../../../src/shared/model';
import { present } from '../../../src/shared/presentation';

/**
 * The badge renders the presentation: these cases set its `trading` and `stale` directly, as
 * the background's presentation would decide them (presentation.test.ts covers the deciding).
 */
function badgeView(s: Snapshot, subject: string, codes: string[], { trading, stale, zone }: { trading: boolean; stale: boolean; zone: TimeZoneChoice }) {
  const now = s.marketAsOf ?? Date.UTC(2026, 9, 14, 7, 5);
  const presentation = { ...present({ snapshot: s, feedIds: [], quotesPeriodSec: 60, now }), trading, stale };
  return paint({ ...s, presentation }, subject, codes, zone, now);
}
import type { TimeZoneChoice } from '../../../src/shared/settings';

describe('badgePercent', () => {
  it.each<[number, string]>([
    [2.14, '+2.1'],
    [-0.26, '-0.3'],
    [0, '0.0'],
    [-0, '0.0'],
    // A change that rounds to 0.0 is shown unsigned: '+0.0' would claim a rise the figure denies.
    [0.04, '0.0'],
    [-0.04, '0.0'],
    [0.05, '+0.1'],
    [-0.05, '-0.1'],
    [9.94, '+9.9'],
    [-9.94, '-9.9'],
    // From 9.95 one decimal no longer fits: whole numbers.
    [9.95, '+10'],
    [9.96, '+10'],
    [-9.96, '-10'],
    [12.4, '+12'],
    [-12.6, '-13'],
    [99.4, '+99'],
    // 100 % and more is capped at 99 (a 4-character badge cannot hold +1000).
    [150, '+99'],
    [-150, '-99'],
    [1000, '+99'],
    [Infinity, '+99'],
    [-Infinity, '-99'],
  ])('%d → %s', (percent, expected) => {
    expect(badgePercent(percent)).toBe(expected);
  });

  it('is never longer than four characters and never shows the opposite sign', () => {
    const values: number[] = [Number.MIN_VALUE, -Number.MIN_VALUE, 1e9, -1e9, Number.MAX_VALUE, -Number.MAX_VALUE, 9.949999, 99.49999, 99.5, 99.99, -99.99];
    for (let i = -25_000; i <= 25_000; i++) values.push(i / 100); // −250.00 … +250.00 in 0.01 steps
    for (let i = 0; i < 2_000; i++) values.push((i * 7.31) % 1_000 - 500 + i / 997);
    const problems: string[] = [];
    for (const v of values) {
      const text = badgePercent(v);
      if (text.length > 4) problems.push(`${v} → ${text} (too long)`);
      if (v < 0 && text.startsWith('+')) problems.push(`${v} → ${text} (wrong sign)`);
      if (v > 0 && text.startsWith('-')) problems.push(`${v} → ${text} (wrong sign)`);
      if (!/^([+-]?\d{1,3}|[+-]?\d\.\d)$/.test(text)) problems.push(`${v} → ${text} (not a number)`);
    }
    expect(problems).toEqual([]);
  });

  // Found in review: 99.5–99.9 % once rounded to '+100' while larger moves were capped at '+99'.
  it('a larger move never shows a smaller figure (99.7 % vs 150 %)', () => {
    const shown = (p: number): number => Number(badgePercent(p));
    expect(shown(150)).toBeGreaterThanOrEqual(shown(99.7));
    expect(shown(-150)).toBeLessThanOrEqual(shown(-99.7));
  });
});

describe('badgeView', () => {
  const index = (code: string, value: number, changePercent: number): IndexQuote => ({
    code,
    value,
    change: (value * changePercent) / 100,
    changePercent,
    staleDate: null,
  });
  const quote = (symbol: string, price: number, changePercent: number): Quote => ({
    symbol,
    price,
    change: 0,
    changePercent,
    previousClose: null,
    open: null,
    high: null,
    low: null,
    volume: null,
  });
  const AS_OF = Date.UTC(2026, 9, 14, 6, 41); // Wed 11:41 PKT

  const snapshot = (changes: Partial<Snapshot> = {}): Snapshot => ({
    ...emptySnapshot(),
    indices: {
      KSE100: index('KSE100', 171100.1, -0.3036),
      KSE30: index('KSE30', 52000.5, 0.19),
      ALLSHR: index('ALLSHR', 106000, 0),
    },
    quotes: { HUBC: quote('HUBC', 202.71, 0.4161), OGDC: quote('OGDC', 319, -1.4763), KEL: quote('KEL', 4.1, 0) },
    marketAsOf: AS_OF,
    ...changes,
  });
  const pkt = { trading: true, stale: false, zone: 'Asia/Karachi' as TimeZoneChoice };
  const TITLE = 'PSX market\nKSE100 171,100.10 (-0.30%)\nKSE30 52,000.50 (+0.19%)\nas of 11:41 PKT';

  it.each<[string, string, { trading: boolean; stale: boolean }, string, string]>([
    ['an index, falling, trading', 'KSE100', { trading: true, stale: false }, '-0.3', BADGE_COLOURS.down],
    ['an index, rising, trading', 'KSE30', { trading: true, stale: false }, '+0.2', BADGE_COLOURS.up],
    ['an index, unchanged', 'ALLSHR', { trading: true, stale: false }, '0.0', BADGE_COLOURS.muted],
    ['a watchlist symbol, rising', 'HUBC', { trading: true, stale: false }, '+0.4', BADGE_COLOURS.up],
    ['a watchlist symbol, falling', 'OGDC', { trading: true, stale: false }, '-1.5', BADGE_COLOURS.down],
    ['a watchlist symbol, unchanged', 'KEL', { trading: true, stale: false }, '0.0', BADGE_COLOURS.muted],
    ['not trading: grey', 'KSE100', { trading: false, stale: false }, '-0.3', BADGE_COLOURS.muted],
    ['stale: grey', 'HUBC', { trading: true, stale: true }, '+0.4', BADGE_COLOURS.muted],
    ["'off': no text", 'off', { trading: true, stale: false }, '', BADGE_COLOURS.muted],
    ['an unknown subject: no text', 'NOSUCH', { trading: true, stale: false }, '', BADGE_COLOURS.muted],
  ])('%s', (_name, subject, state, text, colour) => {
    const view = badgeView(snapshot(), subject, ['KSE100', 'KSE30'], { ...state, zone: 'Asia/Karachi' });
    expect({ text: view.text, colour: view.colour }).toEqual({ text, colour });
  });

  it('the title lists the chosen indices in order and the time of the data', () => {
    expect(badgeView(snapshot(), 'KSE100', ['KSE100', 'KSE30'], pkt).title).toBe(TITLE);
    expect(badgeView(snapshot(), 'off', ['KSE100', 'KSE30'], pkt).title).toBe(TITLE);
  });

  it.each<[string, Partial<Snapshot>, string[], { trading: boolean; stale: boolean; zone: TimeZoneChoice }, string]>([
    ['indices in the order chosen', {}, ['KSE30', 'KSE100'], pkt, 'PSX market\nKSE30 52,000.50 (+0.19%)\nKSE100 171,100.10 (-0.30%)\nas of 11:41 PKT'],
    ['an index missing from the snapshot is left out', {}, ['KSE100', 'BKTI'], pkt, 'PSX market\nKSE100 171,100.10 (-0.30%)\nas of 11:41 PKT'],
    ['an unchanged index reads +0.00%', {}, ['ALLSHR'], pkt, 'PSX market\nALLSHR 106,000.00 (+0.00%)\nas of 11:41 PKT'],
    ['stale data says so', {}, ['KSE100'], { ...pkt, stale: true }, 'PSX market\nKSE100 171,100.10 (-0.30%)\nas of 11:41 PKT (not fresh)'],
    [
      'no "as of": the home page\'s last success',
      { marketAsOf: null, sources: { 'psx-home': { state: 'ok', attemptedAt: AS_OF, lastOk: Date.UTC(2026, 9, 14, 7, 5), lastError: null, failures: 0, nextTry: null } } },
      ['KSE100'],
      pkt,
      'PSX market\nKSE100 171,100.10 (-0.30%)\nas of 12:05 PKT',
    ],
    ['no time at all: no time line', { marketAsOf: null }, ['KSE100'], pkt, 'PSX market\nKSE100 171,100.10 (-0.30%)'],
    ['nothing known', { indices: {}, marketAsOf: null }, ['KSE100'], pkt, 'PSX market'],
  ])('title: %s', (_name, changes, codes, state, expected) => {
    expect(badgeView(snapshot(changes), 'KSE100', codes, state).title).toBe(expected);
  });

  it('in local time the title has a clock time and no PKT', () => {
    const title = badgeView(snapshot(), 'KSE100', ['KSE100'], { trading: true, stale: false, zone: 'local' }).title;
    expect(title).toMatch(/\nas of \d\d:\d\d$/);
  });

  // The colour follows the printed figure, as `directionOf` does for the popup's arrows.
  it('a change printed as 0.0 is grey, like an exact 0', () => {
    for (const changePercent of [0.04, -0.04]) {
      const view = badgeView(snapshot({ quotes: { HUBC: quote('HUBC', 202.71, changePercent) } }), 'HUBC', [], pkt);
      expect({ text: view.text, colour: view.colour }).toEqual({ text: '0.0', colour: BADGE_COLOURS.muted });
    }
  });
});
