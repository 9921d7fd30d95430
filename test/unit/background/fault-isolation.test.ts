/**
 * No input can freeze the cycle: a task that throws becomes a recorded failure of its own
 * source, with backoff; every other source's data is still written; the next wake is planned;
 * nothing escapes as an unhandled rejection.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refresh } from '../../../src/background/refresh';
import { REFRESH_ALARM } from '../../../src/background/alarm';
import { diagnosticsHeadItem } from '../../../src/shared/diagnostics';
import { LATEST_NEWS_FEED, WORLD_FEED } from '../../../src/shared/feeds';
import { marketItem, storiesItem } from '../../../src/shared/market-store';
import { readFeed } from '../../../src/sources/feeds/read-feed';
import { readPortal } from '../../../src/sources/psx/portal';
import { HOME_URL, MARKET_WATCH_URL } from '../../../src/sources/psx/portal';
import { SYMBOLS_URL } from '../../../src/sources/psx/symbols';
import { fakeFetch } from '../fake-fetch';
import { storageFaults } from '../fake-storage';
import { readFixture } from '../fixtures';

vi.mock('../../../src/sources/feeds/read-feed', async (actual) => {
  const real = await actual<typeof import('../../../src/sources/feeds/read-feed')>();
  return { ...real, readFeed: vi.fn(real.readFeed) };
});
vi.mock('../../../src/sources/psx/portal', async (actual) => {
  const real = await actual<typeof import('../../../src/sources/psx/portal')>();
  return { ...real, readPortal: vi.fn(real.readPortal) };
});

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

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  vi.mocked(readFeed).mockReset();
  vi.mocked(readPortal).mockReset();
});

async function plannedWake(): Promise<number | undefined> {
  return (await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime;
}

describe('a task that throws', () => {
  it.each([
    ['a stack overflow in the world feed (5,000 nested tags)', new RangeError('Maximum call stack size exceeded'), 'parse'],
    ['a bug in the world feed', new TypeError("Cannot read properties of undefined (reading 'title')"), 'internal'],
  ] as const)('%s: that feed fails with backoff, everything else is written', async (_name, thrown, kind) => {
    const real = await vi.importActual<typeof import('../../../src/sources/feeds/read-feed')>('../../../src/sources/feeds/read-feed');
    vi.mocked(readFeed).mockImplementation((feed, options) => (feed.id === WORLD_FEED.id ? Promise.reject(thrown) : real.readFeed(feed, options)));
    const { fetch } = sources();
    const summary = await refresh('install', { fetchImpl: fetch, now: () => T0, random: () => 0.5 });

    expect(summary.failed).toContain('feed:world');
    expect(summary.fetched).toEqual(expect.arrayContaining(['psx-home', 'psx-quotes', 'feed:latest-news']));
    const market = await marketItem.get();
    expect(market.quotes['HUBC']?.price).toBe(202.71);
    const world = market.sources['feed:world'];
    expect(world?.state).toBe('failing');
    expect(world?.lastError?.kind).toBe(kind);
    expect(world?.nextTry).toBeGreaterThan(T0);
    // The other feed's stories arrived all the same.
    expect((await storiesItem.get()).some((s) => s.feedId === LATEST_NEWS_FEED.id)).toBe(true);
    expect(await plannedWake()).toBeGreaterThan(T0);
    const events = await diagnosticsHeadItem.get();
    expect(events.some((e) => e.kind === 'failure' && e.subject === 'feed:world' && e.detail.startsWith(kind))).toBe(true);
    expect(events.some((e) => e.kind === 'backoff' && e.subject === 'feed:world')).toBe(true);
    expect(unhandled).toEqual([]);
  });

  it('the feed is not asked again before its backoff allows', async () => {
    vi.mocked(readFeed).mockRejectedValue(new RangeError('Maximum call stack size exceeded'));
    const { fetch } = sources();
    await refresh('install', { fetchImpl: fetch, now: () => T0, random: () => 0.5 });
    expect(vi.mocked(readFeed)).toHaveBeenCalledTimes(2);
    const nextTry = (await marketItem.get()).sources['feed:world']?.nextTry ?? 0;
    vi.mocked(readFeed).mockClear();
    // Cycles every minute until just before the backoff runs out: the feeds are left alone.
    for (let at = T0 + 60_000; at < nextTry; at += 60_000) await refresh('alarm', { fetchImpl: fetch, now: () => at, random: () => 0.5 });
    expect(vi.mocked(readFeed)).not.toHaveBeenCalled();
    await refresh('alarm', { fetchImpl: fetch, now: () => nextTry, random: () => 0.5 });
    expect(vi.mocked(readFeed)).toHaveBeenCalled();
  });

  it('the portal task: psx-home fails as internal, feeds still arrive', async () => {
    vi.mocked(readPortal).mockRejectedValue(new Error('boom'));
    const { fetch } = sources();
    const summary = await refresh('install', { fetchImpl: fetch, now: () => T0, random: () => 0.5 });
    expect(summary.failed).toContain('psx-home');
    const market = await marketItem.get();
    expect(market.sources['psx-home']?.lastError).toMatchObject({ kind: 'internal', detail: 'Error: boom' });
    expect(market.sources['feed:world']?.state).toBe('ok');
    // The presentation says so: the figures are not fresh.
    expect(market.presentation?.stale).toBe(true);
    expect(unhandled).toEqual([]);
  });
});

describe('storage that refuses', () => {
  it('a refused storage.local.set: the cycle still ends, plans its wake and rejects nothing', async () => {
    storageFaults.failAlways('local', 'set', 'QUOTA_BYTES quota exceeded');
    const { fetch } = sources();
    const summary = await refresh('install', { fetchImpl: fetch, now: () => T0, random: () => 0.5 });
    expect(summary.fetched).toContain('psx-quotes');
    expect(await plannedWake()).toBeGreaterThan(T0);
    expect(unhandled).toEqual([]);
  });
});
