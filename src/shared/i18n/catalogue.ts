/**
 * A surface's messages in both languages, as one translator that follows the page's display
 * language (display.ts): `const text = translatorFor(CATALOGUES)`, then `text().t('key')`.
 * Built once per language and cached, so calling it in every render costs a lookup.
 */
import { display } from './display';
import type { Lang } from './language';
import { createTranslator, type CatalogueEntry, type Translator } from './translator';

/** An area's English fragment; its Urdu comes from the packaged catalogue (urdu.ts). */
export interface Catalogues<K extends string> {
  en: Readonly<Record<K, CatalogueEntry>>;
}

export function translatorFor<K extends string>(catalogues: Catalogues<K>): () => Translator<K> {
  const built = new Map<Lang, Translator<K>>();
  return () => {
    const { lang } = display();
    let translator = built.get(lang);
    if (!translator) built.set(lang, (translator = createTranslator(catalogues, lang)));
    return translator;
  };
}
