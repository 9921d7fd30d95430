/**
 * Numbers as the sources write them. Raw values (`data-order`, JSON) are preferred everywhere;
 * `parseDisplayNumber` is only the fallback for cells the portal prints without one.
 */

/** A raw machine value such as `data-order="-0.2404529"`; null when absent or not a number. */
export function parseRawNumber(raw: string | null | undefined): number | null {
  if (raw == null) return null;
  const trimmed = raw.trim();
  // Number('') is 0: an empty attribute must mean "no value", not zero.
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

const MINUS_SIGNS = new Set(['-', '\u2212', '\u2012', '\u2013', '\uFE63', '\uFF0D']);
const IGNORED = new Set(['%', '(', ')', '+', ' ', '\t', '\n', '\r']);

/**
 * A number as printed for people: `1,445,702`, `-1.08%`, `(−0.24%)`, `▲ 0.84`.
 * Parentheses are treated as wrappers, not as accounting negatives: the portal prints
 * `(0.06%)` for a rise and `(-0.24%)` for a fall. Anything else (letters, two numbers)
 * makes the cell unreadable and yields null rather than a guess.
 */
export function parseDisplayNumber(text: string | null | undefined): number | null {
  if (text == null) return null;
  let negative = false;
  let digits = '';
  let ended = false;
  for (const ch of text) {
    if (MINUS_SIGNS.has(ch)) {
      if (digits !== '') return null; // a sign after the digits: not a number we understand
      negative = true;
    } else if ((ch >= '0' && ch <= '9') || ch === '.') {
      // `113 (5%)` is two numbers in one cell; refuse it rather than read 1135.
      if (ended) return null;
      digits += ch;
    } else if (ch === ',' || ch === '\u00A0' || ch === '\u202F') {
      // Thousands separators (the comma; no-break spaces in some locales) sit between digits.
    } else if (IGNORED.has(ch) || ch === '\u25B2' || ch === '\u25BC') {
      if (digits !== '') ended = true;
    } else {
      return null;
    }
  }
  if (digits === '' || digits === '.' || digits.split('.').length > 2) return null;
  const value = Number(digits);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}
