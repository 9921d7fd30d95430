/**
 * The one parser both alert forms read a typed number with (src/ui/parse-number.ts): a plain
 * decimal, thousands separators allowed; anything `Number()` would also take ("0x1F", "1e3")
 * is refused, never read as a figure the user did not type.
 */
import { describe, expect, it } from 'vitest';
import { parseThreshold } from '../../../src/popup/components/AlertForm';
import { thresholdOf } from '../../../src/options/components/AlertForm';
import { marginProblem, parseDecimal } from '../../../src/ui/parse-number';

describe('parseDecimal', () => {
  it.each([
    ['113', 113],
    ['113.23', 113.23],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['007', 7],
    ['0', 0],
    ['1,000', 1000],
    ['1,000,000', 1_000_000],
    ['12,345.6789', 12_345.6789],
    ['  60,000  ', 60_000],
    // Urdu digits, as the Urdu digits option shows figures and an Urdu keyboard types them.
    ['۱۱۳٫۲۳', 113.23],
    ['۶۰٬۰۰۰', 60_000],
    ['٢٠٢.٧١', 202.71],
  ])('accepts %j as %d', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each([
    '',
    '   ',
    '0x1F',
    '0X1f',
    '0b11',
    '0o17',
    '1e3',
    '1E3',
    '1.5e2',
    'Infinity',
    '-Infinity',
    'NaN',
    'abc',
    '12abc',
    '-5',
    '+5',
    '1.2.3',
    '.',
    ',',
    '1,00',
    '1,0000',
    '10,00,000',
    '1,,000',
    ',100',
    '100,',
    '1,000.5,0',
    '1 000',
    '1_000',
    '１２３',
  ])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNaN();
  });

  it('is the parser of both forms', () => {
    expect(parseThreshold).toBe(parseDecimal);
    expect(thresholdOf).toBe(parseDecimal);
  });
});

describe('marginProblem', () => {
  it.each([0.01, 0.5, 2.25, 10])('accepts %d %', (value) => {
    expect(marginProblem(value)).toBeNull();
  });

  it.each([0, -0.5, 10.01, 100, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d', (value) => {
    expect(marginProblem(value)).toBe('Enter a margin above 0 and at most 10 %.');
  });
});
