/**
 * The holdings item and its edits (src/shared/holdings/store.ts): stored in storage.local
 * only, at version 1, set and cleared per symbol with Result answers in words, kept when the
 * symbol leaves the watchlist, and a refused write said, not swallowed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../../src/shared/browser';
import { MAX_HOLDINGS } from '../../../src/shared/holdings/model';
import { clearHolding, holdingsItem, setHolding } from '../../../src/shared/holdings/store';
import { readSettings, updateSettings } from '../../../src/shared/settings-items';
import { ALL_ITEMS } from '../../../src/shared/storage/migrations';
import { removeSymbol } from '../../../src/shared/watchlist';
import { storageFaults } from '../fake-storage';

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  storageFaults.clearFaults();
  vi.restoreAllMocks();
});

const raw = async (area: 'local' | 'sync', key: string): Promise<unknown> => (await browser.storage[area].get(key))[key];

describe('the holdings item', () => {
  it('is declared with the others, in storage.local, at version 1', () => {
    expect(ALL_ITEMS).toContain(holdingsItem);
    expect(holdingsItem.spec).toMatchObject({ area: 'local', key: 'holdings', version: 1 });
    expect(holdingsItem.keys).toEqual([{ area: 'local', key: 'holdings' }]);
  });

  it('writes to storage.local only: nothing goes to sync, not even a pending copy', async () => {
    expect(await setHolding('HUBC', { quantity: 500, averagePrice: 98.1234 })).toEqual({ ok: true, value: { HUBC: { quantity: 500, averagePrice: 98.1234 } } });
    expect(await raw('local', 'holdings')).toEqual({ $v: 1, value: { HUBC: { quantity: 500, averagePrice: 98.1234 } } });
    expect(await browser.storage.sync.get(null)).toEqual({});
    expect(await raw('local', 'pending:holdings')).toBeUndefined();
  });
});

describe('setHolding and clearHolding', () => {
  it('adds, replaces and clears one symbol, leaving the others', async () => {
    await setHolding('HUBC', { quantity: 500, averagePrice: 98.1234 });
    await setHolding('OGDC', { quantity: 10, averagePrice: 320 });
    await setHolding('HUBC', { quantity: 600, averagePrice: 97 });
    expect(await holdingsItem.get()).toEqual({ HUBC: { quantity: 600, averagePrice: 97 }, OGDC: { quantity: 10, averagePrice: 320 } });
    expect(await clearHolding('HUBC')).toEqual({ ok: true, value: { OGDC: { quantity: 10, averagePrice: 320 } } });
    // Clearing what is not there is no error and writes nothing.
    const before = storageFaults.writes('local');
    expect(await clearHolding('HUBC')).toMatchObject({ ok: true });
    expect(storageFaults.writes('local')).toBe(before);
  });

  it.each<[string, string, { quantity: number; averagePrice: number }, string]>([
    ['no symbol', 'hubc!', { quantity: 1, averagePrice: 1 }, 'hubc! is not a PSX symbol.'],
    ['a fraction of a share', 'HUBC', { quantity: 1.5, averagePrice: 1 }, 'That holding is not valid: whole shares and an average price above 0, at most 4 decimals.'],
    ['five decimals', 'HUBC', { quantity: 1, averagePrice: 1.00001 }, 'That holding is not valid: whole shares and an average price above 0, at most 4 decimals.'],
  ])('refuses %s in words and writes nothing', async (_name, symbol, holding, message) => {
    expect(await setHolding(symbol, holding)).toEqual({ ok: false, error: { kind: 'invalid', message } });
    expect(await raw('local', 'holdings')).toBeUndefined();
  });

  it(`refuses a new symbol past ${MAX_HOLDINGS}, but still replaces a held one`, async () => {
    const full = Object.fromEntries(Array.from({ length: MAX_HOLDINGS }, (_, i) => [`S${i}`, { quantity: 1, averagePrice: 1 }]));
    await holdingsItem.update(() => full);
    expect(await setHolding('HUBC', { quantity: 1, averagePrice: 1 })).toEqual({ ok: false, error: { kind: 'full', message: `At most ${MAX_HOLDINGS} holdings are kept; clear one first.` } });
    expect(await setHolding('S0', { quantity: 2, averagePrice: 1 })).toMatchObject({ ok: true });
  });

  it('says when storage refuses the write', async () => {
    storageFaults.failNext('local', 'set', 'QUOTA_BYTES quota exceeded');
    const result = await setHolding('HUBC', { quantity: 1, averagePrice: 1 });
    expect(result).toEqual({ ok: false, error: { kind: 'storage', message: 'The holding could not be saved: QUOTA_BYTES quota exceeded' } });
  });
});

describe('the watchlist and the holdings', () => {
  it('removing a symbol from the watchlist keeps its holding, and adding it back shows it again', async () => {
    await updateSettings((s) => ({ ...s, watchlist: ['HUBC', 'OGDC'] }));
    await setHolding('HUBC', { quantity: 500, averagePrice: 98.5 });
    await updateSettings((s) => removeSymbol(s, 'HUBC'));
    expect((await readSettings()).watchlist).toEqual(['OGDC']);
    expect(await holdingsItem.get()).toEqual({ HUBC: { quantity: 500, averagePrice: 98.5 } });
  });
});
