/**
 * When the popup was last opened before this time, so stories seen since can be marked new
 * "until it is opened again". Read once at mount, then moved to now.
 */
import { useEffect, useState } from 'preact/hooks';
import { lastOpenedItem } from '../../shared/last-opened';

/** `undefined` while reading; `null` on the very first open (nothing is marked new then). */
export function useLastOpened(): number | null | undefined {
  const [since, setSince] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    void lastOpenedItem.get().then((value) => {
      setSince(value);
      void lastOpenedItem.update(() => Date.now());
    });
  }, []);
  return since;
}
