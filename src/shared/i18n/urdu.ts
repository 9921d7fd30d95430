/**
 * The Urdu messages for extension pages and the background, without bundling them: English is
 * the default locale and travels in every bundle; Urdu is read from the browser's own copy of
 * the catalogue, `_locales/ur/messages.json` (every area's fragments, merged by the build).
 *
 * - In a browser whose UI is Urdu, `i18n.getMessage` already answers from it: ready at once,
 *   no read at all.
 * - In any other browser, choosing Urdu reads the packaged file once per page or worker (a
 *   local file, a few milliseconds); until it is in, pages stay in English. A page keeps a copy
 *   in its localStorage (per extension version), so the next popup opens in Urdu at once.
 *
 * The ticker bar cannot read packaged files without making them web-accessible to every site,
 * so it carries its own two dozen messages in both languages (src/content/ticker/i18n.ts).
 */
import { browser } from '../browser';
import { resolveLanguage } from './language';
import { uiLanguage } from './ui-language';

type Lookup = (key: string) => string | undefined;

let lookup: Lookup | null = null;
let loading: Promise<void> | null = null;

/** Where a page keeps its copy: per version, so an update never shows an older catalogue. */
const copyName = (): string => `copy:urdu:${browser.runtime.getManifest().version}`;

function readCopy(): Readonly<Record<string, string>> | null {
  try {
    const raw = globalThis.localStorage?.getItem(copyName());
    const parsed: unknown = raw == null ? null : JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, string>) : null;
  } catch (cause) {
    console.warn('the copy of the Urdu catalogue is unreadable:', cause);
    return null;
  }
}

function writeCopy(messages: Readonly<Record<string, string>>): void {
  try {
    globalThis.localStorage?.setItem(copyName(), JSON.stringify(messages));
  } catch (cause) {
    // Quota or privacy settings: the copy only saves the next page a read.
    console.warn('the copy of the Urdu catalogue was not kept:', cause);
  }
}

/** An Urdu message, or undefined when Urdu is not loaded (yet) or lacks it. */
export function urduMessage(key: string): string | undefined {
  if (lookup === null) {
    if (resolveLanguage('auto', uiLanguage()) === 'ur') lookup = (k) => browser.i18n.getMessage(k) || undefined;
    else {
      const copy = readCopy();
      if (copy) provideUrdu(copy);
    }
  }
  return lookup?.(key);
}

export const urduReady = (): boolean => urduMessage('ext_name') !== undefined;

/** Makes the Urdu messages available; resolves at once when they are. A failed read is told, and tried again next time. */
export function ensureUrdu(): Promise<void> {
  if (urduReady()) return Promise.resolve();
  loading ??= fetch(browser.runtime.getURL('_locales/ur/messages.json'))
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<Record<string, { message?: unknown }>>;
    })
    .then((messages) => {
      const read = Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, typeof v.message === 'string' ? v.message : '']));
      provideUrdu(read);
      writeCopy(read);
    })
    .catch((cause: unknown) => {
      console.warn('the Urdu catalogue could not be read; staying in English:', cause);
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** The messages as the packaged file holds them (and, in unit tests, as the build writes it). */
export function provideUrdu(messages: Readonly<Record<string, string>>): void {
  lookup = (key) => messages[key] || undefined;
}

/** Forget what was loaded (tests: each starts as a fresh page). */
export function resetUrdu(): void {
  lookup = null;
  loading = null;
}
