/**
 * Background wiring only. Every listener is registered synchronously at the top level so an
 * event that wakes a stopped worker finds its listener; all state lives in storage.
 */
import { browser } from '../shared/browser';
import { ensureRefreshAlarm, REFRESH_ALARM } from './alarm';
import { handleMessage } from './messages';
import { refresh } from './refresh';

browser.runtime.onInstalled.addListener(() => {
  void refresh('install');
});

browser.runtime.onStartup.addListener(() => {
  void refresh('startup');
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM) void refresh('alarm');
});

browser.runtime.onMessage.addListener(handleMessage);

void ensureRefreshAlarm();
