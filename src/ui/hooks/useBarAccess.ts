/**
 * Whether the bar, switched on, still has the access it was given: the user can revoke it in
 * the browser's own settings, and the bar then silently stops. The UIs show "Grant access"
 * instead, which asks again from the click.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { barOriginsItem, switchBarOn } from '../../shared/bar-access';
import { browser } from '../../shared/browser';

export function useBarAccess(showBar: boolean): { missing: boolean; grant: () => void } {
  const [origins, setOrigins] = useState<string[] | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (!showBar) {
      setMissing(false);
      return;
    }
    let alive = true;
    const check = (): void =>
      void barOriginsItem
        .get()
        .then(async (stored) => {
          const granted = stored.length > 0 && (await browser.permissions.contains({ origins: stored }));
          if (!alive) return;
          setOrigins(stored);
          setMissing(!granted);
        })
        .catch((cause: unknown) => console.warn('the bar’s access could not be checked:', cause));
    check();
    browser.permissions.onRemoved.addListener(check);
    browser.permissions.onAdded.addListener(check);
    return () => {
      alive = false;
      browser.permissions.onRemoved.removeListener(check);
      browser.permissions.onAdded.removeListener(check);
    };
  }, [showBar]);
  // Straight from the click: the permission prompt needs the user's gesture.
  const grant = useCallback(() => void switchBarOn(origins && origins.length > 0 ? origins : undefined), [origins]);
  return { missing, grant };
}
