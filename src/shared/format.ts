/**
 * Numbers and times as the Business Recorder ticker writes them:
 * `HUBC 113.23 ▲ 6.23 (5.82%)`, indices as `55,391.27`; in the page's display language and
 * digits (i18n/display.ts): Urdu month names and relative times, Latin digits unless the user
 * chose Urdu ones.
 */
import { common } from './i18n/common';
import { dateFormat, numberFormat, relativeFormat } from './i18n/display';
import type { TimeZoneChoice } from './settings';

export type Direction = 'up' | 'down' | 'unchanged';

const TWO_DECIMALS: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const twoDecimals = (value: number): string => numberFormat(TWO_DECIMALS).format(value);

/** Prices and index values: thousands separators, always two decimals. */
export function formatPrice(value: number): string {
  return twoDecimals(value);
}

export function formatVolume(value: number): string {
  return numberFormat(WHOLE).format(value);
}

/** A count or any other whole number in the display's digits (`1,234`). */
export function formatCount(value: number): string {
  return numberFormat(WHOLE).format(value);
}

/**
 * The direction of a change as displayed: a change that rounds to 0.00 is shown as unchanged,
 * so the arrow never contradicts the printed figure.
 */
export function directionOf(change: number): Direction {
  // Round the magnitude: Math.round(-0.5) is -0, which would call -0.005 unchanged but 0.005 up.
  const shown = Math.sign(change) * Math.round(Math.abs(change) * 100);
  return shown > 0 ? 'up' : shown < 0 ? 'down' : 'unchanged';
}

export const ARROWS: Record<Direction, string> = { up: '\u25B2', down: '\u25BC', unchanged: '' };

/** `6.23` for the absolute change; the arrow carries the sign. */
export function formatAbsChange(change: number): string {
  return twoDecimals(Math.abs(change));
}

/** `5.82%`, unsigned for the same reason. */
export function formatAbsPercent(percent: number): string {
  return `${twoDecimals(Math.abs(percent))}%`;
}

/** What a screen reader says instead of arrows and colours. */
export function describeChange(change: number, percent: number): string {
  const direction = directionOf(change);
  if (direction === 'unchanged') return common().t('change_unchanged');
  const values = { change: formatAbsChange(change), percent: twoDecimals(Math.abs(percent)) };
  return common().t(direction === 'up' ? 'change_increased' : 'change_decreased', values);
}

/** " PKT" after a time shown in Pakistan time by the user's choice; nothing after the browser's own zone. */
export function zoneSuffix(zone: TimeZoneChoice): string {
  return zone === 'Asia/Karachi' ? ` ${common().t('zone_pkt')}` : '';
}

/** A clock time (`11:42`) in the user's zone, or in Pakistan time when they chose it. */
export function formatClock(epochMs: number, zone: TimeZoneChoice = 'local'): string {
  return dateFormat(zone === 'local' ? CLOCK : { ...CLOCK, timeZone: zone }).format(epochMs);
}
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hour12: false };
const DATE_TIME: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false };

/** A date and time for data older than today (`14 Oct, 11:42`). */
export function formatDateTime(epochMs: number, zone: TimeZoneChoice = 'local'): string {
  return dateFormat(zone === 'local' ? DATE_TIME : { ...DATE_TIME, timeZone: zone }).format(epochMs);
}

/** The clock time alone when `epochMs` is the same calendar day as `now`, else date and time. */
export function formatWhen(epochMs: number, now: number, zone: TimeZoneChoice = 'local'): string {
  const day = (t: number): string =>
    new Intl.DateTimeFormat('en-CA', zone === 'local' ? {} : { timeZone: zone }).format(t);
  return day(epochMs) === day(now) ? formatClock(epochMs, zone) : formatDateTime(epochMs, zone);
}

/** `6 sec ago` under a minute, then as formatRelative: for "Updated 6 sec ago" after a Refresh. */
export function formatAgo(epochMs: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  return seconds < 60 ? relativeFormat().format(-seconds, 'second') : formatRelative(epochMs, now);
}

/**
 * `just now`, `5 min ago`, `3 hr ago`, `2 days ago` (Intl's short style, in Urdu `5 منٹ پہلے`).
 * Future times (clock skew) read as just now.
 */
export function formatRelative(epochMs: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  if (seconds < 60) return common().t('just_now');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return relativeFormat().format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return relativeFormat().format(-hours, 'hour');
  return relativeFormat().format(-Math.floor(hours / 24), 'day');
}
