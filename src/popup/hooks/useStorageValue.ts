/**
 * A value from extension storage, read once at mount and followed through `storage.onChanged`
 * so the UI redraws when the background writes. `undefined` means "not read yet".
 */
import { useEffect, useState } from 'preact/hooks';
import type { Storage } from 'webextension-polyfill';
import { browser } from '../../shared/browser';

export function useStorageValue<T>(
  area: 'local' | 'sync',
  key: string,
  normalise: (raw: unknown) => T,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const onChanged = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
      const change = changes[key];
      if (areaName === area && change) setValue(normalise(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage[area].get(key).then((stored) => {
      if (alive) setValue((current) => current ?? normalise(stored[key]));
    });
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [area, key, normalise]);
  return value;
}
