/**
 * Messages more than one surface shows (src/locales/<lang>/common.json): the market's state and
 * the data source's name (i18n/market-words.ts), changes in words, relative times. Kept small:
 * the ticker bar carries it; the longer shared sentences are in sentences.ts. Urdu comes from the packaged
 * catalogue (i18n/urdu.ts); the catalogue test keeps both in step.
 */
import en from '../../locales/en/common.json';
import { translatorFor } from './catalogue';

export type CommonKey = keyof typeof en;

export const common = translatorFor<CommonKey>({ en });
