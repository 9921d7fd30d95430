/**
 * Messages from the catalogue (src/locales/<lang>/<area>.json, written into `_locales` for the
 * browser by the build): `t(key, values)` and `plural(base, count, values)`.
 *
 * Placeholders are `{name}`. In a right-to-left language every inserted value is wrapped in
 * Unicode isolates (FSI … PDI), so a symbol code, a price or a time keeps its own left-to-right
 * order inside the Urdu sentence and does not reorder the words around it; numbers are written
 * with the display's digits. Plurals are `<base>_one`, `<base>_other` (and any other category
 * `Intl.PluralRules` gives the language), chosen by the count.
 */
import { numberFormat } from './display';
import { textDirection, type Lang } from './language';
import { urduMessage } from './urdu';

export interface CatalogueEntry {
  message: string;
  description?: string;
}
export type Catalogue = Readonly<Record<string, CatalogueEntry>>;

export type Values = Readonly<Record<string, string | number>>;

/** The base names of a catalogue's plural keys (`rows_one`, `rows_other` → `rows`). */
export type PluralBase<K extends string> = K extends `${infer B}_other` ? B : never;

export interface Translator<K extends string = string> {
  readonly lang: Lang;
  readonly dir: 'ltr' | 'rtl';
  /** BCP 47 tag for the `lang` attribute. */
  readonly tag: string;
  t(key: K, values?: Values): string;
  plural(base: PluralBase<K>, count: number, values?: Values): string;
}

const FSI = '\u2068';
const PDI = '\u2069';

/** English from the area's fragment; Urdu from the packaged catalogue, English where it lacks one. */
export function createTranslator<K extends string>(catalogues: { en: Readonly<Record<K, CatalogueEntry>> }, lang: Lang): Translator<K> {
  const fallback = catalogues.en;
  const dir = textDirection(lang);
  const rules = new Intl.PluralRules(lang === 'ur' ? 'ur-PK' : 'en-US');
  const show = (value: string | number): string => {
    const text = typeof value === 'number' ? numberFormat({ maximumFractionDigits: 0 }).format(value) : value;
    return dir === 'rtl' ? `${FSI}${text}${PDI}` : text;
  };
  const fill = (message: string, values: Values | undefined): string =>
    values === undefined ? message : message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? show(values[name] as string | number) : whole));
  const english = (key: string): string | undefined => (fallback as Record<string, CatalogueEntry | undefined>)[key]?.message;
  const lookup = (key: string): string =>
    // A key missing from both is a bug the catalogue test catches; the key itself beats a blank.
    (lang === 'ur' ? urduMessage(key) : undefined) ?? english(key) ?? key;
  return {
    lang,
    dir,
    tag: lang === 'ur' ? 'ur-PK' : 'en',
    t: (key, values) => fill(lookup(key), values),
    plural: (base, count, values) => {
      const category = rules.select(count);
      const own = `${base}_${category}`;
      const has = (k: string): boolean => k in fallback;
      return fill(lookup(has(own) ? own : `${base}_other`), { count, ...values });
    },
  };
}
