import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { refresh } from '../../../src/background/refresh';
import { LATEST_NEWS_FEED, WORLD_FEED } from '../../../src/shared/feeds';
import { readSnapshot as readStored } from '../../../src/shared/market-store';
import { seriesItem } from '../../../src/shared/series';
import { directoryItem } from '../../../src/shared/symbol-directory';

const readSnapshot = async () => (await readStored()).snapshot;
const readSeries = () => seriesItem.get();
const readDirectory = () => directoryItem.get();
import { HOME_URL, MARKET_WATCH_URL } from '../../../src/sources/psx/portal';
import { seriesUrl } from '../../../src/sources/psx/series';
import { SYMBOLS_URL } from '../../../src/sources/psx/symbols';
import { indexTickUrl, MARKET_DATA_URL } from '../../../src/sources/psx-terminal/terminal';
import { fakeFetch, type Answer } from '../fake-fetch';
import { readFixture } from '../fixtures';
import { EXPECTED } from '../market/board-fixture';

/** Wednesday 14 October 2026, 11:42 PKT: the market is open. */
const T0 = Date.UTC(2026, 9, 14, 6, 42);
const MIN = 60_000;
const home = readFixture('psx/home.html');
const withBoard = (state: string): string =>
  home.replace('<div class="markets__item__stat__label">State</div><div>Open</div>', `<div class="markets__item__stat__label">State</div><div>${state}</div>`);
const watch = readFixture('psx/market-watch.html');
const series = readFixture('psx/psx-timeseries-int-HUBC.json');
const BR30 = ['BAFL', 'BIPL', 'BOP', 'CNERGY', 'DFML', 'DGKC', 'FABL', 'FCCL', 'FFL', 'GGL', 'HBL', 'HUBC', 'HUMNL', 'KEL', 'LOTCHEM', 'MLCF', 'OGDC', 'PAEL', 'PIBTL', 'PIOC', 'PPL', 'PRL', 'SILK', 'SNGP', 'SSGC', 'TELE', 'TPLP', 'TRG', 'UNITY', 'WTL'];

function sources(overrides: Record<string, Answer[]> = {}) {
  return fakeFetch({
    [HOME_URL]: [{ body: home }],
    [MARKET_WATCH_URL]: [{ body: watch }],
    [WORLD_FEED.url]: [{ body: readFixture('feeds/world.xml') }],
    [LATEST_NEWS_FEED.url]: [{ body: readFixture('feeds/latest-news.xml') }],
    [SYMBOLS_URL]: [{ body: readFixture('psx/symbols.json') }],
    [MARKET_DATA_URL]: [{ body: readFixture('psx/psxterminal-market-data-REG.json') }],
    [indexTickUrl('KSE100')]: [{ body: readFixture('psx/psxterminal-ticks-IDX-KSE100.json') }],
    ...Object.fromEntries(BR30.map((s) => [seriesUrl(s), [{ body: s === 'WTL' ? '{"status":1,"message":"","data":[]}' : series }]])),
    ...overrides,
  });
}

/** A cycle at a given time, with jitter pinned to zero so backoff delays are exact. */
const cycle = (reason: 'install' | 'alarm' | 'user' | 'startup', at: number, fetch: typeof globalThis.fetch) =>
  refresh(reason, { fetchImpl: fetch, now: () => at, random: () => 0.5 });

const urls = (calls: { url: string }[]): string[] => calls.map((c) => c.url);
const portalCalls = (calls: { url: string }[]): string[] => urls(calls).filter((u) => u === HOME_URL || u === MARKET_WATCH_URL);

afterEach(() => vi.restoreAllMocks());

describe('a refresh cycle', () => {
  it('writes quotes, indices, market state and stories into one snapshot, one request per source', async () => {
    const { fetch, calls } = sources();
    const summary = await cycle('install', T0, fetch);
    expect(summary.failed).toEqual([]);
    const snapshot = await readSnapshot();
    expect(Object.keys(snapshot.quotes)).toHaveLength(30);
    expect(snapshot.quotes['HUBC']?.price).toBe(202.71);
    expect(snapshot.indices['KSE30']?.value).toBe(51930.77);
    expect(snapshot.market).toEqual({ phase: 'open', label: 'Open' });
    expect(snapshot.quoteSource).toBe('psx-portal');
    expect(snapshot.stories.find((s) => s.feedId === 'world')?.title).toBe('Oil steadies as traders weigh OPEC+ output plans');
    expect(snapshot.sources['psx-quotes']).toEqual({ state: 'ok', attemptedAt: T0, lastOk: T0, lastError: null, failures: 0, nextTry: null });
    // The series are spread over cycles: one symbol a cycle.
    expect(urls(calls).filter((u) => u.includes('/timeseries/'))).toHaveLength(1);
    expect(urls(calls).filter((u) => !u.includes('/timeseries/'))).toEqual(
      expect.arrayContaining([HOME_URL, MARKET_WATCH_URL, WORLD_FEED.url, LATEST_NEWS_FEED.url, SYMBOLS_URL]),
    );
    expect(calls).toHaveLength(5 + 1);
  });

  it('keeps the symbol directory and the downsampled series', async () => {
    await cycle('install', T0, sources().fetch);
    const directory = await readDirectory();
    expect(directory.instruments.find((i) => i.symbol === 'HUBCSC1')).toMatchObject({ isDebt: true });
    const stored = await readSeries();
    expect(stored['BAFL']?.points[0]).toEqual([1789446600_000, 202.05]);
  });

  it('keeps the last good data, records the error and backs off', async () => {
    await cycle('install', T0, sources().fetch);
    const later = T0 + MIN;
    const failing = sources({ [HOME_URL]: [{ status: 500 }], [WORLD_FEED.url]: [{ body: '<html>oops</html>' }] });
    const summary = await cycle('user', later, failing.fetch);
    expect(summary.failed.sort()).toEqual(['feed:world', 'psx-home']);
    const snapshot = await readSnapshot();
    expect(snapshot.quotes['HUBC']?.price).toBe(202.71);
    expect(snapshot.stories.some((s) => s.feedId === 'world')).toBe(true);
    expect(snapshot.sources['psx-home']).toMatchObject({
      state: 'failing',
      lastOk: T0,
      attemptedAt: later,
      failures: 1,
      nextTry: later + MIN,
      lastError: { kind: 'server', at: later },
    });
    expect(snapshot.sources['feed:world']).toMatchObject({ lastError: { kind: 'parse' }, nextTry: later + 10 * MIN });
  });

  it('doubles the wait with each failure, up to 30 minutes for quotes', async () => {
    const down = sources({ [HOME_URL]: [{ status: 503 }] });
    let at = T0;
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      await cycle('alarm', at, down.fetch);
      const next = (await readSnapshot()).sources['psx-home']?.nextTry ?? 0;
      waits.push((next - at) / MIN);
      at = next;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30]);
  });

  it('obeys Retry-After even on the Refresh button', async () => {
    const limited = sources({ [HOME_URL]: [{ status: 429, headers: { 'Retry-After': '120' } }, { body: home }] });
    await cycle('install', T0, limited.fetch);
    await cycle('user', T0 + 60_000, limited.fetch);
    await cycle('user', T0 + 119_000, limited.fetch);
    expect(portalCalls(limited.calls)).toEqual([HOME_URL]);
    await cycle('user', T0 + 120_000, limited.fetch);
    expect(portalCalls(limited.calls)).toEqual([HOME_URL, HOME_URL, MARKET_WATCH_URL]);
  });

  it('keeps its backoff across a worker restart', async () => {
    await cycle('install', T0, sources({ [HOME_URL]: [{ status: 500 }] }).fetch);
    vi.resetModules();
    const { refresh: restarted } = await import('../../../src/background/refresh');
    const after = sources();
    await restarted('alarm', { fetchImpl: after.fetch, now: () => T0 + 30_000, random: () => 0.5 });
    expect(portalCalls(after.calls)).toEqual([]);
    await restarted('alarm', { fetchImpl: after.fetch, now: () => T0 + MIN, random: () => 0.5 });
    expect(portalCalls(after.calls)).toEqual([HOME_URL, MARKET_WATCH_URL]);
  });

  it('joins a cycle already under way instead of starting a second one', async () => {
    const { fetch, calls } = sources();
    const [a, b] = await Promise.all([cycle('alarm', T0, fetch), cycle('user', T0, fetch)]);
    expect(a).toBe(b);
    expect(urls(calls).filter((u) => u === HOME_URL)).toHaveLength(1);
  });

  it('on the alarm, asks only the sources that are due', async () => {
    await cycle('install', T0, sources().fetch);
    const { fetch, calls } = sources();
    await cycle('alarm', T0 + MIN, fetch);
    // Quotes every minute, the next series; headlines every ten minutes, symbols daily.
    expect(urls(calls).filter((u) => !u.includes('/timeseries/'))).toEqual([HOME_URL, MARKET_WATCH_URL]);
    expect(urls(calls).filter((u) => u.includes('/timeseries/'))).toHaveLength(1);
  });

  it('plans the next wake for the earliest due source', async () => {
    await cycle('install', T0, sources().fetch);
    expect((await fakeBrowser.alarms.get('refresh'))?.scheduledTime).toBe(T0 + MIN);
  });
});

describe('the Refresh button', () => {
  it('asks nothing new within 10 s of the last attempt', async () => {
    await cycle('install', T0, sources().fetch);
    const again = sources();
    await cycle('user', T0 + 5_000, again.fetch);
    // Only the next symbol's series, which is spread one per cycle anyway.
    expect(urls(again.calls).filter((u) => !u.includes('/timeseries/'))).toEqual([]);
    await cycle('user', T0 + 11_000, again.fetch);
    expect(portalCalls(again.calls)).toEqual([HOME_URL, MARKET_WATCH_URL]);
  });
});

describe('the symbol directory', () => {
  it('waits for a trading day once it has one, but a first install at night still gets it', async () => {
    const saturday = Date.UTC(2026, 9, 17, 7, 0);
    const closed = sources({ [HOME_URL]: [{ body: withBoard('Closed') }] });
    await cycle('install', saturday, closed.fetch);
    expect(urls(closed.calls)).toContain(SYMBOLS_URL);
    // Sunday noon: still closed, the directory from yesterday stands.
    await cycle('startup', saturday + 24 * 3_600_000, closed.fetch);
    expect(urls(closed.calls).filter((u) => u === SYMBOLS_URL)).toHaveLength(1);
    // … and the directory that waits plans no early wake: the next is the headlines' 10 min.
    const wake = (await fakeBrowser.alarms.get('refresh'))?.scheduledTime ?? 0;
    expect(wake - (saturday + 24 * 3_600_000)).toBeGreaterThanOrEqual(9 * MIN);
  });
});

describe('entitlement markers glued to a symbol', () => {
  it('are split off with the stored directory: PPLXDXB is PPL ex-dividend and ex-bonus, never a symbol of its own', async () => {
    const suffixes = readFixture('psx/market-watch-suffixes.html');
    const listed = JSON.stringify(EXPECTED.directory.map((symbol) => ({ symbol, name: symbol, sectorName: 'TEST', isETF: false, isDebt: false })));
    const { fetch } = sources({ [MARKET_WATCH_URL]: [{ body: suffixes }, { body: suffixes }], [SYMBOLS_URL]: [{ body: listed }] });
    // The first cycle reads the directory alongside the board, so it has none to split with yet.
    await cycle('install', T0, fetch);
    expect((await readDirectory()).instruments.map((i) => i.symbol)).toContain('PPL');
    expect(Object.keys((await readSnapshot()).quotes)).toContain('PPLXDXB');
    await cycle('user', T0 + 2 * MIN, fetch);
    const quotes = (await readSnapshot()).quotes;
    expect(quotes['PPL']?.entitlements).toEqual(['XD', 'XB']);
    expect(Object.keys(quotes).filter((s) => s !== 'PPL' && s.startsWith('PPL'))).toEqual([]);
  });
});

describe('the market session', () => {
  it('after the close, reads the closing prices once, then asks nothing until 15 min before the next session', async () => {
    await cycle('install', T0, sources().fetch);
    const closed = sources({ [HOME_URL]: [{ body: withBoard('Closed') }] });
    // 15:46 PKT Wednesday: the board says closed.
    const close = Date.UTC(2026, 9, 14, 10, 46);
    await cycle('alarm', close, closed.fetch);
    expect(portalCalls(closed.calls)).toEqual([HOME_URL, MARKET_WATCH_URL]);
    const plannedWake = (await fakeBrowser.alarms.get('refresh'))?.scheduledTime ?? 0;
    expect(plannedWake).toBeLessThanOrEqual(close + 10 * MIN); // headlines still tick
    for (const at of [close + MIN, close + 30 * MIN, Date.UTC(2026, 9, 14, 20, 0), Date.UTC(2026, 9, 15, 3, 59)]) {
      await cycle('alarm', at, closed.fetch);
    }
    expect(portalCalls(closed.calls)).toEqual([HOME_URL, MARKET_WATCH_URL]);
    // Thursday 09:00 PKT: the state check before the session.
    await cycle('alarm', Date.UTC(2026, 9, 15, 4, 0), closed.fetch);
    expect(portalCalls(closed.calls)).toEqual([HOME_URL, MARKET_WATCH_URL, HOME_URL]);
    expect(urls(closed.calls).filter((u) => u.includes('/timeseries/'))).toEqual([]);
  });

  it('makes no quote request on a weekend beyond the first look', async () => {
    const saturday = Date.UTC(2026, 9, 17, 7, 0);
    const closed = sources({ [HOME_URL]: [{ body: withBoard('Closed') }] });
    await cycle('startup', saturday, closed.fetch);
    for (let h = 1; h < 40; h++) await cycle('alarm', saturday + h * 3_600_000, closed.fetch);
    expect(portalCalls(closed.calls)).toEqual([HOME_URL, MARKET_WATCH_URL]);
    // Monday 09:00 PKT.
    await cycle('alarm', Date.UTC(2026, 9, 19, 4, 0), closed.fetch);
    expect(portalCalls(closed.calls)).toEqual([HOME_URL, MARKET_WATCH_URL, HOME_URL]);
  });

  it('treats a closed board on a trading day as a holiday, checked every 15 min', async () => {
    const holiday = sources({ [HOME_URL]: [{ body: withBoard('Closed') }] });
    await cycle('install', T0, holiday.fetch);
    await cycle('alarm', T0 + 5 * MIN, holiday.fetch);
    await cycle('alarm', T0 + 15 * MIN, holiday.fetch);
    expect(portalCalls(holiday.calls)).toEqual([HOME_URL, MARKET_WATCH_URL, HOME_URL]);
    expect((await readSnapshot()).market?.phase).toBe('closed');
  });
});

describe('the fallback source', () => {
  it('takes over after three failed portal cycles, labelled, and steps back when the portal recovers', async () => {
    await cycle('install', T0, sources().fetch);
    const down = sources({ [HOME_URL]: [{ status: 502 }] });
    let at = T0;
    for (let i = 0; i < 3; i++) {
      at = Math.max(at + MIN, (await readSnapshot()).sources['psx-home']?.nextTry ?? 0);
      await cycle('alarm', at, down.fetch);
    }
    expect(urls(down.calls).filter((u) => u === MARKET_DATA_URL)).toHaveLength(1);
    let snapshot = await readSnapshot();
    expect(snapshot.quoteSource).toBe('psx-terminal');
    expect(snapshot.quotes['HUBC']).toMatchObject({ price: 203.5, change: 1.63 });
    // PSX Terminal's changePercent is a fraction: 0.008075 is 0.8075 %.
    expect(snapshot.quotes['HUBC']?.changePercent).toBeCloseTo(0.8075, 10);
    expect(snapshot.quotes['BROKEN']).toBeUndefined();
    expect(snapshot.indices['KSE100']?.value).toBe(171100.1);
    expect(snapshot.indices['KSE100']?.changePercent).toBeCloseTo(-0.3036, 10);

    const back = sources();
    at = Math.max(at + MIN, snapshot.sources['psx-home']?.nextTry ?? 0);
    await cycle('alarm', at, back.fetch);
    snapshot = await readSnapshot();
    expect(snapshot.quoteSource).toBe('psx-portal');
    expect(snapshot.quotes['HUBC']?.price).toBe(202.71);
    expect(urls(back.calls)).not.toContain(MARKET_DATA_URL);
  });
});

describe('the badge', () => {
  it('shows KSE-100 % change in red while the market falls', async () => {
    await cycle('install', T0, sources().fetch);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('-0.2');
    // #c62828 as the fake reports it: RGBA.
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xc6, 0x28, 0x28, 255]);
  });

  it('turns grey when the figures on screen are stale', async () => {
    await cycle('install', T0, sources().fetch);
    await cycle('alarm', T0 + MIN, sources({ [MARKET_WATCH_URL]: [{ status: 500 }] }).fetch);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x6b, 0x72, 0x80, 255]);
  });
});
