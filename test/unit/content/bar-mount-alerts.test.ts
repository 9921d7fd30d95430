// @vitest-environment happy-dom
/**
 * The mounted bar (src/content/ticker/mount.ts) after an alert fired: the symbol is marked as
 * soon as an update brings the highlight, and the mark goes when the highlight ends, on the
 * bar's own timer, with no further update from storage. The bar's shadow root is closed (page
 * scripts cannot reach in), so the test keeps the reference attachShadow returns.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { marketState } from '../../../src/background/publish';
import { mountBar, type Bar } from '../../../src/content/ticker/mount';
import { HIGHLIGHT_MS, type AlertsState } from '../../../src/shared/alerts/rules';
import { emptySnapshot } from '../../../src/shared/model';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

// Wednesday 14 Oct 2026, 11:43 PKT.
const AT = Date.UTC(2026, 9, 14, 6, 43);
const HUBC = { symbol: 'HUBC', price: 206.1, change: 4.23, changePercent: 2.1, previousClose: 201.87, open: 202.05, high: 206.1, low: 201.1, volume: 1_445_702, readAt: AT };
const OGDC = { ...HUBC, symbol: 'OGDC', price: 320.29 };
const settings = { ...DEFAULT_SETTINGS, indices: [], watchlist: ['HUBC', 'OGDC'], feeds: [] };
const firedAt = (at: number): AlertsState => ({
  rules: [],
  fired: [{ id: 'f1', ruleId: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 205, value: 206.1, price: 206.1, at, seen: false }],
});
/** The market view as the background writes it at `now`, with or without the fired alert. */
const data = (now: number, alerts?: AlertsState) => ({ market: marketState({ ...emptySnapshot(), quotes: { HUBC, OGDC } }, settings, now, alerts), stories: [] });

let root: ShadowRoot | null = null;
let bar: Bar | null = null;

beforeEach(() => {
  vi.useFakeTimers({ now: AT });
  root = null;
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const made = attach.call(this, init);
    root = made;
    return made;
  });
});
afterEach(() => {
  bar?.destroy();
  bar = null;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The bar's HUBC items (the scrolling track holds two copies of each). */
const hubcItems = (): HTMLElement[] => [...root!.querySelectorAll<HTMLElement>('.item.quote')].filter((el) => el.querySelector('.symbol')?.textContent === 'HUBC');

describe('the mounted bar after an alert fired', () => {
  it('marks the symbol on the update that brings the highlight, and unmarks it when the highlight ends, without another update', () => {
    const actions = { hideOnSite: vi.fn(), hideEverywhere: vi.fn() };
    bar = mountBar(data(AT), settings, actions);
    // Closed, as mount.ts makes it: the page cannot reach in, only the reference kept here.
    expect(root).not.toBeNull();
    expect(document.querySelector('psx-ticker-bar')?.shadowRoot).toBeNull();
    expect(hubcItems().length).toBeGreaterThan(0);
    expect(hubcItems().some((el) => el.classList.contains('alerted'))).toBe(false);

    // The background's write after the alert fired, read a second later.
    vi.setSystemTime(AT + 1_000);
    bar.update(data(AT + 1_000, firedAt(AT)), settings);
    const marked = hubcItems();
    expect(marked.length).toBeGreaterThan(0);
    for (const el of marked) {
      expect(el.classList.contains('alerted')).toBe(true);
      expect(el.textContent).toMatch(/^ALERT HUBC /);
    }
    // Only the symbol that fired.
    const ogdc = [...root!.querySelectorAll<HTMLElement>('.item.quote')].filter((el) => el.querySelector('.symbol')?.textContent === 'OGDC');
    expect(ogdc.every((el) => !el.classList.contains('alerted'))).toBe(true);

    // Still marked just before the end of the highlight.
    vi.advanceTimersByTime(HIGHLIGHT_MS - 2_000);
    expect(Date.now()).toBe(AT + HIGHLIGHT_MS - 1_000);
    expect(hubcItems().every((el) => el.classList.contains('alerted'))).toBe(true);

    // Past its end: the bar's own timer redraws it, no update() called. (The clock and the
    // timers move together here; setSystemTime alone would move the clock and fire nothing.)
    const update = vi.spyOn(bar, 'update');
    vi.advanceTimersByTime(1_100);
    expect(Date.now()).toBe(AT + HIGHLIGHT_MS + 100);
    expect(update).not.toHaveBeenCalled();
    const after = hubcItems();
    expect(after.length).toBeGreaterThan(0);
    for (const el of after) {
      expect(el.classList.contains('alerted')).toBe(false);
      expect(el.textContent).toMatch(/^HUBC 206\.10 /);
    }
  });
});
