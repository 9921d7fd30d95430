/** Pakistan Standard Time is UTC+5 all year (no daylight saving since 2009). */
export const PKT_OFFSET_MS = 5 * 60 * 60 * 1000;

/** `2026-10-14 11:41:50`, a wall-clock time in PKT as the portal prints it, to a UTC epoch. */
export function pktDateTimeToEpoch(text: string | null): number | null {
  if (text === null) return null;
  const [date, time = '00:00:00'] = text.trim().split(/[ T]/);
  const [y, mo, d] = (date ?? '').split('-').map(Number);
  const [h = 0, mi = 0, s = 0] = time.split(':').map(Number);
  if (!y || !mo || !d || [h, mi, s].some((n) => !Number.isInteger(n))) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - PKT_OFFSET_MS;
  return Number.isNaN(utc) ? null : utc;
}
