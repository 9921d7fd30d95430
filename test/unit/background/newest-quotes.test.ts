/**
 * A re-publish merges the board and the market view: each symbol's quote from whichever read
 * it later, so a board read before a cycle's write never puts the previous minute back.
 */
import { describe, expect, it } from 'vitest';
import { newestQuotes } from '../../../src/background/publish';
import type { Quote } from '../../../src/shared/model';

const T = Date.UTC(2026, 9, 14, 6, 42);
const q = (symbol: string, price: number, readAt?: number): Quote => ({ symbol, price, change: 0, changePercent: 0, previousClose: null, open: null, high: null, low: null, volume: null, ...(readAt !== undefined ? { readAt } : {}) });

describe('newestQuotes', () => {
  it.each<[string, Record<string, Quote>, Record<string, Quote>, Record<string, number>]>([
    ['the market view newer (a cycle wrote it after the board was read)', { HUBC: q('HUBC', 202.71, T) }, { HUBC: q('HUBC', 206.1, T + 60_000) }, { HUBC: 206.1 }],
    ['the board newer (a symbol just added takes its quote from the board)', { HUBC: q('HUBC', 206.1, T + 60_000) }, { HUBC: q('HUBC', 202.71, T) }, { HUBC: 206.1 }],
    ['the same read: either, the same figures', { HUBC: q('HUBC', 202.71, T) }, { HUBC: q('HUBC', 202.71, T) }, { HUBC: 202.71 }],
    ['only on the board', { OGDC: q('OGDC', 320.29, T) }, {}, { OGDC: 320.29 }],
    ['only in the market view (a held quote)', {}, { KEL: q('KEL', 4.1, T - 3_600_000) }, { KEL: 4.1 }],
    ['no read time (0.1.0 data) loses to one with a time', { HUBC: q('HUBC', 202.71, T) }, { HUBC: q('HUBC', 190) }, { HUBC: 202.71 }],
  ])('%s', (_name, board, market, prices) => {
    expect(Object.fromEntries(Object.entries(newestQuotes(board, market)).map(([s, quote]) => [s, quote.price]))).toEqual(prices);
  });
});
