/**
 * Money as the popup prints it: PKR to the paisa, thousands separated (`1,234,567.89`),
 * straight from the exact units of pnl.ts, never through a float. A gain or loss carries its
 * sign and an arrow as well as its colour, and says itself in words for screen readers.
 */
import { ARROWS, type Direction } from '../format';
import { unitsToPaisa } from './pnl';

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `1,234.56` for the magnitude of an amount in units (rounded to the paisa, halves away from 0). */
export function formatMoney(units: bigint): string {
  const paisa = unitsToPaisa(units);
  const abs = paisa < 0n ? -paisa : paisa;
  return `${group((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`;
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

const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `+2.15%`, `-0.40%`, `0.00%`: signed, so it reads alone. */
export function formatSignedPercent(percent: number): string {
  const text = twoDecimals.format(Math.abs(percent));
  if (text === '0.00') return '0.00%';
  return `${percent > 0 ? '+' : '-'}${text}%`;
}

/** "gain of 1,234.56 rupees, 2.15 percent", for screen readers. */
export function describeGain(units: bigint, percent: number | null): string {
  const direction = moneyDirection(units);
  const pct = percent === null ? '' : `, ${twoDecimals.format(Math.abs(percent))} percent`;
  if (direction === 'unchanged') return `no gain or loss${pct}`;
  return `${direction === 'up' ? 'gain' : 'loss'} of ${formatMoney(units)} rupees${pct}`;
}
