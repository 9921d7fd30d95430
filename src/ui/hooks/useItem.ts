/**
 * A stored item, read once at mount and followed through its `watch`, so the UI redraws when
 * any context writes. `undefined` means "not read yet".
 *
 * Firefox registers an onChanged listener in its parent process asynchronously, while the
 * first `get` is answered at once: a write landing in between reaches neither, and the popup
 * would show stale data until the next write (seen in the Firefox e2e). One more read shortly
 * after mount closes that window; `isNewer` keeps an older read from replacing a newer event.
 */
import { useEffect, useState } from 'preact/hooks';
import { readSettingsState, watchSettings, type SettingsState } from '../../shared/settings-items';
import { normaliseSettings } from '../../shared/settings';
import type { StorageItem } from '../../shared/storage/item';

const CATCH_UP_READ_MS = 400;

/** Module-level so the effect below is not re-run by a fresh default on every render. */
const ALWAYS = (): boolean => true;

/**
 * The last value this page saw, kept in the page's own localStorage, which is read
 * synchronously: the popup draws from it in its very first frame, before the asynchronous
 * extension storage answers, and the real value replaces it a moment later. Only a copy of
 * data that is already on the user's disk; the extension storage stays the source of truth.
 */
function readCopy<T>(name: string | null, normalise: (raw: unknown) => T): T | undefined {
  if (name === null) return undefined;
  try {
    const raw = globalThis.localStorage?.getItem(name);
    return raw == null ? undefined : normalise(JSON.parse(raw));
  } catch (cause) {
    console.warn(`first-paint copy ${name} unreadable:`, cause);
    return undefined;
  }
}

function writeCopy(name: string | null, value: unknown): void {
  if (name === null) return;
  try {
    globalThis.localStorage?.setItem(name, JSON.stringify(value));
  } catch (cause) {
    // Quota or privacy settings: the copy is an optimisation only.
    console.warn(`first-paint copy ${name} not saved:`, cause);
  }
}

/** Follows any source of values: a first read, a watch, and the catch-up read; no copy when `copyName` is null. */
function useFollowed<T>(
  copyName: string | null,
  normaliseCopy: (raw: unknown) => T,
  read: () => Promise<T>,
  watch: (offer: (value: T) => void) => () => void,
  isNewer: (candidate: T, current: T) => boolean,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => readCopy(copyName, normaliseCopy));
  useEffect(() => {
    let alive = true;
    let fromStorage = false;
    const offer = (next: T): void => {
      if (!alive) return;
      // The first real answer always replaces the local copy, which may be older than anything.
      const first = !fromStorage;
      fromStorage = true;
      setValue((current) => (first || current === undefined || isNewer(next, current) ? next : current));
      writeCopy(copyName, next);
    };
    const unwatch = watch(offer);
    const readNow = (): void => void read().then(offer, (cause: unknown) => console.warn(`reading ${copyName ?? 'a session item'} failed:`, cause));
    readNow();
    const catchUp = setTimeout(readNow, CATCH_UP_READ_MS);
    return () => {
      alive = false;
      clearTimeout(catchUp);
      unwatch();
    };
    // The callers pass module-level functions; the copy name identifies the value.
  }, [copyName]);
  return value;
}

export function useItem<T>(item: StorageItem<T>, isNewer: (candidate: T, current: T) => boolean = ALWAYS): T | undefined {
  return useFollowed(
    // storage.session is cleared when the browser closes (the whole board lives there): a copy in
    // localStorage would keep on disk what the browser was told to forget, so it gets none.
    item.spec.area === 'session' ? null : `copy:${item.spec.area}:${item.spec.key}`,
    item.spec.normalise,
    () => item.get(),
    (offer) => item.watch((state) => offer(state.value)),
    isNewer,
  );
}

const settingsCopy = (raw: unknown): SettingsState => ({
  settings: normaliseSettings((raw as { settings?: unknown } | null)?.settings),
  newer: [],
});

/** The settings as one value, with the keys a newer version wrote (then they are read-only). */
export function useSettings(): SettingsState | undefined {
  return useFollowed('copy:settings', settingsCopy, readSettingsState, watchSettings, ALWAYS);
}
