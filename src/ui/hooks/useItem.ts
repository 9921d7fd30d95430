/**
 * A value from extension storage, read once at mount and followed through `storage.onChanged`
 * so the UI redraws when the background writes. `undefined` means "not read yet".
 *
 * Firefox registers an onChanged listener in its parent process asynchronously, while the
 * first `get` is answered at once: a write landing in between reaches neither, and the popup
 * would show stale data until the next write (seen in the Firefox e2e). One more read shortly
 * after mount closes that window; `isNewer` keeps an older read from replacing a newer event.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser, type Storage } from '../../shared/browser';

const CATCH_UP_READ_MS = 400;

/** Module-level so the effect below is not re-run by a fresh default on every render. */
const ALWAYS = (): boolean => true;

/**
 * The last value this page saw, kept in the page's own localStorage, which is read
 * synchronously: the popup draws from it in its very first frame, before the asynchronous
 * extension storage answers, and the real value replaces it a moment later. Only a copy of
 * data that is already on the user's disk; the extension storage stays the source of truth.
 */
function readCopy<T>(name: string, normalise: (raw: unknown) => T): T | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(name);
    return raw == null ? undefined : normalise(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

function writeCopy(name: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(name, JSON.stringify(value));
  } catch {
    // Quota or privacy settings: the copy is an optimisation only.
  }
}

export function useStorageValue<T>(
  area: 'local' | 'sync',
  key: string,
  normalise: (raw: unknown) => T,
  isNewer: (candidate: T, current: T) => boolean = ALWAYS,
): T | undefined {
  const copyName = `copy:${area}:${key}`;
  const [value, setValue] = useState<T | undefined>(() => readCopy(copyName, normalise));
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
    const onChanged = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
      const change = changes[key];
      if (areaName === area && change) offer(normalise(change.newValue));
    };
    const read = (): void => {
      void browser.storage[area].get(key).then((stored) => offer(normalise(stored[key])));
    };
    browser.storage.onChanged.addListener(onChanged);
    read();
    const catchUp = setTimeout(read, CATCH_UP_READ_MS);
    return () => {
      alive = false;
      clearTimeout(catchUp);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [area, key, normalise, isNewer, copyName]);
  return value;
}
