/**
 * Firefox lets users withhold an MV3 extension's host permissions (and versions before 127 did
 * not grant them at install), so the popup checks them and asks, rather than letting every
 * fetch fail with a puzzling "unreachable".
 */
import { browser } from './browser';

/** The hosts the background reads; the same list as `host_permissions` in manifest.json. */
export const SOURCE_ORIGINS = ['https://dps.psx.com.pk/*', 'https://www.brecorder.com/*', 'https://psxterminal.com/*'];

export async function hasSourceAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: SOURCE_ORIGINS });
  } catch {
    // An engine without the permissions API grants host permissions at install.
    return true;
  }
}

/** Must be called from a user gesture (a click in the popup). */
export async function requestSourceAccess(): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: SOURCE_ORIGINS });
  } catch {
    return false;
  }
}
