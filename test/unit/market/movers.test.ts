import { describe, expect, it } from 'vitest';
import { topMovers, type Mover } from '../../../src/shared/market/movers';
import type { Quote } from '../../../src/shared/model';
import { EXPECTED, fixtureBoard, READ_AT } from './board-fixture';

const q = (symbol: string, changePercent: number, volume: number | null, readAt = READ_AT): Quote => ({
  symbol,
  price: 100 + changePercent,
  change: changePercent,
  changePercent,
  previousClose: 100,
  open: null,
  high: null,
  low: null,
  volume,
  readAt,
});
const board = (...quotes: Quote[]): Record<string, Quote> => Object.fromEntries(quotes.map((x) => [x.symbol, x]));
const symbols = (list: Mover[]): string[] => list.map((m) => m.symbol);

describe('topMovers on the fixture market watch', () => {
  const movers = topMovers(fixtureBoard());

  it.each(['gainers', 'losers', 'active'] as const)('%s are the fixture\'s top ten, with price, change, % and volume', (list) => {
    expect(movers[list]).toEqual(EXPECTED.movers[list]);
    expect(movers[list]).toHaveLength(10);
  });

  it('no futures contract is among them, though each would lead a list', () => {
    const all = [...movers.gainers, ...movers.losers, ...movers.active].map((m) => m.symbol);
    for (const contract of EXPECTED.futures) expect(all).not.toContain(contract);
  });
});

describe('topMovers', () => {
  it('orders gainers by % (highest first), losers by % (lowest first), active by volume; ties by symbol', () => {
    const movers = topMovers(board(q('C', 2, 10), q('A', 2, 30), q('B', 5, 10), q('D', -1, 30), q('F', -3, 5), q('E', -3, 20), q('G', 0, 100)));
    expect(symbols(movers.gainers)).toEqual(['B', 'A', 'C']);
    expect(symbols(movers.losers)).toEqual(['E', 'F', 'D']);
    expect(symbols(movers.active)).toEqual(['G', 'A', 'D', 'E', 'B', 'C', 'F']);
  });

  it('ties are broken by code-unit order, the same on every machine', () => {
    expect(symbols(topMovers(board(q('a1', 1, 1), q('B', 1, 1), q('A2', 1, 1), q('A10', 1, 1))).gainers)).toEqual(['A10', 'A2', 'B']);
  });

  it('keeps ten of each, or fewer on a quiet day', () => {
    const many = board(...Array.from({ length: 25 }, (_, i) => q(`S${String(i).padStart(2, '0')}`, i - 12, i)));
    const movers = topMovers(many);
    expect(symbols(movers.gainers)).toEqual(['S24', 'S23', 'S22', 'S21', 'S20', 'S19', 'S18', 'S17', 'S16', 'S15']);
    expect(symbols(movers.losers)).toEqual(['S00', 'S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08', 'S09']);
    expect(movers.active).toHaveLength(10);
    const quiet = topMovers(board(q('A', 1, 5), q('B', 0, 5), q('C', -1, null)));
    expect([symbols(quiet.gainers), symbols(quiet.losers), symbols(quiet.active)]).toEqual([['A'], ['C'], ['A', 'B']]);
  });

  it('a volume unknown or 0 is not activity', () => {
    expect(symbols(topMovers(board(q('A', 1, null), q('B', 1, 0), q('C', 1, 1))).active)).toEqual(['C']);
  });

  it('leaves out futures, non-symbols and quotes held from an older read', () => {
    const movers = topMovers(board(q('A', 1, 10), q('A-OCT', 9, 99), q('x y', 9, 99), q('HELD', 9, 99, READ_AT - 60_000)));
    expect([symbols(movers.gainers), symbols(movers.active)]).toEqual([['A'], ['A']]);
  });

  it('each item carries only what the list shows', () => {
    const quote: Quote = { ...q('KEL', 1.5, 42), entitlements: ['XD'], shariah: true };
    expect(topMovers(board(quote)).gainers).toEqual([{ symbol: 'KEL', price: 101.5, change: 1.5, changePercent: 1.5, volume: 42 }]);
  });

  it('an empty board has empty lists', () => {
    expect(topMovers({})).toEqual({ gainers: [], losers: [], active: [] });
  });

  it('a limit other than ten', () => {
    expect(symbols(topMovers(board(q('A', 1, 1), q('B', 2, 1), q('C', 3, 1)), 2).gainers)).toEqual(['C', 'B']);
  });
});
