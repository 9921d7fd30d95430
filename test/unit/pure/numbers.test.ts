import { describe, expect, it } from 'vitest';
import { parseDisplayNumber, parseRawNumber } from '../../../src/sources/numbers';

describe('parseRawNumber', () => {
  it.each<[string | null | undefined, number | null]>([
    ['-0.2404529', -0.2404529],
    ['203', 203],
    ['  42.5  ', 42.5],
    ['0', 0],
    ['1e3', 1000],
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
