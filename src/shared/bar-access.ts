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
  const granted = await browser.permissions.request({ origins }).catch(() => false);
  if (!granted) return false;
  await browser.storage.local.set({ [BAR_ORIGINS_KEY]: origins });
  await writeSettings({ ...(await readSettings()), showBar: true });
  return true;
}

export async function switchBarOff(): Promise<void> {
  await writeSettings({ ...(await readSettings()), showBar: false });
  const stored = (await browser.storage.local.get(BAR_ORIGINS_KEY))[BAR_ORIGINS_KEY];
  await browser.storage.local.remove(BAR_ORIGINS_KEY);
  if (Array.isArray(stored) && stored.length > 0) await browser.permissions.remove({ origins: stored as string[] }).catch(() => false);
}
