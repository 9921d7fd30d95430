/**
 * `browser.i18n` as the real one behaves where the extension relies on it: `getUILanguage`
 * answers the browser's language (English unless a test says otherwise, like `--lang=ur` in the
 * e2e), and `getMessage` answers from that language's `_locales` catalogue as the build writes it,
 * falling back to the default locale, with `""` for an unknown name.
 */
import type { fakeBrowser as FakeBrowser } from '@webext-core/fake-browser';
import path from 'node:path';
import { mergedCatalogue } from '../../scripts/locales';

const LOCALES = path.resolve('src/locales');
let uiLanguage = 'en-US';

export const i18nControl = {
  setUILanguage(tag: string): void {
    uiLanguage = tag;
  },
  reset(): void {
    uiLanguage = 'en-US';
  },
};

export function installFakeI18n(browser: typeof FakeBrowser): void {
  const catalogues = new Map<string, ReturnType<typeof mergedCatalogue>>();
  const catalogue = (lang: string) => {
    let c = catalogues.get(lang);
    if (!c) catalogues.set(lang, (c = mergedCatalogue(LOCALES, lang)));
    return c;
  };
  Object.assign(browser.i18n, {
    getUILanguage: () => uiLanguage,
    getMessage: (name: string) => {
      const lang = uiLanguage.toLowerCase().startsWith('ur') ? 'ur' : 'en';
      return catalogue(lang)[name]?.message ?? catalogue('en')[name]?.message ?? '';
    },
  });
}
