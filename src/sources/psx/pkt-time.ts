import { PKT_OFFSET_MS } from '../../shared/session';

export { PKT_OFFSET_MS };

/**
 * `2026-10-14 11:41:50`, a wall-clock time in PKT as the portal prints it, to a UTC epoch.
 * Anything else (the portal's `13-10-2026` style, out-of-range fields) is null, not a guess.
 */
export function pktDateTimeToEpoch(text: string | null): number | null {
  if (text === null) return null;
  const [date = '', time = '00:00:00', ...rest] = text.trim().split(/\s+|T/).filter((p) => p !== '');
  if (rest.length > 0) return null;
  const dateParts = date.split('-');
  const timeParts = time.split(':');
  if (dateParts.length !== 3 || dateParts[0]?.length !== 4 || timeParts.length < 2 || timeParts.length > 3) return null;
  const [y, mo, d] = dateParts.map(Number) as [number, number, number];
  const [h, mi, s = 0] = timeParts.map(Number) as [number, number, number?];
  const fields: [number, number, number][] = [[mo, 1, 12], [d, 1, 31], [h, 0, 23], [mi, 0, 59], [s, 0, 59]];
  if (!Number.isInteger(y) || fields.some(([v, lo, hi]) => !Number.isInteger(v) || v < lo || v > hi)) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - PKT_OFFSET_MS;
  // Date.UTC rolls 31 February into March; a date that rolled over was not a date.
  return new Date(utc + PKT_OFFSET_MS).getUTCDate() === d ? utc : null;
}
