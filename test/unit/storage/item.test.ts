/**
 * Versioned items (src/shared/storage/item.ts): the stored envelope, migrations from every
 * older version, data written by a newer version, 0.1.0's keys read before the migration, and
 * the batched read the bar and the settings use.
 */
import { alertsItem } from '../../../src/shared/alerts/store';
import { holdingsItem } from '../../../src/shared/holdings/store';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { barOriginsItem } from '../../../src/shared/bar-access';
import { diagnosticsArchiveItem, diagnosticsHeadItem } from '../../../src/shared/diagnostics';
import { permissionOwnersItem } from '../../../src/shared/permission-owners';
import { WORLD_FEED } from '../../../src/shared/feeds';
import { lastOpenedItem } from '../../../src/shared/last-opened';
import { boardItem, marketItem, storiesItem, type MarketState } from '../../../src/shared/market-store';
import type { Quote, Story } from '../../../src/shared/model';
import { seriesItem } from '../../../src/shared/series';
import { barPrefsItem, feedsItem, prefsItem, readSettings, readSettingsState, updateSettings, watchlistItem } from '../../../src/shared/settings-items';
import { defineItem, envelope, readItems, upgrade, type ItemSpec, type StorageItem } from '../../../src/shared/storage/item';
import { ALL_ITEMS, migrateStorage } from '../../../src/shared/storage/migrations';
import { storageHealthItem } from '../../../src/shared/storage/storage-health';
import { createSyncFlusher } from '../../../src/shared/storage/sync-flush';
import { SETTINGS_ITEMS } from '../../../src/shared/settings-items';
import { directoryItem } from '../../../src/shared/symbol-directory';
import { storageFaults, type AreaName } from '../fake-storage';
import { dump, legacyFixture, loadAreas, storage } from './support';

/** Wednesday 14 October 2026, 11:42 PKT. */
const T0 = Date.UTC(2026, 9, 14, 6, 42);

const HUBC: Quote = { symbol: 'HUBC', price: 202.71, change: 0.84, changePercent: 0.42, previousClose: 201.87, open: 202.05, high: 204.4, low: 201.1, volume: 1445702 };
const STORY: Story = { id: 'a', feedId: 'world', guid: 'g-a', firstSeenAt: T0, title: 'Oil steadies', link: 'https://www.brecorder.com/news/1', source: 'Business Recorder', publishedAt: T0 - 60_000 };
const MARKET: MarketState = {
  quotes: { HUBC },
  indices: { KSE100: { code: 'KSE100', value: 171623.45, change: -412.2, changePercent: -0.24, staleDate: null } },
  market: { phase: 'open', label: 'Open' },
  marketAsOf: T0 - 60_000,
  marketReadAt: T0,
  quoteSource: 'psx-portal',
  sources: { 'psx-home': { state: 'ok', attemptedAt: T0, lastOk: T0, lastError: null, failures: 0, nextTry: null } },
  closingQuotesHeld: false,
  updatedAt: T0,
  presentation: null,
};

/** One value of every item the extension declares, as its code would write it. */
const SAMPLES: [StorageItem<unknown>, unknown][] = [
  [prefsItem, { indices: ['KSE100', 'ALLSHR'], timeZone: 'Asia/Karachi', quotesPeriodSec: 45, feedsPeriodMin: 15, badge: 'HUBC', sort: 'symbol', collapsedFeeds: ['world'], privacy: true, alertsOnFallback: true, badgeAlerts: false, popupTab: 'market', shariahOnly: true, language: 'ur', digits: 'arabext' }],
  [watchlistItem, ['OGDC', 'HUBC', 'KOSM-NOV']],
  [feedsItem, [WORLD_FEED, { id: 'user-1x2y3z', url: 'https://www.dawn.com/feeds/business', name: 'www.dawn.com', title: 'Dawn — Business' }]],
  [barPrefsItem, { showBar: true, barPosition: 'bottom', barMode: 'push', barSpeed: 'fast', barHiddenSites: ['example.com', 'news.example.pk'] }],
  [marketItem, MARKET],
  [storiesItem, [STORY]],
  [boardItem, { quotes: { HUBC, OGDC: { ...HUBC, symbol: 'OGDC', price: 320.29 } }, readAt: T0 }],
  [seriesItem, { HUBC: { day: '2026-10-14', fetchedAt: T0, points: [[T0 - 60_000, 202.1], [T0, 202.71]] } }],
  [directoryItem, { fetchedAt: T0, instruments: [{ symbol: 'HUBC', name: 'The Hub Power Company Limited', sector: 'POWER', isETF: false, isDebt: false }] }],
  [barOriginsItem, ['https://*/*', 'http://*/*']],
  [lastOpenedItem, T0],
  [storageHealthItem, { syncRefused: { watchlist: { reason: 'QUOTA_BYTES_PER_ITEM quota exceeded', at: T0 } }, newerInSync: {}, localRefused: null }],
  [diagnosticsHeadItem, [{ at: T0, kind: 'failure', subject: 'feed:world', detail: 'server: HTTP 503' }]],
  [diagnosticsArchiveItem, [{ at: T0 - 60_000, kind: 'backoff', subject: 'psx-home', detail: 'failure 2 in a row; next try in 120 s' }]],
  [permissionOwnersItem, { 'https://news.example/*': ['bar', 'feed:user-news'] }],
  [
    alertsItem,
    {
      rules: [{ id: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 210, rearm: 'hysteresis', hysteresisPct: 0.5, status: 'fired', createdAt: T0 - 60_000, checkedDay: 1_792_000_000_000, firedAt: T0, firedValue: 210.5, snoozedUntil: null }],
      fired: [{ id: 'f1', ruleId: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 210, value: 210.5, price: 210.5, at: T0, seen: false }],
    },
  ],
  [holdingsItem, { HUBC: { quantity: 500, averagePrice: 98.1234 }, OGDC: { quantity: 10_000_000_000, averagePrice: 0.0001 } }],
] as [StorageItem<unknown>, unknown][];

/** Where an item's own writes land: a sync item's go to its local `pending:` copy first. */
const writtenAt = (item: StorageItem<unknown>): { area: AreaName; key: string } =>
  item.spec.area === 'sync' ? { area: 'local', key: `pending:${item.spec.key}` } : { area: item.spec.area, key: item.spec.key };

const stored = async (area: AreaName, key: string): Promise<unknown> => (await storage[area].get(key))[key];
const writes = (): Record<AreaName, number> => ({
  local: storageFaults.writes('local'),
  sync: storageFaults.writes('sync'),
  session: storageFaults.writes('session'),
  managed: storageFaults.writes('managed'),
});

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('the envelope', () => {
  it('covers every declared item', () => {
    expect(SAMPLES.map(([item]) => item.spec.key).sort()).toEqual(ALL_ITEMS.map((item) => item.spec.key).sort());
  });

  it.each(SAMPLES.map(([item, value]) => [item.spec.key, item, value] as const))('%s: written as { $v, value } and read back as written', async (_key, item, value) => {
    const written = await item.update(() => value);
    expect(written).toEqual({ ok: true, value });
    const { area, key } = writtenAt(item);
    const raw = await stored(area, key);
    expect(raw).toEqual({ $v: item.spec.version, value: item.spec.encode ? item.spec.encode(value) : value });
    // The stored form is plain JSON: what a browser hands back is what was meant.
    expect(JSON.parse(JSON.stringify(raw))).toEqual(raw);
    expect(await item.get()).toEqual(value);
    expect(await item.getState()).toEqual({ value, newer: false, origin: 'stored', raw });
  });

  it.each(SAMPLES.map(([item, value]) => [item.spec.key, item, value] as const))('%s: an update that changes nothing writes nothing', async (_key, item, value) => {
    await item.update(() => value);
    const before = writes();
    const again = await item.update((current) => current);
    expect(again).toEqual({ ok: true, value });
    expect(writes()).toEqual(before);
  });

  it.each(SAMPLES.map(([item]) => [item.spec.key, item] as const))('%s: never stored, an update that keeps the default writes nothing', async (_key, item) => {
    const again = await item.update((current) => current);
    expect(again).toMatchObject({ ok: true });
    // A sync item's defaults written now would reach sync, over another device's data.
    expect(writes()).toEqual({ local: 0, sync: 0, session: 0, managed: 0 });
    expect(await dump()).toEqual({ local: {}, sync: {}, session: {} });
  });

  it('reads a bare value (0.1.0 wrote its directory, bar grants and last-opened time bare) as version 0', async () => {
    const directory = { fetchedAt: T0, instruments: [{ symbol: 'HUBC', name: 'Hub Power', sector: 'POWER', isETF: false, isDebt: false }] };
    await storage.local.set({ symbols: directory, barOrigins: ['https://*/*'], popupOpenedAt: T0 });
    expect(await directoryItem.getState()).toEqual({ value: directory, newer: false, origin: 'stored', raw: null });
    expect(await barOriginsItem.get()).toEqual(['https://*/*']);
    expect(await lastOpenedItem.get()).toBe(T0);
    // The first write stores it in the envelope.
    await lastOpenedItem.update((at) => (at ?? 0) + 1);
    expect(await stored('local', 'popupOpenedAt')).toEqual({ $v: 1, value: T0 + 1 });
  });
});

describe('migrations', () => {
  interface V3 {
    name: string;
    tags: string[];
    count: number;
  }
  const steps: string[] = [];
  const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  // A made-up item three versions on: v0 was a bare name, v1 `{ name }`, v2 added tags, v3 a count.
  const spec: ItemSpec<V3> = {
    area: 'local',
    key: 'test:versions',
    version: 3,
    migrations: {
      0: (old) => {
        steps.push('0→1');
        return { name: String(old) };
      },
      1: (old) => {
        steps.push('1→2');
        return { ...(isRecord(old) ? old : {}), tags: ['migrated'] };
      },
      2: (old) => {
        steps.push('2→3');
        const tags = isRecord(old) && Array.isArray(old['tags']) ? old['tags'] : [];
        return { ...(isRecord(old) ? old : {}), count: tags.length };
      },
    },
    normalise: (raw) => {
      const r = isRecord(raw) ? raw : {};
      return {
        name: typeof r['name'] === 'string' ? r['name'] : '',
        tags: Array.isArray(r['tags']) ? r['tags'].filter((t): t is string => typeof t === 'string') : [],
        count: typeof r['count'] === 'number' ? r['count'] : 0,
      };
    },
  };
  const item = defineItem(spec);

  beforeEach(() => {
    steps.length = 0;
  });

  it.each([
    ['version 0 (bare)', 'HUBC', ['0→1', '1→2', '2→3'], { name: 'HUBC', tags: ['migrated'], count: 1 }],
    ['version 1', { $v: 1, value: { name: 'HUBC' } }, ['1→2', '2→3'], { name: 'HUBC', tags: ['migrated'], count: 1 }],
    ['version 2', { $v: 2, value: { name: 'HUBC', tags: ['a', 'b'] } }, ['2→3'], { name: 'HUBC', tags: ['a', 'b'], count: 2 }],
    ['version 3 (current)', { $v: 3, value: { name: 'HUBC', tags: [], count: 7 } }, [], { name: 'HUBC', tags: [], count: 7 }],
  ])('from %s: each later step, in order, once', async (_name, raw, expectedSteps, expected) => {
    await storage.local.set({ [spec.key]: raw });
    expect(await item.get()).toEqual(expected);
    expect(steps).toEqual(expectedSteps);
    // Rewritten at the current version, nothing runs again: migrating is idempotent.
    await item.update((v) => v);
    expect(await stored('local', spec.key)).toEqual({ $v: 3, value: expected });
    steps.length = 0;
    expect(await item.get()).toEqual(expected);
    expect(steps).toEqual([]);
  });

  it('is pure: upgrading the same stored data twice gives the same value', () => {
    for (const raw of ['X', { $v: 1, value: { name: 'X' } }, { $v: 2, value: { name: 'X', tags: [] } }]) {
      expect(upgrade(spec, raw)).toEqual(upgrade(spec, raw));
    }
  });

  it('migrateStorage brings every item to its version; a second run changes nothing and reports nothing', async () => {
    await loadAreas(legacyFixture('everything-changed'));
    const first = await migrateStorage();
    expect(first.failed).toEqual([]);
    expect(first.rewritten.sort()).toEqual(['bar', 'barOrigins', 'feeds', 'market', 'popupOpenedAt', 'prefs', 'stories', 'symbols', 'watchlist']);
    // 0.1.0's sync item waits until the new items are in sync; the next run after the flush removes it.
    expect(first.removed.sort()).toEqual(['local:series', 'local:snapshot']);
    await createSyncFlusher(SETTINGS_ITEMS).flushNow();
    expect((await migrateStorage()).removed).toEqual(['sync:settings']);
    const after = await dump();
    for (const item of ALL_ITEMS) {
      const state = await item.getState();
      if (state.origin !== 'default') expect(state.raw?.$v, item.spec.key).toBe(item.spec.version);
    }
    const writesBefore = writes();
    expect(await migrateStorage()).toEqual({ rewritten: [], removed: [], failed: [] });
    expect(await dump()).toEqual(after);
    expect(writes()).toEqual(writesBefore);
  });
});

describe('data written by a newer version', () => {
  const newer: [name: string, item: StorageItem<unknown>, area: AreaName, key: string, raw: unknown, bestEffort: unknown][] = [
    // Another device runs version 2, with fields this one does not know.
    ['watchlist in sync', watchlistItem, 'sync', 'watchlist', { $v: 2, value: ['HUBC', 'ogdc', 7] }, ['HUBC', 'OGDC']],
    ['prefs in its pending copy', prefsItem, 'local', 'pending:prefs', { $v: 5, value: { privacy: true, sort: 'change', alerts: [1] } }, expect.objectContaining({ privacy: true, sort: 'change' })],
    ['the directory', directoryItem, 'local', 'symbols', { $v: 2, value: { fetchedAt: T0, instruments: [{ symbol: 'HUBC', name: 'Hub', sector: 'P', isETF: false, isDebt: false, isin: 'PK0065001015' }] } }, { fetchedAt: T0, instruments: [{ symbol: 'HUBC', name: 'Hub', sector: 'P', isETF: false, isDebt: false }] }],
  ];

  it.each(newer)('%s: read as well as the validator can, and never written over', async (_name, item, area, key, raw, bestEffort) => {
    await storage[area].set({ [key]: raw });
    const state = await item.getState();
    expect(state).toMatchObject({ newer: true, origin: 'stored', raw });
    expect(state.value).toEqual(bestEffort);
    const before = await dump();
    const counts = writes();
    const edit = vi.fn((v: unknown) => v);
    const result = await item.update(edit);
    expect(result).toMatchObject({ ok: false, error: { kind: 'newer-version' } });
    expect(edit).not.toHaveBeenCalled();
    expect(await dump()).toEqual(before);
    expect(writes()).toEqual(counts);
  });

  it('updateSettings refuses an edit that touches it, and then writes no other part either', async () => {
    await storage.sync.set({ watchlist: { $v: 2, value: ['HUBC'] } });
    expect((await readSettingsState()).newer).toEqual(['watchlist']);
    const before = await dump();
    // One edit across two items, as a backup import makes: all of it or none of it.
    const result = await updateSettings((s) => ({ ...s, privacy: true, watchlist: [...s.watchlist, 'OGDC'] }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'newer-version' } });
    expect(await dump()).toEqual(before);
    expect((await readSettings()).privacy).toBe(false);
  });

  it('updateSettings still saves an edit of the other items', async () => {
    await storage.sync.set({ watchlist: { $v: 2, value: ['HUBC'] } });
    expect(await updateSettings((s) => ({ ...s, privacy: true }))).toMatchObject({ ok: true });
    expect(await readSettings()).toMatchObject({ privacy: true, watchlist: ['HUBC'] });
  });

  it('the flusher does not copy an older pending value over it in sync', async () => {
    await storage.sync.set({ watchlist: { $v: 2, value: ['HUBC'] } });
    await storage.local.set({ 'pending:watchlist': { $v: 1, value: ['OGDC'] } });
    await createSyncFlusher(SETTINGS_ITEMS, () => T0).flushNow();
    expect(await stored('sync', 'watchlist')).toEqual({ $v: 2, value: ['HUBC'] });
    expect(await stored('local', 'pending:watchlist')).toEqual({ $v: 1, value: ['OGDC'] });
    expect((await storageHealthItem.get()).newerInSync).toEqual({ watchlist: { reason: 'sync holds a newer version', at: T0 } });
  });
});

describe("0.1.0's keys, before the migration", () => {
  const fixture = legacyFixture('everything-changed');

  beforeEach(async () => {
    await loadAreas(fixture);
  });

  it('are what every item reads, so no reader sees defaults in place of the user’s data', async () => {
    expect(await readSettings()).toEqual(fixture.expect.settings);
    for (const item of [prefsItem, watchlistItem, feedsItem, barPrefsItem, marketItem, storiesItem]) {
      expect((await item.getState()).origin, item.spec.key).toBe('legacy');
    }
    const market = await marketItem.get();
    expect(Object.fromEntries(Object.entries(market.quotes).filter(([s]) => fixture.expect.settings.watchlist.includes(s)).map(([s, q]) => [s, q.price]))).toEqual(fixture.expect.quotes);
    expect(await storiesItem.get()).toHaveLength(fixture.expect.stories);
    expect(await lastOpenedItem.get()).toBe(fixture.expect.lastOpened);
  });

  it('an edit made before the migration keeps the rest of them', async () => {
    expect(await updateSettings((s) => ({ ...s, privacy: false }))).toMatchObject({ ok: true });
    expect(await readSettings()).toEqual({ ...fixture.expect.settings, privacy: false });
    await migrateStorage();
    expect(await readSettings()).toEqual({ ...fixture.expect.settings, privacy: false });
    await createSyncFlusher(SETTINGS_ITEMS).flushNow();
    await migrateStorage();
    expect(await readSettings()).toEqual({ ...fixture.expect.settings, privacy: false });
    expect(await stored('sync', 'settings')).toBeUndefined();
  });
});

describe('readItems', () => {
  const states: [name: string, setUp: () => Promise<void>][] = [
    ['nothing stored', async () => undefined],
    ["0.1.0's keys", () => loadAreas(legacyFixture('everything-changed'))],
    [
      'migrated, with pending copies',
      async () => {
        await loadAreas(legacyFixture('everything-changed'));
        await migrateStorage();
      },
    ],
    [
      'synced, no pending copies',
      async () => {
        await loadAreas(legacyFixture('everything-changed'));
        await migrateStorage();
        await createSyncFlusher(SETTINGS_ITEMS).flushNow();
      },
    ],
    [
      'a pending copy newer than sync, and newer versions',
      async () => {
        await storage.sync.set({ watchlist: { $v: 1, value: ['HUBC'] }, prefs: { $v: 9, value: { privacy: true } }, settings: { watchlist: ['PSO'] } });
        await storage.local.set({ 'pending:watchlist': { $v: 1, value: ['OGDC'] }, symbols: { $v: 4, value: {} }, popupOpenedAt: T0 });
      },
    ],
    [
      'corrupt copies (null, wrong types)',
      async () => {
        await storage.sync.set({ watchlist: { $v: 1, value: ['HUBC'] }, feeds: 'junk', bar: null });
        await storage.local.set({ 'pending:watchlist': null, market: { $v: 1, value: 7 }, stories: { $v: 'x', value: [] }, popupOpenedAt: null });
      },
    ],
    [
      'sync unavailable, one pending copy',
      async () => {
        await storage.local.set({ 'pending:prefs': { $v: 1, value: { privacy: true } } });
        storageFaults.setUnavailable('sync', true);
      },
    ],
  ];

  it.each(states)('%s: one get per area gives what each getState gives', async (_name, setUp) => {
    await setUp();
    const batched = await readItems(ALL_ITEMS);
    const one = await Promise.all(ALL_ITEMS.map((item) => item.getState()));
    for (const [i, item] of ALL_ITEMS.entries()) expect(batched[i], item.spec.key).toEqual(one[i]);
  });

  it('reads with one get per area when every item is stored', async () => {
    for (const [item, value] of SAMPLES) await item.update(() => value);
    await createSyncFlusher(SETTINGS_ITEMS).flushNow();
    for (const [item, value] of SAMPLES) if (item.spec.area === 'sync') await item.update(() => value);
    const gets = { local: vi.spyOn(storage.local, 'get'), sync: vi.spyOn(storage.sync, 'get'), session: vi.spyOn(storage.session, 'get') };
    await readItems(ALL_ITEMS);
    expect([gets.local.mock.calls.length, gets.sync.mock.calls.length, gets.session.mock.calls.length]).toEqual([1, 1, 1]);
  });
});

describe('envelope()', () => {
  it('stores the encoded form of a value', () => {
    expect(envelope(marketItem.spec, MARKET)).toEqual({ $v: 1, value: marketItem.spec.encode?.(MARKET) });
    expect(envelope(watchlistItem.spec, ['HUBC'])).toEqual({ $v: 1, value: ['HUBC'] });
  });
});
