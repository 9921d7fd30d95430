/**
 * Switching the ticker bar on and off from a UI. On: ask for access to all sites (from the
 * user's click, which the prompt needs), remember that these grants are the bar's, then set
 * the switch. Off: clear the switch and give the access back. The background follows storage
 * and the permission events to register or unregister the content script.
 */
import { browser } from './browser';
import { readSettings, writeSettings } from './settings';

export const ALL_SITES = ['https://*/*', 'http://*/*'];
export const BAR_ORIGINS_KEY = 'barOrigins';

export async function switchBarOn(origins: string[] = ALL_SITES): Promise<boolean> {
  // The request starts in the click (Firefox refuses it after an await). The switch is written
  // at the same time: Firefox may close the popup while its prompt is open, and the background
  // registers the bar as soon as the permission arrives, whoever is still there to see it.
  const asked = browser.permissions.request({ origins }).catch(() => false);
  await browser.storage.local.set({ [BAR_ORIGINS_KEY]: origins });
  await writeSettings({ ...(await readSettings()), showBar: true });
  if (await asked) return true;
  await browser.storage.local.remove(BAR_ORIGINS_KEY);
  await writeSettings({ ...(await readSettings()), showBar: false });
  return false;
}

export async function switchBarOff(): Promise<void> {
  await writeSettings({ ...(await readSettings()), showBar: false });
  const stored = (await browser.storage.local.get(BAR_ORIGINS_KEY))[BAR_ORIGINS_KEY];
  await browser.storage.local.remove(BAR_ORIGINS_KEY);
  if (Array.isArray(stored) && stored.length > 0) await browser.permissions.remove({ origins: stored as string[] }).catch(() => false);
}
