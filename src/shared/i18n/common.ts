/**
 * Messages more than one surface shows (src/locales/<lang>/common.json): the market's state,
 * changes in words, relative times, alert and holding sentences. The Urdu catalogue is typed
 * against the English one, so a key missing from it fails to compile.
 */
import en from '../../locales/en/common.json';
import ur from '../../locales/ur/common.json';
import { translatorFor } from './catalogue';
import type { CatalogueEntry } from './translator';

export type CommonKey = keyof typeof en;
const urdu: Record<CommonKey, CatalogueEntry> = ur;

export const common = translatorFor<CommonKey>({ en, ur: urdu });
