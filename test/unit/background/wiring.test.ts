import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { notificationsControl } from '../fake-notifications';
import { grantedApis } from '../fake-permissions';

const refresh = vi.fn(() => Promise.resolve({ fetched: [], failed: [] }));
vi.mock('../../../src/background/refresh', () => ({ refresh }));
const syncTickerBar = vi.fn(() => Promise.resolve('unregistered'));
const tellOpenTabs = vi.fn(() => Promise.resolve());
vi.mock('../../../src/background/ticker-bar/registration', () => ({ syncTickerBar, tellOpenTabs }));

/** The fake browser does not model these events; a minimal one records listeners and fires them. */
function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => void)[] = [];
  return {
    addListener: (l: (...args: A) => void) => void listeners.push(l),
    removeListener: () => undefined,
    hasListener: () => listeners.length > 0,
    fire: (...args: A) => listeners.forEach((l) => l(...args)),
  };
}
const permissionAdded = fakeEvent<[unknown]>();
const permissionRemoved = fakeEvent<[unknown]>();
const command = fakeEvent<[string]>();
Object.assign(fakeBrowser, { commands: { onCommand: command } });

/** Importing the entry point is what a worker start does: listeners and alarm, nothing else. */
async function startWorker(): Promise<void> {
  // Events these tests fire by hand, over the shared permissions model (reset before each test).
  Object.assign(fakeBrowser.permissions, { onAdded: permissionAdded, onRemoved: permissionRemoved });
  vi.resetModules();
  await import('../../../src/background/index');
  await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('refresh')).toBeDefined());
}

describe('background entry point', () => {
  it('creates the refresh alarm on start, with a period of at least 30 s', async () => {
    await startWorker();
    const alarm = await fakeBrowser.alarms.get('refresh');
    expect(alarm?.periodInMinutes).toBeGreaterThanOrEqual(0.5);
  });

  it('does not push back an alarm that already exists', async () => {
    await fakeBrowser.alarms.create('refresh', { periodInMinutes: 1, when: 12345 });
    await startWorker();
    expect((await fakeBrowser.alarms.get('refresh'))?.scheduledTime).toBe(12345);
  });

  it.each([
    ['install', () => fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' })],
    ['startup', () => fakeBrowser.runtime.onStartup.trigger()],
    ['alarm', () => fakeBrowser.alarms.onAlarm.trigger({ name: 'refresh', scheduledTime: 0, periodInMinutes: 1, persistAcrossSessions: false })],
  ])('refreshes on %s', async (reason, fire) => {
    await startWorker();
    refresh.mockClear();
    await fire();
    expect(refresh).toHaveBeenCalledWith(reason);
  });

  it('ignores alarms it does not own', async () => {
    await startWorker();
    refresh.mockClear();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: 0, persistAcrossSessions: false });
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe('ticker bar wiring', () => {
  it.each([
    ['a permission granted', () => permissionAdded.fire({ origins: ['https://*/*'] })],
    ['a permission revoked', () => permissionRemoved.fire({ origins: ['https://*/*'] })],
    ['the switch changed in sync', () => fakeBrowser.storage.sync.set({ bar: { $v: 1, value: { showBar: true } } })],
    ['the switch changed on this device', () => fakeBrowser.storage.local.set({ 'pending:bar': { $v: 1, value: { showBar: true } } })],
  ])('re-syncs the registration on %s', async (_name, fire) => {
    await startWorker();
    syncTickerBar.mockClear();
    await fire();
    // Storage events come after the write, as in a real browser.
    await vi.waitFor(() => expect(syncTickerBar).toHaveBeenCalled());
  });

  it('toggles the bar in the active tab on the keyboard shortcut', async () => {
    await startWorker();
    command.fire('toggle-ticker-bar');
    expect(tellOpenTabs).toHaveBeenCalledWith('toggleBar', true);
  });
});

describe('alerts wiring', () => {
  const FIRED = { id: 'f-1', ruleId: 'r-1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 205, value: 206.1, price: 206.1, at: Date.UTC(2026, 9, 14, 6, 43), seen: false } as const;

  it('repaints the badge when the alerts change: a firing counts, a dismissal clears the count', async () => {
    await startWorker();
    const { alertsItem, markSeen } = await import('../../../src/shared/alerts/store');
    await alertsItem.update(() => ({ rules: [], fired: [FIRED] }));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1!'));
    await markSeen('all');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).not.toBe('1!'));
  });

  it('listens for notification clicks once the permission is granted while it runs', async () => {
    await startWorker();
    const { alertsItem } = await import('../../../src/shared/alerts/store');
    await alertsItem.update(() => ({ rules: [], fired: [FIRED] }));
    grantedApis.add('notifications');
    permissionAdded.fire({ permissions: ['notifications'], origins: [] });
    await fakeBrowser.notifications?.create('psx-alert:f-1', { type: 'basic', iconUrl: 'icons/icon-128.png', title: 'HUBC', message: 'HUBC 206.10' });
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    notificationsControl.click('psx-alert:f-1');
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith({ url: 'https://dps.psx.com.pk/company/HUBC' }));
  });
});
