/**
 * Alerts inside real refresh cycles: the quotes the cycle reads are checked against the rules,
 * with the state in (fake) storage only, so a worker stopped between two ticks still sees the
 * crossing; each firing is one notification where the user allowed them, and is counted on
 * the badge either way. The evaluation's own cases are table-tested in test/unit/alerts/.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { refresh } from '../../../src/background/refresh';
import { republish } from '../../../src/background/publish';
import { onNotificationClicked } from '../../../src/background/alerts/notify';
import { addRule, alertsItem, markSeen } from '../../../src/shared/alerts/store';
import { marketItem } from '../../../src/shared/market-store';
import { LATEST_NEWS_FEED, WORLD_FEED } from '../../../src/shared/feeds';
import { HOME_URL, MARKET_WATCH_URL } from '../../../src/sources/psx/portal';
import { SYMBOLS_URL } from '../../../src/sources/psx/symbols';
import { fakeFetch } from '../fake-fetch';
import { notificationsControl } from '../fake-notifications';
import { permissionsControl } from '../fake-permissions';
import { readFixture } from '../fixtures';
import { withPrice } from '../../shared/market-watch-variant';

/** Wednesday 14 October 2026, 11:42 PKT: the market is open. */
const T0 = Date.UTC(2026, 9, 14, 6, 42);
const MIN = 60_000;
const watch = readFixture('psx/market-watch.html');

const home = readFixture('psx/home.html');
/** The home page with the board in another state ("Closed"); the fixture's is "Open". */
const withBoard = (state: string): string =>
  home.replace('<div class="markets__item__stat__label">State</div><div>Open</div>', `<div class="markets__item__stat__label">State</div><div>${state}</div>`);

/** The portal with HUBC at `price` (202.71 in the fixture); everything else as the fixtures have it. */
function portalWith(price: number, board = 'Open') {
  return fakeFetch({
    [HOME_URL]: [{ body: withBoard(board) }],
    [MARKET_WATCH_URL]: [{ body: withPrice(watch, 'HUBC', price) }],
    [WORLD_FEED.url]: [{ body: readFixture('feeds/world.xml') }],
    [LATEST_NEWS_FEED.url]: [{ body: readFixture('feeds/latest-news.xml') }],
    [SYMBOLS_URL]: [{ body: readFixture('psx/symbols.json') }],
  });
}

type Refresh = typeof refresh;
const tick = (run: Refresh, at: number, price: number, reason: 'install' | 'alarm' | 'startup' = 'alarm', board = 'Open') =>
  run(reason, { fetchImpl: portalWith(price, board).fetch, now: () => at, random: () => 0.5 });

const allowNotifications = () => fakeBrowser.permissions.request({ permissions: ['notifications'] });
const shownNotifications = async () => Object.keys((await fakeBrowser.notifications?.getAll()) ?? {});
const badgeText = () => fakeBrowser.action.getBadgeText({});

afterEach(() => vi.restoreAllMocks());

describe('alerts in the refresh cycle', () => {
  it('fires once on the crossing, across a worker restart between two ticks, and not on the next two ticks', async () => {
    expect(await allowNotifications()).toBe(true);
    await addRule({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 205, rearm: 'manual' }, null, T0 - MIN);
    await tick(refresh, T0, 202.71, 'install');
    expect((await alertsItem.get()).rules[0]).toMatchObject({ status: 'armed', checkedDay: expect.any(Number) });
    expect(notificationsControl.created).toEqual([]);

    // The worker stops; a new one starts with nothing but storage.
    vi.resetModules();
    const { refresh: restarted } = await import('../../../src/background/refresh');
    await tick(restarted, T0 + MIN, 206.1);
    const state = await alertsItem.get();
    expect(state.rules[0]).toMatchObject({ status: 'fired', firedValue: 206.1, firedAt: T0 + MIN });
    expect(state.fired).toEqual([expect.objectContaining({ subject: 'HUBC', kind: 'price-above', threshold: 205, price: 206.1, at: T0 + MIN, seen: false })]);
    expect(notificationsControl.created).toHaveLength(1);
    expect(notificationsControl.created[0]?.options).toMatchObject({ title: 'HUBC: price rises to or above 205.00' });
    // Symbol, price and time, in the user's zone: the browser's own (UTC where these tests run) unless they chose PKT.
    expect(notificationsControl.created[0]?.options.message).toBe('HUBC price 206.10 at 14 Oct, 06:43');
    expect(await shownNotifications()).toEqual([`psx-alert:${state.fired[0]?.id}`]);

    await tick(restarted, T0 + 2 * MIN, 206.5);
    await tick(restarted, T0 + 3 * MIN, 204.0);
    await tick(restarted, T0 + 4 * MIN, 207.0);
    expect(notificationsControl.created).toHaveLength(1);
    expect((await alertsItem.get()).fired).toHaveLength(1);
  });

  it('counts an unseen firing on the badge and in the presentation, and a dismissal clears both', async () => {
    await addRule({ subject: 'HUBC', index: false, kind: 'price-below', threshold: 200, rearm: 'manual' }, null, T0 - MIN);
    await tick(refresh, T0, 202.71, 'install');
    await tick(refresh, T0 + MIN, 199.5);
    expect((await marketItem.get()).presentation?.alerts).toEqual({ unseen: 1, highlight: { HUBC: T0 + 2 * MIN } });
    expect(await badgeText()).toBe('1!');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^1 price alert has fired: open to see\nPSX market/);

    await markSeen('all');
    await republish(T0 + MIN + 5_000);
    expect((await marketItem.get()).presentation?.alerts?.unseen).toBe(0);
  });

  it('without the notifications permission, fires into the popup, the bar and the badge, and shows no notification', async () => {
    permissionsControl.userGrants = false;
    expect(await allowNotifications()).toBe(false);
    expect(fakeBrowser.notifications).toBeUndefined();
    await addRule({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 205, rearm: 'manual' }, null, T0 - MIN);
    await tick(refresh, T0, 202.71, 'install');
    await tick(refresh, T0 + MIN, 206.1);
    expect((await alertsItem.get()).fired).toHaveLength(1);
    expect(notificationsControl.created).toEqual([]);
    expect((await marketItem.get()).presentation?.alerts?.highlight).toEqual({ HUBC: T0 + 2 * MIN });
    expect(await badgeText()).toBe('1!');
  });

  it('does not fire while the portal fails: the figures on screen are stale', async () => {
    await addRule({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 205, rearm: 'manual' }, null, T0 - MIN);
    await tick(refresh, T0, 202.71, 'install');
    const failing = fakeFetch({ [HOME_URL]: [{ status: 503 }], [MARKET_WATCH_URL]: [{ status: 503 }] });
    await refresh('alarm', { fetchImpl: failing.fetch, now: () => T0 + MIN, random: () => 0.5 });
    expect((await marketItem.get()).presentation?.stale).toBe(true);
    expect((await alertsItem.get()).rules[0]?.status).toBe('armed');
    // The portal answers again with the price already above: that reading is trusted and is the crossing.
    await tick(refresh, T0 + 10 * MIN, 206.1);
    expect((await alertsItem.get()).rules[0]?.status).toBe('fired');
  });

  it('does not check the last session’s figures read while the market is closed, and compares the next session with its open', async () => {
    await addRule({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 205, rearm: 'manual' }, null, T0 - MIN);
    await tick(refresh, T0, 202.71, 'install');
    const wednesday = (await alertsItem.get()).rules[0]?.checkedDay;
    // Thursday 08:00 PKT, after a browser restart: the closing figures (here above the line) are read once.
    const thursdayMorning = Date.UTC(2026, 9, 15, 3, 0);
    await tick(refresh, thursdayMorning, 206.1, 'startup', 'Closed');
    expect((await marketItem.get()).quotes['HUBC']?.price).toBe(206.1);
    expect((await alertsItem.get()).rules[0]).toMatchObject({ status: 'armed', checkedDay: wednesday });
    // 09:40 PKT, the session open: the day opened at 202.05, below the line, and HUBC is now above it.
    await tick(refresh, Date.UTC(2026, 9, 15, 4, 40), 206.1);
    expect((await alertsItem.get()).rules[0]).toMatchObject({ status: 'fired', firedAt: Date.UTC(2026, 9, 15, 4, 40) });
  });

  // A guard, not a feature switch: nothing in the schedule may come to depend on the popup.
  it('keeps the trading cadence with an armed rule though the popup was never opened', async () => {
    await addRule({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 205, rearm: 'manual' }, null, T0 - MIN);
    await tick(refresh, T0, 202.71, 'install');
    // Quotes are due a period (60 s) after this read, and the wake is planned for then.
    expect((await fakeBrowser.alarms.get('refresh'))?.scheduledTime).toBe(T0 + MIN);
  });

  it('opens the PSX company page when the notification is clicked, and marks the alert seen', async () => {
    await allowNotifications();
    await addRule({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 205, rearm: 'manual' }, null, T0 - MIN);
    await tick(refresh, T0, 202.71, 'install');
    await tick(refresh, T0 + MIN, 206.1);
    const [id] = await shownNotifications();
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNotificationClicked(id!);
    expect(opened).toHaveBeenCalledWith({ url: 'https://dps.psx.com.pk/company/HUBC' });
    expect((await alertsItem.get()).fired[0]?.seen).toBe(true);
    expect(await shownNotifications()).toEqual([]);
  });

  it('ignores a click on a notification that is not one of ours', async () => {
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNotificationClicked('psx-alert:not-an-alert');
    await onNotificationClicked('someone-else');
    expect(opened).not.toHaveBeenCalled();
  });
});
