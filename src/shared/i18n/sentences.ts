/**
 * The shared modules' longer sentences (src/locales/<lang>/sentences.json): alert conditions and
 * states, alert and holding validation, gains in words, storage notices, the session countdown.
 * Apart from common.json because the ticker bar, which has a size budget and imports common for
 * its market words and times, shows none of them. Urdu comes from the packaged catalogue
 * (i18n/urdu.ts); the catalogue test keeps the two in step.
 */
import en from '../../locales/en/sentences.json';
import { translatorFor } from './catalogue';

export type SentenceKey = keyof typeof en;

// Pure: the bar reaches this module through the presentation's imports but calls none of its
// sentences, so its bundle drops the call and both catalogues with it.
export const sentences = /* @__PURE__ */ translatorFor<SentenceKey>({ en });

/**
 * A record of words whose every value is looked up when it is read (`MESSAGES[field]`), so a
 * record made once at module level still speaks the display language of the moment.
 */
export function liveRecord<K extends string, V>(keys: readonly K[], value: (key: K) => V): Readonly<Record<K, V>> {
  const out = {} as Record<K, V>;
  for (const key of keys) Object.defineProperty(out, key, { enumerable: true, get: () => value(key) });
  return out;
}
