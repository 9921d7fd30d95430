/**
 * Background wiring only. Every listener is registered synchronously at the top level so an
 * event that wakes a stopped worker finds its listener; all state lives in storage.
 */
import { browser } from '../shared/browser';
import { recordEvents } from '../shared/diagnostics';
import { barPrefsItem, SETTINGS_ITEMS } from '../shared/settings-items';
import { ensureMigrated } from '../shared/storage/migrations';
import { createSyncFlusher } from '../shared/storage/sync-flush';
import { ensureRefreshAlarm, REFRESH_ALARM } from './alarm';
import { recordPermissionChange } from './diagnostics-log';
import { handleMessage } from './messages';
import { republish } from './publish';
import { paintBadge } from './badge';
import { badgeHoldings } from './badge-holdings';
import { badgeView } from './badge-text';
import { applyDisplay } from './i18n';
import { listenForNotificationClicks } from './alerts/notify';
import { alertsItem } from '../shared/alerts/store';
import { holdingsItem } from '../shared/holdings/store';
import { refresh } from './refresh';
import { syncTickerBar, tellOpenTabs } from './ticker-bar/registration';

const warn = (what: string) => (cause: unknown) => console.warn(`${what} failed:`, cause);
/** A failure the user should be able to find: in Diagnostics as well as the console. */
const recordFailure = (what: string) => (cause: unknown) => {
  warn(what)(cause);
  void recordEvents([{ at: Date.now(), kind: 'internal', subject: 'background', detail: `${what} failed: ${cause instanceof Error ? cause.message : String(cause)}` }]).catch(warn('recording a failure'));
};
const syncBar = (): void => void syncTickerBar().catch(warn('ticker bar sync'));
const flusher = createSyncFlusher(SETTINGS_ITEMS);

/** The same data shown for new settings or alerts, and the badge repainted from it at once. */
async function showAgain(): Promise<void> {
  const shown = await republish(Date.now());
  if (!shown) return;
  const { view, settings } = shown;
  const holdings = await badgeHoldings(settings);
  await applyDisplay(settings);
  await paintBadge(badgeView(view, settings.badge, settings.indices, settings.timeZone, Date.now(), settings.badgeAlerts, holdings));
}

/** Which settings item a storage change touched, in either of its two homes. */
const touched = (changes: Record<string, unknown>, area: string) => (item: (typeof SETTINGS_ITEMS)[number]) =>
  item.keys.some((k) => k.area === area && k.key in changes);

browser.runtime.onInstalled.addListener(() => {
  // The cycle migrates 0.1.0's keys before it reads anything (ensureMigrated); until then every
  // item still reads them, so the bar's sync below sees the user's settings either way.
  void refresh('install');
  syncBar();
});

browser.runtime.onStartup.addListener(() => {
  void refresh('startup');
  syncBar();
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM) void refresh('alarm');
});

browser.runtime.onMessage.addListener(handleMessage);

// The bar follows its switch and its permission, whichever changes.
browser.permissions.onAdded.addListener((p) => {
  syncBar();
  if (p.permissions?.includes('notifications')) listenForNotificationClicks();
  void recordPermissionChange('granted', p.origins, Date.now()).catch(warn('recording a permission change'));
});
browser.permissions.onRemoved.addListener((p) => {
  syncBar();
  void recordPermissionChange('removed', p.origins, Date.now()).catch(warn('recording a permission change'));
});
browser.storage.onChanged.addListener((changes, area) => {
  flusher.onChanged(changes, area);
  const changed = SETTINGS_ITEMS.filter(touched(changes, area));
  if (changed.includes(barPrefsItem)) syncBar();
  // The watchlist, the zone or the feeds decide what the market view holds and says; the
  // alerts, its count of fired ones (a dismissal in the popup clears the badge's).
  const alertsChanged = area === 'local' && alertsItem.keys.some((k) => k.key in changes);
  // The holdings, the portfolio's day % on the badge.
  const holdingsChanged = area === 'local' && holdingsItem.keys.some((k) => k.key in changes);
  if (alertsChanged || holdingsChanged || changed.some((item) => item !== barPrefsItem)) void showAgain().catch(recordFailure('re-publishing the market view'));
});

browser.commands.onCommand.addListener((command) => {
  if (command === 'toggle-ticker-bar') void tellOpenTabs('toggleBar', true);
});

listenForNotificationClicks();
void ensureRefreshAlarm();
// Edits a page saved while the worker was stopped reach sync now.
void ensureMigrated().then(() => flusher.flushNow()).catch(warn('flushing settings to sync'));
