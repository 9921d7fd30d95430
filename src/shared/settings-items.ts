/**
 * Where the settings live: four `storage.sync` items, each within sync's 8 KB per-item quota
 * with the largest values the validators accept (test/unit/storage/quota.test.ts computes
 * each worst case; `feeds` and `bar` come within a few hundred bytes of it, as they hold any
 * list 0.1.0's one 8 KB item could). All four share one lock, so an edit that spans them (a backup
 * import) and edits from two pages at once never lose each other's changes.
 *
 * 0.1.0 kept all of them in one sync item `settings`; each item reads it until the background
 * has migrated (storage/migrations.ts), so no reader ever sees defaults in its place.
 */
import type { Result } from './result';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings';
import { defineItem, readItems, type LegacySource, type StorageItem, type WriteRefusal } from './storage/item';
import { withLock } from './storage/locks';

export const SETTINGS_LOCK = 'settings';
/** 0.1.0's one sync item. */
export const LEGACY_SETTINGS_KEY = 'settings';

const PREF_FIELDS = ['indices', 'timeZone', 'quotesPeriodSec', 'feedsPeriodMin', 'badge', 'sort', 'collapsedFeeds', 'privacy', 'alertsOnFallback', 'badgeAlerts', 'popupTab', 'shariahOnly', 'language', 'digits'] as const;
const BAR_FIELDS = ['showBar', 'barPosition', 'barMode', 'barSpeed', 'barHiddenSites'] as const;

export type Prefs = Pick<Settings, (typeof PREF_FIELDS)[number]>;
export type BarPrefs = Pick<Settings, (typeof BAR_FIELDS)[number]>;

function pick<K extends keyof Settings>(settings: Settings, fields: readonly K[]): Pick<Settings, K> {
  const out = {} as Pick<Settings, K>;
  for (const f of fields) out[f] = settings[f];
  return out;
}

/** A part read alone is validated with the whole schema's rules, other fields ignored. */
const normalisePart =
  <K extends keyof Settings>(fields: readonly K[]) =>
  (raw: unknown): Pick<Settings, K> =>
    pick(normaliseSettings(raw), fields);

/** 0.1.0's one object held every field: each item reads it whole and validates its own part. */
const legacySettings: LegacySource = { area: 'sync', key: LEGACY_SETTINGS_KEY, pick: (raw) => raw };
const legacyField = (field: 'watchlist' | 'feeds'): LegacySource => ({
  area: 'sync',
  key: LEGACY_SETTINGS_KEY,
  // A 0.1.0 object without the field meant the default, not "nothing stored".
  pick: (raw) => (raw !== null && typeof raw === 'object' && field in raw ? (raw as Record<string, unknown>)[field] : DEFAULT_SETTINGS[field]),
});

export const prefsItem = defineItem<Prefs>({
  area: 'sync',
  key: 'prefs',
  // 2 added the alert preferences (alertsOnFallback, badgeAlerts). The step from 1 adds nothing
  // (the validator gives them their defaults); the version exists so that a build of version 1,
  // which would drop them, reads prefs as written by a newer version and never writes over them.
  // Issue 12 added popupTab and shariahOnly without a step or a new version: prefs stored before
  // lack them and the validator gives them their defaults ('watchlist', false); a version-2 build
  // without them drops these two popup choices and a 'portfolio' badge choice (it reads that as no
  // symbol) on its next write: no version-2 build of those was ever released.
  // 3 added the language and digits (issue 13): a version-2 build would drop a chosen language on
  // its next write and show the interface in the browser's, so it is kept from writing.
  version: 3,
  migrations: { 1: (v1) => v1, 2: (v2) => v2 },
  lock: SETTINGS_LOCK,
  normalise: normalisePart(PREF_FIELDS),
  legacy: legacySettings,
});

export const watchlistItem = defineItem<string[]>({
  area: 'sync',
  key: 'watchlist',
  version: 1,
  lock: SETTINGS_LOCK,
  normalise: (raw) => normaliseSettings({ watchlist: raw }).watchlist,
  legacy: legacyField('watchlist'),
});

export const feedsItem = defineItem<Settings['feeds']>({
  area: 'sync',
  key: 'feeds',
  version: 1,
  lock: SETTINGS_LOCK,
  normalise: (raw) => normaliseSettings({ feeds: raw }).feeds,
  legacy: legacyField('feeds'),
});

export const barPrefsItem = defineItem<BarPrefs>({
  area: 'sync',
  key: 'bar',
  version: 1,
  lock: SETTINGS_LOCK,
  normalise: normalisePart(BAR_FIELDS),
  legacy: legacySettings,
});

export const SETTINGS_ITEMS: readonly StorageItem<unknown>[] = [prefsItem, watchlistItem, feedsItem, barPrefsItem] as StorageItem<unknown>[];

export interface SettingsState {
  settings: Settings;
  /** Keys of the items a newer version wrote: shown, not written over. */
  newer: string[];
  /** Keys of the items whose storage could not be read: shown as a stand-in, never edited. */
  unreadable?: string[];
}

export async function readSettingsState(): Promise<SettingsState> {
  const [prefs, watchlist, feeds, bar] = await readItems([prefsItem, watchlistItem, feedsItem, barPrefsItem] as const);
  const states = [prefs, watchlist, feeds, bar];
  return {
    settings: { ...prefs.value, watchlist: watchlist.value, feeds: feeds.value, ...bar.value },
    newer: SETTINGS_ITEMS.filter((_, i) => states[i]!.newer).map((item) => item.spec.key),
    unreadable: SETTINGS_ITEMS.filter((_, i) => states[i]!.unreadable !== undefined).map((item) => item.spec.key),
  };
}

export async function readSettings(): Promise<Settings> {
  return (await readSettingsState()).settings;
}

/**
 * The one way settings change, from any page or the background: under the settings lock,
 * read all four items afresh, apply `edit`, and write back only the items it changed.
 */
export function updateSettings(edit: (current: Settings) => Settings): Promise<Result<Settings, WriteRefusal>> {
  return withLock(SETTINGS_LOCK, async () => {
    const { settings, newer, unreadable = [] } = await readSettingsState();
    // A failed read is not "nothing stored": an edit applied to the stand-in would write defaults
    // over the user's list (a sync.get that fails once in Firefox).
    if (unreadable.length > 0) {
      return { ok: false, error: { kind: 'read-failed', key: unreadable.join(', '), reason: 'unreadable', detail: `${unreadable.join(', ')} could not be read; nothing was changed` } } as const;
    }
    const next = normaliseSettings(edit(settings));
    const parts = [
      changedPart(prefsItem, pick(settings, PREF_FIELDS), pick(next, PREF_FIELDS)),
      changedPart(watchlistItem, settings.watchlist, next.watchlist),
      changedPart(feedsItem, settings.feeds, next.feeds),
      changedPart(barPrefsItem, pick(settings, BAR_FIELDS), pick(next, BAR_FIELDS)),
    ].filter((part): part is ChangedPart => part !== null);
    // Checked before anything is written: an edit spanning several items (a backup import)
    // used to write the parts before a newer version's item and only then be refused,
    // leaving half of it saved while the page said it had failed.
    const blocked = parts.find((part) => newer.includes(part.key));
    if (blocked) {
      return { ok: false, error: { kind: 'newer-version', key: blocked.key, detail: `${blocked.key} was saved by a newer version of the extension` } } as const;
    }
    for (const part of parts) {
      const refusal = await part.write();
      if (refusal) return { ok: false, error: refusal } as const;
    }
    return { ok: true, value: next } as const;
  });
}

interface ChangedPart {
  key: string;
  write: () => Promise<WriteRefusal | null>;
}

/** One part the edit changed, and how to write it (null when it did not change). */
function changedPart<T>(item: StorageItem<T>, before: T, after: T): ChangedPart | null {
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  return {
    key: item.spec.key,
    write: async () => {
      const written = await item.updateLocked(() => after);
      return written.ok ? null : written.error;
    },
  };
}

/** Follows the settings as any context changes them. */
export function watchSettings(callback: (state: SettingsState) => void): () => void {
  const offs = SETTINGS_ITEMS.map((item) => item.watch(() => void readSettingsState().then(callback)));
  return () => offs.forEach((off) => off());
}
