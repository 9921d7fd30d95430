/**
 * Numbers as the sources write them, read strictly: decimals only. Raw values (`data-order`,
 * JSON) are preferred everywhere; `parseDisplayNumber` is only the fallback for cells the portal
 * prints without one.
 *
 * `Number()` is never given unchecked text: it reads `0x1A`, `1e3`, `Infinity`, `0b1`, and `''`
 * as 0. Every string is first checked against the one grammar below, and only a string that
 * passes is converted.
 *
 *   decimal  = [sign] ( digits [ "." digits ] | "." digits )
 *
 * The readers say only whether text is a number; what a figure may be (a price is > 0, a volume
 * a whole number ≥ 0) is said by `asPrice`, `asVolume` and `asSigned`, which every source applies.
 */

const PLUS = 43;
const HYPHEN_MINUS = 45;
const POINT = 46;
const ZERO = 48;

/** Powers of ten a double holds exactly (10^22 is the last). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** -0 is shown as "-0.00" by some formatters; a reading of zero is plain 0. */
const unsignedZero = (value: number): number => (value === 0 ? 0 : value);

/**
 * The strict grammar on its own: an optional `+`/`-`, digits, an optional point followed by
 * digits (`.5` is read, `5.` is not). No whitespace, separators, exponent, hex, `Infinity`, `NaN`.
 *
 * Checked and converted in one pass: while the digits fit a double exactly (below 2^53) and the
 * decimals are at most 22, digits ÷ 10^decimals is one correctly rounded division of two exact
 * values, which is exactly what `Number()` returns for the same text. Longer values (the
 * portal's 17-digit percentages) are converted by `Number()` once the text has passed.
 */
export function parseDecimal(text: string): number | null {
  const length = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === PLUS || first === HYPHEN_MINUS) {
    negative = first === HYPHEN_MINUS;
    i = 1;
  }
  let digits = 0;
  let decimals = -1; // -1 until the point
  let mantissa = 0;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    const digit = code - ZERO;
    if (digit >= 0 && digit <= 9) {
      mantissa = mantissa * 10 + digit;
      digits++;
      if (decimals >= 0) decimals++;
    } else if (code === POINT && decimals < 0) {
      decimals = 0;
    } else {
      return null;
    }
  }
  if (digits === 0 || decimals === 0) return null;
  const places = decimals < 0 ? 0 : decimals;
  let value: number;
  if (mantissa <= Number.MAX_SAFE_INTEGER && places < EXACT_POWERS_OF_TEN.length) {
    value = mantissa / (EXACT_POWERS_OF_TEN[places] as number);
    if (negative) value = -value;
  } else {
    value = Number(text);
    // Only magnitude can fail here now (400 digits is Infinity).
    if (!Number.isFinite(value)) return null;
  }
  return unsignedZero(value);
}

/** ASCII whitespace, the only padding an attribute value may carry. */
const isAsciiSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/**
 * A raw machine value such as `data-order="-0.2404529"`; null when absent or not a decimal.
 * Surrounding ASCII whitespace is allowed; thousands separators are not (a raw value has none).
 */
export function parseRawNumber(raw: string | null | undefined): number | null {
  if (raw == null) return null;
  let start = 0;
  let end = raw.length;
  while (start < end && isAsciiSpace(raw.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(raw.charCodeAt(end - 1))) end--;
  // An empty attribute means "no value", not zero.
  if (start === end) return null;
  return parseDecimal(start === 0 && end === raw.length ? raw : raw.slice(start, end));
}

const MINUS_SIGNS = new Set(['-', '\u2212', '\u2012', '\u2013', '\uFE63', '\uFF0D']);
/** Thousands separators: the comma; the no-break spaces some locales print. Never a plain space. */
const SEPARATORS = new Set([',', '\u00A0', '\u202F']);
/** Arrows the portal prints before a change; callers take direction from the sign class. */
const ARROWS = new Set(['\u25B2', '\u25BC']);
const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00A0' || ch === '\u202F';
const isDigitChar = (ch: string): boolean => ch >= '0' && ch <= '9';

/**
 * Digit groups either side of thousands separators: `1,445,702` (groups of three) or the South
 * Asian `14,45,702` (twos, then a final three). Anything else (`1,5`, `12,3456`) is not a
 * grouping we can be sure of, and is refused rather than read.
 */
function validGrouping(groups: string[]): boolean {
  if (groups.length === 1) return true;
  const first = groups[0] as string;
  const last = groups[groups.length - 1] as string;
  if (first.length < 1 || first.length > 3 || last.length !== 3) return false;
  const middle = groups.slice(1, -1);
  if (middle.every((g) => g.length === 3)) return true;
  return first.length <= 2 && middle.every((g) => g.length === 2);
}

/**
 * A number as printed for people: `1,445,702`, `-1.08%`, `(−0.24%)`, `▲ 0.84`.
 *
 * Read as: decorations (spaces, one arrow, one `(`, one sign, in any order), then the number
 * (digits with an optional grouping, an optional point and digits), then decorations (spaces,
 * one `%`, the `)` that closes the `(`). Parentheses are wrappers, not accounting negatives:
 * the portal prints `(0.06%)` for a rise and `(-0.24%)` for a fall. Anything else (letters,
 * two numbers, a sign after the digits, an exponent) makes the text unreadable: null, not a guess.
 */
export function parseDisplayNumber(text: string | null | undefined): number | null {
  if (text == null) return null;
  const chars = [...text];
  let i = 0;
  let negative = false;
  let signs = 0;
  let arrows = 0;
  let opened = 0;
  for (; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (isSpace(ch)) continue;
    if (MINUS_SIGNS.has(ch) || ch === '+') {
      if (++signs > 1) return null;
      negative = ch !== '+';
    } else if (ARROWS.has(ch)) {
      if (++arrows > 1) return null;
    } else if (ch === '(') {
      if (++opened > 1) return null;
    } else break;
  }

  // The number itself.
  const groups: string[] = [''];
  let separator: string | null = null;
  let fraction: string | null = null;
  for (; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (isDigitChar(ch)) {
      if (fraction !== null) fraction += ch;
      else groups[groups.length - 1] += ch;
    } else if (ch === '.' && fraction === null) {
      fraction = '';
    } else if (SEPARATORS.has(ch) && fraction === null && isDigitChar(chars[i + 1] ?? '') && groups[groups.length - 1] !== '') {
      // A separator sits between digits, and one kind per number.
      if (separator !== null && ch !== separator) return null;
      separator = ch;
      groups.push('');
    } else break;
  }

  let percent = 0;
  let closed = 0;
  for (; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (isSpace(ch)) continue;
    if (ch === '%') {
      if (++percent > 1 || closed > 0) return null;
    } else if (ch === ')') {
      if (++closed > opened) return null;
    } else return null;
  }
  if (closed !== opened) return null;

  if (!validGrouping(groups)) return null;
  const whole = groups.join('');
  if (fraction === '' || (whole === '' && fraction === null)) return null;
  return parseDecimal(`${negative ? '-' : ''}${whole}${fraction !== null ? `.${fraction}` : ''}`);
}

/** A JSON value that is a number (not a numeric string); finite. */
export function jsonNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? unsignedZero(value) : null;
}

/** A price or an index value: finite and above zero. 0 means "no trade", never a price. */
export function asPrice(value: number | null): number | null {
  return value !== null && Number.isFinite(value) && value > 0 ? value : null;
}

/** A volume: a whole number of shares, zero or more. */
export function asVolume(value: number | null): number | null {
  return value !== null && Number.isSafeInteger(value) && value >= 0 ? unsignedZero(value) : null;
}

/** A change or a percentage: any finite number, either sign. */
export function asSigned(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? unsignedZero(value) : null;
}

/**
 * Cross-checks of a quote against itself, so that a figure read from the wrong column, or a
 * value that is not what it claims, is refused rather than shown.
 *
 * Tolerances, and why: PSX prices move in ticks of 0.01 and are printed to two decimals, so a
 * change the portal rounds to two decimals is within 0.005 of current − LDCP; one whole tick
 * (0.01) is allowed, which also covers the floating-point error of subtracting two doubles
 * (about 1e-13 at these magnitudes), plus a relative 1e-9 for six-figure index values.
 * A percentage may be rounded to two decimals (the printed `2.50%`: 0.005 points) and may have
 * been computed from the change before the change was rounded (up to one tick of change, which is
 * 100 × 0.01 ÷ LDCP points: 0.005 points for a 200-rupee share, 0.77 for a 1.30 one), so
 * 0.01 + 1 ÷ LDCP points is allowed. A figure from another column (a volume, a price, the
 * change itself as the %) misses by far more than either.
 */
export const PRICE_TICK = 0.01;

const RELATIVE_SLACK = 1e-9;

/** `change` ≈ `price` − `previousClose`, within one tick. */
export function changeAgrees(price: number, previousClose: number, change: number): boolean {
  const slack = PRICE_TICK + RELATIVE_SLACK * Math.max(Math.abs(price), Math.abs(previousClose));
  return Math.abs(change - (price - previousClose)) <= slack;
}

/** `percent` ≈ `change` ÷ `previousClose` × 100, within rounding; false when there is no base. */
export function percentAgrees(previousClose: number, change: number, percent: number): boolean {
  if (!(previousClose > 0)) return false;
  const expected = (change / previousClose) * 100;
  const slack = PRICE_TICK + (100 * PRICE_TICK) / previousClose + RELATIVE_SLACK * Math.abs(expected);
  return Math.abs(percent - expected) <= slack;
}
