// @vitest-environment happy-dom
/**
 * The bar in Urdu (issue 13): its host and its shadow tree are right to left with an Urdu
 * `lang`, its buttons and tags are named in Urdu, each quote stays `HUBC 202.71 ▲ 0.84 (0.42%)`
 * left to right inside, the marquee runs the other way, and a change of language while the
 * page is open redraws the bar in place. The shadow root is closed: the test keeps the
 * reference attachShadow returns.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { marketState } from '../../../src/background/publish';
import { chipText } from '../../../src/content/ticker/items';
import { mountBar, type Bar } from '../../../src/content/ticker/mount';
import { BAR_CSS } from '../../../src/content/ticker/styles';
import type { AlertsState } from '../../../src/shared/alerts/rules';
import { setDisplay } from '../../../src/shared/i18n/display';
import { emptySnapshot, type Story } from '../../../src/shared/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { i18nControl } from '../fake-i18n';

// Wednesday 14 Oct 2026, 11:43 PKT.
const AT = Date.UTC(2026, 9, 14, 6, 43);
const HUBC = { symbol: 'HUBC', price: 202.71, change: 0.84, changePercent: 0.42, previousClose: 201.87, open: 202.05, high: 203.1, low: 201.1, volume: 1_445_702, readAt: AT };
const OGDC = { ...HUBC, symbol: 'OGDC', price: 320.29, change: -1.5, changePercent: -0.47 };
const english: Settings = { ...DEFAULT_SETTINGS, indices: [], watchlist: ['HUBC', 'OGDC'], feeds: [{ id: 'f', url: 'https://feeds.example/rss', name: 'feeds.example', title: 'Example' }], timeZone: 'Asia/Karachi' };
const urdu: Settings = { ...english, language: 'ur' };
const stories: Story[] = [
  { id: 's1', feedId: 'f', source: 'feeds.example', title: 'اسٹاک مارکیٹ میں تیزی', link: 'https://feeds.example/1', publishedAt: AT - 60_000 },
  { id: 's2', feedId: 'f', source: 'feeds.example', title: 'Rupee steady against the dollar', link: 'https://feeds.example/2', publishedAt: AT - 120_000 },
];
const firedHubc: AlertsState = {
  rules: [],
  fired: [{ id: 'f1', ruleId: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 202, value: 202.71, price: 202.71, at: AT, seen: false }],
};
const data = (settings: Settings, alerts?: AlertsState) => ({
  market: marketState({ ...emptySnapshot(), quotes: { HUBC, OGDC }, marketAsOf: AT - 60_000 }, settings, AT, alerts),
  stories,
});

let root: ShadowRoot | null = null;
let bar: Bar | null = null;
const actions = () => ({ hideOnSite: vi.fn(), hideEverywhere: vi.fn() });
const host = (): HTMLElement => document.querySelector('psx-ticker-bar')!;
const inner = (): HTMLElement => root!.querySelector<HTMLElement>('.bar')!;
const buttons = (): string[] => [...root!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent ?? '');
const quotes = (): HTMLElement[] => [...root!.querySelectorAll<HTMLElement>('.item.quote')];
const storyNodes = (): HTMLElement[] => [...root!.querySelectorAll<HTMLElement>('.item.story')];
const chip = (): string => root!.querySelector('.chip')!.textContent ?? '';

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

describe('the bar in Urdu', () => {
  it('is right to left with an Urdu lang, on the host and inside, and names its buttons in Urdu', () => {
    bar = mountBar(data(urdu), urdu, actions());
    for (const node of [host(), inner()]) {
      expect(node.getAttribute('dir')).toBe('rtl');
      expect(node.getAttribute('lang')).toBe('ur-PK');
    }
    expect(inner().getAttribute('aria-label')).toBe('PSX مارکیٹ ٹکر');
    expect(buttons()).toEqual(['اس سائٹ پر چھپائیں', 'ہر جگہ چھپائیں', 'ٹکر بار بند کریں']);
    // No English word is left for a screen reader to say.
    expect(buttons().join(' ')).not.toMatch(/[A-Za-z]/);
  });

  it('keeps each quote left to right inside, in the same order as in English', () => {
    bar = mountBar(data(urdu), urdu, actions());
    const hubc = quotes().filter((el) => el.querySelector('.symbol')?.textContent === 'HUBC');
    expect(hubc.length).toBeGreaterThan(0);
    for (const el of hubc) {
      expect(el.getAttribute('dir')).toBe('ltr');
      expect(el.textContent).toBe('HUBC 202.71 ▲ 0.84 (0.42%)');
    }
    const ogdc = quotes().find((el) => el.querySelector('.symbol')?.textContent === 'OGDC');
    expect(ogdc?.textContent).toBe('OGDC 320.29 ▼ 1.50 (0.47%)');
    expect(ogdc?.querySelector('.down')?.textContent).toBe('▼ 1.50 (0.47%)');
  });

  it('tags a fired alert in Urdu, before the symbol, with the quote still intact', () => {
    bar = mountBar(data(urdu, firedHubc), urdu, actions());
    const marked = quotes().filter((el) => el.classList.contains('alerted'));
    expect(marked.length).toBeGreaterThan(0);
    for (const el of marked) {
      expect(el.querySelector('.alert-word')?.textContent).toBe('الرٹ');
      expect(el.textContent).toBe('الرٹ HUBC 202.71 ▲ 0.84 (0.42%)');
    }
  });

  it('says the market state and the time of the figures in Urdu on its chip, the time isolated', () => {
    bar = mountBar(data(urdu), urdu, actions());
    expect(chip()).toBe('\u2068کھلی\u2069 · \u206811:42 PKT\u2069');
    const stale = { ...data(urdu).market.presentation!, stale: true };
    setDisplay({ lang: 'ur', digits: 'latn' });
    expect(chipText(stale, urdu, AT)).toBe('\u2068کھلی\u2069 · \u206811:42 PKT\u2069 · تازہ نہیں');
    expect(chipText({ ...stale, asOf: null }, urdu, AT)).toBe('\u2068کھلی\u2069 · تازہ نہیں');
    expect(chipText(null, urdu, AT)).toBe('مارکیٹ');
  });

  it('marks Urdu headlines as Urdu (for their font) and English ones as English in the Urdu bar', () => {
    bar = mountBar(data(urdu), urdu, actions());
    const byTitle = (title: string) => storyNodes().filter((el) => el.textContent === title);
    expect(byTitle('اسٹاک مارکیٹ میں تیزی').every((el) => el.lang === 'ur')).toBe(true);
    expect(byTitle('Rupee steady against the dollar').every((el) => el.lang === 'en')).toBe(true);
    expect(byTitle('Rupee steady against the dollar').length).toBeGreaterThan(0);
  });

  it('follows the browser when the choice is "auto"', () => {
    i18nControl.setUILanguage('ur-PK');
    const auto = { ...english, language: 'auto' as const };
    bar = mountBar(data(auto), auto, actions());
    expect(host().getAttribute('dir')).toBe('rtl');
    expect(buttons()).toContain('ہر جگہ چھپائیں');
  });

  it('writes figures in Urdu digits when asked, the symbol code still Latin', () => {
    const digits = { ...urdu, digits: 'arabext' as const };
    bar = mountBar(data(digits), digits, actions());
    const hubc = quotes().find((el) => el.querySelector('.symbol')?.textContent === 'HUBC');
    expect(hubc?.textContent).toBe('HUBC ۲۰۲٫۷۱ ▲ ۰٫۸۴ (۰٫۴۲%)');
  });

  it('switches language while the page is open, without a reload, and back', () => {
    bar = mountBar(data(english), english, actions());
    expect(host().getAttribute('dir')).toBe('ltr');
    expect(host().getAttribute('lang')).toBe('en');
    expect(buttons()).toEqual(['Hide on this site', 'Hide everywhere', 'Close the ticker bar']);
    const before = host();

    bar.update(data(urdu), urdu);
    expect(host()).toBe(before);
    expect(host().getAttribute('dir')).toBe('rtl');
    expect(inner().getAttribute('dir')).toBe('rtl');
    expect(buttons()).toEqual(['اس سائٹ پر چھپائیں', 'ہر جگہ چھپائیں', 'ٹکر بار بند کریں']);
    expect(chip()).toMatch(/^\u2068کھلی\u2069 · /);

    bar.update(data(english), english);
    expect(host().getAttribute('dir')).toBe('ltr');
    expect(buttons()).toEqual(['Hide on this site', 'Hide everywhere', 'Close the ticker bar']);
    expect(chip()).toBe('Open · 11:42 PKT');
    expect(quotes().every((el) => !/[\u0600-\u06FF]/.test(el.textContent ?? ''))).toBe(true);
  });
});

describe('the bar’s styles', () => {
  it('scroll the other way, left to right, in a right-to-left bar', () => {
    expect(BAR_CSS).toMatch(/\.bar\[dir="rtl"\] \.track \{ animation-name: psx-scroll-rtl; \}/);
    expect(BAR_CSS).toMatch(/@keyframes psx-scroll-rtl \{ from \{ transform: translateX\(0\); \} to \{ transform: translateX\(50%\); \} \}/);
  });

  it('use logical sides only, and the Urdu font stack for Urdu text', () => {
    expect(BAR_CSS).not.toMatch(/(^|[\s;{-])(left|right)\s*:/);
    expect(BAR_CSS).toMatch(/\.story:lang\(ur\)[^{]*\{ font-family: "Noto Nastaliq Urdu"/);
  });
});

describe('the content script when the language changes', () => {
  it('redraws the open bar in the new language when the setting changes, and follows it back', async () => {
    vi.useRealTimers();
    const { updateSettings } = await import('../../../src/shared/settings-items');
    await updateSettings((s) => ({ ...s, showBar: true, language: 'en' }));
    (globalThis as { psxTickerBarStarted?: boolean }).psxTickerBarStarted = undefined;
    await import('../../../src/content/ticker/bar.iife');
    await vi.waitFor(() => expect(document.querySelector('psx-ticker-bar')?.getAttribute('dir')).toBe('ltr'));
    expect(buttons()).toContain('Hide everywhere');

    await updateSettings((s) => ({ ...s, language: 'ur' }));
    await vi.waitFor(() => expect(document.querySelector('psx-ticker-bar')?.getAttribute('dir')).toBe('rtl'));
    expect(document.querySelectorAll('psx-ticker-bar')).toHaveLength(1);
    expect(document.querySelector('psx-ticker-bar')?.getAttribute('lang')).toBe('ur-PK');
    expect(buttons()).toContain('ہر جگہ چھپائیں');

    await updateSettings((s) => ({ ...s, language: 'auto' }));
    await vi.waitFor(() => expect(document.querySelector('psx-ticker-bar')?.getAttribute('dir')).toBe('ltr'));
    expect(buttons()).toContain('Hide everywhere');
    await updateSettings((s) => ({ ...s, showBar: false }));
    await vi.waitFor(() => expect(document.querySelector('psx-ticker-bar')).toBeNull());
  });
});
