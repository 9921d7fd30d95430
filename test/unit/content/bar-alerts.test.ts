// @vitest-environment happy-dom
/**
 * The bar's side of alerts: a symbol whose alert fired is marked (in words, not only by its
 * outline) until the presentation's highlight ends, and the bar knows when to redraw to take
 * the mark away without any write from the background.
 */
import { describe, expect, it } from 'vitest';
import { barItems, nextHighlightChange } from '../../../src/content/ticker/items';
import { renderItem } from '../../../src/content/ticker/render';
import { marketState } from '../../../src/background/publish';
import type { AlertsState } from '../../../src/shared/alerts/rules';
import { emptySnapshot } from '../../../src/shared/model';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const AT = Date.UTC(2026, 9, 14, 6, 43);
const HUBC = { symbol: 'HUBC', price: 206.1, change: 4.23, changePercent: 2.1, previousClose: 201.87, open: 202.05, high: 206.1, low: 201.1, volume: 1_445_702, readAt: AT };
const OGDC = { ...HUBC, symbol: 'OGDC', price: 320.29 };
const alerts: AlertsState = {
  rules: [],
  fired: [
    { id: 'f1', ruleId: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 205, value: 206.1, price: 206.1, at: AT, seen: false },
    { id: 'f0', ruleId: 'r2', subject: 'KSE100', index: true, kind: 'price-above', threshold: 170_000, value: 171_208.54, price: 171_208.54, at: AT, seen: false },
  ],
};
const settings = { ...DEFAULT_SETTINGS, indices: [], watchlist: ['HUBC', 'OGDC'] };
const market = (now: number) => marketState({ ...emptySnapshot(), quotes: { HUBC, OGDC } }, settings, now, alerts);
const quoteItems = (now: number) => barItems({ market: market(AT), stories: [] }, settings, now).filter((i) => i.kind === 'quote');

describe('the bar after an alert fired', () => {
  it.each([
    ['just fired', AT, true],
    ['59 s later', AT + 59_000, true],
    ['a minute later', AT + 60_000, false],
  ])('%s: HUBC marked %s', (_when, now, marked) => {
    const [hubc, ogdc] = quoteItems(now);
    expect(hubc).toMatchObject({ symbol: 'HUBC', ...(marked ? { alerted: true } : {}) });
    if (!marked) expect(hubc).not.toHaveProperty('alerted');
    expect(ogdc).not.toHaveProperty('alerted');
  });

  it('writes the mark in words beside the symbol', () => {
    const [hubc] = quoteItems(AT);
    const node = renderItem(hubc!);
    expect(node.className).toBe('item quote alerted');
    expect(node.textContent).toBe('ALERT HUBC 206.10 ▲ 4.23 (2.10%)');
  });

  it('knows when to redraw: at the end of the highlight, and not after it', () => {
    expect(nextHighlightChange(market(AT), AT)).toBe(AT + 60_000);
    expect(nextHighlightChange(market(AT), AT + 60_000)).toBeNull();
  });
});
