/**
 * From what 0.1.0 left in a profile (test/fixtures/storage/0.1.0/) to this version's items:
 * the user's settings survive exactly, the market view keeps the watchlist's quotes, 0.1.0's
 * keys go, nothing undeclared stays, and a migration cut short loses nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { barOriginsItem } from '../../../src/shared/bar-access';
import { lastOpenedItem } from '../../../src/shared/last-opened';
import { marketItem, storiesItem } from '../../../src/shared/market-store';
import { readSettings, SETTINGS_ITEMS } from '../../../src/shared/settings-items';
import { flushItem } from '../../../src/shared/storage/sync-flush';
import { ALL_ITEMS, ensureMigrated, migrateStorage, resetMigrationMemo } from '../../../src/shared/storage/migrations';
import { directoryItem } from '../../../src/shared/symbol-directory';
import { storageFaults } from '../fake-storage';
import { dump, legacyFixtures, loadAreas, storage, undeclared, type LegacyFixture } from './support';

const FIXTURES = legacyFixtures();

/** What a user of the fixture sees, read the way the popup and the options page read it. */
async function seen(fixture: LegacyFixture) {
  const settings = await readSettings();
  const market = await marketItem.get();
  const watchlistQuotes = Object.fromEntries(settings.watchlist.filter((s) => market.quotes[s]).map((s) => [s, market.quotes[s]!.price]));
  return {
    settings,
    quotes: watchlistQuotes,
    stories: (await storiesItem.get()).length,
    lastOpened: await lastOpenedItem.get(),
    barOrigins: await barOriginsItem.get(),
    directory: (await directoryItem.get()).instruments.length,
    fixture: fixture.name,
  };
}

/** The version this build writes for a stored key (a pending copy is its item's). */
const versionOf = (key: string): number => {
  const item = ALL_ITEMS.find((i) => i.spec.key === key.replace(/^pending:/, ''));
  if (!item) throw new Error(`undeclared key ${key}`);
  return item.spec.version;
};

const expected = (fixture: LegacyFixture) => ({ ...fixture.expect, fixture: fixture.name });

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  resetMigrationMemo();
});
afterEach(() => vi.restoreAllMocks());

describe('the fixtures', () => {
  it('are the states the brief names, each a profile 0.1.0 could leave', () => {
    expect(FIXTURES.map((f) => f.name)).toEqual(['corrupted', 'empty', 'everything-changed', 'feeds-at-quota', 'fresh-defaults', 'hidden-sites-at-quota', 'snapshot-only']);
    for (const f of FIXTURES) {
      // 0.1.0 wrote one sync item, `settings`, under sync's 8 KB per-item quota.
      expect(Object.keys(f.sync).filter((k) => k !== 'settings')).toEqual([]);
      for (const [key, value] of Object.entries(f.sync)) expect(new TextEncoder().encode(key + JSON.stringify(value)).length).toBeLessThanOrEqual(8192);
      expect(Object.keys(f.local).filter((k) => !['snapshot', 'series', 'symbols', 'barOrigins', 'popupOpenedAt'].includes(k))).toEqual([]);
    }
  });
});

/** The background's flush into sync, then the migration of the next worker start. */
async function flushAll(): Promise<void> {
  for (const item of SETTINGS_ITEMS) await flushItem(item, Date.now());
}
async function syncedAndMigratedAgain(): Promise<void> {
  await flushAll();
  await migrateStorage();
}

describe.each(FIXTURES.map((f) => [f.name, f] as const))('migrating %s', (_name, fixture) => {
  beforeEach(async () => {
    await loadAreas(fixture);
  });

  it('shows the same before the migration as 0.1.0 did', async () => {
    expect(await seen(fixture)).toEqual(expected(fixture));
  });

  it('keeps the settings and the watchlist’s quotes exactly, and leaves only declared keys', async () => {
    const report = await migrateStorage();
    expect(report.failed).toEqual([]);
    // 0.1.0's sync item stays until the new items are in sync themselves (another device reads it).
    if (fixture.sync['settings'] !== undefined) expect((await dump()).sync['settings']).toEqual(fixture.sync['settings']);
    await syncedAndMigratedAgain();
    expect(await seen(fixture)).toEqual(expected(fixture));
    const after = await dump();
    expect(after.sync['settings']).toBeUndefined();
    expect(after.local['snapshot']).toBeUndefined();
    expect(after.local['series']).toBeUndefined();
    expect(undeclared(after)).toEqual([]);
    // Every value left is in this version's envelope.
    for (const area of ['local', 'sync', 'session'] as const) {
      for (const [key, value] of Object.entries(after[area])) expect(value, `${area}:${key}`).toMatchObject({ $v: versionOf(key) });
    }
  });

  it('is idempotent: a second run finds nothing to do', async () => {
    await migrateStorage();
    await syncedAndMigratedAgain();
    const once = await dump();
    expect(await migrateStorage()).toEqual({ rewritten: [], removed: [], failed: [] });
    expect(await dump()).toEqual(once);
  });
});

describe('a migration cut short', () => {
  const fixture = FIXTURES.find((f) => f.name === 'everything-changed')!;

  /** The local writes a whole migration of the fixture makes, in order. */
  async function localWrites(): Promise<string[][]> {
    await loadAreas(fixture);
    const set = vi.spyOn(storage.local, 'set');
    await migrateStorage();
    const keys = set.mock.calls.map(([items]) => Object.keys(items));
    set.mockRestore();
    await storage.local.clear();
    await storage.sync.clear();
    return keys;
  }

  it('by any one refused write keeps 0.1.0’s keys for what was not written, shows the user’s data, and finishes on the next run', async () => {
    const sequence = await localWrites();
    expect(sequence.length).toBeGreaterThanOrEqual(9);
    for (const [n, keys] of sequence.entries()) {
      await storage.local.clear();
      await storage.sync.clear();
      await loadAreas(fixture);
      // The n-th write of the migration is refused (a full disk), the others go through.
      let call = 0;
      const original = storage.local.set.bind(storage.local);
      const set = vi.spyOn(storage.local, 'set').mockImplementation((items) => {
        if (call++ === n) storageFaults.failNext('local', 'set');
        return original(items);
      });
      const report = await migrateStorage();
      set.mockRestore();
      // The stories alone may be pruned: refused once, their newer half is written instead.
      const pruned = keys.includes('stories');
      const refused = pruned ? [] : keys.map((k) => k.replace(/^pending:/, ''));
      expect(report.failed.map((f) => f.key), `write ${n}: ${keys.join()}`).toEqual(refused);
      const user = pruned ? { ...expected(fixture), stories: Math.ceil(fixture.expect.stories / 2) } : expected(fixture);

      const left = await dump();
      // Kept whatever happened: nothing of it is in sync yet (see syncedAndMigratedAgain).
      expect(left.sync['settings'], `write ${n}`).toEqual(fixture.sync['settings']);
      if (keys.includes('market')) expect(left.local['snapshot'], `write ${n}`).toEqual(fixture.local['snapshot']);
      else expect(left.local['snapshot'], `write ${n}`).toBeUndefined();
      expect(await seen(fixture), `write ${n}`).toEqual(user);

      const second = await migrateStorage();
      expect(second.failed, `write ${n}`).toEqual([]);
      expect(second.rewritten, `write ${n}`).toEqual(refused);
      await syncedAndMigratedAgain();
      const done = await dump();
      expect(done.sync['settings']).toBeUndefined();
      expect(done.local['snapshot']).toBeUndefined();
      expect(undeclared(done)).toEqual([]);
      expect(await seen(fixture), `write ${n}`).toEqual(user);
    }
  });

  it('by a refused removal of 0.1.0’s keys is finished by the next worker start', async () => {
    await loadAreas(fixture);
    await migrateStorage();
    await flushAll();
    storageFaults.failNext('sync', 'remove');
    await expect(ensureMigrated()).resolves.toMatchObject({ failed: [{ key: '*' }] });
    expect((await dump()).sync['settings']).toEqual(fixture.sync['settings']);
    expect(await seen(fixture)).toEqual(expected(fixture));
    // The failed run is forgotten: the next caller (the next cycle) tries again.
    const next = await ensureMigrated();
    expect(next.removed).toContain('sync:settings');
    expect(undeclared(await dump())).toEqual([]);
    expect(await seen(fixture)).toEqual(expected(fixture));
  });
});
