/**
 * The cycle paints the portfolio's day % (src/background/refresh.ts, finishCycle): with the
 * badge set to `portfolio`, the holdings are read and the badge shows their day %, with the
 * market watch fixture's figures.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badgePercent } from '../../../src/background/badge-text';
import { refresh } from '../../../src/background/refresh';
import { LATEST_NEWS_FEED, WORLD_FEED } from '../../../src/shared/feeds';
import { holdingsItem } from '../../../src/shared/holdings/store';
import { readSnapshot } from '../../../src/shared/market-store';
import { updateSettings } from '../../../src/shared/settings-items';
import { HOME_URL, MARKET_WATCH_URL } from '../../../src/sources/psx/portal';
import { SYMBOLS_URL } from '../../../src/sources/psx/symbols';
import { fakeFetch } from '../fake-fetch';
import { readFixture } from '../fixtures';

/** Wednesday 14 October 2026, 11:42 PKT: the market is open. */
const T0 = Date.UTC(2026, 9, 14, 6, 42);

const sources = () =>
  fakeFetch({
    [HOME_URL]: [{ body: readFixture('psx/home.html') }],
    [MARKET_WATCH_URL]: [{ body: readFixture('psx/market-watch.html') }],
    [WORLD_FEED.url]: [{ body: readFixture('feeds/world.xml') }],
    [LATEST_NEWS_FEED.url]: [{ body: readFixture('feeds/latest-news.xml') }],
    [SYMBOLS_URL]: [{ body: readFixture('psx/symbols.json') }],
  });

afterEach(() => vi.restoreAllMocks());

describe('a cycle with the badge on the portfolio', () => {
  it("paints the watchlist holdings' day %", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await updateSettings((s) => ({ ...s, watchlist: ['HUBC'], badge: 'portfolio', feeds: [] }));
    await holdingsItem.update(() => ({ HUBC: { quantity: 500, averagePrice: 150 }, OGDC: { quantity: 1_000_000, averagePrice: 1 } }));
    await refresh('install', { fetchImpl: sources().fetch, now: () => T0, random: () => 0.5 });
    const hubc = (await readSnapshot()).snapshot.quotes['HUBC'];
    expect(hubc).toBeDefined();
    // One holding: its day % is its change against the last close; OGDC is not in the watchlist.
    const expected = badgePercent(((hubc?.change ?? 0) / ((hubc?.price ?? 0) - (hubc?.change ?? 0))) * 100);
    expect(await fakeBrowser.action.getBadgeText({})).toBe(expected);
    expect(expected).not.toBe('');
  });

  it('paints nothing when there are no holdings, where an index badge would show a figure', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await updateSettings((s) => ({ ...s, watchlist: ['HUBC'], badge: 'portfolio', feeds: [] }));
    await refresh('install', { fetchImpl: sources().fetch, now: () => T0, random: () => 0.5 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
