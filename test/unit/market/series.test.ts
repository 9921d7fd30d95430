import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downsample, MAX_SERIES_POINTS, type SeriesPoint } from '../../../src/shared/series';
import { parseIntradaySeries } from '../../../src/sources/psx/series';

const fixture = (name: string): unknown => JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures', name), 'utf8'));
const MINUTE = 60_000;

/** Ascending in time, and every point one of the input's. */
function problemsOf(out: SeriesPoint[], input: SeriesPoint[]): string[] {
  const problems: string[] = [];
  for (const [i, p] of out.entries()) {
    if (i > 0 && p[0] < out[i - 1]![0]) problems.push(`out of order at ${i}`);
    if (!input.includes(p)) problems.push(`invented point ${JSON.stringify(p)}`);
  }
  return problems;
}

describe('parseIntradaySeries', () => {
  it('turns the newest-first fixture into oldest-first epoch milliseconds', () => {
    expect(parseIntradaySeries(fixture('psx/psx-timeseries-int-HUBC.json'))).toEqual({
      ok: true,
      value: [
        [1789446600_000, 202.05],
        [1789446900_000, 202.3],
        [1789453200_000, 202.4],
        [1789460400_000, 203.15],
        [1789467900_000, 202.6],
        [1789468295_000, 202.71],
        [1789469100_000, 202.71],
        [1789470295_000, 202.71],
      ],
    });
  });

  it('reads an unknown symbol (empty data) as no series, not an error', () => {
    expect(parseIntradaySeries(fixture('psx/psx-timeseries-unknown.json'))).toEqual({ ok: true, value: [] });
  });

  it('skips malformed rows', () => {
    const json = {
      status: 1,
      data: [
        [3, 30, 100],
        'row',
        null,
        [],
        [2],
        ['2', 20],
        [2, '20'],
        [Number.NaN, 20],
        [2, Infinity],
        { t: 2, p: 20 },
        [1, 10],
      ],
    };
    expect(parseIntradaySeries(json)).toEqual({
      ok: true,
      value: [
        [1_000, 10],
        [3_000, 30],
      ],
    });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', '<html>'],
    ['a list', [[1, 2]]],
    ['no data', { status: 1 }],
    ['data null', { status: 1, data: null }],
    ['data an object', { status: 1, data: {} }],
  ])('%s → error', (_name, json) => {
    expect(parseIntradaySeries(json)).toEqual({ ok: false, error: 'no data array' });
  });

  it('downsamples a long day to at most 60 points ending on the last trade', () => {
    const open = 1789446600; // epoch seconds
    const rows = Array.from({ length: 500 }, (_, i) => [open + (499 - i) * 45, 200 + ((499 - i) % 7), 100]);
    const result = parseIntradaySeries({ status: 1, data: rows });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    expect(result.value.at(-1)).toEqual([(open + 499 * 45) * 1000, 200 + (499 % 7)]);
    for (const [i, p] of result.value.entries()) if (i > 0) expect(p[0]).toBeGreaterThan(result.value[i - 1]![0]);
  });

  // The portal lists trades newest first; same-second trades must still end on the newer one.
  it('two trades in the same second: the series ends on the newer one', () => {
    const json = {
      status: 1,
      data: [
        [1789470295, 202.75, 100], // newest
        [1789470295, 202.71, 500],
        [1789469100, 202.6, 1200], // oldest
      ],
    };
    const result = parseIntradaySeries(json);
    expect(result.ok && result.value.at(-1)).toEqual([1789470295_000, 202.75]);
  });
});

describe('downsample', () => {
  const even = (n: number, step = MINUTE): SeriesPoint[] => Array.from({ length: n }, (_, i): SeriesPoint => [1_000_000 + i * step, 100 + i]);

  it.each<[string, SeriesPoint[]]>([
    ['empty', []],
    ['one point', even(1)],
    ['exactly 60', even(60)],
  ])('leaves a short series alone: %s', (_name, points) => {
    expect(downsample(points)).toEqual(points);
  });

  it.each<[string, SeriesPoint[], number]>([
    ['61 even points', even(61), 60],
    ['120 even points', even(120), 60],
    ['1000 even points', even(1000), 60],
    ['uneven gaps', Array.from({ length: 400 }, (_, i): SeriesPoint => [1_000_000 + i * i * 13 + (i % 3) * 7, i]), 60],
    ['a burst then a trickle', [...even(300, 1_000), ...even(10, 30 * MINUTE).map(([t, p]): SeriesPoint => [t + 301_000, p])], 60],
    ['a smaller max', even(100), 10],
  ])('%s: at most max points, in order, ending on the last', (_name, points, max) => {
    const out = downsample(points, max);
    expect(out.length).toBeLessThanOrEqual(max);
    expect(out.length).toBeGreaterThan(0);
    expect(out.at(-1)).toBe(points.at(-1));
    expect(problemsOf(out, points)).toEqual([]);
  });

  it('uses every slice when the points cover the trading window (09:15–16:45 PKT) evenly', () => {
    const windowStart = Date.UTC(2026, 9, 14, 4, 15); // 09:15 PKT
    const step = (7.5 * 3_600_000) / 120;
    const points = Array.from({ length: 120 }, (_, i): SeriesPoint => [windowStart + i * step, 200 + i]);
    expect(downsample(points)).toHaveLength(60);
  });

  it('ends on the last point of a series all at one instant', () => {
    const points = Array.from({ length: 100 }, (_, i): SeriesPoint => [1_789_470_295_000, 200 + i]);
    const out = downsample(points);
    expect(out.length).toBeLessThanOrEqual(3);
    expect(out.at(-1)).toEqual([1_789_470_295_000, 299]);
  });
});
