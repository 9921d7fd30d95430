/**
 * What went wrong with storage itself, kept where every page can read it: sync writes that
 * the browser refused (the data then stays on this device), and local writes refused even
 * after pruning. The popup and the options page turn it into one sentence.
 */
import { sentences } from '../i18n/sentences';
import { defineItem } from './item';

export interface StorageProblem {
  /** The browser's own words (`QUOTA_BYTES_PER_ITEM quota exceeded`). */
  reason: string;
  at: number;
}

export interface StorageHealth {
  /** Sync items whose latest data is kept in storage.local only, by item key. */
  syncRefused: Record<string, StorageProblem>;
  /** Sync holds a copy written by a newer version: ours is kept here and not synced. */
  newerInSync: Record<string, StorageProblem>;
  /**
   * The last local write refused, even after pruning or saved only as its pruned copy
   * (publish.ts); cleared once that key is written in full again.
   */
  localRefused: (StorageProblem & { key: string }) | null;
}

function problems(raw: unknown): Record<string, StorageProblem> {
  const out: Record<string, StorageProblem> = {};
  if (raw === null || typeof raw !== 'object') return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>).slice(0, 20)) {
    const p = value as Partial<StorageProblem> | null;
    if (typeof p?.reason === 'string' && typeof p.at === 'number') out[key] = { reason: p.reason.slice(0, 200), at: p.at };
  }
  return out;
}

export function normaliseStorageHealth(raw: unknown): StorageHealth {
  const s = (raw !== null && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof StorageHealth, unknown>>;
  const local = s.localRefused as Partial<StorageProblem & { key: string }> | null | undefined;
  return {
    syncRefused: problems(s.syncRefused),
    newerInSync: problems(s.newerInSync),
    localRefused:
      typeof local?.reason === 'string' && typeof local.at === 'number' && typeof local.key === 'string'
        ? { reason: local.reason.slice(0, 200), at: local.at, key: local.key.slice(0, 60) }
        : null,
  };
}

export const storageHealthItem = defineItem<StorageHealth>({
  area: 'local',
  key: 'storageHealth',
  version: 1,
  normalise: normaliseStorageHealth,
});

/** The one sentence the popup and the options page show (in the display language), or null when storage is healthy. */
export function storageNotice(health: StorageHealth, newerItems: readonly string[]): string | null {
  if (newerItems.length > 0 || Object.keys(health.newerInSync).length > 0) {
    return sentences().t('storage_newer_version');
  }
  const refused = Object.values(health.syncRefused)[0];
  if (refused) {
    return sentences().t('storage_sync_refused', { reason: refused.reason });
  }
  if (health.localRefused) return sentences().t('storage_local_refused', { key: health.localRefused.key, reason: health.localRefused.reason });
  return null;
}
