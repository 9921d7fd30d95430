/**
 * Which language the interface speaks, and what follows from it: the text direction and the
 * locale handed to `Intl` for numbers, dates and relative times. Pure; every surface decides
 * the same way from the same two inputs (the user's choice, the browser's UI language).
 */
import type { DigitsChoice, LanguageChoice } from '../settings';

export type Lang = 'en' | 'ur';
export const LANGUAGES: readonly Lang[] = ['en', 'ur'];

/** The user's choice wins; "auto" follows the browser (Urdu for any `ur-*`, English otherwise). */
export function resolveLanguage(choice: LanguageChoice, uiLanguage: string | undefined): Lang {
  if (choice !== 'auto') return choice;
  return (uiLanguage ?? '').toLowerCase().split(/[-_]/)[0] === 'ur' ? 'ur' : 'en';
}

export const textDirection = (lang: Lang): 'ltr' | 'rtl' => (lang === 'ur' ? 'rtl' : 'ltr');

/**
 * The `Intl` locale: English keeps the figures as PSX prints them (`1,234.56`, `14 Oct, 11:42`,
 * the en-US grouping and en-GB dates the extension has always shown); Urdu is Pakistan's
 * (`ur-PK`: Urdu month names and relative times). Digits are Latin unless the user asked for
 * Urdu's Extended Arabic-Indic ones, in either language.
 */
export function intlLocale(lang: Lang, digits: DigitsChoice, use: 'number' | 'date'): string {
  const base = lang === 'ur' ? 'ur-PK' : use === 'number' ? 'en-US' : 'en-GB';
  return `${base}-u-nu-${digits}`;
}
