import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../src/shared/model';
import { parseIndexTick, parseMarketData, parseMarketDataReading, tickToQuote } from '../../../src/sources/psx-terminal/terminal';

const fixture = (name: string): unknown => JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures', name), 'utf8'));

describe('tickToQuote', () => {
  it('reads changePercent as a fraction (0.004161 → 0.4161 %)', () => {
    const quote = tickToQuote('HUBC', { price: 202.71, change: 0.84, changePercent: 0.004161, volume: 1445702, high: 204.4, low: 201.1 });
    expect(quote).toEqual<Quote>({
      symbol: 'HUBC',
      price: 202.71,
      change: 0.84,
      changePercent: expect.closeTo(0.4161, 10) as number,
      previousClose: 201.87,
      open: null,
      high: 204.4,
      low: 201.1,
      volume: 1445702,
    });
  });

  it.each<[string, Record<string, unknown>, number]>([
    ['no changePercent: from change and price', { price: 110, change: 10 }, 10],
    ['a fall without changePercent', { price: 90, change: -10 }, -10],
    ['changePercent as text: computed instead', { price: 110, change: 10, changePercent: '0.1' }, 10],
    ['changePercent null: computed instead', { price: 110, change: 10, changePercent: null }, 10],
    ['a zero fraction stays 0', { price: 110, change: 0, changePercent: 0 }, 0],
  ])('%s', (_name, tick, expected) => {
    expect(tickToQuote('X', tick)?.changePercent).toBeCloseTo(expected, 10);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a price as text', { price: 'n/a', change: 1 }],
    ['a price as a numeric string', { price: '202.71', change: 0.84 }],
    ['no price', { change: 1 }],
    ['a NaN price', { price: Number.NaN, change: 1 }],
    ['an infinite price', { price: Infinity, change: 1 }],
    ['no change', { price: 202.71 }],
    ['a change as text', { price: 202.71, change: '0.84' }],
    ['nothing', {}],
    // A % made up as 0 would read as "unchanged"; there is no previous close to measure against.
    ['a previous close of 0', { price: 5, change: 5 }],
    ['a negative previous close', { price: 5, change: 6, changePercent: -1.2 }],
    ['a negative price', { price: -202.71, change: 0.84 }],
    ['a zero price', { price: 0, change: 0 }],
    ['a fraction that disagrees with the change', { price: 110, change: 10, changePercent: 0 }],
    ['a percentage where a fraction belongs', { price: 202.71, change: 0.84, changePercent: 0.4161 }],
  ])('%s → null', (_name, tick) => {
    expect(tickToQuote('X', tick)).toBe(null);
  });

  it('drops extras that are not numbers', () => {
    expect(tickToQuote('X', { price: 10, change: 1, high: '11', low: null, volume: Number.NaN })).toMatchObject({ high: null, low: null, volume: null });
  });

  it('drops extras that are not what they claim: a price of 0 or below, a fractional volume', () => {
    expect(tickToQuote('X', { price: 10, change: 1, high: 0, low: -9, volume: 10.5 })).toMatchObject({ high: null, low: null, volume: null });
  });

  it('keeps the previous close to four decimals', () => {
    expect(tickToQuote('X', { price: 0.3, change: 0.1 })?.previousClose).toBe(0.2);
  });
});

describe('parseMarketData', () => {
  it('reads the REG board fixture and skips the unusable tick', () => {
    const result = parseMarketData(fixture('psx/psxterminal-market-data-REG.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((q) => q.symbol)).toEqual(['HUBC', 'OGDC']);
    expect(result.value[0]).toMatchObject({ price: 203.5, change: 1.63, previousClose: 201.87, high: 204.4, low: 201.1, volume: 1502000 });
    expect(result.value[0]?.changePercent).toBeCloseTo(0.8075, 10);
    expect(result.value[1]).toMatchObject({ price: 319, change: -4.78, previousClose: 323.78 });
    expect(result.value[1]?.changePercent).toBeCloseTo(-1.4763, 10);
  });

  it('counts the symbols it leaves out', () => {
    const result = parseMarketDataReading(fixture('psx/psxterminal-market-data-REG.json'));
    expect(result.ok && result.value.dropped).toBe(1);
    const board = { data: { REG: { A: { price: 10, change: 1 }, B: { price: -1, change: 0 }, C: { price: 10, change: 1, changePercent: 0.5 } } } };
    expect(parseMarketDataReading(board)).toMatchObject({ ok: true, value: { dropped: 2, quotes: [{ symbol: 'A' }] } });
  });

  it('upper-cases the symbols', () => {
    const result = parseMarketData({ data: { REG: { hubc: { price: 1, change: 0 } } } });
    expect(result.ok && result.value.map((q) => q.symbol)).toEqual(['HUBC']);
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'no REG board in the market data'],
    ['undefined', undefined, 'no REG board in the market data'],
    ['a string', 'Service Unavailable', 'no REG board in the market data'],
    ['a number', 503, 'no REG board in the market data'],
    ['an empty object', {}, 'no REG board in the market data'],
    ['an error body', { success: false, error: 'rate limited' }, 'no REG board in the market data'],
    ['data null', { data: null }, 'no REG board in the market data'],
    ['data without REG', { success: true, data: { FUT: {} } }, 'no REG board in the market data'],
    ['REG null', { data: { REG: null } }, 'no REG board in the market data'],
    ['REG a string', { data: { REG: 'closed' } }, 'no REG board in the market data'],
    ['an empty REG board', { data: { REG: {} } }, 'the market data lists no usable symbol'],
    ['an empty REG list', { data: { REG: [] } }, 'the market data lists no usable symbol'],
    ['only unusable ticks', { data: { REG: { A: null, B: 'x', C: 5, D: { price: 'n/a', change: 1 } } } }, 'the market data lists no usable symbol'],
  ])('%s → error', (_name, json, error) => {
    expect(parseMarketData(json)).toEqual({ ok: false, error });
  });
});

describe('parseIndexTick', () => {
  it('reads the KSE100 tick fixture', () => {
    const result = parseIndexTick('KSE100', fixture('psx/psxterminal-ticks-IDX-KSE100.json'));
    expect(result).toEqual({
      ok: true,
      value: { code: 'KSE100', value: 171100.1, change: -521.1, changePercent: expect.closeTo(-0.3036, 10) as number, staleDate: null },
    });
  });

  it('reads a REG tick of the same shape (HUBC), percent from the fraction', () => {
    const json = fixture('psx/psxterminal-ticks-REG-HUBC.json');
    const result = parseIndexTick('HUBC', json);
    expect(result.ok && result.value).toMatchObject({ code: 'HUBC', value: 202.71, change: 0.84 });
    expect(result.ok && result.value.changePercent).toBeCloseTo(0.4161, 10);
    const data = (json as { data: Record<string, unknown> }).data;
    expect(tickToQuote('HUBC', data)).toMatchObject({ price: 202.71, previousClose: 201.87, volume: 1445702, high: 204.4, low: 201.1 });
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'no tick for KSE100'],
    ['a string', 'Bad Gateway', 'no tick for KSE100'],
    ['no data', { success: false }, 'no tick for KSE100'],
    ['data null', { data: null }, 'no tick for KSE100'],
    ['data a number', { data: 171100 }, 'no tick for KSE100'],
    ['an unusable tick', { data: { price: 'n/a', change: 1 } }, 'unusable tick for KSE100'],
    ['an empty tick', { data: {} }, 'unusable tick for KSE100'],
    ['a list', { data: [] }, 'unusable tick for KSE100'],
  ])('%s → error', (_name, json, error) => {
    expect(parseIndexTick('KSE100', json)).toEqual({ ok: false, error });
  });
});
