/**
 * Numbers typed by the user into the alert forms (the popup's and the options page's), read
 * one way everywhere. Only a plain decimal is a number here: ASCII digits with at most one
 * '.', the whole part optionally grouped by thousands ("1,000,000.5"). `Number()` alone would
 * also take "0x1F" (31), "1e3" (1000), "Infinity", " +5" or "0b11", none of which anyone
 * types as a price, so they are refused rather than read as something the user did not mean.
 */
import { sentences } from '../shared/i18n/sentences';

/** A whole part, plain ("1000") or grouped by thousands ("1,000"), then an optional fraction; or only a fraction (".5"). */
const PLAIN_DECIMAL = /^(?:(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d*)?|\.\d+)$/;

/**
 * Urdu's digits as the user may type them with the Urdu digits option (Extended Arabic-Indic
 * ۰–۹, and the Arabic-Indic ٠–٩ some keyboards give), with their decimal and thousands signs.
 */
function latinDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x06f0 && code <= 0x06f9) out += String(code - 0x06f0);
    else if (code >= 0x0660 && code <= 0x0669) out += String(code - 0x0660);
    else if (ch === '\u066B') out += '.';
    else if (ch === '\u066C') out += ',';
    else out += ch;
  }
  return out;
}

/** The number typed, or NaN for nothing or anything but a plain decimal (in Latin or Urdu digits). */
export function parseDecimal(text: string): number {
  const trimmed = latinDigits(text.trim());
  if (!PLAIN_DECIMAL.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(/,/g, ''));
}

/** The hysteresis margin's limits, as the stored rule keeps them (normaliseRule): above 0, at most 10 %. */
export const MAX_MARGIN_PCT = 10;

/** Why a margin typed by the user is not accepted, or null when it is. */
export function marginProblem(value: number): string | null {
  return Number.isFinite(value) && value > 0 && value <= MAX_MARGIN_PCT ? null : sentences().t('sentence_margin_range', { max: MAX_MARGIN_PCT });
}
