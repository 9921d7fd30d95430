/**
 * The background in Urdu (issue 13): the worker has no page, so each piece of text it makes
 * (a fired alert's notification, the toolbar button's tooltip, an error sentence replied to the
 * options page) is made in the language the settings and the browser say at that moment, with
 * codes, prices and times left to right inside the Urdu sentence (Unicode isolates).
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badgeView } from '../../../src/background/badge-text';
import { handleMessage } from '../../../src/background/messages';
import { refresh } from '../../../src/background/refresh';
import { notificationText } from '../../../src/shared/alerts/describe';
import { addRule, alertsItem } from '../../../src/shared/alerts/store';
import { LATEST_NEWS_FEED, WORLD_FEED } from '../../../src/shared/feeds';
import type { Holdings } from '../../../src/shared/holdings/model';
import { setDisplay } from '../../../src/shared/i18n/display';
import type { MarketState } from '../../../src/shared/market-store';
import { emptySnapshot, type Quote, type Snapshot } from '../../../src/shared/model';
import { present } from '../../../src/shared/presentation';
import { BADGE_PORTFOLIO } from '../../../src/shared/settings';
import { updateSettings } from '../../../src/shared/settings-items';
import { HOME_URL, MARKET_WATCH_URL } from '../../../src/sources/psx/portal';
import { SYMBOLS_URL } from '../../../src/sources/psx/symbols';
import { withPrice } from '../../shared/market-watch-variant';
import { fakeFetch } from '../fake-fetch';
import { i18nControl } from '../fake-i18n';
import { notificationsControl } from '../fake-notifications';
import { readFixture } from '../fixtures';

const FSI = '\u2068';
const PDI = '\u2069';
const iso = (s: string): string => `${FSI}${s}${PDI}`;
/** English words left in a text: codes (HUBC, KSE100, PSX, PKT) are capitals and stay; so do these names. */
const englishWords = (s: string): string[] => (s.match(/[A-Za-z][A-Za-z0-9]+/g) ?? []).filter((w) => /[a-z]/.test(w) && !['Atom', 'http', 'https'].includes(w));

/** Wednesday 14 October 2026, 11:42 PKT: the market is open. */
const T0 = Date.UTC(2026, 9, 14, 6, 42);
const MIN = 60_000;
const watch = readFixture('psx/market-watch.html');
const portalWith = (price: number) =>
  fakeFetch({
    [HOME_URL]: [{ body: readFixture('psx/home.html') }],
    [MARKET_WATCH_URL]: [{ body: withPrice(watch, 'HUBC', price) }],
    [WORLD_FEED.url]: [{ body: readFixture('feeds/world.xml') }],
    [LATEST_NEWS_FEED.url]: [{ body: readFixture('feeds/latest-news.xml') }],
    [SYMBOLS_URL]: [{ body: readFixture('psx/symbols.json') }],
  });
const tick = (at: number, price: number, reason: 'install' | 'alarm' = 'alarm') => refresh(reason, { fetchImpl: portalWith(price).fetch, now: () => at, random: () => 0.5 });

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a fired alert, in Urdu', () => {
  async function fireHubc(): Promise<{ title: string; message: string }> {
    expect(await fakeBrowser.permissions.request({ permissions: ['notifications'] })).toBe(true);
    await addRule({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 205, rearm: 'manual' }, null, T0 - MIN);
    await tick(T0, 202.71, 'install');
    await tick(T0 + MIN, 206.1);
    expect(notificationsControl.created).toHaveLength(1);
    return notificationsControl.created[0]!.options;
  }

  it('is notified in Urdu when the user chose Urdu: symbol, condition, price and time, each kept left to right', async () => {
    await updateSettings((s) => ({ ...s, language: 'ur' }));
    const { title, message } = await fireHubc();
    expect(title.startsWith(`${iso('HUBC')}: `)).toBe(true);
    expect(title).toContain(iso('205.00'));
    expect(message.startsWith(`${iso('HUBC')} کی قیمت ${iso('206.10')}`)).toBe(true);
    // The time in Urdu (month name), in the browser's zone (UTC here): 06:43.
    expect(message).toContain('06:43');
    expect(message).toContain('اکتوبر');
    for (const text of [title, message]) {
      expect(text).toMatch(/[\u0600-\u06FF]/);
      expect(englishWords(text)).toEqual([]);
    }
    // What the shared sentences say in Urdu for this alert, as the popup would write it.
    setDisplay({ lang: 'ur', digits: 'latn' });
    const fired = (await alertsItem.get()).fired[0]!;
    expect({ title, message }).toEqual(notificationText(fired, 'local'));
  });

  it('follows the browser in Urdu when the choice is "auto"', async () => {
    i18nControl.setUILanguage('ur-PK');
    const { title } = await fireHubc();
    expect(title).toMatch(/[\u0600-\u06FF]/);
    expect(englishWords(title)).toEqual([]);
  });

  it('is written in the language the settings say when it fires, whatever the worker last spoke', async () => {
    await updateSettings((s) => ({ ...s, language: 'ur' }));
    await fakeBrowser.permissions.request({ permissions: ['notifications'] });
    await addRule({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 205, rearm: 'manual' }, null, T0 - MIN);
    await tick(T0, 202.71, 'install');
    // The worker's display left in English by something else (a reply, an older state).
    setDisplay({ lang: 'en', digits: 'latn' });
    await tick(T0 + MIN, 206.1);
    expect(notificationsControl.created[0]?.options.title).toMatch(/^\u2068HUBC\u2069: \u2068[\u0600-\u06FF]/);

    // And English once the user chose English, though the worker last spoke Urdu.
    await updateSettings((s) => ({ ...s, language: 'en' }));
    await alertsItem.update((state) => ({ ...state, rules: [], fired: [] }));
    await addRule({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 207, rearm: 'manual' }, null, T0 + MIN);
    await tick(T0 + 2 * MIN, 206.2);
    setDisplay({ lang: 'ur', digits: 'latn' });
    await tick(T0 + 3 * MIN, 207.5);
    expect(notificationsControl.created).toHaveLength(2);
    expect(notificationsControl.created[1]?.options).toMatchObject({ title: 'HUBC: price rises to or above 207.00', message: 'HUBC price 207.50 at 14 Oct, 06:45' });
  });
});

describe('the toolbar button’s tooltip, in Urdu', () => {
  const AS_OF = Date.UTC(2026, 9, 14, 6, 41); // Wed 11:41 PKT
  const NOW = Date.UTC(2026, 9, 14, 7, 5);
  const quote = (symbol: string, price: number, change: number, changePercent: number): Quote => ({ symbol, price, change, changePercent, previousClose: price - change, open: null, high: null, low: null, volume: null });
  function state({ stale = false, unseen = 0, quotes = {} as Record<string, Quote> } = {}): MarketState {
    const snapshot: Snapshot = {
      ...emptySnapshot(),
      quotes,
      indices: { KSE100: { code: 'KSE100', value: 171100.1, change: -519.5, changePercent: -0.3036, staleDate: null }, KSE30: { code: 'KSE30', value: 52000.5, change: 98.6, changePercent: 0.19, staleDate: null } },
      marketAsOf: AS_OF,
    };
    const presentation = { ...present({ snapshot, feedIds: [], quotesPeriodSec: 60, now: NOW }), trading: true, stale };
    const { stories: _s, ...rest } = snapshot;
    return { ...rest, presentation: { ...presentation, alerts: { ...(presentation.alerts ?? { highlight: {} }), unseen } } as MarketState['presentation'] };
  }

  it('names the market, lists the indices left to right and says the time of the figures in Urdu', () => {
    setDisplay({ lang: 'ur', digits: 'latn' });
    expect(badgeView(state(), 'KSE100', ['KSE100', 'KSE30'], 'Asia/Karachi', NOW).title).toBe(
      ['PSX مارکیٹ', 'KSE100 171,100.10 (-0.30%)', 'KSE30 52,000.50 (+0.19%)', `${iso('11:41 PKT')} کے مطابق`].join('\n'),
    );
    expect(badgeView(state({ stale: true }), 'KSE100', ['KSE100'], 'Asia/Karachi', NOW).title.split('\n').at(-1)).toBe(`${iso('11:41 PKT')} کے مطابق (تازہ نہیں)`);
  });

  it('counts fired alerts in Urdu, one and many', () => {
    setDisplay({ lang: 'ur', digits: 'latn' });
    expect(badgeView(state({ unseen: 1 }), 'KSE100', ['KSE100'], 'Asia/Karachi', NOW, true).title.split('\n')[0]).toBe(`قیمت کا ${iso('1')} الرٹ آیا ہے: دیکھنے کے لیے کھولیں`);
    const many = badgeView(state({ unseen: 3 }), 'KSE100', ['KSE100'], 'Asia/Karachi', NOW, true);
    expect(many.text).toBe('3!');
    expect(many.title.split('\n').slice(0, 2)).toEqual([`قیمت کے ${iso('3')} الرٹ آئے ہیں: دیکھنے کے لیے کھولیں`, 'PSX مارکیٹ']);
  });

  it('says the portfolio’s day in Urdu', () => {
    setDisplay({ lang: 'ur', digits: 'latn' });
    const quotes = { HUBC: quote('HUBC', 113.23, 6.23, 5.82) };
    const holdings: Holdings = { HUBC: { quantity: 500, averagePrice: 98.1234 }, OGDC: { quantity: 1000, averagePrice: 330 } };
    const title = badgeView(state({ quotes }), BADGE_PORTFOLIO, ['KSE100'], 'Asia/Karachi', NOW, false, holdings).title;
    expect(title.split('\n')[1]).toBe(`پورٹ فولیو، دن کی تبدیلی ${iso('+5.82%')}، قیمت کے بغیر ${iso('1')} ہولڈنگ شامل نہیں`);
    expect(badgeView(state({ quotes }), BADGE_PORTFOLIO, ['KSE100'], 'Asia/Karachi', NOW, false, undefined).title.split('\n')[1]).toBe('پورٹ فولیو: ہولڈنگز پڑھی نہیں جا سکیں');
  });

  it('writes its figures in Urdu digits when asked, the codes still Latin', () => {
    setDisplay({ lang: 'ur', digits: 'arabext' });
    expect(badgeView(state(), 'KSE100', ['KSE100'], 'Asia/Karachi', NOW).title.split('\n')[1]).toBe('KSE100 ۱۷۱٬۱۰۰٫۱۰ (-۰٫۳۰%)');
  });

  it('is painted in Urdu by the refresh cycle when the user chose Urdu, and in English again after', async () => {
    await updateSettings((s) => ({ ...s, language: 'ur' }));
    await addRule({ subject: 'HUBC', index: false, kind: 'price-below', threshold: 200, rearm: 'manual' }, null, T0 - MIN);
    await tick(T0, 202.71, 'install');
    await tick(T0 + MIN, 199.5);
    const title = await fakeBrowser.action.getTitle({});
    expect(title.split('\n').slice(0, 2)).toEqual([`قیمت کا ${iso('1')} الرٹ آیا ہے: دیکھنے کے لیے کھولیں`, 'PSX مارکیٹ']);
    expect(title).toMatch(/ کے مطابق$/);
    expect(englishWords(title)).toEqual([]);

    await updateSettings((s) => ({ ...s, language: 'en' }));
    await tick(T0 + 2 * MIN, 199.4);
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^1 price alert has fired: open to see\nPSX market\n/);
  });
});

describe('error sentences replied to the options page, in Urdu', () => {
  const self = (): Runtime.MessageSender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/src/options/index.html') });
  const check = (url: string) => handleMessage({ type: 'checkFeed', payload: { url } }, self());

  it.each([
    ['a non-http address', 'javascript:alert(1)', undefined, 'فیڈ کا پتا صرف http یا https ہو سکتا ہے۔'],
    ['an HTML page', 'https://e.example/rss', new Response('<!doctype html><html><body>Hello</body></html>'), 'اس پتے پر کوئی RSS یا Atom فیڈ نہیں ملی۔'],
    ['a 404', 'https://e.example/rss', new Response('gone', { status: 404 }), `فیڈ حاصل نہیں کی جا سکی (${iso('HTTP 404')})۔`],
  ])('%s', async (_name, url, response, error) => {
    await updateSettings((s) => ({ ...s, language: 'ur' }));
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(response)));
    await expect(check(url)).resolves.toEqual({ ok: false, error });
  });

  it('in English again once the user chose English', async () => {
    await updateSettings((s) => ({ ...s, language: 'ur' }));
    await expect(check('ftp://e.example/')).resolves.toMatchObject({ error: expect.stringMatching(/^فیڈ/) });
    await updateSettings((s) => ({ ...s, language: 'en' }));
    await expect(check('ftp://e.example/')).resolves.toEqual({ ok: false, error: 'Only http and https addresses can be feeds.' });
  });
});
