/** Money as printed (src/shared/holdings/money.ts): from exact units, paisa, separators, sign and arrow. */
import { describe, expect, it } from 'vitest';
import { describeGain, formatGain, formatMoney, formatSignedPercent, moneyDirection } from '../../../src/shared/holdings/money';

describe('formatMoney', () => {
  it.each<[bigint, string]>([
    [0n, '0.00'],
    [566_150_000n, '56,615.00'],
    [9_999n, '1.00'],
    [49n, '0.00'],
    [50n, '0.01'],
    [-50n, '0.01'],
    [12_345_678_912_345n, '1,234,567,891.23'],
    [999_999_999_999_999_999_900n, '99,999,999,999,999,999.99'],
    [999_999_999_999_999_999_999n, '100,000,000,000,000,000.00'],
  ])('%s units → %s', (units, text) => {
    expect(formatMoney(units)).toBe(text);
  });
});

describe('formatGain: arrow and sign, never colour alone', () => {
  it.each<[bigint, string, string]>([
    [31_150_000n, '▲ +3,115.00', 'up'],
    [-34_900_000n, '▼ -3,490.00', 'down'],
    [0n, '0.00', 'unchanged'],
    // Less than half a paisa prints as 0.00, and is then no gain.
    [-49n, '0.00', 'unchanged'],
  ])('%s → %s', (units, text, direction) => {
    expect(formatGain(units)).toBe(text);
    expect(moneyDirection(units)).toBe(direction);
  });
});

describe('formatSignedPercent and describeGain', () => {
  it.each<[number, string]>([
    [5.82243, '+5.82%'],
    [-1.077892, '-1.08%'],
    [0.004, '0.00%'],
    [-0.004, '0.00%'],
    [1234.5, '+1,234.50%'],
  ])('%d → %s', (percent, text) => {
    expect(formatSignedPercent(percent)).toBe(text);
  });

  it('says a gain or a loss in words', () => {
    expect(describeGain(31_150_000n, 5.82243)).toBe('gain of 3,115.00 rupees, 5.82 percent');
    expect(describeGain(-34_900_000n, null)).toBe('loss of 3,490.00 rupees');
    expect(describeGain(0n, 0)).toBe('no gain or loss, 0.00 percent');
  });
});
