/**
 * The page's language and digits, from the settings and the browser's UI language: applied to
 * the display locale before any child renders (so every formatter and translator called during
 * this render speaks it) and to the document's `lang` and `dir`. Returns the language, for a
 * `key` on the page's root: a change of language re-renders everything at once, no reload.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { display, setDisplay } from '../../shared/i18n/display';
import { resolveLanguage, textDirection, type Lang } from '../../shared/i18n/language';
import type { Settings } from '../../shared/settings';
import { ensureUrdu, urduReady } from '../../shared/i18n/urdu';
import { uiLanguage } from '../../shared/i18n/ui-language';


export function useDisplay(settings: Pick<Settings, 'language' | 'digits'> | undefined): Lang {
  const wanted = resolveLanguage(settings?.language ?? 'auto', uiLanguage());
  const [, loaded] = useState(0);
  // Urdu chosen in a browser that is not: the page speaks English until its messages are read.
  const lang: Lang = wanted === 'ur' && !urduReady() ? 'en' : wanted;
  useLayoutEffect(() => {
    if (wanted === 'ur' && !urduReady()) void ensureUrdu().then(() => loaded((n) => n + 1));
  }, [wanted]);
  const digits = settings?.digits ?? 'latn';
  const shown = display();
  if (shown.lang !== lang || shown.digits !== digits) setDisplay({ lang, digits });
  useLayoutEffect(() => {
    document.documentElement.lang = lang === 'ur' ? 'ur-PK' : 'en';
    document.documentElement.dir = textDirection(lang);
  }, [lang]);
  return lang;
}
