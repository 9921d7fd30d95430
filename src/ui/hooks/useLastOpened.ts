/**
 * When the popup was last opened before this time, so stories seen since can be marked new
 * "until it is opened again". Read once at mount, then moved to now.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../shared/browser';

export const LAST_OPENED_KEY = 'popupOpenedAt';

/** `undefined` while reading; `null` on the very first open (nothing is marked new then). */
export function useLastOpened(): number | null | undefined {
  const [since, setSince] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    void browser.storage.local.get(LAST_OPENED_KEY).then((stored) => {
      const value = stored[LAST_OPENED_KEY];
      setSince(typeof value === 'number' ? value : null);
      void browser.storage.local.set({ [LAST_OPENED_KEY]: Date.now() });
    });
  }, []);
  return since;
}
