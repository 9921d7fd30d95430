/**
 * The storage fake is only worth having if it behaves like Chrome's `chrome.storage`; these tests
 * pin each behaviour the code under test may lean on (copies, change events, quotas, faults).
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Storage } from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_ERRORS, installFakeStorage, storageFaults, type AreaName, type FakeStorageArea, type StorageChanges } from './fake-storage';

const storage = installFakeStorage(fakeBrowser);
const WRITABLE = ['local', 'sync', 'session'] as const;
const KIB = 1024;

/** Lets queued change events (one `setTimeout(…, 0)` each, earlier than this one) run. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Records every change event of `area`, from the area's own event and the global one. */
function recordChanges(area: AreaName): { own: StorageChanges[]; global: StorageChanges[] } {
  const seen = { own: [] as StorageChanges[], global: [] as StorageChanges[] };
  storage[area].onChanged.addListener((changes) => seen.own.push(changes));
  storage.onChanged.addListener((changes, name) => {
    if (name === area) seen.global.push(changes);
  });
  return seen;
}

/** A string value whose item (`key` + its JSON) takes exactly `bytes` bytes. */
function valueOfSize(key: string, bytes: number): string {
  return 'x'.repeat(bytes - key.length - 2);
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('installation', () => {
  it('puts the fake in place of fakeBrowser.storage, once however often it is installed', () => {
    expect(fakeBrowser.storage).toBe(storage);
    expect(installFakeStorage(fakeBrowser)).toBe(storage);
    expect(fakeBrowser.storage).toBe(storage);
  });

  it('keeps one state across vi.resetModules(), so a fresh import still controls the installed storage', async () => {
    vi.resetModules();
    const fresh = await import('./fake-storage');
    expect(fresh.installFakeStorage(fakeBrowser)).toBe(storage);
    fresh.storageFaults.failNext('local', 'get', 'from the fresh module');
    await expect(storage.local.get()).rejects.toThrow('from the fresh module');
  });

  it('has the shape webextension-polyfill promises the code', () => {
    const typed: Storage.Static = storage;
    expect(Object.keys(typed).sort()).toEqual(['local', 'managed', 'onChanged', 'session', 'sync']);
  });

  it('is wiped by fakeBrowser.reset(): data, listeners, faults, counters and rate windows', async () => {
    vi.useFakeTimers();
    const listener = vi.fn();
    storage.onChanged.addListener(listener);
    storage.sync.onChanged.addListener(listener);
    for (let i = 0; i < 120; i++) await storage.sync.set({ [`k${i}`]: i });
    await storage.local.set({ a: 1 });
    storageFaults.failAlways('local', 'get', 'broken');
    storageFaults.setUnavailable('session', true);
    storageFaults.setManagedPolicy({ policy: true });

    fakeBrowser.reset();
    vi.advanceTimersByTime(0);

    expect(listener).not.toHaveBeenCalled();
    expect(storage.onChanged.hasListeners()).toBe(false);
    expect(storage.sync.onChanged.hasListeners()).toBe(false);
    expect(await storage.local.get()).toEqual({});
    expect(await storage.managed.get()).toEqual({});
    expect(await storage.session.get()).toEqual({});
    expect([storageFaults.writes('sync'), storageFaults.setCalls('sync'), storageFaults.writes('local')]).toEqual([0, 0, 0]);
    await expect(storage.sync.set({ again: 1 })).resolves.toBeUndefined();
  });

  it('drops change events still queued when reset comes, instead of handing them to the next test', async () => {
    await storage.local.set({ a: 1 });
    fakeBrowser.reset();
    const listener = vi.fn();
    storage.onChanged.addListener(listener);
    await nextTask();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('values are JSON', () => {
  it.each<[string, unknown, unknown]>([
    ['a nested object', { a: { b: [1, 'x', null, true] } }, { a: { b: [1, 'x', null, true] } }],
    ['null, stored rather than removed', null, null],
    ['undefined properties, dropped', { a: 1, b: undefined, f: () => 1 }, { a: 1 }],
    ['undefined in an array, turned to null', [1, undefined], [1, null]],
    ['NaN and Infinity, turned to null', [Number.NaN, Infinity], [null, null]],
    ['a Date, turned to its ISO text', new Date(0), '1970-01-01T00:00:00.000Z'],
    ['a Map, turned to an empty object', new Map([['a', 1]]), {}],
    ['a "__proto__" key, kept as data', JSON.parse('{"__proto__": 1}'), JSON.parse('{"__proto__": 1}')],
  ])('%s', async (_name, input, expected) => {
    await storage.local.set({ k: input });
    expect((await storage.local.get('k'))['k']).toStrictEqual(expected);
  });

  it('keeps a copy: changing the written object afterwards changes nothing stored', async () => {
    const written = { list: [1], nested: { a: 1 } };
    await storage.local.set({ k: written });
    written.list.push(2);
    written.nested.a = 2;
    expect(await storage.local.get('k')).toEqual({ k: { list: [1], nested: { a: 1 } } });
  });

  it('hands out fresh copies: mutating a result changes neither storage nor the next result', async () => {
    await storage.local.set({ k: { list: [1] } });
    const first = (await storage.local.get('k'))['k'] as { list: number[] };
    first.list.push(2);
    const second = (await storage.local.get('k'))['k'];
    expect(second).toEqual({ list: [1] });
    expect(second).not.toBe(first);
  });

  it('ignores a top-level undefined: the key keeps its value and no event fires', async () => {
    await storage.local.set({ k: 1 });
    await nextTask();
    const seen = recordChanges('local');
    await storage.local.set({ k: undefined });
    await nextTask();
    expect(await storage.local.get('k')).toEqual({ k: 1 });
    expect(seen.own).toEqual([]);
  });

  it('returns keys sorted, at every level, as Chrome does', async () => {
    await storage.local.set({ b: { z: 1, y: 2 } });
    await storage.local.set({ a: 1 });
    const all = await storage.local.get();
    expect(Object.keys(all)).toEqual(['a', 'b']);
    expect(Object.keys(all['b'] as object)).toEqual(['y', 'z']);
    expect(await storage.local.getKeys()).toEqual(['a', 'b']);
  });

  it('rejects a value JSON cannot hold and stores nothing of that call', async () => {
    await expect(storage.local.set({ ok: 1, big: 1n })).rejects.toThrow(TypeError);
    expect(await storage.local.get()).toEqual({});
  });

  it.each<[string, () => Promise<unknown>]>([
    ['set(null)', () => storage.local.set(null as never)],
    ['set([])', () => storage.local.set([] as never)],
    ['get(5)', () => storage.local.get(5 as never)],
    ['remove(null)', () => storage.local.remove(null as never)],
    ['getBytesInUse({})', () => storage.local.getBytesInUse({} as never)],
  ])('rejects %s with a TypeError', async (_call, call) => {
    await expect(call()).rejects.toThrow(TypeError);
  });
});

describe('get', () => {
  beforeEach(async () => {
    await storage.sync.set({ a: 1, b: { x: 1 }, c: null });
  });

  it.each<[string, Parameters<FakeStorageArea['get']>[0], Record<string, unknown>]>([
    ['no argument: everything', undefined, { a: 1, b: { x: 1 }, c: null }],
    ['null: everything', null, { a: 1, b: { x: 1 }, c: null }],
    ['a key', 'a', { a: 1 }],
    ['a missing key: left out', 'missing', {}],
    ['a list: only the keys present', ['a', 'missing'], { a: 1 }],
    ['an empty list', [], {}],
    ['a list with a non-string: skipped', ['a', 7 as never], { a: 1 }],
    ['defaults: stored values win, missing keys take the default', { a: 0, z: 'default' }, { a: 1, z: 'default' }],
    ['defaults: a stored null still wins', { c: 'default' }, { c: null }],
    ['defaults: objects merge with the stored one, key by key', { b: { x: 0, y: 2 } }, { b: { x: 1, y: 2 } }],
    ['defaults: an undefined default drops the key altogether', { a: undefined }, {}],
    ['an empty defaults object', {}, {}],
  ])('%s', async (_name, keys, expected) => {
    expect(await storage.sync.get(keys)).toStrictEqual(expected);
  });

  it('sees a write issued just before it, even unawaited, as calls run in order', async () => {
    const write = storage.sync.set({ a: 2 });
    expect(await storage.sync.get('a')).toEqual({ a: 2 });
    await write;
  });
});

describe('remove and clear', () => {
  beforeEach(async () => {
    await storage.local.set({ a: 1, b: 2, c: 3 });
  });

  it.each<[string, () => Promise<void>, string[]]>([
    ['remove(key)', () => storage.local.remove('a'), ['b', 'c']],
    ['remove(keys), missing ones ignored', () => storage.local.remove(['a', 'b', 'missing']), ['c']],
    ['remove([])', () => storage.local.remove([]), ['a', 'b', 'c']],
    ['clear()', () => storage.local.clear(), []],
  ])('%s', async (_name, act, left) => {
    await act();
    expect(await storage.local.getKeys()).toEqual(left);
  });
});

describe('onChanged', () => {
  const seed = { k: 1, obj: { a: 1, b: 2 } };

  it.each<[string, (area: FakeStorageArea) => Promise<void>, StorageChanges[]]>([
    ['a new key: newValue only', (area) => area.set({ fresh: [1] }), [{ fresh: { newValue: [1] } }]],
    ['a changed key: oldValue and newValue', (area) => area.set({ k: 2 }), [{ k: { oldValue: 1, newValue: 2 } }]],
    ['the same value: nothing', (area) => area.set({ k: 1 }), []],
    ['an equal object, keys in another order: nothing', (area) => area.set({ obj: { b: 2, a: 1 } }), []],
    ['one changed, one not: only the changed one', (area) => area.set({ k: 1, obj: { a: 9, b: 2 } }), [{ obj: { oldValue: { a: 1, b: 2 }, newValue: { a: 9, b: 2 } } }]],
    ['set to null: a change, not a removal', (area) => area.set({ k: null }), [{ k: { oldValue: 1, newValue: null } }]],
    ['a removed key: oldValue only', (area) => area.remove(['k', 'missing']), [{ k: { oldValue: 1 } }]],
    ['removing a missing key: nothing', (area) => area.remove('missing'), []],
    ['clear: every key, oldValue only', (area) => area.clear(), [{ k: { oldValue: 1 }, obj: { oldValue: { a: 1, b: 2 } } }]],
    ['set({}): nothing', (area) => area.set({}), []],
  ])('%s', async (_name, act, expected) => {
    await storage.local.set(seed);
    await nextTask();
    const seen = recordChanges('local');
    await act(storage.local);
    await nextTask();
    // toStrictEqual also tells an absent oldValue/newValue from one that is undefined or null.
    expect(seen.own).toStrictEqual(expected);
    expect(seen.global).toStrictEqual(expected);
  });

  it('sends nothing at all for clearing an empty area', async () => {
    const seen = recordChanges('local');
    await storage.local.clear();
    await nextTask();
    expect(seen.own).toEqual([]);
  });

  it('fires after the write has resolved, on a later task', async () => {
    const log: string[] = [];
    storage.local.onChanged.addListener(() => log.push('event'));
    await storage.local.set({ k: 1 }).then(() => log.push('resolved'));
    expect(log).toEqual(['resolved']);
    await nextTask();
    expect(log).toEqual(['resolved', 'event']);
  });

  it.each(WRITABLE)('names the area to global listeners: %s', async (area) => {
    const names: string[] = [];
    storage.onChanged.addListener((_changes, name) => names.push(name));
    await storage[area].set({ k: 1 });
    await nextTask();
    expect(names).toEqual([area]);
  });

  it('calls global listeners before the area ones, and keeps writes in order', async () => {
    const log: string[] = [];
    storage.sync.onChanged.addListener((changes) => log.push(`sync:${Object.keys(changes).join()}`));
    storage.onChanged.addListener((changes) => log.push(`global:${Object.keys(changes).join()}`));
    await storage.sync.set({ a: 1 });
    await storage.sync.set({ b: 1 });
    await nextTask();
    expect(log).toEqual(['global:a', 'sync:a', 'global:b', 'sync:b']);
  });

  it('gives each listener its own copy', async () => {
    const seen: StorageChanges[] = [];
    const vandal = (changes: StorageChanges): void => {
      (changes['k']?.newValue as number[]).push(99);
    };
    storage.onChanged.addListener(vandal);
    storage.local.onChanged.addListener(vandal);
    storage.local.onChanged.addListener((changes) => seen.push(changes));
    await storage.local.set({ k: [1] });
    await nextTask();
    expect(seen).toEqual([{ k: { newValue: [1] } }]);
    expect(await storage.local.get('k')).toEqual({ k: [1] });
  });

  it('waits for fake timers to advance, while the write itself resolves without them', async () => {
    vi.useFakeTimers();
    const listener = vi.fn();
    storage.local.onChanged.addListener(listener);
    await storage.local.set({ k: 1 });
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(listener).toHaveBeenCalledWith({ k: { newValue: 1 } });
  });

  it('registers a listener once, and add/remove/has behave like Chrome events', async () => {
    const listener = vi.fn();
    const event = storage.session.onChanged;
    expect([event.hasListeners(), event.hasListener(listener)]).toEqual([false, false]);
    event.addListener(listener);
    event.addListener(listener);
    expect([event.hasListeners(), event.hasListener(listener)]).toEqual([true, true]);
    await storage.session.set({ k: 1 });
    await nextTask();
    expect(listener).toHaveBeenCalledTimes(1);
    event.removeListener(listener);
    event.removeListener(listener);
    await storage.session.set({ k: 2 });
    await nextTask();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(event.hasListeners()).toBe(false);
  });

  it('still calls the other listeners when one throws, then reports the error', async () => {
    vi.useFakeTimers();
    const after = vi.fn();
    storage.local.onChanged.addListener(() => {
      throw new Error('listener broke');
    });
    storage.local.onChanged.addListener(after);
    await storage.local.set({ k: 1 });
    expect(() => vi.advanceTimersByTime(0)).toThrow('listener broke');
    expect(after).toHaveBeenCalledTimes(1);
  });
});

describe('quotas', () => {
  it.each<[string, object, Record<string, number>]>([
    ['sync', storage.sync, { QUOTA_BYTES: 102400, QUOTA_BYTES_PER_ITEM: 8192, MAX_ITEMS: 512, MAX_WRITE_OPERATIONS_PER_HOUR: 1800, MAX_WRITE_OPERATIONS_PER_MINUTE: 120 }],
    ['local', storage.local, { QUOTA_BYTES: 10485760 }],
    ['session', storage.session, { QUOTA_BYTES: 10485760 }],
  ])('exposes Chrome’s limits on storage.%s', (_area, area, limits) => {
    expect(area).toMatchObject(limits);
  });

  it.each<[string, string, unknown, number]>([
    ['ASCII', 'k', 'abc', 1 + 5],
    ['a number', 'n', 12, 1 + 2],
    ['two-byte UTF-8', 'ключ', 'é', 8 + 4],
    ['four-byte UTF-8', 'e', '😀', 1 + 6],
    ['an object, measured as JSON', 'o', { b: 1, a: [true] }, 1 + '{"a":[true],"b":1}'.length],
  ])('measures an item as UTF-8 bytes of key + JSON: %s', async (_name, key, value, bytes) => {
    await storage.sync.set({ [key]: value });
    expect(await storage.sync.getBytesInUse(key)).toBe(bytes);
  });

  it.each<[string, Parameters<FakeStorageArea['getBytesInUse']>[0], number]>([
    ['everything, with no argument', undefined, 6 + 3],
    ['everything, with null', null, 6 + 3],
    ['a list, missing keys counting 0', ['k', 'missing'], 6],
    ['a missing key', 'missing', 0],
    ['an empty list', [], 0],
  ])('getBytesInUse: %s', async (_name, keys, bytes) => {
    await storage.local.set({ k: 'abc', n: 12 });
    expect(await storage.local.getBytesInUse(keys)).toBe(bytes);
  });

  it.each<[string, () => Promise<void>, string | null]>([
    ['an item of exactly QUOTA_BYTES_PER_ITEM', () => storage.sync.set({ k: valueOfSize('k', 8 * KIB) }), null],
    ['an item one byte over', () => storage.sync.set({ k: valueOfSize('k', 8 * KIB + 1) }), STORAGE_ERRORS.quotaBytesPerItem],
    ['an item whose long key takes it over', () => storage.sync.set({ ['k'.repeat(8 * KIB - 1)]: '' }), STORAGE_ERRORS.quotaBytesPerItem],
    ['an oversized item beside a fine one, refused as a whole', () => storage.sync.set({ fine: 1, k: valueOfSize('k', 9 * KIB) }), STORAGE_ERRORS.quotaBytesPerItem],
    ['a total of exactly QUOTA_BYTES', () => storage.sync.set(fillSync(100 * KIB - 2)), null],
    ['a total one byte over', () => storage.sync.set(fillSync(100 * KIB - 1)), STORAGE_ERRORS.quotaBytes],
    ['an item over and a total over: the item is named', () => storage.sync.set({ ...fillSync(100 * KIB - 2), z: valueOfSize('z', 9 * KIB) }), STORAGE_ERRORS.quotaBytesPerItem],
    ['MAX_ITEMS items', () => storage.sync.set(manyItems(511)), null],
    ['one item more', () => storage.sync.set(manyItems(512)), STORAGE_ERRORS.maxItems],
  ])('sync, already holding {a: 1}: %s', async (_name, act, error) => {
    await storage.sync.set({ a: 1 });
    await nextTask();
    const seen = recordChanges('sync');
    if (error === null) {
      await expect(act()).resolves.toBeUndefined();
      return;
    }
    await expect(act()).rejects.toThrow(new Error(error));
    await nextTask();
    // A refused write changes nothing and announces nothing.
    expect(await storage.sync.get()).toEqual({ a: 1 });
    expect(seen.own).toEqual([]);
    expect(storageFaults.writes('sync')).toBe(1);
  });

  it('counts a replaced item once, so rewriting a key at the quota still fits', async () => {
    await storage.sync.set(fillSync(100 * KIB));
    await expect(storage.sync.set({ z: 1 })).rejects.toThrow(STORAGE_ERRORS.quotaBytes);
    await expect(storage.sync.set({ i0: 'shorter' })).resolves.toBeUndefined();
  });

  it('lets a full sync area still overwrite its items, but add none', async () => {
    await storage.sync.set(manyItems(512));
    await expect(storage.sync.set({ i0: 'again' })).resolves.toBeUndefined();
    await expect(storage.sync.set({ extra: 1 })).rejects.toThrow(STORAGE_ERRORS.maxItems);
  });

  it.each<[AreaName, string]>([
    ['local', STORAGE_ERRORS.quotaBytes],
    ['session', STORAGE_ERRORS.sessionQuotaBytes],
  ])('holds storage.%s to 10 MB in total, with no per-item or item-count limit', async (area, error) => {
    await expect(storage[area].set(manyItems(600))).resolves.toBeUndefined();
    await storage[area].clear();
    await storage[area].set({ k: valueOfSize('k', 10485760) });
    await expect(storage[area].set({ y: 1 })).rejects.toThrow(new Error(error));
    expect(await storage[area].getKeys()).toEqual(['k']);
  });
});

/** Items for sync (none over the per-item limit) that take exactly `total` bytes together. */
function fillSync(total: number): Record<string, string> {
  const items: Record<string, string> = {};
  let left = total;
  for (let i = 0; left > 0; i++) {
    const key = `i${i}`;
    const size = Math.min(8 * KIB, left);
    items[key] = valueOfSize(key, size);
    left -= size;
  }
  return items;
}

function manyItems(count: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`i${i}`, i]));
}

describe('sync write rate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });

  async function writes(count: number, area: FakeStorageArea = storage.sync): Promise<void> {
    for (let i = 0; i < count; i++) await area.set({ n: i });
  }

  it.each<[string, (i: number) => Promise<void>]>([
    ['set', (i) => storage.sync.set({ n: i })],
    ['remove', () => storage.sync.remove('n')],
    ['clear', () => storage.sync.clear()],
    ['a set that changes nothing', () => storage.sync.set({})],
  ])('allows 120 writes a minute, counting %s', async (_name, write) => {
    for (let i = 0; i < 120; i++) await write(i);
    await expect(write(120)).rejects.toThrow(new Error(STORAGE_ERRORS.writesPerMinute));
    vi.advanceTimersByTime(60_000);
    await expect(write(121)).resolves.toBeUndefined();
  });

  it('slides the minute window rather than resetting it', async () => {
    await writes(60);
    vi.advanceTimersByTime(30_000);
    await writes(60);
    vi.advanceTimersByTime(29_999);
    await expect(storage.sync.set({ n: 0 })).rejects.toThrow(STORAGE_ERRORS.writesPerMinute);
    vi.advanceTimersByTime(1);
    await writes(60);
    await expect(storage.sync.set({ n: 0 })).rejects.toThrow(STORAGE_ERRORS.writesPerMinute);
  });

  it('allows 1800 writes an hour, sliding', async () => {
    for (let minute = 0; minute < 15; minute++) {
      await writes(120);
      vi.advanceTimersByTime(60_000);
    }
    await expect(storage.sync.set({ n: 0 })).rejects.toThrow(new Error(STORAGE_ERRORS.writesPerHour));
    // The first minute's writes leave the hour window at 60 minutes after they were made.
    vi.setSystemTime(3_600_000);
    await writes(120);
    await expect(storage.sync.set({ n: 0 })).rejects.toThrow(STORAGE_ERRORS.writesPerMinute);
  });

  it('counts a write refused for its size, as Chrome checks the rate first; not one refused for the rate', async () => {
    for (let i = 0; i < 120; i++) await expect(storage.sync.set({ k: valueOfSize('k', 9 * KIB) })).rejects.toThrow(STORAGE_ERRORS.quotaBytesPerItem);
    await expect(storage.sync.set({ n: 1 })).rejects.toThrow(STORAGE_ERRORS.writesPerMinute);
    vi.advanceTimersByTime(60_000);
    await writes(120);
  });

  it('leaves local and session writes unlimited, and reads never count', async () => {
    await writes(500, storage.local);
    await writes(500, storage.session);
    for (let i = 0; i < 200; i++) await storage.sync.get('n');
    await writes(120);
  });
});

describe('storageFaults', () => {
  it.each<[AreaName, 'get' | 'set' | 'remove' | 'clear', (area: FakeStorageArea) => Promise<unknown>, string]>([
    ['sync', 'set', (area) => area.set({ k: 2 }), STORAGE_ERRORS.quotaBytes],
    ['local', 'set', (area) => area.set({ k: 2 }), STORAGE_ERRORS.quotaBytes],
    ['local', 'get', (area) => area.get('k'), STORAGE_ERRORS.injected('local', 'get')],
    ['session', 'remove', (area) => area.remove('k'), STORAGE_ERRORS.injected('session', 'remove')],
    ['sync', 'clear', (area) => area.clear(), STORAGE_ERRORS.injected('sync', 'clear')],
  ])('failNext(%s, %s) fails that one call, with a default message, and changes nothing', async (name, op, call, message) => {
    const area = storage[name];
    await area.set({ k: 1 });
    await nextTask();
    const seen = recordChanges(name);
    storageFaults.failNext(name, op);
    await expect(call(area)).rejects.toThrow(new Error(message));
    await nextTask();
    expect(seen.own).toEqual([]);
    expect(await area.get()).toEqual({ k: 1 });
    expect(storageFaults.writes(name)).toBe(1);
    await call(area);
  });

  it('queues failNext calls, each with its own message, and leaves other ops and areas alone', async () => {
    storageFaults.failNext('sync', 'set', 'first');
    storageFaults.failNext('sync', 'set', 'second');
    await expect(storage.local.set({ k: 1 })).resolves.toBeUndefined();
    await expect(storage.sync.get()).resolves.toEqual({});
    await expect(storage.sync.set({ k: 1 })).rejects.toThrow('first');
    await expect(storage.sync.set({ k: 1 })).rejects.toThrow('second');
    await expect(storage.sync.set({ k: 1 })).resolves.toBeUndefined();
  });

  it('failAlways fails every call until clearFaults', async () => {
    storageFaults.failAlways('local', 'get', 'disk on fire');
    await expect(storage.local.get()).rejects.toThrow('disk on fire');
    await expect(storage.local.get('k')).rejects.toThrow('disk on fire');
    await expect(storage.local.set({ k: 1 })).resolves.toBeUndefined();
    storageFaults.clearFaults();
    expect(await storage.local.get()).toEqual({ k: 1 });
  });

  it.each<[string, () => Promise<unknown>]>([
    ['get', () => storage.sync.get()],
    ['getKeys', () => storage.sync.getKeys()],
    ['getBytesInUse', () => storage.sync.getBytesInUse()],
    ['set', () => storage.sync.set({ k: 2 })],
    ['remove', () => storage.sync.remove('k')],
    ['clear', () => storage.sync.clear()],
  ])('setUnavailable(sync) makes %s reject, and lifting it finds the data intact', async (_name, call) => {
    await storage.sync.set({ k: 1 });
    storageFaults.setUnavailable('sync', true);
    await expect(call()).rejects.toThrow(new Error('storage.sync is not available'));
    await expect(storage.local.get()).resolves.toEqual({});
    storageFaults.setUnavailable('sync', false);
    expect(await storage.sync.get()).toEqual({ k: 1 });
  });

  it('clearFaults also lifts unavailability', async () => {
    storageFaults.setUnavailable('sync', true);
    storageFaults.clearFaults();
    await expect(storage.sync.get()).resolves.toEqual({});
  });

  it('counts successful writes per area, and every set attempted', async () => {
    await storage.local.set({ a: 1 });
    await storage.local.set({ a: 1 });
    await storage.local.remove('missing');
    await storage.local.clear();
    storageFaults.failNext('local', 'set');
    await expect(storage.local.set({ b: 1 })).rejects.toThrow();
    await expect(storage.local.set(null as never)).rejects.toThrow();
    storageFaults.setUnavailable('local', true);
    await expect(storage.local.set({ b: 1 })).rejects.toThrow();
    await expect(storage.managed.set({ b: 1 })).rejects.toThrow();
    expect({ localWrites: storageFaults.writes('local'), localSets: storageFaults.setCalls('local') }).toEqual({ localWrites: 4, localSets: 5 });
    expect({ managedWrites: storageFaults.writes('managed'), managedSets: storageFaults.setCalls('managed') }).toEqual({ managedWrites: 0, managedSets: 1 });
    expect([storageFaults.writes('sync'), storageFaults.setCalls('sync')]).toEqual([0, 0]);
  });
});

describe('managed', () => {
  it.each<[string, () => Promise<unknown>]>([
    ['set', () => storage.managed.set({ k: 1 })],
    ['remove', () => storage.managed.remove('k')],
    ['clear', () => storage.managed.clear()],
  ])('refuses %s: the store is read-only', async (_name, call) => {
    await expect(call()).rejects.toThrow(new Error(STORAGE_ERRORS.readOnly));
  });

  it('reads the policy a test sets, announces its changes, and reports no bytes in use', async () => {
    const seen = recordChanges('managed');
    storageFaults.setManagedPolicy({ server: 'https://a.example', interval: 5 });
    await nextTask();
    storageFaults.setManagedPolicy({ server: 'https://b.example', interval: 5 });
    await nextTask();
    expect(await storage.managed.get()).toEqual({ interval: 5, server: 'https://b.example' });
    expect(seen.global).toEqual([
      { interval: { newValue: 5 }, server: { newValue: 'https://a.example' } },
      { server: { oldValue: 'https://a.example', newValue: 'https://b.example' } },
    ]);
    expect(await storage.managed.getBytesInUse()).toBe(0);
    expect(storageFaults.writes('managed')).toBe(0);
  });
});
