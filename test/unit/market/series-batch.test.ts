import { describe, expect, it } from 'vitest';
import { appendPrices, seriesBatch } from '../../../src/background/tasks/series';
import { downsample, MAX_SERIES_POINTS, pktDate, type SeriesMap, type SeriesPoint, type SymbolSeries } from '../../../src/shared/series';

// PKT is UTC+5. 2026-10-14 is a Wednesday.
const MINUTE = 60_000;
const NOW = Date.UTC(2026, 9, 14, 6, 0); // Wed 11:00 PKT
const TODAY = '2026-10-14';
const YESTERDAY = '2026-10-13';

const entry = (day: string, fetchedAt: number, points: SeriesPoint[] = []): SymbolSeries => ({ day, fetchedAt, points });
const list = (n: number): string[] => Array.from({ length: n }, (_, i) => `S${String(i).padStart(2, '0')}`);

describe('pktDate', () => {
  it.each<[string, number, string]>([
    ['Wed 11:00 PKT', NOW, TODAY],
    ['Wed 00:00 PKT (Tue 19:00 UTC)', Date.UTC(2026, 9, 13, 19, 0), TODAY],
    ['Tue 23:59:59.999 PKT', Date.UTC(2026, 9, 13, 18, 59, 59, 999), YESTERDAY],
    ['Wed 23:59 PKT', Date.UTC(2026, 9, 14, 18, 59), TODAY],
    ['1 Jan 00:00 PKT (31 Dec 19:00 UTC)', Date.UTC(2025, 11, 31, 19, 0), '2026-01-01'],
  ])('%s → %s', (_name, at, expected) => {
    expect(pktDate(at)).toBe(expected);
  });
});

describe('seriesBatch', () => {
  it.each<[number, number]>([
    [0, 0],
    [1, 1],
    [3, 1],
    [30, 1],
    [100, 1],
  ])('a list of %d, none fetched: %d a call (one request per cycle)', (size, expected) => {
    expect(seriesBatch(list(size), {}, NOW)).toHaveLength(expected);
  });

  it('takes more a call when asked', () => {
    expect(seriesBatch(list(10), {}, NOW, 5)).toHaveLength(5);
  });

  it('takes the never-fetched first, then the oldest, and leaves out today’s', () => {
    const series: SeriesMap = {
      A: entry(YESTERDAY, NOW - 20 * 60 * MINUTE),
      B: entry(YESTERDAY, NOW - 18 * 60 * MINUTE),
      D: entry('2026-10-12', NOW - 44 * 60 * MINUTE),
      E: entry(TODAY, NOW - 60 * MINUTE),
    };
    const watchlist = ['A', 'B', 'C', 'D', 'E', 'F1', 'F2', 'F3', 'F4', 'F5'];
    for (const s of ['F1', 'F2', 'F3', 'F4', 'F5']) series[s] = entry(TODAY, NOW - MINUTE);
    expect(seriesBatch(watchlist, series, NOW)).toEqual(['C']);
    expect(seriesBatch(watchlist, series, NOW, 10)).toEqual(['C', 'D', 'A', 'B']);
  });

  it.each<[string, SymbolSeries, number, string[]]>([
    ['today’s, fetched an hour ago: kept', entry(TODAY, NOW - 60 * MINUTE), NOW, []],
    ['today’s, fetched just now: kept', entry(TODAY, NOW), NOW, []],
    ['today’s, stamped in the future: kept', entry(TODAY, NOW + 10 * MINUTE), NOW, []],
    ['yesterday’s: fetched again', entry(YESTERDAY, NOW - 24 * 60 * MINUTE), NOW, ['A']],
    ['a later day (the clock moved back): fetched again', entry('2026-10-15', NOW + 24 * 60 * MINUTE), NOW, ['A']],
    // just after PKT midnight, yesterday evening's series is yesterday's
    ['yesterday 23:00 PKT, now 00:30 PKT', entry(YESTERDAY, Date.UTC(2026, 9, 13, 18, 0)), Date.UTC(2026, 9, 13, 19, 30), ['A']],
  ])('%s', (_name, stored, now, expected) => {
    expect(seriesBatch(['A'], { A: stored }, now)).toEqual(expected);
  });

  it('asks nothing when every symbol has today’s series', () => {
    const watchlist = list(12);
    const series: SeriesMap = Object.fromEntries(watchlist.map((s) => [s, entry(TODAY, NOW - 2 * MINUTE)]));
    expect(seriesBatch(watchlist, series, NOW)).toEqual([]);
  });

  it('ignores series of symbols no longer in the watchlist', () => {
    expect(seriesBatch(['A'], { OLD: entry(YESTERDAY, NOW - 60 * MINUTE) }, NOW)).toEqual(['A']);
  });
});

describe('appendPrices', () => {
  const OPEN = Date.UTC(2026, 9, 14, 4, 30); // Wed 09:30 PKT

  it.each<[string, SymbolSeries | undefined, SymbolSeries | undefined]>([
    [
      'appends the price to today’s series',
      entry(TODAY, NOW - 10 * MINUTE, [[NOW - 2 * MINUTE, 200]]),
      entry(TODAY, NOW - 10 * MINUTE, [[NOW - 2 * MINUTE, 200], [NOW, 201]]),
    ],
    ['appends to an empty series of today', entry(TODAY, NOW - MINUTE), entry(TODAY, NOW - MINUTE, [[NOW, 201]])],
    [
      'leaves yesterday’s series alone (the batch replaces it)',
      entry(YESTERDAY, NOW - 24 * 60 * MINUTE, [[NOW - 24 * 60 * MINUTE, 199]]),
      entry(YESTERDAY, NOW - 24 * 60 * MINUTE, [[NOW - 24 * 60 * MINUTE, 199]]),
    ],
    [
      'adds nothing when the last point is this instant already',
      entry(TODAY, NOW - MINUTE, [[NOW, 200]]),
      entry(TODAY, NOW - MINUTE, [[NOW, 200]]),
    ],
    [
      'adds nothing when the last point is later (the clock moved back)',
      entry(TODAY, NOW - MINUTE, [[NOW + MINUTE, 200]]),
      entry(TODAY, NOW - MINUTE, [[NOW + MINUTE, 200]]),
    ],
    ['creates no series for a symbol without one', undefined, undefined],
  ])('%s', (_name, stored, expected) => {
    const series: SeriesMap = stored ? { HUBC: stored } : {};
    appendPrices(series, { HUBC: 201 }, NOW);
    expect(series['HUBC']).toEqual(expected);
  });

  it('touches only the symbols it is given', () => {
    const series: SeriesMap = { HUBC: entry(TODAY, NOW - MINUTE), OGDC: entry(TODAY, NOW - MINUTE) };
    appendPrices(series, { HUBC: 201 }, NOW);
    expect([series['HUBC']?.points, series['OGDC']?.points]).toEqual([[[NOW, 201]], []]);
  });

  it('stays within 60 points and ends on the latest price', () => {
    const points = Array.from({ length: MAX_SERIES_POINTS }, (_, i): SeriesPoint => [OPEN + i * MINUTE, 200 + i / 100]);
    const series: SeriesMap = { HUBC: entry(TODAY, OPEN, points) };
    for (let t = OPEN + 60 * MINUTE; t <= OPEN + 120 * MINUTE; t += MINUTE) appendPrices(series, { HUBC: 300 }, t);
    const out = series['HUBC']?.points ?? [];
    expect(out.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    expect(out.at(-1)).toEqual([OPEN + 120 * MINUTE, 300]);
  });

  // Found in review: re-thinning on every append once let the start of the day creep later
  // (fetched 09:30–11:00, appended to 15:30, the series began near 10:02). Slices are now
  // anchored to the clock and the first point is always kept.
  it('appending through the day keeps the start of the day', () => {
    const trades: SeriesPoint[] = [];
    for (let t = OPEN; t <= OPEN + 90 * MINUTE; t += 20_000) trades.push([t, 200]);
    const series: SeriesMap = { HUBC: entry(TODAY, OPEN + 90 * MINUTE, downsample(trades)) };
    const close = OPEN + 360 * MINUTE; // 15:30 PKT
    for (let t = OPEN + 91 * MINUTE; t <= close; t += MINUTE) appendPrices(series, { HUBC: 201 }, t);
    const first = series['HUBC']?.points[0]?.[0] ?? Infinity;
    expect(first - OPEN).toBeLessThanOrEqual((close - OPEN) / MAX_SERIES_POINTS);
  });
});
