/**
 * Background wiring only. Every listener is registered synchronously at the top level so an
 * event that wakes a stopped worker finds its listener; all state lives in storage.
 */
import { browser } from '../shared/browser';
import { SETTINGS_KEY } from '../shared/settings';
import { ensureRefreshAlarm, REFRESH_ALARM } from './alarm';
import { handleMessage } from './messages';
import { refresh } from './refresh';
import { syncTickerBar, tellOpenTabs } from './ticker-bar/registration';

const syncBar = (): void => void syncTickerBar().catch(() => undefined);

browser.runtime.onInstalled.addListener(() => {
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
browser.permissions.onAdded.addListener(syncBar);
browser.permissions.onRemoved.addListener(syncBar);
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && changes[SETTINGS_KEY]) syncBar();
});

browser.commands.onCommand.addListener((command) => {
  if (command === 'toggle-ticker-bar') void tellOpenTabs('toggleBar', true);
});

void ensureRefreshAlarm();
