/**
 * The badge's "portfolio day %" (issue 12): the setting's value `portfolio`, validated like
 * the others; the badge text in the same four characters as any % change; nothing (not 0.0)
 * when the holdings are unknown or have no price; fired alerts still first; and the holdings
 * the background reads for it, limited to the watchlist.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeHoldings } from '../../../src/background/badge-holdings';
import { BADGE_COLOURS, badgeView } from '../../../src/background/badge-text';
import { checkSettings } from '../../../src/shared/backup/settings-patch';
import { describePlan } from '../../../src/shared/backup/preview';
import type { Holdings } from '../../../src/shared/holdings/model';
import { holdingsItem } from '../../../src/shared/holdings/store';
import type { MarketState } from '../../../src/shared/market-store';
import { emptySnapshot, type Quote, type Snapshot } from '../../../src/shared/model';
import { present } from '../../../src/shared/presentation';
import { BADGE_PORTFOLIO, normaliseSettings } from '../../../src/shared/settings';
import { storageFaults } from '../fake-storage';

const NOW = Date.UTC(2026, 9, 14, 7, 5);
const quote = (symbol: string, price: number, change: number, changePercent = 0): Quote => ({ symbol, price, change, changePercent, previousClose: price - change, open: null, high: null, low: null, volume: null });

function state(quotes: Record<string, Quote>, { trading = true, stale = false, unseen = 0 } = {}): MarketState {
  const snapshot: Snapshot = { ...emptySnapshot(), quotes, indices: { KSE100: { code: 'KSE100', value: 171623.45, change: -412.2, changePercent: -0.24, staleDate: null } }, marketAsOf: NOW };
  const presentation = { ...present({ snapshot, feedIds: [], quotesPeriodSec: 60, now: NOW }), trading, stale };
  const { stories: _s, ...rest } = snapshot;
  return { ...rest, presentation: unseen > 0 ? { ...presentation, alerts: { ...(presentation.alerts ?? { highlighted: [] }), unseen } } as MarketState['presentation'] : presentation };
}

const QUOTES = { HUBC: quote('HUBC', 113.23, 6.23, 5.82), OGDC: quote('OGDC', 320.29, -3.49, -1.08) };
const HOLDINGS: Holdings = { HUBC: { quantity: 500, averagePrice: 98.1234 }, OGDC: { quantity: 1000, averagePrice: 330 } };
const paint = (s: MarketState, holdings: Holdings | undefined, showAlerts = false) => badgeView(s, BADGE_PORTFOLIO, ['KSE100'], 'Asia/Karachi', NOW, showAlerts, holdings);

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  storageFaults.clearFaults();
  vi.restoreAllMocks();
});

describe('the setting', () => {
  it('takes `portfolio` as a badge value and keeps refusing what is no symbol', () => {
    expect(normaliseSettings({ badge: 'portfolio' }).badge).toBe('portfolio');
    expect(normaliseSettings({ badge: 'portfolio!' }).badge).toBe('KSE100');
    expect(normaliseSettings({ badge: 'Portfolio' }).badge).toBe('KSE100');
  });

  it('imports from a backup and says so in words in the preview', () => {
    const checked = checkSettings({ badge: 'portfolio' }, { symbols: null });
    expect(checked).toMatchObject({ settings: { badge: 'portfolio' }, warnings: [] });
    const plan = { kind: 'backup' as const, fileName: 'b.json', ...checked };
    expect(describePlan(normaliseSettings(undefined), plan).map((c) => c.text)).toEqual(['Toolbar badge: KSE100 % change → portfolio day %.']);
  });
});

describe('badgeView for the portfolio', () => {
  it("shows the portfolio's day % in four characters, coloured by its sign", () => {
    // Day P&L 3,115.00 − 3,490.00 = −375.00 on 376,905.00 − (−375.00): −0.0994… %.
    const view = paint(state(QUOTES), HOLDINGS);
    expect(view).toMatchObject({ text: '-0.1', colour: BADGE_COLOURS.down });
    expect(view.title.split('\n').slice(0, 2)).toEqual(['PSX market', 'Portfolio day -0.10%']);
    expect(paint(state(QUOTES), { HUBC: HOLDINGS.HUBC! })).toMatchObject({ text: '+5.8', colour: BADGE_COLOURS.up });
  });

  it('is grey when the market is not trading or the figures are stale', () => {
    expect(paint(state(QUOTES, { trading: false }), HOLDINGS).colour).toBe(BADGE_COLOURS.muted);
    expect(paint(state(QUOTES, { stale: true }), HOLDINGS).colour).toBe(BADGE_COLOURS.muted);
  });

  it('leaves out a holding without a price, and says how many', () => {
    const view = paint(state({ HUBC: QUOTES.HUBC }), HOLDINGS);
    expect(view.text).toBe('+5.8');
    expect(view.title).toContain('Portfolio day +5.82%, 1 holding without a price left out');
  });

  it.each<[string, Holdings | undefined, Record<string, Quote>, string]>([
    ['holdings that could not be read', undefined, QUOTES, 'Portfolio: holdings could not be read'],
    ['no holdings', {}, QUOTES, 'Portfolio: no holdings in the watchlist'],
    ['no holding with a price', HOLDINGS, {}, 'Portfolio: no holding has a price yet'],
  ])('shows nothing, never 0.0, for %s', (_name, holdings, quotes, line) => {
    const view = paint(state(quotes), holdings);
    expect(view.text).toBe('');
    expect(view.colour).toBe(BADGE_COLOURS.muted);
    expect(view.title).toContain(line);
  });

  it('gives way to fired alerts (N!), as every badge subject does', () => {
    expect(paint(state(QUOTES, { unseen: 2 }), HOLDINGS, true)).toMatchObject({ text: '2!', colour: BADGE_COLOURS.alert });
    expect(paint(state(QUOTES, { unseen: 2 }), HOLDINGS, false).text).toBe('-0.1');
  });

  it('never prints money in the title (shown on hover, where privacy mode cannot blur)', () => {
    expect(paint(state(QUOTES), HOLDINGS).title).not.toMatch(/375|3,115|376,905/);
  });

  it('leaves the other subjects as they were', () => {
    expect(badgeView(state(QUOTES), 'HUBC', [], 'local', NOW, false, HOLDINGS).text).toBe('+5.8');
    expect(badgeView(state(QUOTES), 'KSE100', [], 'local', NOW, false, HOLDINGS).text).toBe('-0.2');
  });
});

describe('badgeHoldings: what the background reads for it', () => {
  it("reads nothing unless the badge shows the portfolio, and then only the watchlist's holdings", async () => {
    await holdingsItem.update(() => ({ ...HOLDINGS, GONE: { quantity: 1, averagePrice: 1 } }));
    const get = vi.spyOn(holdingsItem, 'getState');
    expect(await badgeHoldings({ badge: 'KSE100', watchlist: ['HUBC'] })).toBeUndefined();
    expect(get).not.toHaveBeenCalled();
    expect(await badgeHoldings({ badge: BADGE_PORTFOLIO, watchlist: ['OGDC', 'HUBC'] })).toEqual({ OGDC: HOLDINGS.OGDC, HUBC: HOLDINGS.HUBC });
  });

  it('is undefined (no figure) when storage.local cannot be read, not an empty portfolio', async () => {
    await holdingsItem.update(() => HOLDINGS);
    storageFaults.failNext('local', 'get', 'IndexedDB error');
    expect(await badgeHoldings({ badge: BADGE_PORTFOLIO, watchlist: ['HUBC'] })).toBeUndefined();
  });
});
