/**
 * Feed dates: RFC 2822 in RSS (`Wed, 14 Oct 2026 11:02:00 +0500`), ISO 8601 in Atom and
 * Dublin Core. Both engines' Date.parse read these, but not identically for odd inputs, so the
 * RFC 2822 form is read by hand and the rest must be ISO-like.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = { UT: 0, GMT: 0, Z: 0, EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7 };

export function parseFeedDate(text: string | null | undefined): number | null {
  if (text == null) return null;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return parseRfc2822(trimmed) ?? parseIso(trimmed);
}

function parseRfc2822(text: string): number | null {
  // [Day,] DD Mon YYYY HH:MM[:SS] zone
  const parts = text.replace(/^[A-Za-z]{3},?\s*/, '').split(/\s+/);
  if (parts.length < 4) return null;
  const [dd, mon, yyyy, hms, zone = 'GMT'] = parts as [string, string, string, string, string?];
  const month = MONTHS.indexOf(mon.slice(0, 3).toLowerCase());
  const day = Number(dd);
  let year = Number(yyyy);
  const [h, m, s = '0'] = hms.split(':');
  if (month === -1 || !Number.isInteger(day) || !Number.isInteger(year) || h === undefined || m === undefined) return null;
  if (year < 100) year += year < 50 ? 2000 : 1900;
  const offsetMinutes = zoneOffsetMinutes(zone);
  if (offsetMinutes === null) return null;
  const utc = Date.UTC(year, month, day, Number(h), Number(m), Number(s)) - offsetMinutes * 60_000;
  return Number.isFinite(utc) ? utc : null;
}

function zoneOffsetMinutes(zone: string): number | null {
  const upper = zone.toUpperCase();
  if (upper in ZONES) return (ZONES[upper] ?? 0) * 60;
  if (/^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  }
  return null;
}

function parseIso(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const value = Date.parse(text);
  return Number.isNaN(value) ? null : value;
}
