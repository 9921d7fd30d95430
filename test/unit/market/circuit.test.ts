import { describe, expect, it } from 'vitest';
import { circuitBand, lockState, type CircuitBand, type LockState } from '../../../src/shared/market/circuit';

describe('circuitBand: 10 % of LDCP or Re 1, whichever is higher (since 22 July 2024)', () => {
  it.each<[number | null, CircuitBand | null]>([
    // 10 % decides, on the tick.
    [100, { upper: 110, lower: 90, rounded: false }],
    [201, { upper: 221.1, lower: 180.9, rounded: false }],
    // 10 % decides between two ticks: the allowance (20.187) is rounded down to 20.18.
    [201.87, { upper: 222.05, lower: 181.69, rounded: true }],
    [12.34, { upper: 13.57, lower: 11.11, rounded: true }],
    [323.78, { upper: 356.15, lower: 291.41, rounded: true }],
    // Where 10 % and Re 1 meet.
    [10, { upper: 11, lower: 9, rounded: false }],
    [10.05, { upper: 11.05, lower: 9.05, rounded: true }],
    // Tiny prices: Re 1 decides.
    [9.99, { upper: 10.99, lower: 8.99, rounded: false }],
    [2.5, { upper: 3.5, lower: 1.5, rounded: false }],
    [1.3, { upper: 2.3, lower: 0.3, rounded: false }],
    // Below Re 1 the lower limit would pass zero: it stops at the tick.
    [0.5, { upper: 1.5, lower: 0.01, rounded: false }],
    [1, { upper: 2, lower: 0.01, rounded: false }],
    [0.01, { upper: 1.01, lower: 0.01, rounded: false }],
    // Large prices stay exact in paisa.
    [35123.45, { upper: 38635.79, lower: 31611.11, rounded: true }],
    // No LDCP, no band.
    [null, null],
    [0, null],
    [-5, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [0.004, null],
  ])('LDCP %s → %j', (ldcp, band) => {
    expect(circuitBand(ldcp)).toEqual(band);
  });
});

describe('lockState', () => {
  const at = (price: number, previousClose: number | null): LockState => lockState({ price, previousClose });

  it.each<[string, number, number | null, LockState]>([
    // An exact band (LDCP 100: 90–110): at, just inside and just outside each limit.
    ['at the upper limit', 110, 100, 'upper'],
    ['a tick inside the upper limit', 109.99, 100, null],
    ['a tick beyond the upper limit (not this band)', 110.01, 100, null],
    ['at the lower limit', 90, 100, 'lower'],
    ['a tick inside the lower limit', 90.01, 100, null],
    ['a tick beyond the lower limit (not this band)', 89.99, 100, null],
    ['within half a tick of the limit', 109.996, 100, 'upper'],
    ['unchanged', 100, 100, null],
    // A rounded band (LDCP 201.87: 181.69–222.05; 222.057 and 181.683 exactly).
    ['at the rounded upper limit', 222.05, 201.87, 'upper'],
    ['a tick inside it', 222.04, 201.87, null],
    ['at the tick beyond it, where an exchange rounding to nearest puts its limit', 222.06, 201.87, 'upper'],
    ['two ticks beyond it', 222.07, 201.87, null],
    ['at the rounded lower limit', 181.69, 201.87, 'lower'],
    ['a tick inside it', 181.7, 201.87, null],
    ['at the tick beyond it', 181.68, 201.87, 'lower'],
    ['two ticks beyond it', 181.67, 201.87, null],
    // Tiny prices, where Re 1 decides.
    ['LDCP 2.50 at 3.50', 3.5, 2.5, 'upper'],
    ['LDCP 2.50 at 3.49', 3.49, 2.5, null],
    ['LDCP 2.50 at 3.51', 3.51, 2.5, null],
    ['LDCP 2.50 at 1.50', 1.5, 2.5, 'lower'],
    ['LDCP 2.50 at 1.51', 1.51, 2.5, null],
    ['LDCP 2.50 at 1.49', 1.49, 2.5, null],
    ['LDCP 2.50 at 2.75 (+10 %, far from a rupee)', 2.75, 2.5, null],
    ['LDCP 0.50 at 1.50', 1.5, 0.5, 'upper'],
    ['LDCP 0.50 at 1.49', 1.49, 0.5, null],
    ['LDCP 0.50 at 0.01, the lowest price there is', 0.01, 0.5, 'lower'],
    ['LDCP 0.50 at 0.02', 0.02, 0.5, null],
    ['LDCP 0.50 at 0.45 (−10 %)', 0.45, 0.5, null],
    // Without an LDCP nothing can be said.
    ['no LDCP', 110, null, null],
    ['an LDCP of 0', 1, 0, null],
  ])('%s (%s, LDCP %s) → %s', (_name, price, ldcp, expected) => {
    expect(at(price, ldcp)).toBe(expected);
  });

  it('a price that is not a number is no lock', () => {
    expect(at(Number.NaN, 100)).toBe(null);
  });

  describe('a band the data gives wins over the rule', () => {
    const band = { upper: 105, lower: 95 };
    it.each<[number, LockState]>([
      [105, 'upper'],
      [104.99, null],
      // Exact limits from the source: no tick of slack beyond them.
      [105.01, null],
      [95, 'lower'],
      [95.01, null],
      [94.99, null],
      // The rule's limit is not the source's.
      [110, null],
      [90, null],
    ])('%s → %s', (price, expected) => {
      expect(lockState({ price, previousClose: 100 }, band)).toBe(expected);
    });

    it('even without an LDCP', () => {
      expect(lockState({ price: 105, previousClose: null }, band)).toBe('upper');
    });
  });
});
