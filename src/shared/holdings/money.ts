/**
 * Money as the popup prints it: PKR to the paisa, thousands separated (`1,234,567.89`),
 * straight from the exact units of pnl.ts, never through a float; in the display's digits and
 * separators (i18n/display.ts). A gain or loss carries its sign and an arrow as well as its
 * colour, and says itself in words for screen readers, in the display language.
 */
import { ARROWS, type Direction } from '../format';
import { numberFormat } from '../i18n/display';
import { sentences } from '../i18n/sentences';
import { unitsToPaisa } from './pnl';

const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const PAISA: Intl.NumberFormatOptions = { minimumIntegerDigits: 2, useGrouping: false };
const TWO_DECIMALS: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/** The display's decimal separator (`.` in both languages with Latin digits, `٫` with Urdu ones). */
const decimalSeparator = (): string => numberFormat(TWO_DECIMALS).formatToParts(0.5).find((p) => p.type === 'decimal')?.value ?? '.';

/** `1,234.56` for the magnitude of an amount in units (rounded to the paisa, halves away from 0). */
export function formatMoney(units: bigint): string {
  const paisa = unitsToPaisa(units);
  const abs = paisa < 0n ? -paisa : paisa;
  // The rupees as a bigint, exact at any size; the paisa as two digits.
  return `${numberFormat(WHOLE).format(abs / 100n)}${decimalSeparator()}${numberFormat(PAISA).format(Number(abs % 100n))}`;
}

/** The direction of an amount as printed: one that rounds to 0.00 is unchanged. */
export function moneyDirection(units: bigint): Direction {
  const paisa = unitsToPaisa(units);
  return paisa > 0n ? 'up' : paisa < 0n ? 'down' : 'unchanged';
}

/** `▲ +1,234.56`, `▼ -12.00`, `0.00`: arrow and sign, so colour is never the only cue. */
export function formatGain(units: bigint): string {
  const direction = moneyDirection(units);
  const sign = direction === 'up' ? '+' : direction === 'down' ? '-' : '';
  return `${ARROWS[direction] ? `${ARROWS[direction]} ` : ''}${sign}${formatMoney(units)}`;
}

const twoDecimals = (value: number): string => numberFormat(TWO_DECIMALS).format(value);

/** `+2.15%`, `-0.40%`, `0.00%`: signed, so it reads alone. */
export function formatSignedPercent(percent: number): string {
  const text = twoDecimals(Math.abs(percent));
  if (text === twoDecimals(0)) return `${text}%`;
  return `${percent > 0 ? '+' : '-'}${text}%`;
}

/** "gain of 1,234.56 rupees, 2.15 percent", for screen readers. */
export function describeGain(units: bigint, percent: number | null): string {
  const direction = moneyDirection(units);
  const text = sentences();
  const values = { amount: formatMoney(units), ...(percent === null ? {} : { percent: twoDecimals(Math.abs(percent)) }) };
  if (direction === 'unchanged') return text.t(percent === null ? 'money_none' : 'money_none_percent', values);
  if (direction === 'up') return text.t(percent === null ? 'money_gain' : 'money_gain_percent', values);
  return text.t(percent === null ? 'money_loss' : 'money_loss_percent', values);
}
