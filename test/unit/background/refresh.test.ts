import { describe, expect, it } from 'vitest';
import { refresh } from '../../../src/background/refresh';
import { LATEST_NEWS_FEED, WORLD_FEED } from '../../../src/shared/feeds';
import { readSnapshot } from '../../../src/shared/snapshot-store';
import { HOME_URL, MARKET_WATCH_URL } from '../../../src/sources/psx/portal';
import { fakeFetch, type Answer } from '../fake-fetch';
import { readFixture } from '../fixtures';

const T0 = Date.UTC(2026, 9, 14, 6, 42);
const home = readFixture('psx/home.html');
const closedHome = home.replace('<div class="markets__item__stat__label">State</div><div>Open</div>', '<div class="markets__item__stat__label">State</div><div>Closed</div>');
const watch = readFixture('psx/market-watch.html');
const world = readFixture('feeds/world.xml');
const latest = readFixture('feeds/latest-news.xml');

function sources(overrides: Record<string, Answer[]> = {}) {
  return fakeFetch({
    [HOME_URL]: [{ body: home }],
    [MARKET_WATCH_URL]: [{ body: watch }],
    [WORLD_FEED.url]: [{ body: world }],
    [LATEST_NEWS_FEED.url]: [{ body: latest }],
    ...overrides,
  });
}

describe('a refresh cycle', () => {
  it('writes quotes, indices, market state and stories into one snapshot', async () => {
    const { fetch } = sources();
    const summary = await refresh('install', { fetchImpl: fetch, now: () => T0 });
    expect(summary.failed).toEqual([]);
    const snapshot = await readSnapshot();
    expect(Object.keys(snapshot.quotes)).toHaveLength(30);
    expect(snapshot.quotes['HUBC']?.price).toBe(202.71);
    expect(snapshot.indices['KSE30']?.value).toBe(51930.77);
    expect(snapshot.market).toEqual({ phase: 'open', label: 'Open' });
    expect(snapshot.stories.filter((s) => s.feedId === 'world').map((s) => s.title)[0]).toBe('Oil steadies as traders weigh OPEC+ output plans');
    expect(snapshot.sources['psx-quotes']).toEqual({ attemptedAt: T0, fetchedAt: T0, lastError: null });
    expect(snapshot.updatedAt).toBe(T0);
  });

  it('keeps the last good data and records the error when a source fails', async () => {
    await refresh('install', { fetchImpl: sources().fetch, now: () => T0 });
    const later = T0 + 60_000;
    const failing = sources({ [HOME_URL]: [{ status: 500 }], [WORLD_FEED.url]: [{ body: '<html>oops</html>' }] });
    const summary = await refresh('user', { fetchImpl: failing.fetch, now: () => later });
    expect(summary.failed.sort()).toEqual(['feed:world', 'psx-home']);
    const snapshot = await readSnapshot();
    expect(snapshot.quotes['HUBC']?.price).toBe(202.71);
    expect(snapshot.stories.some((s) => s.feedId === 'world')).toBe(true);
    expect(snapshot.sources['psx-home']).toMatchObject({ fetchedAt: T0, attemptedAt: later, lastError: { kind: 'server', at: later } });
    expect(snapshot.sources['feed:world']?.lastError?.kind).toBe('parse');
  });

  it('clears the error on the next success', async () => {
    await refresh('install', { fetchImpl: sources({ [HOME_URL]: [{ status: 503 }] }).fetch, now: () => T0 });
    await refresh('user', { fetchImpl: sources().fetch, now: () => T0 + 60_000 });
    expect((await readSnapshot()).sources['psx-home']?.lastError).toBe(null);
  });

  it('joins a cycle already under way instead of starting a second one', async () => {
    const { fetch, calls } = sources();
    const [a, b] = await Promise.all([
      refresh('alarm', { fetchImpl: fetch, now: () => T0 }),
      refresh('user', { fetchImpl: fetch, now: () => T0 }),
    ]);
    expect(a).toBe(b);
    expect(calls.filter((c) => c.url === HOME_URL)).toHaveLength(1);
  });

  it('on the alarm, asks only the sources that are due', async () => {
    await refresh('install', { fetchImpl: sources().fetch, now: () => T0 });
    const { fetch, calls } = sources();
    await refresh('alarm', { fetchImpl: fetch, now: () => T0 + 60_000 });
    // Quotes every minute; headlines every ten.
    expect(calls.map((c) => c.url)).toEqual([HOME_URL, MARKET_WATCH_URL]);
  });

  it('once the market has closed, reads the closing prices once and then only the board state', async () => {
    await refresh('install', { fetchImpl: sources().fetch, now: () => T0 });
    const closed = sources({ [HOME_URL]: [{ body: closedHome }] });
    await refresh('alarm', { fetchImpl: closed.fetch, now: () => T0 + 60_000 });
    await refresh('alarm', { fetchImpl: closed.fetch, now: () => T0 + 120_000 });
    await refresh('alarm', { fetchImpl: closed.fetch, now: () => T0 + 180_000 });
    expect(closed.calls.filter((c) => c.url === MARKET_WATCH_URL)).toHaveLength(1);
    expect(closed.calls.filter((c) => c.url === HOME_URL)).toHaveLength(3);
    expect((await readSnapshot()).market?.phase).toBe('closed');
  });

  it('asks for quotes again when the market reopens', async () => {
    const closed = sources({ [HOME_URL]: [{ body: closedHome }] });
    await refresh('install', { fetchImpl: closed.fetch, now: () => T0 });
    await refresh('alarm', { fetchImpl: closed.fetch, now: () => T0 + 60_000 });
    const open = sources();
    await refresh('alarm', { fetchImpl: open.fetch, now: () => T0 + 120_000 });
    expect(open.calls.filter((c) => c.url === MARKET_WATCH_URL)).toHaveLength(1);
  });
});
