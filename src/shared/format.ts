/**
 * Numbers and times as the Business Recorder ticker writes them:
 * `HUBC 113.23 ▲ 6.23 (5.82%)`, indices as `55,391.27`.
 */
import type { TimeZoneChoice } from './settings';

export type Direction = 'up' | 'down' | 'unchanged';

const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Prices and index values: thousands separators, always two decimals. */
export function formatPrice(value: number): string {
  return twoDecimals.format(value);
}

export function formatVolume(value: number): string {
  return wholeNumber.format(value);
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
  return twoDecimals.format(Math.abs(change));
}

/** `5.82%`, unsigned for the same reason. */
export function formatAbsPercent(percent: number): string {
  return `${twoDecimals.format(Math.abs(percent))}%`;
}

/** What a screen reader says instead of arrows and colours. */
export function describeChange(change: number, percent: number): string {
  const direction = directionOf(change);
  if (direction === 'unchanged') return 'Unchanged';
  const verb = direction === 'up' ? 'Increased' : 'Decreased';
  return `${verb} by ${formatAbsChange(change)}, ${twoDecimals.format(Math.abs(percent))} percent`;
}

/** " PKT" after a time shown in Pakistan time by the user's choice; nothing after the browser's own zone. */
export function zoneSuffix(zone: TimeZoneChoice): string {
  return zone === 'Asia/Karachi' ? ' PKT' : '';
}

/** A clock time (`11:42`) in the user's zone, or in Pakistan time when they chose it. */
export function formatClock(epochMs: number, zone: TimeZoneChoice = 'local'): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(zone === 'local' ? {} : { timeZone: zone }),
  }).format(epochMs);
}

/** A date and time for data older than today (`14 Oct, 11:42`). */
export function formatDateTime(epochMs: number, zone: TimeZoneChoice = 'local'): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(zone === 'local' ? {} : { timeZone: zone }),
  }).format(epochMs);
}

/** The clock time alone when `epochMs` is the same calendar day as `now`, else date and time. */
export function formatWhen(epochMs: number, now: number, zone: TimeZoneChoice = 'local'): string {
  const day = (t: number): string =>
    new Intl.DateTimeFormat('en-CA', zone === 'local' ? {} : { timeZone: zone }).format(t);
  return day(epochMs) === day(now) ? formatClock(epochMs, zone) : formatDateTime(epochMs, zone);
}

/** `6 s ago` under a minute, then as formatRelative: for "Updated 6 s ago" after a Refresh. */
export function formatAgo(epochMs: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  return seconds < 60 ? `${seconds} s ago` : formatRelative(epochMs, now);
}

/** `just now`, `5 min ago`, `3 h ago`, `2 d ago`. Future times (clock skew) read as just now. */
export function formatRelative(epochMs: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}
