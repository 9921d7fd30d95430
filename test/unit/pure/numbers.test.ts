import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asPrice,
  asSigned,
  asVolume,
  changeAgrees,
  jsonNumber,
  parseDecimal,
  parseDisplayNumber,
  parseRawNumber,
  percentAgrees,
} from '../../../src/sources/numbers';

describe('parseRawNumber', () => {
  it.each<[string | null | undefined, number | null]>([
    ['-0.2404529', -0.2404529],
    ['203', 203],
    ['  42.5  ', 42.5],
    ['0', 0],
    // Number() would read every one of these; the strict reader reads none.
    ['1e3', null],
    ['', null],
    ['  ', null],
    [null, null],
    [undefined, null],
    ['abc', null],
    ['12abc', null],
    ['NaN', null],
    ['Infinity', null],
    ['-Infinity', null],
    ['1,445', null],
  ])('%j → %j', (raw, expected) => {
    expect(parseRawNumber(raw)).toBe(expected);
  });
});

describe('parseDisplayNumber', () => {
  it.each<[string | null | undefined, number | null]>([
    ['1,445,702', 1445702],
    ['-1.08%', -1.08],
    ['(-0.24%)', -0.24],
    // Parentheses wrap, they do not negate: the portal prints `(0.06%)` for a rise.
    ['(0.06%)', 0.06],
    ['\u22123.49', -3.49], // U+2212 MINUS SIGN
    ['\u20133.49', -3.49], // U+2013 EN DASH
    ['\uFF0D3.49', -3.49], // U+FF0D FULLWIDTH HYPHEN-MINUS
    ['+0.84', 0.84],
    ['\u25B2 0.84', 0.84],
    // The down arrow is ignored too: callers take the sign from the portal's sign class.
    ['\u25BC 0.84', 0.84],
    ['\u00a01,020.45', 1020.45],
    ['1\u202F020.45', 1020.45],
    [' 55,391.27 \n', 55391.27],
    ['.5', 0.5],
    ['12.3.4', null],
    ['6.23 (5.82%)', null],
    ['abc', null],
    ['12 PKR', null],
    ['', null],
    ['-', null],
    ['.', null],
    ['%', null],
    ['1.2-', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (text, expected) => {
    expect(parseDisplayNumber(text)).toBe(expected);
  });

  // Two numbers in one cell are unreadable, not fused (`113 (5%)` must not read as 1135).
  it.each<[string, null]>([
    ['113 (5%)', null],
    ['12 34', null],
  ])('two numbers %j → null', (text, expected) => {
    expect(parseDisplayNumber(text)).toBe(expected);
  });
});

// Issue 10: `Number()` reads hex, binary, octal, exponents and Infinity. Decimals only.
describe('the strict decimal grammar', () => {
  it.each<[string, string, number | null]>([
    ['hex', '0x1A', null],
    ['hex, upper case', '0X1A', null],
    ['binary', '0b101', null],
    ['octal', '0o17', null],
    ['exponent', '1e3', null],
    ['exponent with a sign', '2.5E-2', null],
    ['exponent without a mantissa', 'e5', null],
    ['Infinity', 'Infinity', null],
    ['signed Infinity', '+Infinity', null],
    ['NaN', 'NaN', null],
    ['empty', '', null],
    ['a lone sign', '-', null],
    ['a lone point', '.', null],
    ['a trailing point', '5.', null],
    ['two points', '1.2.3', null],
    ['two signs', '--5', null],
    ['a sign after the digits', '5-', null],
    ['an underscore separator (a JS literal, not a number)', '1_000', null],
    ['a thousands separator (raw values have none)', '1,445', null],
    ['too large for a double', '9'.repeat(400), null],
    ['digits', '203', 203],
    ['a plus sign', '+0.84', 0.84],
    ['a minus sign', '-3.49', -3.49],
    ['a leading point', '.5', 0.5],
    ['leading zeros', '007.50', 7.5],
    ['negative zero is zero', '-0', 0],
  ])('%s: %j → %j', (_name, text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each<[string, string, number | null]>([
    ['padding', '  42.5  ', 42.5],
    ['a tab and a newline', '\t42.5\n', 42.5],
    ['only whitespace', ' \t\n ', null],
    ['whitespace inside', '4 2', null],
    ['a no-break space (not padding in a raw value)', '\u00A042', null],
    ['hex with padding', ' 0x10 ', null],
    ['an exponent with padding', ' 1e3 ', null],
  ])('raw value, %s: %j → %j', (_name, raw, expected) => {
    expect(parseRawNumber(raw)).toBe(expected);
  });

  it.each<[string, string, number | null]>([
    ['groups of three', '1,445,702', 1445702],
    ['South Asian grouping', '14,45,702', 1445702],
    ['no-break space groups', '1\u00A0445\u00A0702', 1445702],
    ['grouped with decimals', '55,391.27', 55391.27],
    ['a decimal comma is not a separator', '1,5', null],
    ['a group of four', '12,3456', null],
    ['a short last group', '1,445,70', null],
    ['a separator first', ',445', null],
    ['a separator last', '445,', null],
    ['two separators in a row', '1,,445', null],
    ['mixed separators', '1,445\u00A0702', null],
    ['a separator in the decimals', '1.234,5', null],
    ['a plain space is not a separator', '1 445', null],
    ['hex in text', '0x1A', null],
    ['an exponent in text', '1.5e3', null],
    ['Infinity in text', 'Infinity', null],
    ['only whitespace', '   ', null],
    ['padding', ' \n 12.50 \t', 12.5],
    ['two percent signs', '5%%', null],
    ['an unclosed parenthesis', '(5%', null],
    ['an unopened parenthesis', '5%)', null],
    ['two arrows', '\u25B2\u25B2 5', null],
  ])('formatted text, %s: %j → %j', (_name, text, expected) => {
    expect(parseDisplayNumber(text)).toBe(expected);
  });
});

describe('what a figure may be', () => {
  it.each<[string, number | null, number | null]>([
    ['a price', 202.71, 202.71],
    ['a negative price', -202.71, null],
    ['a zero price (no trade)', 0, null],
    ['no price', null, null],
    ['an infinite price', Infinity, null],
    ['NaN', Number.NaN, null],
  ])('asPrice: %s', (_name, value, expected) => {
    expect(asPrice(value)).toBe(expected);
  });

  it('reads a negative price in a cell as no price', () => {
    expect(asPrice(parseRawNumber('-202.71'))).toBe(null);
    expect(asPrice(parseDisplayNumber('-202.71'))).toBe(null);
  });

  it.each<[string, number | null, number | null]>([
    ['a volume', 1445702, 1445702],
    ['no trades', 0, 0],
    ['a fraction of a share', 1.5, null],
    ['negative', -5, null],
    ['beyond a safe integer', 2 ** 60, null],
    ['absent', null, null],
  ])('asVolume: %s', (_name, value, expected) => {
    expect(asVolume(value)).toBe(expected);
  });

  it.each<[string, number | null, number | null]>([
    ['a rise', 0.84, 0.84],
    ['a fall', -3.49, -3.49],
    ['unchanged', 0, 0],
    ['negative zero', -0, 0],
    ['infinite', -Infinity, null],
    ['absent', null, null],
  ])('asSigned: %s', (_name, value, expected) => {
    expect(asSigned(value)).toBe(expected);
  });

  it.each<[string, unknown, number | null]>([
    ['a number', 203, 203],
    ['a numeric string', '203', null],
    ['a hex string', '0x10', null],
    ['NaN', Number.NaN, null],
    ['null', null, null],
    ['a boolean', true, null],
  ])('jsonNumber: %s', (_name, value, expected) => {
    expect(jsonNumber(value)).toBe(expected);
  });
});

describe('cross-checks', () => {
  it.each<[string, number, number, number, boolean]>([
    ['the portal\'s own row (HUBC)', 202.71, 201.87, 0.84, true],
    ['unchanged', 6.12, 6.12, 0, true],
    ['a change rounded to two decimals', 10.1234, 10, 0.12, true],
    ['one tick out', 10.01, 10, 0.0, true],
    ['two ticks out', 10.02, 10, 0.0, false],
    ['the wrong sign', 9.5, 10, 0.5, false],
    ['a price from the LOW column', 201.1, 201.87, 0.84, false],
  ])('changeAgrees: %s', (_name, price, ldcp, change, expected) => {
    expect(changeAgrees(price, ldcp, change)).toBe(expected);
  });

  it.each<[string, number, number, number, boolean]>([
    ['the portal\'s full-precision %', 201.87, 0.84, 0.4161093773220389, true],
    ['the printed %, rounded to two decimals', 201.87, 0.84, 0.42, true],
    ['a penny share, one tick of change', 1.3, -0.09, -6.92, true],
    ['the change read as the %', 201.87, 0.84, 0.84, false],
    ['the wrong sign', 201.87, 0.84, -0.42, false],
    ['a fraction instead of a percentage', 201.87, 0.84, 0.004161, false],
    ['no base to measure against', 0, 0.84, 0.42, false],
  ])('percentAgrees: %s', (_name, ldcp, change, percent, expected) => {
    expect(percentAgrees(ldcp, change, percent)).toBe(expected);
  });
});

// parseDecimal converts most values itself (digits ÷ 10^decimals) rather than through Number():
// it must give exactly what Number() gives for every text the grammar accepts, and nothing else.
describe('parseDecimal against Number()', () => {
  const GRAMMAR = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
  const decimalText = fc
    .array(fc.constantFrom('0', '1', '2', '5', '9', '.', '-', '+', 'e', 'x', ' '), { maxLength: 24 })
    .map((chars) => chars.join(''));
  const plausible = fc
    .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,20}$/), fc.option(fc.stringMatching(/^\d{0,24}$/), { nil: null }))
    .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === null ? '' : `.${fraction}`}`);

  it('reads exactly what Number() reads, and only what the grammar allows', () => {
    fc.assert(
      fc.property(fc.oneof(decimalText, plausible), (text) => {
        const expected = GRAMMAR.test(text) ? Number(text) : null;
        expect(parseDecimal(text)).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back every double written as a decimal', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }),
          fc.tuple(fc.maxSafeInteger(), fc.nat(22)).map(([digits, places]) => digits / 10 ** places),
        ),
        (value) => {
          const text = String(value);
          fc.pre(!text.includes('e')); // String() writes exponents below 1e-6 and above 1e21
          expect(parseDecimal(text)).toBe(value === 0 ? 0 : value);
        },
      ),
      { numRuns: 3000, maxSkipsPerRun: 1000 },
    );
  });
});
