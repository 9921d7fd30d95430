/**
 * The bar's messages (src/locales/<lang>/bar.json) and its display language. The bar runs in
 * every page the user allowed, within a 10 KB gz budget, so it carries only its own fragment,
 * never the shared catalogue (common.ts), and a translator cut to what the bar asks of one:
 * no plurals, values already formatted. As the shared translator does, it wraps each value in
 * Unicode isolates in Urdu, so a time or a board word keeps its own order inside the sentence.
 * The Urdu catalogue is typed against the English one, so a key missing from it fails to compile.
 *
 * The messages (descriptions live here, not in the fragment, whose every byte the bar carries):
 * - bar_region: the bar's accessible name; bar_menu: the × button's, which opens the menu of
 *   bar_hide_site (hide on this website) and bar_hide_everywhere (switch the bar off).
 * - bar_alert: the tag before a symbol whose price alert just fired (for a minute).
 * - bar_market: the chip before any reading of the market, or when its state is unknown;
 *   bar_state_*: the chip's word for the market's phase (as common.json's market_state_*).
 * - bar_chip_when: the chip, {state} the word above, {when} the time (or date and time) of the
 *   figures; bar_chip_when_stale, the same when they are not fresh; bar_chip_stale, not fresh
 *   and no time known.
 */
import en from '../../locales/en/bar.json';
import ur from '../../locales/ur/bar.json';
import { display, setDisplay } from '../../shared/i18n/display';
import { resolveLanguage, type Lang } from '../../shared/i18n/language';
import type { MarketFacts } from '../../shared/i18n/market-words';
import type { CatalogueEntry } from '../../shared/i18n/translator';
import type { MarketPhase } from '../../shared/model';
import type { Settings } from '../../shared/settings';
import { uiLanguage } from '../../shared/i18n/ui-language';

export type BarKey = keyof typeof en;
const urdu: Record<BarKey, CatalogueEntry> = ur;
const CATALOGUES: Record<Lang, Record<BarKey, CatalogueEntry>> = { en, ur: urdu };

export interface BarTranslator {
  /** BCP 47 tag for the `lang` attribute. */
  tag: string;
  t(key: BarKey, values?: Readonly<Record<string, string>>): string;
}

/** The bar's messages in the page's display language (display.ts): call it at render time. */
export function text(): BarTranslator {
  const { lang } = display();
  const catalogue = CATALOGUES[lang];
  return {
    tag: lang === 'ur' ? 'ur-PK' : 'en',
    t: (key, values) =>
      catalogue[key].message.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = values?.[name];
        return value === undefined ? whole : lang === 'ur' ? `\u2068${value}\u2069` : value;
      }),
  };
}


/** The page's display locale from the user's choice and the browser: before any text is made. */
export function applyBarDisplay(settings: Pick<Settings, 'language' | 'digits'>): Lang {
  const lang = resolveLanguage(settings.language, uiLanguage());
  setDisplay({ lang, digits: settings.digits });
  return lang;
}

const STATE_KEYS: Record<MarketPhase, BarKey> = {
  open: 'bar_state_open',
  'pre-open': 'bar_state_pre_open',
  'post-close': 'bar_state_post_close',
  closed: 'bar_state_closed',
  unknown: 'bar_market',
};

/**
 * The chip's one word for the market, as i18n/market-words.ts `stateWordText` writes it, from
 * the bar's own fragment: the shared catalogue behind that function would more than use up the
 * bar's budget. An unknown board word ("Halted") is PSX's own, shown as is.
 */
export function barStateWord(p: MarketFacts): string {
  if (p.board?.unscheduledClose === true) return text().t('bar_state_closed');
  const board = p.board?.basis === 'timetable' ? p.board.label : null;
  return board || text().t(STATE_KEYS[p.phase] ?? 'bar_market');
}
