/**
 * The options page's messages (src/locales/<lang>/options.json). Urdu comes from the packaged
 * catalogue (i18n/urdu.ts); the catalogue test keeps both in step.
 */
import en from '../locales/en/options.json';
import { translatorFor } from '../shared/i18n/catalogue';

export type OptionsKey = keyof typeof en;

export const text = translatorFor<OptionsKey>({ en });
