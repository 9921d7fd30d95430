/**
 * The alerts item (src/shared/alerts/store.ts) against what may be stored under its key
 * (test/fixtures/storage/alerts/): this build's version-1 envelope read back exactly, an
 * unversioned value, one written by a newer build (read, never written over), entries with bad
 * fields (dropped one at a time, the good ones kept), and the migration, which leaves stored
 * alerts as they are and gives a 0.1.0 profile, which had none, an empty state without a write.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { normaliseAlerts, type AlertRule, type AlertsState } from '../../../src/shared/alerts/rules';
import { addRule, alertsItem, markSeen } from '../../../src/shared/alerts/store';
import { migrateStorage, resetMigrationMemo } from '../../../src/shared/storage/migrations';
import { dump, legacyFixtures, loadAreas, storage } from './support';

interface AlertsFixture {
  about: string;
  local: { alerts: unknown };
  expect?: {
    kept?: string[];
    defaulted?: Record<string, Partial<AlertRule>>;
    rules?: string[];
    fired?: string[] | number;
  };
}

const DIR = path.resolve(__dirname, '../../fixtures/storage/alerts');
const fixture = (name: string): AlertsFixture => JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as AlertsFixture;

const V1 = fixture('v1');
const NEWER = fixture('newer');
const BARE = fixture('bare');
const BAD = fixture('bad-fields');

const load = (f: AlertsFixture): Promise<void> => storage.local.set(f.local);
const storedValue = (f: AlertsFixture): AlertsState => (f.local.alerts as { value: AlertsState }).value;
const ids = (state: AlertsState): string[] => state.rules.map((r) => r.id);

/** Wednesday 14 October 2026, 11:42 PKT: the moment the v1 fixture was taken. */
const T0 = Date.UTC(2026, 9, 14, 6, 42);

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  resetMigrationMemo();
});
afterEach(() => vi.restoreAllMocks());

describe('the fixtures', () => {
  it('hold what they say: every status, snoozes, a never-checked rule, indices, a fired log', () => {
    const { rules, fired } = storedValue(V1);
    const count = (status: string): number => rules.filter((r) => r.status === status).length;
    expect(count('armed')).toBeGreaterThanOrEqual(2);
    expect(count('waiting')).toBeGreaterThanOrEqual(2);
    expect(count('fired')).toBeGreaterThanOrEqual(2);
    expect(rules.filter((r) => r.snoozedUntil !== null).map((r) => r.status).sort()).toEqual(['armed', 'fired']);
    expect(rules.some((r) => r.checkedDay === null)).toBe(true);
    expect(rules.some((r) => r.index)).toBe(true);
    expect(new Set(rules.map((r) => r.kind))).toEqual(new Set(['price-above', 'price-below', 'change-above', 'change-below', 'volume-above']));
    expect(fired.length).toBeGreaterThanOrEqual(3);
    expect(fired.filter((f) => !f.seen).length).toBe(2);
    // Every fired alert names a rule of the fixture.
    expect(fired.every((f) => rules.some((r) => r.id === f.ruleId))).toBe(true);
    expect(V1.local.alerts).toMatchObject({ $v: alertsItem.spec.version });
    expect(NEWER.local.alerts).toMatchObject({ $v: alertsItem.spec.version + 1 });
    expect(BARE.local.alerts).not.toHaveProperty('$v');
  });
});

describe('a version-1 envelope', () => {
  beforeEach(() => load(V1));

  it('is read back exactly, rule by rule and fired alert by fired alert', async () => {
    const state = await alertsItem.getState();
    expect(state.value).toEqual(storedValue(V1));
    expect(state).toMatchObject({ newer: false, origin: 'stored', raw: V1.local.alerts });
    // Already in the validator's shape: normalising changes nothing.
    expect(normaliseAlerts(storedValue(V1))).toEqual(storedValue(V1));
  });

  it('is not rewritten by an update that changes nothing, and keeps the rest through one that does', async () => {
    const set = vi.spyOn(storage.local, 'set');
    expect(await alertsItem.update((s) => s)).toEqual({ ok: true, value: storedValue(V1) });
    expect(set).not.toHaveBeenCalled();

    expect((await markSeen('all')).ok).toBe(true);
    const after = (await dump()).local['alerts'] as { $v: number; value: AlertsState };
    expect(after.$v).toBe(1);
    expect(after.value.rules).toEqual(storedValue(V1).rules);
    expect(after.value.fired).toEqual(storedValue(V1).fired.map((f) => ({ ...f, seen: true })));
  });
});

describe('an envelope written by a newer build ($v 2)', () => {
  beforeEach(() => load(NEWER));

  it('is read as well as this version can: known rules kept, an unknown kind dropped, marked newer', async () => {
    const state = await alertsItem.getState();
    expect(state.newer).toBe(true);
    expect(ids(state.value)).toEqual(NEWER.expect?.rules);
    expect(state.value.fired).toHaveLength(NEWER.expect?.fired as number);
    // A field this version does not know is not carried into what it shows.
    expect(state.value.rules[0]).not.toHaveProperty('repeat');
  });

  it('refuses an update (newer-version) and leaves storage exactly as it was', async () => {
    const before = await dump();
    const edit = vi.fn((s: AlertsState) => ({ ...s, rules: [] }));
    const written = await alertsItem.update(edit);
    expect(written).toEqual({ ok: false, error: { kind: 'newer-version', key: 'alerts', detail: expect.stringContaining('newer version') as unknown } });
    expect(edit).not.toHaveBeenCalled();
    // Through the store's own edits too: adding a rule is refused, and says why.
    const added = await addRule({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 250, rearm: 'manual' }, null, T0);
    expect(added).toMatchObject({ ok: false, error: { kind: 'storage' } });
    expect(await dump()).toEqual(before);
    expect((await dump()).local['alerts']).toEqual(NEWER.local.alerts);
  });

  it('is left alone by the migration', async () => {
    const before = await dump();
    const report = await migrateStorage();
    expect(report.rewritten).not.toContain('alerts');
    expect(report.failed).toEqual([]);
    expect(await dump()).toEqual(before);
  });
});

describe('entries with bad fields', () => {
  const entries = (storedValue(BAD) as unknown as { rules: unknown[] }).rules;
  const expected = BAD.expect!;

  it('drop each rule that cannot be kept, and keep every good one, in order', async () => {
    await load(BAD);
    const { value } = await alertsItem.getState();
    expect(ids(value)).toEqual(expected.kept);
    expect(value.fired.map((f) => f.id)).toEqual(expected.fired);
  });

  it('give a field that has a default its default, and nothing else changes', async () => {
    await load(BAD);
    const { value } = await alertsItem.getState();
    for (const [id, fields] of Object.entries(expected.defaulted!)) {
      const raw = entries.find((e) => (e as { id?: string } | null)?.id === id) as Record<string, unknown>;
      const rule = value.rules.find((r) => r.id === id);
      const { why: _why, ...rest } = raw;
      expect(rule, id).toEqual({ ...rest, ...fields });
    }
  });

  // The file's first rule stays first (an entry repeating its id is bad only after it), two
  // other good rules of the v1 fixture follow.
  const [first, ...rest] = entries;
  it.each(rest.map((entry, i) => [i + 2, (entry as { why?: string } | null)?.why ?? JSON.stringify(entry).slice(0, 60), entry] as const))(
    'one at a time, entry %i (%s) beside good rules: only it can go',
    async (_place, _why, entry) => {
      const good = [first as AlertRule, ...storedValue(V1).rules.slice(1, 3)];
      await storage.local.set({ alerts: { $v: 1, value: { rules: [good[0], entry, good[1], good[2]], fired: [] } } });
      const { value } = await alertsItem.getState();
      const id = (entry as { id?: unknown } | null)?.id;
      const kept = expected.kept!.includes(id as string) && id !== good[0]!.id;
      // A good rule is never lost for a bad neighbour; a bad one is dropped on its own.
      expect(ids(value)).toEqual(kept ? [good[0]!.id, id, good[1]!.id, good[2]!.id] : good.map((r) => r.id));
    },
  );

  it('in a value that is not a state at all, give an empty one', async () => {
    for (const value of ['garbage', null, [], { rules: 'HUBC', fired: {} }]) {
      await storage.local.set({ alerts: { $v: 1, value } });
      expect((await alertsItem.getState()).value, JSON.stringify(value)).toEqual({ rules: [], fired: [] });
    }
  });

  it('are written back without the dropped entries by the next real edit', async () => {
    await load(BAD);
    expect((await markSeen('all')).ok).toBe(true);
    const after = (await dump()).local['alerts'] as { $v: number; value: AlertsState };
    expect(after.$v).toBe(1);
    expect(ids(after.value)).toEqual(expected.kept);
    expect(after.value.rules.every((r) => !('why' in r))).toBe(true);
  });
});

describe('an unversioned value', () => {
  beforeEach(() => load(BARE));

  it('is read as version 0 through the validator', async () => {
    const state = await alertsItem.getState();
    expect(state.newer).toBe(false);
    expect(state.origin).toBe('stored');
    expect(state.raw).toBeNull();
    expect(state.value).toEqual(BARE.local.alerts);
  });

  it('is rewritten in the version-1 envelope by the migration, once', async () => {
    const report = await migrateStorage();
    expect(report.rewritten).toContain('alerts');
    expect((await dump()).local['alerts']).toEqual({ $v: 1, value: BARE.local.alerts });
    expect((await migrateStorage()).rewritten).not.toContain('alerts');
  });
});

describe('the migration', () => {
  it('leaves version-1 alerts exactly as they were', async () => {
    await load(V1);
    const set = vi.spyOn(storage.local, 'set');
    const report = await migrateStorage();
    expect(report.rewritten).not.toContain('alerts');
    expect(report.failed).toEqual([]);
    expect(set.mock.calls.flatMap(([items]) => Object.keys(items))).not.toContain('alerts');
    expect((await dump()).local['alerts']).toEqual(V1.local.alerts);
    expect(await alertsItem.get()).toEqual(storedValue(V1));
  });

  it.each(legacyFixtures().map((f) => [f.name, f] as const))(
    'gives 0.1.0’s %s profile, which had no alerts, an empty state and writes no alerts key',
    async (_name, legacy) => {
      await loadAreas(legacy);
      await migrateStorage();
      // Nothing stored: read as the defaults (origin 'default'), which the migration does not write.
      const state = await alertsItem.getState();
      expect(state).toMatchObject({ value: { rules: [], fired: [] }, newer: false, origin: 'default', raw: null });
      expect((await dump()).local).not.toHaveProperty('alerts');
      // And the first real edit is what writes it.
      expect((await addRule({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 250, rearm: 'manual' }, null, T0)).ok).toBe(true);
      expect((await dump()).local['alerts']).toMatchObject({ $v: 1, value: { rules: [{ subject: 'HUBC', threshold: 250 }], fired: [] } });
    },
  );
});
