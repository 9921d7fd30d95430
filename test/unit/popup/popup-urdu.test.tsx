// @vitest-environment happy-dom
/**
 * The popup in Urdu (issue 13): header, tabs, the Market view, the breadth strip, notices and
 * footer from the catalogue, the page right to left, while symbols and prices keep their
 * Latin form and left-to-right order; a change of language in prefs redraws the open popup;
 * "auto" follows the browser's UI language.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { feedsNotice, marketNotice } from '../../../src/popup/notices';
import { setDisplay } from '../../../src/shared/i18n/display';
import { marketBreadth } from '../../../src/shared/market/breadth';
import { boardItem, marketItem } from '../../../src/shared/market-store';
import type { ErrorKind } from '../../../src/shared/model';
import { emptySnapshot, type Quote, type Snapshot } from '../../../src/shared/model';
import type { Presentation } from '../../../src/shared/presentation';
import type { LanguageChoice } from '../../../src/shared/settings';
import { updateSettings } from '../../../src/shared/settings-items';
import { i18nControl } from '../fake-i18n';
import { fixtureBoard, READ_AT } from '../market/board-fixture';
import { storeSnapshot } from '../support/store';

const FSI = '\u2068';
const PDI = '\u2069';
/** What the translator inserts in Urdu around each value: the value isolated. */
const iso = (value: string): string => `${FSI}${value}${PDI}`;

const quote = (symbol: string, price: number, change: number, changePercent: number): Quote => ({
  symbol, price, change, changePercent, previousClose: price - change, open: null, high: null, low: null, volume: 1000, readAt: Date.now(),
});

function snapshot(): Snapshot {
  const at = Date.now();
  return {
    ...emptySnapshot(),
    quotes: { HUBC: quote('HUBC', 113.23, 6.23, 5.82), OGDC: quote('OGDC', 320.29, -3.49, -1.0778) },
    indices: { KSE100: { code: 'KSE100', value: 55391.27, change: 120.5, changePercent: 0.22, staleDate: null } },
    market: { phase: 'open', label: 'Open' },
    marketReadAt: at,
    marketAsOf: at,
    updatedAt: at,
  };
}

async function open(language: LanguageChoice, tab: 'watchlist' | 'market' = 'watchlist'): Promise<void> {
  await updateSettings((s) => ({ ...s, language, watchlist: ['HUBC', 'OGDC', 'SEARL'], popupTab: tab }));
  await storeSnapshot(snapshot());
  await marketItem.update((m) => ({ ...m, breadth: marketBreadth(fixtureBoard(), READ_AT)! }));
  await boardItem.update(() => ({ quotes: fixtureBoard(), readAt: READ_AT }));
  render(<App />);
  await screen.findByRole('tablist');
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const seen = (el: Element | null | undefined): string => [...(el?.querySelectorAll('[aria-hidden="true"]') ?? [])].map((e) => text(e)).join(' ');

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
  document.documentElement.removeAttribute('dir');
  document.documentElement.lang = 'en';
});

describe('the popup in Urdu (prefs language "ur")', () => {
  it('names the header, tabs and footer in Urdu, right to left, with symbols and prices as they are', async () => {
    await open('ur');
    await vi.waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ur-PK');
    expect(document.title).toBe('PSX مارکیٹ');
    expect(screen.getByRole('button', { name: 'تازہ کریں' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ترتیبات' })).toBeTruthy();
    // "as of 11:42" is "11:42 کے مطابق": the time after the word's place in Urdu, isolated in a <bdi>.
    const asOf = document.querySelector('.header__asof')!;
    expect(asOf.firstElementChild?.tagName).toBe('BDI');
    expect(asOf.querySelector('bdi > time')?.textContent).toMatch(/^\d\d:\d\d$/);
    expect(text(asOf)).toMatch(/^\d\d:\d\d کے مطابق$/);
    const tablist = screen.getByRole('tablist', { name: 'پاپ اپ کا منظر' });
    expect(within(tablist).getAllByRole('tab').map((t) => t.textContent)).toEqual(['واچ لسٹ', 'مارکیٹ']);
    expect(screen.getByRole('list', { name: 'انڈیکس' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'پرائیویسی موڈ' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'صفحات پر ٹکر بار دکھائیں' })).toBeTruthy();
    // Codes and figures unchanged, Latin digits by default.
    expect(screen.getByText('KSE-100')).toBeTruthy();
    expect(screen.getByText('55,391.27')).toBeTruthy();
    const hubc = document.querySelector('li.quote[data-symbol="HUBC"]');
    expect(hubc?.textContent).toContain('HUBC');
    expect(hubc?.textContent).toContain('113.23');
    // No English word of this area left on screen.
    for (const english of ['Refresh', 'Watchlist', 'Market', 'Privacy mode', 'Show ticker bar on pages']) {
      expect(screen.queryByText(english)).toBeNull();
    }
  });

  it('says the breadth in Urdu: the figures as they are, compact volume in Urdu words, the spoken sentence in Urdu', async () => {
    await open('ur');
    const strip = await screen.findByRole('region', { name: 'مارکیٹ کی وسعت' });
    // The fixture: 20 up, 12 down, 3 unchanged, 253,288,641 shares, 1 without a volume.
    expect(seen(strip.querySelector('.breadth__figures'))).toBe(`▲ 20 ▼ 12 ■ 3 · حجم ${iso('25.3 کروڑ')}`);
    for (const count of strip.querySelectorAll('.breadth__count')) expect(count.getAttribute('dir')).toBe('ltr');
    expect(text(strip.querySelector('.sr-only'))).toBe(
      `${iso('20')} میں اضافہ، ${iso('12')} میں کمی، ${iso('3')} میں کوئی تبدیلی نہیں؛ حجم ${iso('253,288,641')} حصص؛ حجم کے بغیر ${iso('1')} سمبل شمار نہیں کیا گیا`,
    );
  });

  it('shows the Market view in Urdu, each mover\'s symbol, price and change left to right as in English', async () => {
    await open('ur', 'market');
    const sections = await vi.waitFor(() => {
      const found = [...document.querySelectorAll('.market section h2')];
      expect(found).toHaveLength(3);
      return found;
    });
    expect(sections.map((h) => h.textContent)).toEqual(['سب سے زیادہ بڑھنے والے', 'سب سے زیادہ گرنے والے', 'سب سے زیادہ کاروبار']);
    const fnel = document.querySelector('section[data-list="gainers"] li.mover[data-symbol="FNEL"]')!;
    expect(fnel.querySelector('.mover__symbol')?.getAttribute('dir')).toBe('ltr');
    expect(text(fnel.querySelector('.mover__symbol'))).toBe('FNEL');
    expect(text(fnel.querySelector('.mover__price'))).toBe('9.50');
    expect(fnel.querySelector('.mover__change')?.getAttribute('dir')).toBe('ltr');
    expect(seen(fnel.querySelector('.mover__change'))).toBe('▲ +1.00 (+11.76%)');
    expect(screen.getAllByRole('button', { name: `${iso('FNEL')} کو واچ لسٹ میں شامل کریں` }).length).toBeGreaterThan(0);
    expect(text(document.querySelector('li.mover[data-symbol="SEARL"] button'))).toBe(`واچ لسٹ میں: ${iso('SEARL')}`);
  });

  it('asks for access in Urdu, the host names kept as they are', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    await open('ur');
    const allow = await screen.findByRole('button', { name: 'اجازت دیں' });
    expect(allow.closest('.notice--access')?.textContent).toContain(`اس ایکسٹینشن کو ${iso('dps.psx.com.pk')}، ${iso('brecorder.com')} اور ${iso('psxterminal.com')} پڑھنے کی اجازت دیں۔`);
  });
});

describe('a change of language while the popup is open', () => {
  it('redraws in the new language, and back, without a reload', async () => {
    await open('en');
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeTruthy();
    await vi.waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    const root = document.body.firstElementChild;
    await updateSettings((s) => ({ ...s, language: 'ur' }));
    expect(await screen.findByRole('button', { name: 'تازہ کریں' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'مارکیٹ' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.title).toBe('PSX مارکیٹ');
    // The same render: the page was not loaded again.
    expect(document.body.firstElementChild).toBe(root);
    expect(screen.getByText('113.23')).toBeTruthy();
    await updateSettings((s) => ({ ...s, language: 'en' }));
    expect(await screen.findByRole('button', { name: 'Refresh' })).toBeTruthy();
    expect(screen.getByRole('tablist', { name: 'Popup view' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.title).toBe('PSX market');
  });
});

describe('"auto" follows the browser', () => {
  it('is Urdu when the browser speaks Urdu', async () => {
    i18nControl.setUILanguage('ur');
    await open('auto');
    expect(await screen.findByRole('button', { name: 'تازہ کریں' })).toBeTruthy();
    expect(screen.getByRole('tablist', { name: 'پاپ اپ کا منظر' })).toBeTruthy();
    await vi.waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
  });

  it('is English otherwise', async () => {
    await open('auto');
    expect(await screen.findByRole('button', { name: 'Refresh' })).toBeTruthy();
    await vi.waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
  });
});

describe('the notices in Urdu', () => {
  const FEEDS = [
    { id: 'world', title: 'World' },
    { id: 'latest-news', title: 'Latest news' },
  ];
  const withFeeds = (kinds: Record<string, ErrorKind>): Presentation =>
    ({ feeds: { loading: false, failing: Object.keys(kinds), showingFrom: null, kinds } }) as unknown as Presentation;

  it('says the portal failure and the loading in Urdu, the built-in feeds by their Urdu names, isolated', () => {
    setDisplay({ lang: 'ur', digits: 'latn' });
    expect(marketNotice(null, 0, 'local')?.text).toBe('مارکیٹ ڈیٹا لوڈ ہو رہا ہے…');
    const facts = { notice: { kind: 'unreachable', reason: 'offline', since: null, showingFrom: null } } as unknown as Presentation;
    expect(marketNotice(facts, 0, 'local')?.text).toBe(`${iso('آپ آف لائن معلوم ہوتے ہیں')}، ${iso('کچھ دیر')} سے — ${iso('ابھی کوئی قیمت نہیں')}۔`);
    expect(feedsNotice(withFeeds({ world: 'parse' }), FEEDS, 0, 'local')?.text).toBe(iso(`${iso('“' + iso('دنیا') + '”')} فیڈ پڑھی نہ جا سکی`) + '۔');
    expect(feedsNotice(withFeeds({ world: 'timeout', 'latest-news': 'server' }), FEEDS, 0, 'local')?.text).toBe(
      iso(`${iso(`“${iso('دنیا')}”، “${iso('تازہ ترین خبریں')}”`)} فیڈز تک رسائی نہیں`) + '۔',
    );
  });
});
