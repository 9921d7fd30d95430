/** A storage read that fails is not "nothing stored": an edit is refused rather than written over defaults. */
import { describe, expect, it } from 'vitest';
import { readSettings, updateSettings, watchlistItem } from '../../../src/shared/settings-items';
import { flushItem } from '../../../src/shared/storage/sync-flush';
import { storageFaults } from '../fake-storage';

describe('a failed read', () => {
  // storage.sync failing is read as "nothing synced" (it can be off for good, and edits must still
  // be kept on this device: quota.test.ts); storage.local failing may hide the newest copy.
  it.each([['storage.local (the pending copy)', 'local']] as const)('of %s: adding a symbol is refused and the user’s list stays', async (_name, area) => {
    await updateSettings((s) => ({ ...s, watchlist: ['HUBC', 'OGDC', 'PPL'] }));
    await flushItem(watchlistItem, Date.now());
    storageFaults.failAlways(area, 'get', 'IndexedDB error');
    const saved = await updateSettings((s) => ({ ...s, watchlist: [...s.watchlist, 'LUCK'] }));
    expect(saved).toMatchObject({ ok: false, error: { kind: 'read-failed' } });
    storageFaults.clearFaults();
    expect((await readSettings()).watchlist).toEqual(['HUBC', 'OGDC', 'PPL']);
    // Once the storage answers again, the same edit goes through.
    expect(await updateSettings((s) => ({ ...s, watchlist: [...s.watchlist, 'LUCK'] }))).toMatchObject({ ok: true });
    expect((await readSettings()).watchlist).toEqual(['HUBC', 'OGDC', 'PPL', 'LUCK']);
  });
});
