/**
 * Copies the local `pending:` copies of sync items into `storage.sync`, from the background.
 *
 * Sync allows 120 writes a minute and 1,800 an hour, and 8 KB an item. Pages write their edits
 * to storage.local at once (item.ts); this copies each to sync at most once per
 * SYNC_WRITE_GAP_MS, however fast the edits come, and records a refusal instead of losing the
 * edit: the local copy stays, reads keep preferring it, and the next edit tries again.
 */
import { browser } from '../browser';
import { isEnvelope, PENDING_PREFIX, type StorageItem } from './item';
import { withLock } from './locks';
import { storageHealthItem, type StorageHealth } from './storage-health';

export const SYNC_WRITE_GAP_MS = 2_000;

const describe = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

export type FlushOutcome = 'synced' | 'nothing-pending' | 'refused' | 'newer-in-sync';

/** One item: copy its pending value to sync, then drop the local copy if it is unchanged since. */
export async function flushItem<T>(item: StorageItem<T>, now: number): Promise<FlushOutcome> {
  const { key } = item.spec;
  const pendingKey = PENDING_PREFIX + key;
  const outcome = await withLock(item.spec.lock ?? `sync:${key}`, async (): Promise<FlushOutcome> => {
    const pending = (await browser.storage.local.get(pendingKey))[pendingKey];
    if (pending === undefined) return 'nothing-pending';
    try {
      const inSync = (await browser.storage.sync.get(key))[key];
      if (isEnvelope(inSync) && isEnvelope(pending) && inSync.$v > pending.$v) return 'newer-in-sync';
      await browser.storage.sync.set({ [key]: pending });
    } catch (cause) {
      await recordProblem('syncRefused', key, describe(cause), now);
      return 'refused';
    }
    await browser.storage.local.remove(pendingKey);
    return 'synced';
  });
  if (outcome === 'synced') await clearProblem(key);
  if (outcome === 'newer-in-sync') await recordProblem('newerInSync', key, 'sync holds a newer version', now);
  return outcome;
}

async function recordProblem(kind: 'syncRefused' | 'newerInSync', key: string, reason: string, now: number): Promise<void> {
  console.warn(`sync write of ${key} not made: ${reason}; the data stays in storage.local`);
  const result = await storageHealthItem.update((h) => ({ ...h, [kind]: { ...h[kind], [key]: { reason, at: now } } }));
  if (!result.ok) console.warn('could not record the storage problem:', result.error.detail);
}

async function clearProblem(key: string): Promise<void> {
  const health = await storageHealthItem.get();
  if (!(key in health.syncRefused) && !(key in health.newerInSync)) return;
  const drop = (m: StorageHealth['syncRefused']): StorageHealth['syncRefused'] => Object.fromEntries(Object.entries(m).filter(([k]) => k !== key));
  await storageHealthItem.update((h) => ({ ...h, syncRefused: drop(h.syncRefused), newerInSync: drop(h.newerInSync) }));
}

/**
 * Paces the flushes of one context (the background): the first edit of a burst goes to sync
 * at once, the rest of the burst in one write when the gap has passed.
 */
export function createSyncFlusher(items: readonly StorageItem<unknown>[], now: () => number = Date.now) {
  let lastFlush = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;

  async function flushAll(): Promise<void> {
    lastFlush = now();
    for (const item of items) await flushItem(item, now());
  }

  function schedule(): void {
    if (timer !== null) return;
    const wait = Math.max(0, lastFlush + SYNC_WRITE_GAP_MS - now());
    timer = setTimeout(() => {
      timer = null;
      running = (running ?? Promise.resolve()).then(flushAll).catch((cause: unknown) => console.warn('sync flush failed:', describe(cause)));
    }, wait);
  }

  return {
    /** Call on any storage change: it reacts to pending copies only. */
    onChanged(changes: Record<string, unknown>, area: string): void {
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(PENDING_PREFIX))) schedule();
    },
    /** Flush whatever is pending now (worker start). */
    flushNow: (): Promise<void> => flushAll(),
    /** For tests: the flush scheduled, if any, has run. */
    idle: async (): Promise<void> => {
      await running;
    },
  };
}
