/**
 * What a holding may be (src/shared/holdings/model.ts) and how typed text is read into one
 * (validate.ts): whole shares from 1 to 10^10, an average price above 0 with at most four
 * decimals up to 1,000,000 PKR, each refusal with words for the form and for an import.
 */
import { describe, expect, it } from 'vitest';
import { averageProblem, MAX_HOLDINGS, normaliseHoldings, quantityProblem, watchedHoldings, type FieldProblem } from '../../../src/shared/holdings/model';
import { checkDraft, checkImported, draftOf, FORM_MESSAGES } from '../../../src/shared/holdings/validate';

describe('quantityProblem', () => {
  it.each<[number, FieldProblem | null]>([
    [1, null],
    [500, null],
    [10_000_000_000, null],
    [10_000_000_001, 'too-large'],
    [0, 'too-small'],
    [-5, 'too-small'],
    [1.5, 'fraction'],
    [Number.NaN, 'not-number'],
    [Number.POSITIVE_INFINITY, 'not-number'],
  ])('%d → %s', (value, problem) => {
    expect(quantityProblem(value)).toBe(problem);
  });
});

describe('averageProblem', () => {
  it.each<[number, FieldProblem | null]>([
    [98.1234, null],
    [0.0001, null],
    [1_000_000, null],
    [113.23, null],
    [0.1 + 0.2, 'too-precise'],
    [98.12345, 'too-precise'],
    [0.00001, 'too-precise'],
    [1_000_000.0001, 'too-large'],
    [0, 'too-small'],
    [-1, 'too-small'],
    [Number.NaN, 'not-number'],
  ])('%d → %s', (value, problem) => {
    expect(averageProblem(value)).toBe(problem);
  });
});

describe('checkDraft: the form', () => {
  it.each<[string, string, string, { quantity: number; averagePrice: number }]>([
    ['plain', '500', '98.5', { quantity: 500, averagePrice: 98.5 }],
    ['grouped thousands and spaces', ' 1,000 ', '1,234.5678', { quantity: 1000, averagePrice: 1234.5678 }],
    ['trailing zeros past four decimals', '10', '98.123400', { quantity: 10, averagePrice: 98.1234 }],
    ['a whole number written with a fraction', '10.0', '.5', { quantity: 10, averagePrice: 0.5 }],
  ])('accepts %s', (_name, quantity, averagePrice, holding) => {
    expect(checkDraft({ quantity, averagePrice })).toEqual({ ok: true, value: holding });
  });

  it.each<[string, string, string, { quantity?: string; averagePrice?: string }]>([
    ['both empty', '', '  ', { quantity: 'Enter how many shares you hold.', averagePrice: 'Enter the average price you paid per share, in PKR.' }],
    ['a fraction of a share', '10.5', '98', { quantity: 'Enter whole shares: PSX trades no fractions of a share.' }],
    ['no shares', '0', '98', { quantity: 'Enter at least 1 share.' }],
    ['too many shares', '10,000,000,001', '98', { quantity: 'Enter at most 10,000,000,000 shares.' }],
    ['exponent notation', '1e3', '98', { quantity: 'Enter the number of shares in digits, such as 500 or 1,000.' }],
    ['a hex number', '0x10', '98', { quantity: 'Enter the number of shares in digits, such as 500 or 1,000.' }],
    ['a negative number', '-5', '98', { quantity: 'Enter the number of shares in digits, such as 500 or 1,000.' }],
    ['five decimals', '10', '98.12345', { averagePrice: 'Enter the average price with at most 4 decimals.' }],
    ['a zero price', '10', '0', { averagePrice: 'Enter an average price above 0.' }],
    ['a price too high', '10', '1000000.5', { averagePrice: 'Enter an average price of at most 1,000,000 PKR.' }],
    ['words', 'many', 'cheap', { quantity: 'Enter the number of shares in digits, such as 500 or 1,000.', averagePrice: 'Enter the average price in digits, such as 98.50.' }],
    ['badly grouped', '1,00', '98', { quantity: 'Enter the number of shares in digits, such as 500 or 1,000.' }],
  ])('refuses %s, with words under each box', (_name, quantity, averagePrice, problems) => {
    expect(checkDraft({ quantity, averagePrice })).toEqual({ ok: false, error: problems });
  });

  it('has a sentence for every problem of every field', () => {
    for (const messages of Object.values(FORM_MESSAGES)) {
      for (const text of Object.values(messages)) expect(text).toMatch(/^Enter .+\.$/);
    }
  });
});

describe('checkImported: a CSV line', () => {
  it.each<[string, string, string]>([
    ['abc', '1', 'the quantity is not a number'],
    ['1.5', '1', 'the quantity is not a whole number of shares'],
    ['', '1', 'no quantity'],
    ['5', '1.00001', 'the average price has more than 4 decimals'],
    ['0', '0', 'the quantity is not above 0 and the average price is not above 0'],
  ])('%j, %j: %s', (quantity, averagePrice, reason) => {
    expect(checkImported({ quantity, averagePrice })).toEqual({ ok: false, error: reason });
  });
});

describe('draftOf', () => {
  it('shows a stored holding in the boxes so that it reads back the same', () => {
    const holding = { quantity: 10_000_000_000, averagePrice: 0.0001 };
    expect(draftOf(holding)).toEqual({ quantity: '10000000000', averagePrice: '0.0001' });
    expect(checkDraft(draftOf(holding))).toEqual({ ok: true, value: holding });
    expect(draftOf(undefined)).toEqual({ quantity: '', averagePrice: '' });
  });
});

describe('normaliseHoldings: whatever storage holds', () => {
  it('keeps valid holdings and drops each invalid one on its own', () => {
    expect(
      normaliseHoldings({
        HUBC: { quantity: 500, averagePrice: 98.1234 },
        ogdc: { quantity: 10, averagePrice: 320 },
        PSO: { quantity: 1.5, averagePrice: 200 },
        KEL: { quantity: 10, averagePrice: 3.12345 },
        'not a symbol': { quantity: 1, averagePrice: 1 },
        LUCK: { quantity: '10', averagePrice: 1 },
        SYS: null,
      }),
    ).toEqual({ HUBC: { quantity: 500, averagePrice: 98.1234 }, OGDC: { quantity: 10, averagePrice: 320 } });
  });

  it.each([undefined, null, 7, 'HUBC', [{ quantity: 1, averagePrice: 1 }]])('reads %j as no holdings', (raw) => {
    expect(normaliseHoldings(raw)).toEqual({});
  });

  it(`keeps at most ${MAX_HOLDINGS}`, () => {
    const many = Object.fromEntries(Array.from({ length: MAX_HOLDINGS + 5 }, (_, i) => [`S${i}`, { quantity: 1, averagePrice: 1 }]));
    expect(Object.keys(normaliseHoldings(many))).toHaveLength(MAX_HOLDINGS);
  });
});

describe('watchedHoldings', () => {
  it("gives the watchlist's holdings in its order, and leaves the others out", () => {
    const holdings = { OGDC: { quantity: 1, averagePrice: 1 }, HUBC: { quantity: 2, averagePrice: 2 }, GONE: { quantity: 3, averagePrice: 3 } };
    expect(Object.keys(watchedHoldings(holdings, ['HUBC', 'PSO', 'OGDC']))).toEqual(['HUBC', 'OGDC']);
  });
});
