/**
 * A faithful in-memory `browser.storage` for unit tests, installed over the one in
 * `@webext-core/fake-browser`.
 *
 * That fake hands out the stored objects themselves, runs `onChanged` listeners inside `set()`,
 * reports keys whose value did not change (with `oldValue: null`) and has no quotas, so code that
 * mutates a read result, races a write against its own change event, or outgrows `storage.sync`
 * passes in tests and fails in Chrome. This one behaves like Chrome's `chrome.storage`:
 *
 * - Values are JSON: stored and returned as deep copies, `undefined` dropped, objects compared by
 *   content. Keys come back sorted, because Chrome keeps every dictionary sorted.
 * - `onChanged` fires on a later task (`setTimeout(…, 0)`), after the write's promise has settled,
 *   only for keys whose value changed. Under `vi.useFakeTimers()` nothing fires until the test
 *   advances timers (`vi.advanceTimersByTime(0)`, `vi.runAllTimers()`, `vi.waitFor`).
 * - `sync` enforces Chrome's quotas and write rates; the rate windows read `Date.now()`, so fake
 *   timers move them. `local` and `session` enforce their 10 MB totals. `managed` is read-only.
 * - `storageFaults` lets a test make calls fail and count what the code under test wrote.
 *
 * Only the promise forms exist (the code reaches storage through webextension-polyfill).
 */

export type AreaName = 'local' | 'sync' | 'session' | 'managed';
export type FaultOp = 'get' | 'set' | 'remove' | 'clear';

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}
export type StorageChanges = Record<string, StorageChange>;

export interface FakeEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
  hasListener(listener: L): boolean;
  hasListeners(): boolean;
}
export type AreaListener = (changes: StorageChanges) => void;
export type GlobalListener = (changes: StorageChanges, areaName: string) => void;

export interface FakeStorageArea {
  get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>>;
  getKeys(): Promise<string[]>;
  getBytesInUse(keys?: null | string | string[]): Promise<number>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  clear(): Promise<void>;
  onChanged: FakeEvent<AreaListener>;
}

export interface FakeSyncArea extends FakeStorageArea {
  readonly QUOTA_BYTES: 102400;
  readonly QUOTA_BYTES_PER_ITEM: 8192;
  readonly MAX_ITEMS: 512;
  readonly MAX_WRITE_OPERATIONS_PER_HOUR: 1800;
  readonly MAX_WRITE_OPERATIONS_PER_MINUTE: 120;
  /** Chrome still exposes this deprecated limit; it is never enforced. */
  readonly MAX_SUSTAINED_WRITE_OPERATIONS_PER_MINUTE: 1000000;
}

export interface FakeLocalArea extends FakeStorageArea {
  readonly QUOTA_BYTES: 10485760;
}

export interface FakeStorage {
  local: FakeLocalArea;
  sync: FakeSyncArea;
  session: FakeLocalArea;
  managed: FakeStorageArea;
  onChanged: FakeEvent<GlobalListener>;
}

/**
 * The messages Chrome rejects with, in one place so tests and code can refer to them. The size
 * messages are those of Chromium's quota enforcer; the write-rate ones come from its quota service
 * and read differently; session storage has its own.
 */
export const STORAGE_ERRORS = {
  quotaBytes: 'QUOTA_BYTES quota exceeded',
  quotaBytesPerItem: 'QUOTA_BYTES_PER_ITEM quota exceeded',
  maxItems: 'MAX_ITEMS quota exceeded',
  writesPerMinute: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
  writesPerHour: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.',
  sessionQuotaBytes: 'Session storage quota bytes exceeded. Values were not stored.',
  readOnly: 'This is a read-only store.',
  unavailable: (area: AreaName): string => `storage.${area} is not available`,
  injected: (area: AreaName, op: FaultOp): string => `storage.${area}.${op} failed (injected by storageFaults)`,
} as const;

const SYNC_LIMITS = {
  QUOTA_BYTES: 102400,
  QUOTA_BYTES_PER_ITEM: 8192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
  MAX_SUSTAINED_WRITE_OPERATIONS_PER_MINUTE: 1000000,
} as const;
const TEN_MB = 10485760;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const AREAS: readonly AreaName[] = ['local', 'sync', 'session', 'managed'];

interface Quota {
  bytes: number;
  bytesMessage: string;
  perItem: number;
  maxItems: number;
}

/** What each area enforces, as Chrome configures it (local without `unlimitedStorage`). */
const RULES: Record<AreaName, { quota: Quota | null; rateLimited: boolean; readOnly: boolean }> = {
  sync: {
    quota: { bytes: SYNC_LIMITS.QUOTA_BYTES, bytesMessage: STORAGE_ERRORS.quotaBytes, perItem: SYNC_LIMITS.QUOTA_BYTES_PER_ITEM, maxItems: SYNC_LIMITS.MAX_ITEMS },
    rateLimited: true,
    readOnly: false,
  },
  local: { quota: { bytes: TEN_MB, bytesMessage: STORAGE_ERRORS.quotaBytes, perItem: Infinity, maxItems: Infinity }, rateLimited: false, readOnly: false },
  session: { quota: { bytes: TEN_MB, bytesMessage: STORAGE_ERRORS.sessionQuotaBytes, perItem: Infinity, maxItems: Infinity }, rateLimited: false, readOnly: false },
  managed: { quota: null, rateLimited: false, readOnly: true },
};

// ---------------------------------------------------------------------------------------------
// JSON values. Each stored value is kept as canonical JSON text (object keys sorted at every
// level, as Chrome's base::Value dictionaries are), so a read parses a fresh copy and equal
// content is equal text.

/** A change as JSON text; parsed into fresh objects for each listener. */
type RawChanges = Map<string, { oldJson?: string; newJson?: string }>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  // fromEntries defines own properties, so a "__proto__" key stays data instead of a prototype.
  if (isRecord(value)) return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
  return value;
}

/** JSON text of a value as storage would keep it, or undefined where JSON drops it (undefined, functions). */
function canonical(value: unknown): string | undefined {
  const json = JSON.stringify(value);
  return json === undefined ? undefined : JSON.stringify(sortKeys(JSON.parse(json)));
}

function parse(json: string): unknown {
  return JSON.parse(json);
}

/** Chrome's `base::Value::Dict::Merge`: stored values win, and dictionaries merge recursively. */
function mergeInto(base: unknown, over: unknown): unknown {
  if (!isRecord(base) || !isRecord(over)) return over;
  const merged = new Map(Object.entries(base));
  for (const [key, value] of Object.entries(over)) merged.set(key, mergeInto(merged.get(key), value));
  return sortKeys(Object.fromEntries(merged));
}

const encoder = new TextEncoder();
function itemBytes(key: string, json: string): number {
  return encoder.encode(key).length + encoder.encode(json).length;
}

/** What a replacement of `before` by `after` changed: keys whose JSON differs, with the old and new text. */
function diff(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): RawChanges {
  const changes: RawChanges = new Map();
  for (const [key, oldJson] of before) {
    const newJson = after.get(key);
    if (newJson !== oldJson) changes.set(key, newJson === undefined ? { oldJson } : { oldJson, newJson });
  }
  for (const [key, newJson] of after) if (!before.has(key)) changes.set(key, { newJson });
  return changes;
}

function copyChanges(changes: RawChanges): StorageChanges {
  const entries = [...changes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    entries.map(([key, { oldJson, newJson }]) => {
      const change: StorageChange = {};
      if (oldJson !== undefined) change.oldValue = parse(oldJson);
      if (newJson !== undefined) change.newValue = parse(newJson);
      return [key, change];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// State. It lives on globalThis so a module re-evaluated after `vi.resetModules()` still drives
// the storage that was installed, instead of a second copy nobody reads.

interface EventState<L> {
  listeners: L[];
  event: FakeEvent<L>;
}

interface AreaState {
  data: Map<string, string>;
  onChanged: EventState<AreaListener>;
  writes: number;
  setCalls: number;
  /** Times (Date.now()) of the writes admitted by the rate limits, newest last. */
  admitted: number[];
  unavailable: boolean;
  failNext: Record<FaultOp, string[]>;
  failAlways: Partial<Record<FaultOp, string>>;
}

interface Core {
  areas: Record<AreaName, AreaState>;
  onChanged: EventState<GlobalListener>;
  /** Bumped by reset, so change events queued before it are dropped rather than delivered to the next test. */
  generation: number;
  /** Browsers already given this storage, so a second install is a no-op. */
  installed: WeakSet<object>;
}

interface State extends Core {
  storage: FakeStorage;
}

function defineEvent<L>(): EventState<L> {
  const listeners: L[] = [];
  return {
    listeners,
    event: {
      // Chrome and Firefox both ignore a second registration of the same function.
      addListener: (listener) => {
        if (!listeners.includes(listener)) listeners.push(listener);
      },
      removeListener: (listener) => {
        const at = listeners.indexOf(listener);
        if (at >= 0) listeners.splice(at, 1);
      },
      hasListener: (listener) => listeners.includes(listener),
      hasListeners: () => listeners.length > 0,
    },
  };
}

function emptyFaults(): Record<FaultOp, string[]> {
  return { get: [], set: [], remove: [], clear: [] };
}

function defineAreaState(): AreaState {
  return { data: new Map(), onChanged: defineEvent(), writes: 0, setCalls: 0, admitted: [], unavailable: false, failNext: emptyFaults(), failAlways: {} };
}

const ANCHOR = Symbol.for('psx-market-overlay/test/fake-storage');
type Anchored = typeof globalThis & { [ANCHOR]?: State };

function state(): State {
  const global = globalThis as Anchored;
  global[ANCHOR] ??= createState();
  return global[ANCHOR];
}

function resetState(s: Core): void {
  s.generation += 1;
  s.onChanged.listeners.length = 0;
  for (const name of AREAS) {
    const area = s.areas[name];
    area.data.clear();
    area.onChanged.listeners.length = 0;
    area.writes = 0;
    area.setCalls = 0;
    area.admitted = [];
    area.unavailable = false;
    area.failNext = emptyFaults();
    area.failAlways = {};
  }
}

/** Delivers one write's changes: the global event first, then the area's, as Chrome dispatches them. */
function scheduleChanges(s: Core, name: AreaName, changes: RawChanges): void {
  if (changes.size === 0) return;
  const generation = s.generation;
  setTimeout(() => {
    if (generation !== s.generation) return;
    const errors: unknown[] = [];
    // Snapshots, so a listener that adds or removes listeners does not change this delivery.
    for (const listener of [...s.onChanged.listeners]) {
      try {
        listener(copyChanges(changes), name);
      } catch (error) {
        errors.push(error);
      }
    }
    for (const listener of [...s.areas[name].onChanged.listeners]) {
      try {
        listener(copyChanges(changes));
      } catch (error) {
        errors.push(error);
      }
    }
    // Chrome logs a throwing listener and calls the rest; here the error is rethrown afterwards so
    // the test run reports it instead of it vanishing.
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'storage.onChanged listeners threw');
  }, 0);
}

// ---------------------------------------------------------------------------------------------
// Areas.

function keyList(keys: unknown, op: string): string[] | null {
  if (keys === null || keys === undefined) return null;
  if (typeof keys === 'string') return [keys];
  // Chrome skips entries of a key list that are not strings.
  if (Array.isArray(keys)) return keys.filter((key): key is string => typeof key === 'string');
  throw new TypeError(`storage.${op}: keys must be null, a string or an array of strings`);
}

function defineArea(s: Core, name: AreaName): FakeStorageArea {
  const area = s.areas[name];
  const rules = RULES[name];

  /** The checks every call passes first: the area exists, and no failure is injected. */
  function gate(op: FaultOp | 'read'): void {
    if (area.unavailable) throw new Error(STORAGE_ERRORS.unavailable(name));
    if (op === 'read') return;
    const next = area.failNext[op].shift();
    if (next !== undefined) throw new Error(next);
    const always = area.failAlways[op];
    if (always !== undefined) throw new Error(always);
  }

  /**
   * Managed storage refuses every write. A write of sync storage must fit both rate windows; like
   * Chrome's quota service the check runs before the write, so one then refused for its size has
   * still used up its slot.
   */
  function admitWrite(): void {
    if (rules.readOnly) throw new Error(STORAGE_ERRORS.readOnly);
    if (!rules.rateLimited) return;
    const now = Date.now();
    area.admitted = area.admitted.filter((at) => now - at < HOUR_MS);
    const lastMinute = area.admitted.filter((at) => now - at < MINUTE_MS).length;
    if (lastMinute >= SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_MINUTE) throw new Error(STORAGE_ERRORS.writesPerMinute);
    if (area.admitted.length >= SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_HOUR) throw new Error(STORAGE_ERRORS.writesPerHour);
    area.admitted.push(now);
  }

  /** Throws Chrome's quota error if storage holding `next` would break this area's quotas. */
  function checkQuota(next: ReadonlyMap<string, string>, written: readonly string[]): void {
    const quota = rules.quota;
    if (!quota) return;
    // Per item first, over the written keys only, then the totals: the enforcer's order.
    for (const key of written) {
      if (itemBytes(key, next.get(key) ?? '') > quota.perItem) throw new Error(STORAGE_ERRORS.quotaBytesPerItem);
    }
    let total = 0;
    for (const [key, json] of next) total += itemBytes(key, json);
    if (total > quota.bytes) throw new Error(quota.bytesMessage);
    if (next.size > quota.maxItems) throw new Error(STORAGE_ERRORS.maxItems);
  }

  function commit(next: Map<string, string>): void {
    const changes = diff(area.data, next);
    area.data = next;
    area.writes += 1;
    scheduleChanges(s, name, changes);
  }

  function sortedEntries(keys: readonly string[] | null): [string, unknown][] {
    const wanted = keys ?? [...area.data.keys()];
    return [...new Set(wanted)]
      .sort()
      .flatMap((key): [string, unknown][] => {
        const json = area.data.get(key);
        return json === undefined ? [] : [[key, parse(json)]];
      });
  }

  function bytesInUse(keys: readonly string[] | null): number {
    // Chrome's policy store reports nothing in use: its data is not the extension's.
    if (name === 'managed') return 0;
    const wanted = keys ?? [...area.data.keys()];
    return [...new Set(wanted)].reduce((sum, key) => {
      const json = area.data.get(key);
      return json === undefined ? sum : sum + itemBytes(key, json);
    }, 0);
  }

  const api: FakeStorageArea = {
    async get(keys) {
      if (!isRecord(keys)) {
        const list = keyList(keys, `${name}.get`);
        gate('get');
        return Object.fromEntries(sortedEntries(list));
      }
      // The defaults object crosses into the browser as JSON too, so an undefined default drops
      // its key altogether.
      const defaults = parse(canonical(keys) ?? '{}');
      gate('get');
      if (!isRecord(defaults)) return {};
      const merged = mergeInto(defaults, Object.fromEntries(sortedEntries(Object.keys(defaults))));
      return isRecord(merged) ? merged : {};
    },
    async getKeys() {
      gate('read');
      return [...area.data.keys()].sort();
    },
    async getBytesInUse(keys) {
      gate('read');
      return bytesInUse(keyList(keys, `${name}.getBytesInUse`));
    },
    async set(items) {
      area.setCalls += 1;
      if (!isRecord(items)) throw new TypeError(`storage.${name}.set: items must be an object`);
      gate('set');
      // Serialise before anything else: a value JSON cannot hold (a BigInt, a cycle) fails the
      // whole call, as it would fail to cross into the browser.
      const incoming: [string, string][] = [];
      for (const [key, value] of Object.entries(items)) {
        const json = canonical(value);
        if (json !== undefined) incoming.push([key, json]);
      }
      admitWrite();
      const next = new Map(area.data);
      for (const [key, json] of incoming) next.set(key, json);
      checkQuota(
        next,
        incoming.map(([key]) => key),
      );
      commit(next);
    },
    async remove(keys) {
      const list = keyList(keys, `${name}.remove`);
      if (list === null) throw new TypeError(`storage.${name}.remove: keys must be a string or an array of strings`);
      gate('remove');
      admitWrite();
      const next = new Map(area.data);
      for (const key of list) next.delete(key);
      commit(next);
    },
    async clear() {
      gate('clear');
      admitWrite();
      commit(new Map());
    },
    onChanged: area.onChanged.event,
  };
  return api;
}

function createState(): State {
  const areas: Record<AreaName, AreaState> = { local: defineAreaState(), sync: defineAreaState(), session: defineAreaState(), managed: defineAreaState() };
  const core: Core = { areas, onChanged: defineEvent(), generation: 0, installed: new WeakSet() };
  const storage: FakeStorage = {
    local: { ...defineArea(core, 'local'), QUOTA_BYTES: TEN_MB },
    sync: { ...defineArea(core, 'sync'), ...SYNC_LIMITS },
    session: { ...defineArea(core, 'session'), QUOTA_BYTES: TEN_MB },
    managed: defineArea(core, 'managed'),
    onChanged: core.onChanged.event,
  };
  // The same object, not a copy: the areas' closures read `generation` from `core`.
  return Object.assign(core, { storage });
}

// ---------------------------------------------------------------------------------------------
// Public API.

/**
 * Replaces `fakeBrowser.storage` with this fake and makes `fakeBrowser.reset()` wipe it too (data,
 * listeners, faults, counters). Calling it again on the same browser changes nothing.
 */
export function installFakeStorage(fakeBrowser: { reset(): void }): FakeStorage {
  const s = state();
  if (s.installed.has(fakeBrowser)) return s.storage;
  s.installed.add(fakeBrowser);
  // Defined rather than assigned: the fake's own type for `storage` promises helpers
  // (`trigger`, `resetState`) this implementation deliberately leaves out.
  Object.defineProperty(fakeBrowser, 'storage', { value: s.storage, writable: true, configurable: true, enumerable: true });
  const originalReset = fakeBrowser.reset;
  fakeBrowser.reset = function reset(this: unknown): void {
    originalReset.call(this);
    resetState(state());
  };
  return s.storage;
}

/** Test controls for the installed storage. Everything here is undone by `fakeBrowser.reset()`. */
export const storageFaults = {
  /**
   * The next `op` call on `area` rejects with `message`; calls queue, one failure each. Defaults to
   * Chrome's `QUOTA_BYTES quota exceeded` for `set`. An injected failure stops the call before it
   * counts as a write, towards `writes()` or the sync rate limits.
   */
  failNext(area: AreaName, op: FaultOp, message?: string): void {
    state().areas[area].failNext[op].push(message ?? defaultMessage(area, op));
  },
  /** Every `op` call on `area` rejects with `message` until `clearFaults()` (after any queued `failNext`). */
  failAlways(area: AreaName, op: FaultOp, message?: string): void {
    state().areas[area].failAlways[op] = message ?? defaultMessage(area, op);
  },
  /** Removes every injected failure and unavailability; data and counters stay. */
  clearFaults(): void {
    for (const name of AREAS) {
      const area = state().areas[name];
      area.failNext = emptyFaults();
      area.failAlways = {};
      area.unavailable = false;
    }
  },
  /** While set, every call on the area rejects with `storage.<area> is not available`. */
  setUnavailable(area: AreaName, unavailable: boolean): void {
    state().areas[area].unavailable = unavailable;
  },
  /** Successful `set`/`remove`/`clear` calls on the area since the last reset, changed anything or not. */
  writes(area: AreaName): number {
    return state().areas[area].writes;
  },
  /** `set` calls attempted on the area since the last reset, including those that rejected. */
  setCalls(area: AreaName): number {
    return state().areas[area].setCalls;
  },
  /**
   * Replaces the administrator's policy that `storage.managed` reads, firing `onChanged` for what
   * differs, as Chrome does when policy is pushed. Not a write: no counters move.
   */
  setManagedPolicy(items: Record<string, unknown>): void {
    const s = state();
    const managed = s.areas.managed;
    const next = new Map<string, string>();
    for (const [key, value] of Object.entries(items)) {
      const json = canonical(value);
      if (json !== undefined) next.set(key, json);
    }
    const changes = diff(managed.data, next);
    managed.data = next;
    scheduleChanges(s, 'managed', changes);
  },
};

function defaultMessage(area: AreaName, op: FaultOp): string {
  return op === 'set' ? STORAGE_ERRORS.quotaBytes : STORAGE_ERRORS.injected(area, op);
}
