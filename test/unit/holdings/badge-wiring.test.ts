/**
 * The background repaints the portfolio badge when the holdings change (src/background/index.ts):
 * an edit in the popup shows on the badge without waiting for the next cycle.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { emptySnapshot } from '../../../src/shared/model';
import { storeSnapshot } from '../support/store';

const refresh = vi.fn(() => Promise.resolve({ fetched: [], failed: [] }));
vi.mock('../../../src/background/refresh', () => ({ refresh }));
vi.mock('../../../src/background/ticker-bar/registration', () => ({ syncTickerBar: () => Promise.resolve('unregistered'), tellOpenTabs: () => Promise.resolve() }));

describe('holdings wiring', () => {
  it('repaints the badge when a holding is set or cleared', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { updateSettings } = await import('../../../src/shared/settings-items');
    await updateSettings((s) => ({ ...s, watchlist: ['HUBC'], badge: 'portfolio' }));
    const now = Date.now();
    const snapshot = { ...emptySnapshot(), quotes: { HUBC: { symbol: 'HUBC', price: 113.23, change: 6.23, changePercent: 5.82, previousClose: 107, open: null, high: null, low: null, volume: null, readAt: now } }, market: { phase: 'open' as const, label: 'Open' }, marketReadAt: now, marketAsOf: now, updatedAt: now };
    await storeSnapshot(snapshot);
    Object.assign(fakeBrowser, { commands: { onCommand: { addListener: () => undefined } } });
    vi.resetModules();
    await import('../../../src/background/index');
    const { setHolding, clearHolding } = await import('../../../src/shared/holdings/store');
    await setHolding('HUBC', { quantity: 500, averagePrice: 98.5 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('+5.8'));
    await clearHolding('HUBC');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
  });
});
