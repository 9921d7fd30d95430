/**
 * The page's display locale: set once by each surface when it knows the user's language and
 * digits (and again when they change), read by every formatter in format.ts and the modules that
 * print figures. One page shows one language at a time, so one value per JavaScript realm is
 * enough; the formatters are cached per locale, since `Intl` constructors are slow to build.
 */
import type { DigitsChoice } from '../settings';
import { intlLocale, textDirection, type Lang } from './language';

export interface Display {
  lang: Lang;
  digits: DigitsChoice;
}

let current: Display = { lang: 'en', digits: 'latn' };

export function setDisplay(next: Display): void {
  current = { ...next };
}

export const display = (): Readonly<Display> => current;
export const displayDirection = (): 'ltr' | 'rtl' => textDirection(current.lang);

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** A number format in the current locale; `options` must be a constant per call site (it keys the cache). */
export function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = intlLocale(current.lang, current.digits, 'number');
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = intlLocale(current.lang, current.digits, 'date');
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export function relativeFormat(): Intl.RelativeTimeFormat {
  const locale = intlLocale(current.lang, current.digits, 'date');
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' })));
  return format;
}
