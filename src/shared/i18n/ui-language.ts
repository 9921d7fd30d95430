/**
 * The browser's UI language, as every context reads it (pages, the worker, the bar's content
 * script): an API missing or throwing in some context reads as English, and is said so.
 */
import { browser } from '../browser';

export function uiLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage();
  } catch (cause) {
    console.warn('browser UI language unreadable; English:', cause);
    return undefined;
  }
}
