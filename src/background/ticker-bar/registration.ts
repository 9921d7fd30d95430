/**
 * The ticker bar's content script is registered at runtime, never in the manifest: only when
 * the user has switched the bar on and granted access to sites for it. Every change (switch,
 * permission granted or revoked) leads here, and the registration follows what storage says.
 */
// Only the built file's name comes across (crxjs `?script`), not the code: the boundary holds.
// eslint-disable-next-line no-restricted-imports
import barScript from '../../content/ticker/bar.iife.ts?script';
import { browser } from '../../shared/browser';
import type { TabMessage } from '../../shared/protocol';
import { readSettings } from '../../shared/settings-items';

export const BAR_SCRIPT_ID = 'psx-ticker-bar';
import { barOriginsItem } from '../../shared/bar-access';
import { releaseOrigins } from '../../shared/permission-owners';

async function barOrigins(): Promise<string[]> {
  const [wanted, granted] = await Promise.all([barOriginsItem.get(), browser.permissions.getAll()]);
  const origins = new Set(granted.origins ?? []);
  return wanted.filter((o) => origins.has(o));
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Permission events and setting changes arrive together; one sync at a time, in order, so a
 * late unregister never undoes a fresh registration.
 */
export function syncTickerBar(): Promise<'registered' | 'unregistered'> {
  const next = queue.then(syncOnce, syncOnce);
  queue = next.catch(() => undefined);
  return next;
}

async function syncOnce(): Promise<'registered' | 'unregistered'> {
  const [settings, matches, existing] = await Promise.all([
    readSettings(),
    barOrigins(),
    browser.scripting.getRegisteredContentScripts({ ids: [BAR_SCRIPT_ID] }),
  ]);
  if (!settings.showBar || matches.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [BAR_SCRIPT_ID] });
    await tellOpenTabs('removeBar');
    // However the bar was switched off (popup, options, "hide everywhere" on a page), the access
    // it was given goes back; no user gesture is needed to give permissions up.
    if (!settings.showBar && matches.length > 0) {
      await barOriginsItem.remove();
      // A feed on the same site keeps its access (permission-owners.ts).
      await releaseOrigins(matches, 'bar');
    }
    return 'unregistered';
  }
  const script = { id: BAR_SCRIPT_ID, js: [barScript], matches, runAt: 'document_idle' as const, allFrames: false, persistAcrossSessions: true };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else {
    await browser.scripting.registerContentScripts([script]);
    await injectIntoOpenTabs(matches);
  }
  return 'registered';
}

/** Tabs already open when the bar is switched on get it at once, not at their next load. */
async function injectIntoOpenTabs(matches: string[]): Promise<void> {
  const tabs = await browser.tabs.query({ url: matches });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : browser.scripting.executeScript({ target: { tabId: tab.id }, files: [barScript] }).catch(() => undefined),
    ),
  );
}

export async function tellOpenTabs(type: TabMessage['type'], onlyActive = false): Promise<void> {
  const message: TabMessage = { type };
  const tabs = await browser.tabs.query(onlyActive ? { active: true, currentWindow: true } : {});
  // Tabs without the bar have no listener; their errors are expected and ignored.
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))));
}
