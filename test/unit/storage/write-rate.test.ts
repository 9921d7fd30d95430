// @vitest-environment happy-dom
/**
 * Sync allows 120 writes a minute. A held Alt+↓ is a stream of edits, each saved to
 * storage.local at once; the background's flusher, following storage.onChanged as in
 * src/background/index.ts, copies them to sync at most once per SYNC_WRITE_GAP_MS.
 */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App as Popup } from '../../../src/popup/App';
import { emptySnapshot } from '../../../src/shared/model';
import { readSettings, SETTINGS_ITEMS, updateSettings, watchlistItem } from '../../../src/shared/settings-items';
import { storageHealthItem } from '../../../src/shared/storage/storage-health';
import { createSyncFlusher, flushItem, SYNC_WRITE_GAP_MS } from '../../../src/shared/storage/sync-flush';
import { moveSymbol } from '../../../src/shared/watchlist';
import { storageFaults } from '../fake-storage';
import { storeSnapshot } from '../support/store';
import { storage } from './support';

const T0 = Date.UTC(2026, 9, 14, 6, 42);
const MINUTE = 60_000;
const LIMIT = storage.sync.MAX_WRITE_OPERATIONS_PER_MINUTE;
const SYMBOLS = Array.from({ length: 100 }, (_, i) => `S${String(i).padStart(2, '0')}`);

interface SyncWrite {
  at: number;
  keys: string[];
}

/** Every storage.sync.set the code makes, with the (fake) time it was made. */
function recordSyncWrites(): SyncWrite[] {
  const seen: SyncWrite[] = [];
  const set = storage.sync.set.bind(storage.sync);
  vi.spyOn(storage.sync, 'set').mockImplementation((items) => {
    seen.push({ at: Date.now(), keys: Object.keys(items) });
    return set(items);
  });
  return seen;
}

/** The most writes in any window of `width` ms. */
const busiest = (writes: readonly SyncWrite[], width: number): number =>
  Math.max(0, ...writes.map((w) => writes.filter((o) => o.at >= w.at && o.at < w.at + width).length));

/** The background: a flusher following every storage change. */
function startBackground() {
  const flusher = createSyncFlusher(SETTINGS_ITEMS);
  storage.onChanged.addListener(flusher.onChanged);
  return flusher;
}

/** Storage has caught up: the last edit reached sync and its local copy is gone. */
async function inSync(flusher: ReturnType<typeof startBackground>): Promise<void> {
  await vi.waitFor(async () => expect(await storage.local.get('pending:watchlist')).toEqual({}), { timeout: 10_000, interval: 100 });
  await flusher.idle();
}

/** Alt+↓ on a row, as the popup saves it: the symbol one place down. */
const moveDown = (symbol: string) => updateSettings((s) => moveSymbol(s, symbol, s.watchlist.indexOf(symbol) + 1));

beforeEach(async () => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await updateSettings((s) => ({ ...s, watchlist: SYMBOLS }));
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a held Alt+↓', () => {
  it('60 moves in 2 s from one page make a couple of sync writes, and sync ends with the final order', async () => {
    const flusher = startBackground();
    await inSync(flusher);
    const writes = recordSyncWrites();
    const start = Date.now();
    for (let i = 0; i < 60; i++) {
      expect(await moveDown('S00')).toMatchObject({ ok: true });
      await vi.advanceTimersByTimeAsync(2_000 / 60);
    }
    await inSync(flusher);

    const expected = [...SYMBOLS.slice(1, 61), 'S00', ...SYMBOLS.slice(61)];
    expect((await readSettings()).watchlist).toEqual(expected);
    expect(await storage.sync.get('watchlist')).toEqual({ watchlist: { $v: 1, value: expected } });
    // Only the item that changed is written, once per gap: the first move at once, the rest together.
    expect(writes.every((w) => w.keys.join() === 'watchlist')).toBe(true);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.length).toBeLessThanOrEqual(3);
    expect(busiest(writes, SYNC_WRITE_GAP_MS)).toBe(1);
    expect(writes.at(-1)!.at - start).toBeLessThanOrEqual(2 * SYNC_WRITE_GAP_MS + 100);
    expect((await storageHealthItem.get()).syncRefused).toEqual({});
  }, 30_000);

  it('held in the popup itself: the rows move on screen at once, sync gets a couple of writes', async () => {
    await storeSnapshot({ ...emptySnapshot(), updatedAt: T0 });
    const flusher = startBackground();
    await inSync(flusher);
    const writes = recordSyncWrites();
    render(h(Popup, {}));
    const row = (symbol: string): HTMLElement | null => document.querySelector(`li.quote[data-symbol="${symbol}"]`);
    const rows = (): string[] => [...document.querySelectorAll('li.quote')].map((li) => li.getAttribute('data-symbol') ?? '');
    await vi.waitFor(() => expect(rows()).toEqual(SYMBOLS));
    for (let i = 0; i < 60; i++) {
      const target = row('S00')!;
      target.focus();
      fireEvent.keyDown(target, { key: 'ArrowDown', altKey: true });
      // The key repeats about 30 times a second.
      await vi.advanceTimersByTimeAsync(2_000 / 60);
    }
    const expected = [...SYMBOLS.slice(1, 61), 'S00', ...SYMBOLS.slice(61)];
    await vi.waitFor(() => expect(rows()).toEqual(expected));
    await inSync(flusher);
    expect(await storage.sync.get('watchlist')).toEqual({ watchlist: { $v: 1, value: expected } });
    expect(writes.filter((w) => w.keys.includes('watchlist')).length).toBeLessThanOrEqual(3);
    expect(busiest(writes, SYNC_WRITE_GAP_MS)).toBe(1);
  }, 30_000);

  it('held for 90 s (1,800 moves) stays far inside sync’s writes per minute', async () => {
    const flusher = startBackground();
    await inSync(flusher);
    const writes = recordSyncWrites();
    let down = true;
    for (let i = 0; i < 1_800; i++) {
      const at = (await readSettings()).watchlist.indexOf('S00');
      if (at === SYMBOLS.length - 1) down = false;
      if (at === 0) down = true;
      await updateSettings((s) => moveSymbol(s, 'S00', s.watchlist.indexOf('S00') + (down ? 1 : -1)));
      await vi.advanceTimersByTimeAsync(50);
    }
    await inSync(flusher);
    expect(busiest(writes, MINUTE)).toBeLessThanOrEqual(MINUTE / SYNC_WRITE_GAP_MS + 1);
    expect(busiest(writes, MINUTE)).toBeLessThan(LIMIT);
    expect((await storageHealthItem.get()).syncRefused).toEqual({});
    expect(await storage.sync.get('watchlist')).toEqual({ watchlist: { $v: 1, value: (await readSettings()).watchlist } });
  }, 30_000);

  it('control: copying every edit to sync as it comes runs into the limit', async () => {
    // What the flusher's pacing prevents; shows the assertions above can fail.
    for (let i = 0; i < LIMIT + 10; i++) {
      // Down and back up: every edit is a real change.
      await updateSettings((s) => moveSymbol(s, 'S00', i % 2 === 0 ? 1 : 0));
      await flushItem(watchlistItem, Date.now());
      await vi.advanceTimersByTimeAsync(20);
    }
    const refused = (await storageHealthItem.get()).syncRefused['watchlist'];
    expect(refused?.reason).toMatch(/MAX_WRITE_OPERATIONS_PER_MINUTE/);
    expect(storageFaults.writes('sync')).toBe(LIMIT);
  });
});
