/**
 * The background's messages (src/locales/<lang>/background.json): the notification of a fired
 * alert, the toolbar button's tooltip, the error sentences replied to the popup and the options
 * page. The worker has no page and no `useDisplay`: whatever produces text first sets the
 * display locale from the user's settings and the browser's UI language (`applyDisplay`), since
 * the choice can change between two wakes. Urdu comes from the packaged catalogue
 * (i18n/urdu.ts); the catalogue test keeps the two in step.
 */
import en from '../locales/en/background.json';
import { translatorFor } from '../shared/i18n/catalogue';
import { setDisplay } from '../shared/i18n/display';
import { resolveLanguage, type Lang } from '../shared/i18n/language';
import { ensureUrdu, urduReady } from '../shared/i18n/urdu';
import type { Settings } from '../shared/settings';
import { readSettings } from '../shared/settings-items';
import { uiLanguage } from '../shared/i18n/ui-language';

export type BackgroundKey = keyof typeof en;

export const text = translatorFor<BackgroundKey>({ en });


/** The display locale for the text about to be made, from these settings (Urdu read first where needed). */
export async function applyDisplay(settings: Pick<Settings, 'language' | 'digits'>): Promise<Lang> {
  const wanted = resolveLanguage(settings.language, uiLanguage());
  if (wanted === 'ur') await ensureUrdu();
  const lang: Lang = wanted === 'ur' && !urduReady() ? 'en' : wanted;
  setDisplay({ lang, digits: settings.digits });
  return lang;
}

/** The same, reading the settings first (a reply to a page); unreadable settings leave it as it was. */
export async function applyStoredDisplay(): Promise<void> {
  try {
    await applyDisplay(await readSettings());
  } catch (cause) {
    console.warn('settings unreadable for the language of a reply:', cause);
  }
}
