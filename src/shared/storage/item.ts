/**
 * Versioned storage items: every key the extension stores is declared once, with its area,
 * its version, the migrations from each older version, a field-by-field validator with
 * defaults, and (for 0.1.0's keys) where the data lived before. Reads, updates and watches go
 * only through the declaration (the WXT `defineItem` / webext-options-sync pattern).
 *
 * Stored form: `{ $v: <version>, value: <data> }`. A bare value is version 0, the unversioned
 * shape 0.1.0 wrote. A stored version above ours was written by a newer build (another device,
 * through sync): it is read as well as the validator can, and never written back downgraded.
 *
 * `sync` items are written to `storage.local` first, under `pending:<key>`, and copied to
 * `storage.sync` by the background at a pace sync's write quota allows (see sync-flush.ts):
 * an edit is on disk at once whatever sync says, a held Alt+↓ costs one sync write a second,
 * and a sync write refused for quota leaves the data safe in the local copy.
 */
import { browser, type Storage } from '../browser';
import { withLock } from './locks';

export type Area = 'local' | 'sync' | 'session';

export interface Envelope {
  $v: number;
  value: unknown;
}

export interface ItemSpec<T> {
  area: Area;
  key: string;
  /** The version this build writes. */
  version: number;
  /** `migrations[n]` turns data stored at version n into version n + 1; 0 is 0.1.0's bare shape. */
  migrations?: Readonly<Record<number, (old: unknown) => unknown>>;
  /** Field-by-field validation of the current version's shape; never throws. */
  normalise: (raw: unknown) => T;
  /** The stored form of a value (a compact encoding); `normalise` must read it back. */
  encode?(value: T): unknown;
  /**
   * Where 0.1.0 kept this data, read while the item itself does not exist yet: a key, and the
   * part of its value that is this item's (undefined when it holds nothing for it). Declared,
   * not a function, so a batched read (`readItems`) fetches it with everything else.
   */
  legacy?: LegacySource;
  /** A smaller copy, for the one retry after `storage.local` refused a write for quota. */
  prune?(value: T): T;
  /** Lock shared with other items that are updated together (the settings). */
  lock?: string;
}

/** What a read found. */
export interface ItemState<T> {
  value: T;
  /** Written by a newer version of the extension: shown, but not written over. */
  newer: boolean;
  /** Where the value came from: the item, 0.1.0's key, or nothing (defaults). */
  origin: 'stored' | 'legacy' | 'default';
  /** The stored form as found, to tell a real change from a rewrite of the same data. */
  raw: Envelope | null;
  /**
   * A read of its storage failed: the value shown is a stand-in (defaults, or an older copy),
   * never to be edited and written back over what could not be read.
   */
  unreadable?: string;
}

export interface LegacySource {
  area: 'local' | 'sync';
  key: string;
  pick(raw: unknown): unknown;
}

/**
 * Why a write did not happen: the facts (`key`, the browser's `reason`) for the sentence a page
 * shows in its language (refusal-words.ts), and `detail`, the same in English for the logs and
 * Diagnostics. The ticker bar bundles this module and shows none of it, so no words live here.
 */
export type WriteRefusal =
  | { kind: 'newer-version'; key: string; detail: string }
  | { kind: 'read-failed'; key: string; reason: string; detail: string }
  | { kind: 'write-failed'; key: string; reason: string; detail: string };

/**
 * A write's outcome. `pruned` (the browser's reason) when storage.local refused the value and
 * the smaller copy from `prune` was kept instead: saved, but not all of it, which the caller
 * records (publish.ts) — a pruned write used to look exactly like a full one.
 */
export type WriteResult<T> = { ok: true; value: T; pruned?: string } | { ok: false; error: WriteRefusal };

export interface StorageItem<T> {
  readonly spec: ItemSpec<T>;
  get(): Promise<T>;
  getState(): Promise<ItemState<T>>;
  /** Reads, applies `edit`, writes: one at a time across all contexts. Never throws. */
  update(edit: (current: T) => T): Promise<WriteResult<T>>;
  /** The same, for a caller that already holds this item's lock (composite updates). */
  updateLocked(edit: (current: T) => T): Promise<WriteResult<T>>;
  /** Calls back with every new state, from any context's write. Returns the unsubscribe. */
  watch(callback: (state: ItemState<T>) => void): () => void; // method syntax: items of any T share one list
  /** Removes the item (and its pending copy). */
  remove(): Promise<void>;
  /** The storage keys behind this item, in the areas they live in. */
  readonly keys: { area: 'local' | 'sync' | 'session'; key: string }[];
}

export const PENDING_PREFIX = 'pending:';

export function isEnvelope(raw: unknown): raw is Envelope {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { $v?: unknown }).$v === 'number' && 'value' in raw;
}

const describe = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

async function readLegacy(source: LegacySource): Promise<unknown> {
  return browser.storage[source.area].get(source.key).then(
    (stored) => stored[source.key],
    (cause: unknown) => {
      console.warn(`storage.${source.area} unreadable for 0.1.0's ${source.key}:`, describe(cause));
      return undefined;
    },
  );
}

const fromLegacy = (source: LegacySource, raw: unknown): unknown => (raw === undefined ? undefined : source.pick(raw));

/** Brings stored data of any version to the current one; a newer version is left as it is. */
export function upgrade<T>(spec: ItemSpec<T>, raw: unknown): { value: T; newer: boolean } {
  if (raw === undefined) return { value: spec.normalise(undefined), newer: false };
  let version = isEnvelope(raw) ? Math.max(0, Math.floor(raw.$v)) : 0;
  let data: unknown = isEnvelope(raw) ? raw.value : raw;
  if (version > spec.version) return { value: spec.normalise(data), newer: true };
  for (; version < spec.version; version += 1) {
    const step = spec.migrations?.[version];
    if (step) data = step(data);
  }
  return { value: spec.normalise(data), newer: false };
}

export function envelope<T>(spec: ItemSpec<T>, value: T): Envelope {
  return { $v: spec.version, value: spec.encode ? spec.encode(value) : value };
}

/**
 * JSON with every object's keys sorted, as storage keeps it. Chrome (and the unit tests' fake)
 * hands back dictionaries with sorted keys, so comparing a fresh envelope's plain JSON with the
 * stored one never matched for an object value (prefs, feeds, the market view…), and every
 * update that changed nothing was written anyway (test/unit/storage/item.test.ts).
 */
function canonicalJson(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v !== null && typeof v === 'object') {
      const record = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(record).sort().map((k) => [k, sorted(record[k])]));
    }
    return v;
  };
  // Through JSON first, so what JSON drops (undefined, functions) is dropped here too.
  const json = JSON.stringify(value);
  return json === undefined ? '' : JSON.stringify(sorted(JSON.parse(json)));
}

function areaOf(area: Area): Storage.StorageArea {
  return browser.storage[area];
}

export function defineItem<T>(spec: ItemSpec<T>): StorageItem<T> {
  const pendingKey = PENDING_PREFIX + spec.key;
  const lockName = spec.lock ?? `${spec.area}:${spec.key}`;

  /** One key, or why it could not be read (a failed read is not an absent key). */
  async function readKey(area: Area, key: string): Promise<{ value: unknown } | { failed: string }> {
    return areaOf(area)
      .get(key)
      .then(
        (stored) => ({ value: stored[key] }),
        (cause: unknown) => {
          console.warn(`storage.${area} unreadable for ${key}:`, describe(cause));
          return { failed: `storage.${area}: ${describe(cause)}` };
        },
      );
  }

  async function readRaw(): Promise<{ raw: unknown; origin: ItemState<T>['origin']; unreadable?: string }> {
    let unreadable: string | undefined;
    const keys = spec.area === 'sync' ? [{ area: 'local' as const, key: pendingKey }, { area: 'sync' as const, key: spec.key }] : [{ area: spec.area, key: spec.key }];
    // For a sync item the local copy is the newest write of this device until it is synced.
    for (const { area, key } of keys) {
      const read = await readKey(area, key);
      // storage.sync may be switched off for good (policy, Firefox without sync): its failure means
      // "nothing synced", and edits must still be kept on this device. A failed read of
      // storage.local is another matter: the pending copy may be there, unseen.
      if ('failed' in read) {
        if (area !== 'sync') unreadable ??= read.failed;
      }
      else if (read.value !== undefined) return { raw: read.value, origin: 'stored', ...(unreadable ? { unreadable } : {}) };
    }
    const legacy = spec.legacy ? fromLegacy(spec.legacy, await readLegacy(spec.legacy)) : undefined;
    const found = legacy === undefined ? { raw: undefined, origin: 'default' as const } : { raw: legacy, origin: 'legacy' as const };
    return unreadable ? { ...found, unreadable } : found;
  }

  async function getState(): Promise<ItemState<T>> {
    const { raw, origin, unreadable } = await readRaw();
    const { value, newer } = upgrade(spec, raw);
    return { value, newer, origin, raw: origin === 'stored' && isEnvelope(raw) ? raw : null, ...(unreadable ? { unreadable } : {}) };
  }

  async function write(value: T): Promise<WriteResult<T>> {
    const stored = envelope(spec, value);
    const target = spec.area === 'sync' ? browser.storage.local : areaOf(spec.area);
    const key = spec.area === 'sync' ? pendingKey : spec.key;
    try {
      await target.set({ [key]: stored });
      return { ok: true, value };
    } catch (first) {
      if (!spec.prune) return { ok: false, error: { kind: 'write-failed', key: spec.key, reason: describe(first), detail: describe(first) } };
      // Quota: keep the newest part of what would not fit, once.
      const smaller = spec.prune(value);
      try {
        await target.set({ [key]: envelope(spec, smaller) });
        console.warn(`storage write of ${spec.key} refused (${describe(first)}); kept a pruned copy`);
        return { ok: true, value: smaller, pruned: describe(first) };
      } catch (second) {
        const reason = `${describe(first)}; after pruning: ${describe(second)}`;
        return { ok: false, error: { kind: 'write-failed', key: spec.key, reason, detail: reason } };
      }
    }
  }

  async function updateLocked(edit: (current: T) => T): Promise<WriteResult<T>> {
    const state = await getState();
    if (state.unreadable) {
      return { ok: false, error: { kind: 'read-failed', key: spec.key, reason: state.unreadable, detail: `${spec.key} could not be read (${state.unreadable}), so it is not written over` } };
    }
    if (state.newer) {
      return { ok: false, error: { kind: 'newer-version', key: spec.key, detail: `${spec.key} was saved by a newer version of the extension` } };
    }
    const next = spec.normalise(edit(state.value));
    // A real change, or old-format data (legacy or an older version) to be rewritten as current.
    const wanted = canonicalJson(envelope(spec, next));
    if (state.raw !== null && state.raw.$v === spec.version && wanted === canonicalJson(state.raw)) {
      return { ok: true, value: next };
    }
    // Nothing stored and the defaults kept: nothing to write. Writing them anyway would put a
    // sync item's defaults in its pending copy, and then in sync over another device's data.
    if (state.origin === 'default' && wanted === canonicalJson(envelope(spec, state.value))) return { ok: true, value: next };
    return write(next);
  }

  const keys: StorageItem<T>['keys'] =
    spec.area === 'sync'
      ? [
          { area: 'sync', key: spec.key },
          { area: 'local', key: pendingKey },
        ]
      : [{ area: spec.area, key: spec.key }];

  return {
    spec,
    keys,
    get: async () => (await getState()).value,
    getState,
    update: (edit) => withLock(lockName, () => updateLocked(edit)),
    updateLocked,
    watch(callback) {
      let alive = true;
      const listener = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
        if (!keys.some((k) => k.area === areaName && k.key in changes)) return;
        // Re-read rather than trust the change alone: a removed pending copy means "now in sync".
        void getState().then(
          (state) => alive && callback(state),
          (cause: unknown) => console.warn(`re-reading ${spec.key} after a change failed:`, describe(cause)),
        );
      };
      browser.storage.onChanged.addListener(listener);
      return () => {
        alive = false;
        browser.storage.onChanged.removeListener(listener);
      };
    },
    async remove() {
      await Promise.all(keys.map((k) => areaOf(k.area).remove(k.key)));
    },
  };
}

/**
 * Reads several items with one `get` per area (the bar reads everything it needs in two
 * calls per page load); each is decoded exactly as its own `getState` would.
 */
export async function readItems<T extends readonly StorageItem<unknown>[]>(
  items: T,
): Promise<{ [I in keyof T]: T[I] extends StorageItem<infer V> ? ItemState<V> : never }> {
  const byArea = new Map<Area, Set<string>>();
  for (const item of items) {
    const legacy = item.spec.legacy ? [{ area: item.spec.legacy.area, key: item.spec.legacy.key }] : [];
    for (const { area, key } of [...item.keys, ...legacy]) byArea.set(area, (byArea.get(area) ?? new Set()).add(key));
  }
  const found = new Map<Area, Record<string, unknown>>();
  const failedAreas = new Map<Area, string>();
  await Promise.all(
    [...byArea].map(async ([area, keys]) => {
      const stored = await browser.storage[area].get([...keys]).catch((cause: unknown) => {
        console.warn(`storage.${area} unreadable:`, describe(cause));
        failedAreas.set(area, `storage.${area}: ${describe(cause)}`);
        return {} as Record<string, unknown>;
      });
      found.set(area, stored);
    }),
  );
  const states = await Promise.all(
    items.map(async (item) => {
      const { spec } = item;
      // An item whose area could not be read is read alone, which marks it unreadable if it still fails.
      if (item.keys.some((k) => k.area !== 'sync' && failedAreas.has(k.area))) return item.getState();
      // A present pending copy wins even when it is null, exactly as in getState (`??` let a
      // stored null fall through to the synced copy, so the two reads disagreed).
      const pending = spec.area === 'sync' ? found.get('local')?.[PENDING_PREFIX + spec.key] : undefined;
      const raw =
        spec.area === 'sync' ? (pending !== undefined ? pending : found.get('sync')?.[spec.key]) : found.get(spec.area)?.[spec.key];
      if (raw !== undefined) {
        const { value, newer } = upgrade(spec, raw);
        return { value, newer, origin: 'stored' as const, raw: isEnvelope(raw) ? raw : null };
      }
      const legacy = spec.legacy ? fromLegacy(spec.legacy, found.get(spec.legacy.area)?.[spec.legacy.key]) : undefined;
      const { value, newer } = upgrade(spec, legacy);
      return { value, newer, origin: legacy === undefined ? ('default' as const) : ('legacy' as const), raw: null };
    }),
  );
  return states as { [I in keyof T]: T[I] extends StorageItem<infer V> ? ItemState<V> : never };
}
