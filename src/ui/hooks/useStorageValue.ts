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
import type { Storage } from 'webextension-polyfill';
import { browser } from '../../shared/browser';

const CATCH_UP_READ_MS = 400;

/** Module-level so the effect below is not re-run by a fresh default on every render. */
const ALWAYS = (): boolean => true;

export function useStorageValue<T>(
  area: 'local' | 'sync',
  key: string,
  normalise: (raw: unknown) => T,
  isNewer: (candidate: T, current: T) => boolean = ALWAYS,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const offer = (next: T): void => {
      if (alive) setValue((current) => (current === undefined || isNewer(next, current) ? next : current));
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
  }, [area, key, normalise, isNewer]);
  return value;
}
