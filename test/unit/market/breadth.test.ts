import { describe, expect, it } from 'vitest';
import { marketBreadth, newerBreadth, type MarketBreadth } from '../../../src/shared/market/breadth';
import { isRegularMarketSymbol, latestRead } from '../../../src/shared/market/regular-board';
import type { Quote } from '../../../src/shared/model';
import { EXPECTED, fixtureBoard, READ_AT } from './board-fixture';

const q = (symbol: string, change: number, volume: number | null, readAt: number | null = READ_AT): Quote => ({
  symbol,
  price: 10 + change,
  change,
  changePercent: change * 10,
  previousClose: 10,
  open: null,
  high: null,
  low: null,
  volume,
  ...(readAt === null ? {} : { readAt }),
});
const board = (...quotes: Quote[]): Record<string, Quote> => Object.fromEntries(quotes.map((x) => [x.symbol, x]));

describe('marketBreadth on the fixture market watch', () => {
  it('counts the regular board as the fixture says, futures left out', () => {
    expect(marketBreadth(fixtureBoard(), 0)).toEqual({ ...EXPECTED.breadth, at: READ_AT });
  });

  it('the futures rows, with their large moves and volumes, would change every figure', () => {
    // The parser already leaves them out; the board may still hold one from another source.
    const withFutures = { ...fixtureBoard(), 'KEL-NOVB': q('KEL-NOVB', 1.8, 99_000_000) };
    expect(marketBreadth(withFutures, 0)).toEqual({ ...EXPECTED.breadth, at: READ_AT });
  });

  it('reads the suffix form to the same breadth', () => {
    expect(marketBreadth(fixtureBoard('psx/market-watch-suffixes.html'), 0)).toEqual({ ...EXPECTED.breadth, at: READ_AT });
  });
});

describe('marketBreadth', () => {
  it.each<[string, Record<string, Quote>, Omit<MarketBreadth, 'at'> | null]>([
    ['up, down and unchanged', board(q('A', 0.5, 100), q('B', -0.2, 200), q('C', 0, 300), q('D', 1, 400)), { advancers: 2, decliners: 1, unchanged: 1, volume: 1000, noVolume: 0 }],
    ['a −0 change is unchanged', board(q('A', -0, 100)), { advancers: 0, decliners: 0, unchanged: 1, volume: 100, noVolume: 0 }],
    // Unknown volumes are left out of the sum and counted, never added as 0.
    ['some volumes unknown', board(q('A', 1, 100), q('B', 1, null), q('C', -1, null)), { advancers: 2, decliners: 1, unchanged: 0, volume: 100, noVolume: 2 }],
    ['no volume known at all: no sum, not 0', board(q('A', 1, null), q('B', 0, null)), { advancers: 1, decliners: 0, unchanged: 1, volume: null, noVolume: 2 }],
    ['a volume of 0 is a known volume', board(q('A', 0, 0)), { advancers: 0, decliners: 0, unchanged: 1, volume: 0, noVolume: 0 }],
    ['futures contracts are not the regular board', board(q('A', 1, 100), q('HUBC-OCT', 5, 1000), q('HUBC-NOVB', -5, 1000)), { advancers: 1, decliners: 0, unchanged: 0, volume: 100, noVolume: 0 }],
    ['a key that is not a symbol is not counted', board(q('A', 1, 100), q('a b', 1, 100), q('<X>', 1, 100)), { advancers: 1, decliners: 0, unchanged: 0, volume: 100, noVolume: 0 }],
    // A watchlist symbol the last read left out keeps its older quote in the board: not today's.
    ['a held quote from an older read', board(q('A', 1, 100), q('HELD', -1, 5000, READ_AT - 60_000)), { advancers: 1, decliners: 0, unchanged: 0, volume: 100, noVolume: 0 }],
    ['nothing to count', {}, null],
    ['only futures', board(q('HUBC-OCT', 1, 100)), null],
  ])('%s', (_name, quotes, expected) => {
    expect(marketBreadth(quotes, 0)).toEqual(expected === null ? null : { ...expected, at: READ_AT });
  });

  it('quotes stored without a read time are one read, at the time the caller gives', () => {
    expect(marketBreadth(board(q('A', 1, 100, null), q('B', -1, 100, null)), 1234)).toEqual({ advancers: 1, decliners: 1, unchanged: 0, volume: 200, noVolume: 0, at: 1234 });
  });
});

describe('latestRead and isRegularMarketSymbol', () => {
  it.each<[string, boolean]>([
    ['HUBC', true],
    ['786', true],
    ['MZNPETF', true],
    ['HUBC-OCT', false],
    ['HUBC-OCTB', false],
    ['', false],
    ['hubc', false],
  ])('%j regular: %s', (symbol, expected) => {
    expect(isRegularMarketSymbol(symbol)).toBe(expected);
  });

  it('keeps the board order and the newest read only', () => {
    const read = latestRead(board(q('B', 1, 1), q('OLD', 1, 1, READ_AT - 1), q('A', 1, 1)));
    expect(read.quotes.map((x) => x.symbol)).toEqual(['B', 'A']);
    expect(read.at).toBe(READ_AT);
  });
});

describe('newerBreadth', () => {
  const b = (at: number): MarketBreadth => ({ advancers: at, decliners: 0, unchanged: 0, volume: null, noVolume: 0, at });
  it.each<[MarketBreadth | null | undefined, MarketBreadth | null | undefined, MarketBreadth | undefined]>([
    [b(2), b(1), b(2)],
    [b(1), b(2), b(2)],
    [b(1), undefined, b(1)],
    [null, b(1), b(1)],
    [undefined, undefined, undefined],
    [null, null, undefined],
  ])('%j, %j → %j', (a, c, expected) => {
    expect(newerBreadth(a, c)).toEqual(expected);
  });
});
