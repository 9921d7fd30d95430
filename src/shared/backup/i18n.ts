/**
 * The backup and import sentences (src/locales/<lang>/backup.json), shown in the options page:
 * the preview, its warnings, and the outcome of an import or export. Urdu comes from the packaged catalogue
 * (i18n/urdu.ts); the catalogue test keeps the two in step.
 */
import en from '../../locales/en/backup.json';
import { translatorFor } from '../i18n/catalogue';
import { numberFormat } from '../i18n/display';
import type { PluralBase, Values } from '../i18n/translator';

export type BackupKey = keyof typeof en;

export const text = translatorFor<BackupKey>({ en });

/**
 * A figure as these sentences have always written it: no thousands separator (a line number,
 * a count, a period in seconds), in the display's digits.
 */
const PLAIN: Intl.NumberFormatOptions = { useGrouping: false, maximumFractionDigits: 20 };
export const figure = (value: number): string => numberFormat(PLAIN).format(value);

/** A plural sentence whose `{count}` is written as `figure` writes it. */
export const counted = (base: PluralBase<BackupKey>, count: number, values?: Values): string =>
  text().plural(base, count, { ...values, count: figure(count) });

/** Where an entry was (`line 3`), with what it held (`line 3 (“x”)`). */
export function quotedPlace(where: string, shown: string): string {
  return shown === '' ? where : text().t('backup_place_quoted', { where, text: shown });
}

/** Items of a list in one sentence: "A, B, C" (in Urdu with its own comma). */
export const joined = (items: readonly string[]): string => items.join(text().t('backup_comma'));
