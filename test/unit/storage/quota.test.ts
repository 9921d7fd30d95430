// @vitest-environment happy-dom
/**
 * Sync's quotas: the largest value each settings item's validator accepts still fits sync's
 * 8 KB per item, and the real (fake) sync takes it through updateSettings and the flusher. When
 * sync refuses anyway, or is not there, nothing is lost and the popup and the options page say
 * so in one sentence.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App as Options } from '../../../src/options/App';
import { App as Popup } from '../../../src/popup/App';
import { FEEDS_BYTES, MAX_FEEDS } from '../../../src/shared/feeds';
import { emptySnapshot } from '../../../src/shared/model';
import { DEFAULT_SETTINGS, HIDDEN_SITES_BYTES, MAX_HIDDEN_SITES, MAX_WATCHLIST, normaliseSettings, type Settings } from '../../../src/shared/settings';
import { barPrefsItem, feedsItem, prefsItem, readSettings, SETTINGS_ITEMS, updateSettings, watchlistItem } from '../../../src/shared/settings-items';
import { envelope, type StorageItem } from '../../../src/shared/storage/item';
import { jsonBytes } from '../../../src/shared/storage/size';
import { storageHealthItem, storageNotice } from '../../../src/shared/storage/storage-health';
import { createSyncFlusher } from '../../../src/shared/storage/sync-flush';
import { STORAGE_ERRORS, storageFaults } from '../fake-storage';
import { storeSnapshot } from '../support/store';
import { storage, watchRejections } from './support';

const QUOTA_BYTES_PER_ITEM = storage.sync.QUOTA_BYTES_PER_ITEM;
const T0 = Date.UTC(2026, 9, 14, 6, 42);

/** Bytes of one sync item as Chrome counts them: its key and the JSON of its value. */
const itemBytes = (key: string, value: unknown): number => new TextEncoder().encode(key).length + jsonBytes(value);

// ---------------------------------------------------------------------------------------------
// The largest inputs each validator could be handed (a hostile backup, a corrupt copy, another
// build), well past every cap, so that what comes out is the largest it lets through.

/** A valid 24-character symbol (the longest `isSymbol` accepts), distinct for each `i`. */
const symbol24 = (i: number): string => `S${String(i).padStart(4, '0')}`.padEnd(24, '&');
const symbols = (n: number): string[] => Array.from({ length: n }, (_, i) => symbol24(i));
/** 253 characters, the longest host name the validator takes. */
const site253 = (i: number): string => `${String(i).padStart(3, '0')}.`.padEnd(253, 'a');
const CONTROL = '\u0001\u0007\u001b\u007f';
/** 80 characters that cost the most bytes each and survive the validator: 3-byte characters, quotes, backslashes, control characters. */
const heavyText = (i: number): string => `${i}"\\${CONTROL}${'€'.repeat(80)}`;
/** A 500-character address whose normalised form is itself (the longest kept). */
const url500 = (i: number): string => {
  const head = `https://feeds-${String(i).padStart(2, '0')}.example.com/`;
  return head + 'p'.repeat(500 - head.length);
};
const id40 = (i: number): string => `user-${String(i).padStart(2, '0')}`.padEnd(40, 'x');

const maximalFeeds = (url: (i: number) => string) =>
  Array.from({ length: MAX_FEEDS + 8 }, (_, i) => ({ id: id40(i), url: url(i), name: heavyText(i), title: heavyText(i + 100) }));

const WORST: [name: string, item: StorageItem<unknown>, raw: unknown][] = [
  ['watchlist: 150 symbols of 24 characters', watchlistItem, symbols(MAX_WATCHLIST + 50)],
  ['feeds: 20 feeds, 500-character addresses, 80-character names and titles of 3-byte and control characters', feedsItem, maximalFeeds(url500)],
  ['feeds: titles of lone surrogates (6 bytes each in JSON)', feedsItem, maximalFeeds(url500).map((f) => ({ ...f, name: '\ud800'.repeat(100), title: '\udfff'.repeat(100) }))],
  [
    'bar: 150 hidden sites of 253 characters, every other field at its longest',
    barPrefsItem,
    { showBar: false, barPosition: 'bottom', barMode: 'overlay', barSpeed: 'normal', barHiddenSites: Array.from({ length: MAX_HIDDEN_SITES + 50 }, (_, i) => site253(i)) },
  ],
  [
    'prefs: every list at its cap, every field at its longest',
    prefsItem,
    {
      indices: symbols(30),
      timeZone: 'Asia/Karachi',
      quotesPeriodSec: 3600,
      feedsPeriodMin: 1440,
      badge: symbol24(999),
      sort: 'change',
      collapsedFeeds: Array.from({ length: 40 }, (_, i) => id40(i)),
      privacy: false,
    },
  ],
];

/** The largest settings of all: every item at its worst case at once. */
function maximalSettings(): Settings {
  return normaliseSettings({
    ...(WORST[4]![2] as object),
    watchlist: WORST[0]![2],
    feeds: WORST[1]![2],
    ...(WORST[3]![2] as object),
  });
}

let rejections: ReturnType<typeof watchRejections>;

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  rejections = watchRejections();
});

afterEach(async () => {
  cleanup();
  localStorage.clear();
  // Node reports an unhandled rejection once the microtasks of a task have run: one more task.
  await new Promise<void>((resolve) => setImmediate(resolve));
  rejections.stop();
  expect(rejections.seen).toEqual([]);
  vi.restoreAllMocks();
});

describe('the worst case of each sync item', () => {
  it.each(WORST)('%s fits sync’s 8 KB item, key included, and reads back as it was stored', (_name, item, raw) => {
    const value = item.spec.normalise(raw);
    const stored = envelope(item.spec, value);
    expect(itemBytes(item.spec.key, stored)).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
    // What was stored is what the next read gives: nothing accepted once is dropped later.
    expect(item.spec.normalise(JSON.parse(JSON.stringify(stored)).value)).toEqual(value);
  });

  it('are the caps: 100 symbols, 12 feeds, 100 sites', () => {
    expect((watchlistItem.spec.normalise(WORST[0]![2]) as string[]).length).toBe(MAX_WATCHLIST);
    expect((feedsItem.spec.normalise(maximalFeeds((i) => `https://f${i}.example/`)) as unknown[]).length).toBe(MAX_FEEDS);
    const sites = (n: number): string[] => Array.from({ length: n }, (_, i) => `s${i}.example`);
    expect(normaliseSettings({ barHiddenSites: sites(150) }).barHiddenSites).toEqual(sites(150).slice(-MAX_HIDDEN_SITES));
  });

  it('keeps any list 0.1.0’s single 8 KB settings item could hold', () => {
    // 0.1.0's item with every other field at its smallest: what is left is the most one list had.
    const smallest010 = { version: 1, watchlist: [], indices: [], timeZone: 'local', quotesPeriodSec: 30, feedsPeriodMin: 5, badge: 'off', feeds: [], sort: 'user', collapsedFeeds: [], privacy: false, showBar: false, barPosition: 'top', barMode: 'push', barSpeed: 'slow', barHiddenSites: [] };
    const most010 = QUOTA_BYTES_PER_ITEM - itemBytes('settings', smallest010) + jsonBytes([]);
    expect(HIDDEN_SITES_BYTES).toBeGreaterThanOrEqual(most010);
    expect(FEEDS_BYTES).toBeGreaterThanOrEqual(most010);
  });

  it('a feed address that grows when normalised is not kept, on the first read as on every later one', () => {
    // 500 characters typed, 2,000 once percent-encoded: 0.1.0's check of the raw length let it in,
    // and the next read (which checks the stored, encoded address) dropped it.
    const feeds = [{ id: 'user-grows', url: `https://e.example/${'é'.repeat(482)}`, name: 'E', title: 'E' }];
    const once = feedsItem.spec.normalise(feeds) as Settings['feeds'];
    expect(feedsItem.spec.normalise(JSON.parse(JSON.stringify(once)))).toEqual(once);
    expect(once.every((f) => f.url.length <= 500)).toBe(true);
  });

  it('all four at once go through updateSettings and the flusher into the fake sync', async () => {
    const settings = maximalSettings();
    expect(await updateSettings(() => settings)).toEqual({ ok: true, value: settings });
    await createSyncFlusher(SETTINGS_ITEMS, () => T0).flushNow();
    const { local, sync } = { local: await storage.local.get(null), sync: await storage.sync.get(null) };
    expect(Object.keys(local).filter((k) => k.startsWith('pending:'))).toEqual([]);
    expect(Object.keys(sync).sort()).toEqual(['bar', 'feeds', 'prefs', 'watchlist']);
    for (const [key, value] of Object.entries(sync)) expect(itemBytes(key, value), key).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
    expect(await storage.sync.getBytesInUse(null)).toBeLessThanOrEqual(storage.sync.QUOTA_BYTES);
    expect((await storageHealthItem.get()).syncRefused).toEqual({});
    expect(await readSettings()).toEqual(settings);
  });
});

describe('a sync write refused', () => {
  /** 400 symbols: more than this build keeps, as a later build with a larger cap might write. */
  const tooBig = symbols(400);

  const refusals: [name: string, arrange: () => Promise<void>, reason: string, watchlist: string[], recover: () => Promise<void>][] = [
    [
      'for its quota (storageFaults)',
      async () => {
        storageFaults.failAlways('sync', 'set', STORAGE_ERRORS.quotaBytes);
        expect(await updateSettings((s) => ({ ...s, watchlist: ['HUBC', 'OGDC', 'PSO'] }))).toMatchObject({ ok: true });
      },
      STORAGE_ERRORS.quotaBytes,
      ['HUBC', 'OGDC', 'PSO'],
      async () => storageFaults.clearFaults(),
    ],
    [
      'for an item over 8 KB',
      async () => {
        await storage.local.set({ 'pending:watchlist': { $v: 1, value: tooBig } });
      },
      STORAGE_ERRORS.quotaBytesPerItem,
      tooBig.slice(0, MAX_WATCHLIST),
      async () => {
        expect(await updateSettings((s) => ({ ...s, watchlist: s.watchlist.slice(0, 30) }))).toMatchObject({ ok: true });
      },
    ],
  ];

  const sentence = (reason: string): string => `Your browser refused to sync your settings (${reason}); they are kept on this device and nothing is lost.`;

  it.each(refusals)('%s: the data stays in storage.local, is read from there, and storageHealth has it', async (_name, arrange, reason, watchlist, recover) => {
    await arrange();
    const flusher = createSyncFlusher(SETTINGS_ITEMS, () => T0);
    await flusher.flushNow();
    expect((await storage.local.get('pending:watchlist'))['pending:watchlist']).toMatchObject({ $v: 1 });
    expect((await storage.sync.get('watchlist'))['watchlist']).toBeUndefined();
    expect((await readSettings()).watchlist).toEqual(watchlist);
    const health = await storageHealthItem.get();
    expect(health.syncRefused).toEqual({ watchlist: { reason, at: T0 } });
    expect(storageNotice(health, [])).toBe(sentence(reason));

    // Once sync takes it, the local copy goes and so does the problem.
    await recover();
    await flusher.flushNow();
    expect((await storage.local.get('pending:watchlist'))['pending:watchlist']).toBeUndefined();
    expect((await storageHealthItem.get()).syncRefused).toEqual({});
  });

  it.each(refusals)('%s: the popup and the options page say so in one sentence, until sync takes it', async (_name, arrange, reason, _watchlist, recover) => {
    await storeSnapshot({ ...emptySnapshot(), updatedAt: T0 });
    await arrange();
    const flusher = createSyncFlusher(SETTINGS_ITEMS, () => T0);
    await flusher.flushNow();

    render(h(Popup, {}));
    const inPopup = await screen.findByText(sentence(reason));
    expect(inPopup.getAttribute('role')).toBe('status');
    expect(document.querySelectorAll('.notice--storage')).toHaveLength(1);
    cleanup();

    render(h(Options, {}));
    expect((await screen.findByText(sentence(reason))).getAttribute('role')).toBe('status');
    expect(document.querySelectorAll('.notice--storage')).toHaveLength(1);

    await recover();
    await flusher.flushNow();
    await vi.waitFor(() => expect(document.querySelector('.notice--storage')).toBeNull());
  }, 20_000);
});

describe('sync unavailable', () => {
  beforeEach(() => {
    storageFaults.setUnavailable('sync', true);
  });

  it('edits are still saved, read back, and synced once sync is back', async () => {
    expect(await updateSettings((s) => ({ ...s, watchlist: ['HUBC', 'OGDC'], privacy: true }))).toMatchObject({ ok: true });
    expect(await updateSettings((s) => ({ ...s, watchlist: [...s.watchlist, 'PSO'], barHiddenSites: ['example.com'] }))).toMatchObject({ ok: true });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, watchlist: ['HUBC', 'OGDC', 'PSO'], privacy: true, barHiddenSites: ['example.com'] });

    const flusher = createSyncFlusher(SETTINGS_ITEMS, () => T0);
    await flusher.flushNow();
    const health = await storageHealthItem.get();
    expect(Object.keys(health.syncRefused).sort()).toEqual(['bar', 'prefs', 'watchlist']);
    expect(storageNotice(health, [])).toBe(`Your browser refused to sync your settings (${STORAGE_ERRORS.unavailable('sync')}); they are kept on this device and nothing is lost.`);

    storageFaults.setUnavailable('sync', false);
    await flusher.flushNow();
    expect(await storage.sync.get('watchlist')).toEqual({ watchlist: { $v: 1, value: ['HUBC', 'OGDC', 'PSO'] } });
    expect((await storageHealthItem.get()).syncRefused).toEqual({});
    expect(await readSettings()).toMatchObject({ watchlist: ['HUBC', 'OGDC', 'PSO'], privacy: true, barHiddenSites: ['example.com'] });
  });

  it('the background’s flusher, following storage.onChanged, records the refusal and rejects nothing', async () => {
    const flusher = createSyncFlusher(SETTINGS_ITEMS, () => T0);
    storage.onChanged.addListener(flusher.onChanged);
    expect(await updateSettings((s) => ({ ...s, watchlist: ['HUBC'] }))).toMatchObject({ ok: true });
    // The change event schedules a flush at once (the first of a burst): wait for its record.
    await vi.waitFor(async () => expect((await storageHealthItem.get()).syncRefused['watchlist']?.reason).toBe(STORAGE_ERRORS.unavailable('sync')));
    await flusher.idle();
    storage.onChanged.removeListener(flusher.onChanged);
    expect((await readSettings()).watchlist).toEqual(['HUBC']);
  });

  it('the popup opens with the settings saved on this device', async () => {
    await storeSnapshot({ ...emptySnapshot(), updatedAt: T0 });
    expect(await updateSettings((s) => ({ ...s, watchlist: ['HUBC', 'OGDC'] }))).toMatchObject({ ok: true });
    render(h(Popup, {}));
    await vi.waitFor(() => expect([...document.querySelectorAll('li.quote')].map((li) => li.getAttribute('data-symbol'))).toEqual(['HUBC', 'OGDC']));
  });
});
