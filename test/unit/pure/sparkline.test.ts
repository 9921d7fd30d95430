import { describe, expect, it } from 'vitest';
import { sparklinePath } from '../../../src/shared/sparkline';
import { moveSymbol, sortedSymbols } from '../../../src/shared/watchlist';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import type { Quote } from '../../../src/shared/model';

describe('sparklinePath', () => {
  it.each([
    ['a rise across the box', [[0, 10], [50, 15], [100, 20]], 'M1.0 17.0 L29.0 9.0 L57.0 1.0'],
    ['a fall', [[0, 20], [100, 10]], 'M1.0 1.0 L57.0 17.0'],
    ['a flat day through the middle', [[0, 5], [100, 5]], 'M1.0 9.0 L57.0 9.0'],
    ['one point: nothing', [[0, 5]], null],
    ['no points: nothing', [], null],
  ] as [string, [number, number][], string | null][])('%s', (_name, points, expected) => {
    expect(sparklinePath(points, 58, 18)).toBe(expected);
  });
});

describe('watchlist order', () => {
  const q = (symbol: string, changePercent: number): Quote => ({ symbol, price: 1, change: changePercent, changePercent, previousClose: 1, open: null, high: null, low: null, volume: null });
  const quotes = { A: q('A', -1), B: q('B', 3), C: q('C', 0.5) };
  it.each([
    ['user', ['C', 'A', 'D', 'B']],
    ['symbol', ['A', 'B', 'C', 'D']],
    // D has no quote and sinks to the end.
    ['change', ['B', 'C', 'A', 'D']],
  ] as const)('%s', (sort, expected) => {
    expect(sortedSymbols(['C', 'A', 'D', 'B'], quotes, sort)).toEqual(expected);
  });

  it.each([
    ['C', 0, ['C', 'A', 'B']],
    ['A', 2, ['B', 'C', 'A']],
    ['A', 99, ['B', 'C', 'A']],
    ['A', -5, ['A', 'B', 'C']],
    ['Z', 0, ['A', 'B', 'C']],
  ] as const)('moveSymbol(%s, %i)', (symbol, to, expected) => {
    expect(moveSymbol({ ...DEFAULT_SETTINGS, watchlist: ['A', 'B', 'C'] }, symbol, to).watchlist).toEqual(expected);
  });
});
