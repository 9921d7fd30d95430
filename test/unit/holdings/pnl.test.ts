/**
 * The P&L arithmetic (src/shared/holdings/pnl.ts, issue 12): exact to the paisa in BigInt
 * units of 1/10,000 PKR, rounding of a price once, percentages, missing quotes counted as "no
 * price" and never as zero, and portfolio totals over 100 holdings against an independent
 * computation from the decimal strings (no float anywhere in it) where a float sum drifts.
 */
import { describe, expect, it } from 'vitest';
import type { Holding, Holdings } from '../../../src/shared/holdings/model';
import { formatMoney } from '../../../src/shared/holdings/money';
import { holdingFigures, percentOf, portfolioTotals, roundDiv, toPaisa, unitsToPaisa } from '../../../src/shared/holdings/pnl';
import type { Quote } from '../../../src/shared/model';

const quote = (symbol: string, price: number, change: number): Quote => ({ symbol, price, change, changePercent: 0, previousClose: price - change, open: null, high: null, low: null, volume: null });

/** A decimal string as an integer count of 10^-places: "98.1234", 4 → 981234n. No float involved. */
function dec(text: string, places: number): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^-/, '').split('.');
  const digits = BigInt(whole + fraction.padEnd(places, '0').slice(0, places));
  return negative ? -digits : digits;
}

/** Units (1/10,000 PKR) from a PKR amount written out: "56615.00" → 566150000n. */
const pkr = (text: string): bigint => dec(text, 4);

describe('toPaisa: a price or change rounded once, to the nearest paisa', () => {
  it.each<[number, bigint | null]>([
    [113.23, 11323n],
    [-3.49, -349n],
    [0, 0n],
    [-0, 0n],
    [0.1 + 0.2, 30n],
    [1234567.89, 123456789n],
    // Halves away from zero on both sides: a fall rounds as a rise does.
    [0.005, 1n],
    [-0.005, -1n],
    [0.004, 0n],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [1e300, null],
  ])('%d → %s', (amount, paisa) => {
    expect(toPaisa(amount)).toBe(paisa);
  });
});

describe('roundDiv: halves away from zero', () => {
  it.each<[bigint, bigint, bigint]>([
    [7n, 2n, 4n],
    [-7n, 2n, -4n],
    [5n, 3n, 2n],
    [-5n, 3n, -2n],
    [4n, 3n, 1n],
    [-4n, 3n, -1n],
    [149n, 100n, 1n],
    [150n, 100n, 2n],
    [-150n, 100n, -2n],
    [-149n, 100n, -1n],
    [0n, 7n, 0n],
  ])('%s / %s → %s', (n, d, q) => {
    expect(roundDiv(n, d)).toBe(q);
  });
});

describe('one holding', () => {
  it.each<[string, Holding, Quote, { value: string; day: string; cost: string; total: string; dayPercent: number | null; totalPercent: number }]>([
    ['a rise', { quantity: 500, averagePrice: 98.1234 }, quote('HUBC', 113.23, 6.23), {
      value: '56615.00', day: '3115.00', cost: '49061.70', total: '7553.30',
      // 3,115 / (56,615 − 3,115) and 7,553.30 / 49,061.70, to 10^-6 %.
      dayPercent: 5.82243, totalPercent: 15.395512,
    }],
    ['a fall, below cost', { quantity: 1000, averagePrice: 330 }, quote('OGDC', 320.29, -3.49), {
      value: '320290.00', day: '-3490.00', cost: '330000.00', total: '-9710.00', dayPercent: -1.077892, totalPercent: -2.942424,
    }],
    ['unchanged today, at cost', { quantity: 7, averagePrice: 10 }, quote('KEL', 10, 0), {
      value: '70.00', day: '0.00', cost: '70.00', total: '0.00', dayPercent: 0, totalPercent: 0,
    }],
    // Sub-paisa cost: 3 × 0.3333 = 0.9999 PKR is kept exactly, rounded only when printed.
    ['a cost below the paisa', { quantity: 3, averagePrice: 0.3333 }, quote('WTL', 1.5, 0.01), {
      value: '4.50', day: '0.03', cost: '0.9999', total: '3.5001', dayPercent: 0.671141, totalPercent: 350.045005,
    }],
  ])('%s: exact in paisa', (_name, holding, q, expected) => {
    const got = holdingFigures(holding, q);
    expect(got).not.toBeNull();
    expect(got?.value).toBe(pkr(expected.value));
    expect(got?.day).toBe(pkr(expected.day));
    expect(got?.cost).toBe(pkr(expected.cost));
    expect(got?.total).toBe(pkr(expected.total));
    expect(got?.dayPercent).toBe(expected.dayPercent);
    expect(got?.totalPercent).toBe(expected.totalPercent);
  });

  it('stays exact past 2^53: 9,999,999,999 shares at 9,999.99', () => {
    const quantity = 9_999_999_999;
    const got = holdingFigures({ quantity, averagePrice: 9999.9899 }, quote('X', 9999.99, -0.01));
    // 9,999,999,999 × 999,999 paisa: odd and above 2^53 (9,007,199,254,740,992), so no double holds it.
    const exact = 9_999_989_999_000_001n;
    expect(got && unitsToPaisa(got.value)).toBe(exact);
    expect(got && formatMoney(got.value)).toBe('99,999,899,990,000.01');
    expect(got && unitsToPaisa(got.day)).toBe(-9_999_999_999n);
    // 9,999,999,999 × (9,999.99 − 9,999.9899) = 9,999,999,999 × 0.0001 PKR, to the 1/10,000.
    expect(got?.total).toBe(9_999_999_999n);
    expect(got && formatMoney(got.total)).toBe('1,000,000.00');
    // The float product cannot be it.
    expect(BigInt(Math.round(quantity * 9999.99 * 100))).not.toBe(exact);
  });

  it.each<[string, Quote | undefined]>([
    ['no quote', undefined],
    ['a price of 0 (nothing traded, no price)', quote('X', 0, 0)],
    ['a price that is no number', quote('X', Number.NaN, 0)],
    ['a change that is no number', quote('X', 10, Number.NaN)],
    ['a negative price', quote('X', -1, 0)],
  ])('%s: no figures at all, never zeros', (_name, q) => {
    expect(holdingFigures({ quantity: 10, averagePrice: 5 }, q)).toBeNull();
  });

  it('has no day % when the value at the last close is not above 0', () => {
    const got = holdingFigures({ quantity: 10, averagePrice: 1 }, quote('NEW', 1, 1));
    expect(got?.day).toBe(pkr('10.00'));
    expect(got?.dayPercent).toBeNull();
    expect(percentOf(5n, 0n)).toBeNull();
    expect(percentOf(5n, -3n)).toBeNull();
  });
});

describe('portfolio totals', () => {
  it('sums a hundred holdings exactly where a float sum drifts', () => {
    // Large positions at prices with paisa: every float product is already rounded.
    const rows = Array.from({ length: 100 }, (_, i) => {
      const price = `${1000 + i * 37}.${String((i * 29) % 100).padStart(2, '0')}`;
      const change = `${i % 3 === 0 ? '-' : ''}${(i * 13) % 50}.${String((i * 7) % 100).padStart(2, '0')}`;
      const average = `${900 + i * 41}.${String((i * 1237) % 10_000).padStart(4, '0')}`;
      return { symbol: `S${i}`, quantity: 123_456_789 + i * 98_765_431, price, change, average };
    });
    const holdings: Holdings = Object.fromEntries(rows.map((r) => [r.symbol, { quantity: r.quantity, averagePrice: Number(r.average) }]));
    const quotes = Object.fromEntries(rows.map((r) => [r.symbol, quote(r.symbol, Number(r.price), Number(r.change))]));

    // Independent: the decimal strings as integers, no rounding, no float.
    let value = 0n;
    let day = 0n;
    let cost = 0n;
    for (const r of rows) {
      value += BigInt(r.quantity) * dec(r.price, 4);
      day += BigInt(r.quantity) * dec(r.change, 4);
      cost += BigInt(r.quantity) * dec(r.average, 4);
    }
    const totals = portfolioTotals(holdings, quotes);
    expect(totals).toMatchObject({ count: 100, priced: 100, noPrice: [] });
    expect(totals.figures?.value).toBe(value);
    expect(totals.figures?.day).toBe(day);
    expect(totals.figures?.cost).toBe(cost);
    expect(totals.figures?.total).toBe(value - cost);
    // The percentages from the same exact sums, rounded once.
    expect(totals.figures?.dayPercent).toBe(Number(roundDiv(day * 100_000_000n, value - day)) / 1e6);
    expect(totals.figures?.totalPercent).toBe(Number(roundDiv((value - cost) * 100_000_000n, cost)) / 1e6);

    // What a float sum makes of it: not the paisa.
    const floatValue = rows.reduce((sum, r) => sum + r.quantity * Number(r.price), 0);
    expect(floatValue.toFixed(2)).not.toBe(formatMoney(value).replace(/,/g, ''));
  });

  it('sums small amounts exactly: 0.10 a hundred times is 10.00', () => {
    const holdings: Holdings = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`S${i}`, { quantity: 1, averagePrice: 0.1 }]));
    const quotes = Object.fromEntries(Object.keys(holdings).map((s) => [s, quote(s, 0.2, 0.1)]));
    let float = 0;
    for (let i = 0; i < 100; i++) float += 0.1;
    expect(float).not.toBe(10);
    const totals = portfolioTotals(holdings, quotes);
    expect(totals.figures?.day).toBe(pkr('10.00'));
    expect(totals.figures?.cost).toBe(pkr('10.00'));
    expect(totals.figures?.value).toBe(pkr('20.00'));
    expect(totals.figures?.dayPercent).toBe(100);
  });

  it('leaves out a holding with no quote, names it, and does not count it as zero', () => {
    const holdings: Holdings = { HUBC: { quantity: 500, averagePrice: 98.1234 }, GONE: { quantity: 1_000_000, averagePrice: 50 }, OGDC: { quantity: 1000, averagePrice: 330 } };
    const quotes = { HUBC: quote('HUBC', 113.23, 6.23), OGDC: quote('OGDC', 320.29, -3.49) };
    const totals = portfolioTotals(holdings, quotes);
    expect(totals).toMatchObject({ count: 3, priced: 2, noPrice: ['GONE'] });
    expect(totals.figures?.value).toBe(pkr('56615.00') + pkr('320290.00'));
    expect(totals.figures?.day).toBe(pkr('3115.00') + pkr('-3490.00'));
    // GONE's 50,000,000 PKR of cost is not in the total P&L: that would be a made-up loss.
    expect(totals.figures?.cost).toBe(pkr('49061.70') + pkr('330000.00'));
    expect(totals.figures?.total).toBe(pkr('7553.30') + pkr('-9710.00'));
    expect(formatMoney(totals.figures?.total ?? 0n)).toBe('2,156.70');
    expect(totals.figures?.dayPercent).toBe(Number(roundDiv(pkr('-375.00') * 100_000_000n, pkr('376905.00') - pkr('-375.00'))) / 1e6);
  });

  it('has no figures when no holding has a price, and none when there are no holdings', () => {
    expect(portfolioTotals({ HUBC: { quantity: 1, averagePrice: 1 } }, {})).toEqual({ count: 1, priced: 0, noPrice: ['HUBC'], dayLeftOut: [], figures: null });
    expect(portfolioTotals({}, { HUBC: quote('HUBC', 1, 0) })).toEqual({ count: 0, priced: 0, noPrice: [], dayLeftOut: [], figures: null });
  });

  it("keeps a quote held from an earlier day out of the day P&L and day %, but in the value and total", () => {
    const today = Date.UTC(2026, 9, 15, 6, 0); // Thursday 11:00 PKT
    const yesterday = Date.UTC(2026, 9, 14, 10, 30); // Wednesday 15:30 PKT: HUBC, suspended since
    const holdings: Holdings = { HUBC: { quantity: 100, averagePrice: 100 }, OGDC: { quantity: 10, averagePrice: 300 } };
    const totals = portfolioTotals(holdings, { HUBC: { ...quote('HUBC', 110, 10), readAt: yesterday }, OGDC: { ...quote('OGDC', 320, -5), readAt: today } });
    expect(totals.dayLeftOut).toEqual(['HUBC']);
    // Only OGDC's day: 10 × −5.00; its % over OGDC's value at the last close (3,250).
    expect(totals.figures?.day).toBe(pkr('-50.00'));
    expect(totals.figures?.dayPercent).toBe(Number(roundDiv(pkr('-50.00') * 100_000_000n, pkr('3250.00'))) / 1e6);
    // HUBC's last good price still counts in the value and the total P&L.
    expect(totals.figures?.value).toBe(pkr('11000.00') + pkr('3200.00'));
    expect(totals.figures?.total).toBe(pkr('1000.00') + pkr('200.00'));
    // After the close and overnight every quote is the last day's: none is left out.
    const overnight = portfolioTotals(holdings, { HUBC: { ...quote('HUBC', 110, 10), readAt: yesterday }, OGDC: { ...quote('OGDC', 320, -5), readAt: yesterday } });
    expect(overnight.dayLeftOut).toEqual([]);
    expect(overnight.figures?.day).toBe(pkr('1000.00') + pkr('-50.00'));
  });

  it('nets a portfolio of only falls to a negative day P&L and %', () => {
    const holdings: Holdings = { A: { quantity: 10, averagePrice: 100 }, B: { quantity: 20, averagePrice: 50 } };
    const totals = portfolioTotals(holdings, { A: quote('A', 95, -5), B: quote('B', 49.5, -0.5) });
    expect(totals.figures?.day).toBe(pkr('-60.00'));
    expect(totals.figures?.value).toBe(pkr('1940.00'));
    expect(totals.figures?.dayPercent).toBe(-3);
    expect(totals.figures?.totalPercent).toBe(-3);
  });
});
