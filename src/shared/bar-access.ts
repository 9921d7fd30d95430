/**
 * Switching the ticker bar on and off from a UI. On: ask for access to all sites (from the
 * user's click, which the prompt needs), remember that these grants are the bar's, then set
 * the switch. Off: clear the switch and give the access back. The background follows storage
 * and the permission events to register or unregister the content script.
 */
import { browser } from './browser';
import { claimOrigins, releaseOrigins } from './permission-owners';
import { updateSettings } from './settings-items';
import { defineItem } from './storage/item';

export const ALL_SITES = ['https://*/*', 'http://*/*'];
export const BAR_ORIGINS_KEY = 'barOrigins';

/** The origins granted for the bar (0.1.0 stored the same array bare: version 0). */
export const barOriginsItem = defineItem<string[]>({
  area: 'local',
  key: BAR_ORIGINS_KEY,
  version: 1,
  normalise: (raw) => (Array.isArray(raw) ? raw.filter((o): o is string => typeof o === 'string' && o.length <= 300).slice(0, 20) : []),
});

const setShowBar = (showBar: boolean) => updateSettings((s) => ({ ...s, showBar }));

export async function switchBarOn(origins: string[] = ALL_SITES): Promise<boolean> {
  // The request starts in the click (Firefox refuses it after an await). The switch is written
  // at the same time: Firefox may close the popup while its prompt is open, and the background
  // registers the bar as soon as the permission arrives, whoever is still there to see it.
  const asked = browser.permissions.request({ origins }).catch((cause: unknown) => {
    console.warn('the bar’s permission request failed:', cause);
    return false;
  });
  await barOriginsItem.update(() => origins);
  await setShowBar(true);
  if (await asked) {
    await claimOrigins(origins, 'bar');
    return true;
  }
  await barOriginsItem.remove();
  await setShowBar(false);
  return false;
}

export async function switchBarOff(): Promise<void> {
  await setShowBar(false);
  const stored = await barOriginsItem.get();
  await barOriginsItem.remove();
  // Only what no feed also holds goes back (permission-owners.ts).
  if (stored.length > 0) await releaseOrigins(stored, 'bar');
}
