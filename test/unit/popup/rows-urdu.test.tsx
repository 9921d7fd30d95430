// @vitest-environment happy-dom
/**
 * Issue 13: the watchlist rows in Urdu. Labels, button names, marks, the forms under the rows
 * and the Shariah filter speak Urdu; symbol codes and figures keep their left-to-right order in
 * their own `dir="ltr"` elements (and inside sentences, in Unicode isolates); a change of
 * language while the popup is open re-renders the rows without a reload.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { Watchlist } from '../../../src/popup/components/Watchlist';
import { setDisplay } from '../../../src/shared/i18n/display';
import { emptySnapshot, type Quote } from '../../../src/shared/model';
import { updateSettings } from '../../../src/shared/settings-items';
import { storeSnapshot } from '../support/store';
import { i18nControl } from '../fake-i18n';

/** A value inside an Urdu sentence, as the translator isolates it. */
const iso = (value: string): string => `\u2068${value}\u2069`;
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const at = Date.now();
const QUOTES: Record<string, Quote> = {
  HUBC: { symbol: 'HUBC', price: 113.23, change: 6.23, changePercent: 5.82, previousClose: 107, open: null, high: null, low: null, volume: 1_234_567, readAt: at, shariah: true },
  KEL: { symbol: 'KEL', price: 6.12, change: -0.1, changePercent: -1.61, previousClose: 6.22, open: null, high: null, low: null, volume: 1000, readAt: at, entitlements: ['XD'] },
  OGDC: { symbol: 'OGDC', price: 320.29, change: -3.49, changePercent: -1.08, previousClose: 323.78, open: null, high: null, low: null, volume: null, readAt: at },
};

async function open(watchlist: string[], extra: { shariahOnly?: boolean } = {}): Promise<void> {
  await updateSettings((s) => ({ ...s, watchlist, language: 'ur', ...extra }));
  await storeSnapshot({ ...emptySnapshot(), quotes: QUOTES, market: { phase: 'open', label: 'Open' }, marketReadAt: at, marketAsOf: at, updatedAt: at });
  render(<App />);
  await vi.waitFor(() => expect(screen.getByRole('button', { name: `${iso(watchlist[0]!)} کے حصص` })).toBeTruthy());
}

const row = (symbol: string): HTMLElement => document.querySelector(`li.quote[data-symbol="${symbol}"]`) as HTMLElement;
const named = (name: string): HTMLButtonElement => screen.getByRole('button', { name }) as HTMLButtonElement;

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('the rows in Urdu', () => {
  it('name each row and its buttons in Urdu, right to left, with codes and prices unchanged and left to right', async () => {
    await open(['HUBC', 'KEL', 'OGDC']);
    expect(document.documentElement.dir).toBe('rtl');
    expect(named(`${iso('HUBC')} ہٹائیں`).closest('li')).toBe(row('HUBC'));
    expect(named(`${iso('HUBC')} کے الرٹس`).getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(named(`${iso('HUBC')} کے الرٹس`).getAttribute('aria-describedby')!)?.textContent).toBe('کوئی الرٹ نہیں');
    expect(document.getElementById(named(`${iso('HUBC')} کے حصص`).getAttribute('aria-describedby')!)?.textContent).toBe('کوئی حصص نہیں');
    // The row's name: symbol, then its marks in Urdu, joined with the Urdu comma.
    expect(row('HUBC').getAttribute('aria-label')).toBe('HUBC، شریعہ کے مطابق');
    expect(row('KEL').getAttribute('aria-label')).toBe('KEL، بغیر منافع منقسمہ');
    expect(row('HUBC').getAttribute('title')).toBe(`حجم ${iso('1,234,567')}`);
    // Codes and figures: Latin, unchanged, each in a left-to-right element.
    const symbol = row('HUBC').querySelector('.quote__symbol')!;
    expect(symbol.firstChild?.textContent).toBe('HUBC');
    expect(symbol.getAttribute('dir')).toBe('ltr');
    const price = row('HUBC').querySelector('.quote__price')!;
    expect(text(price)).toBe('113.23');
    expect(price.getAttribute('dir')).toBe('ltr');
    const figures = row('HUBC').querySelector('.change [aria-hidden="true"]')!;
    expect(text(figures)).toBe('▲ 6.23 (5.82%)');
    // The whole change is left to right (so a column of them ends on its last digit), its words too.
    expect(figures.closest('.change')?.getAttribute('dir')).toBe('ltr');
    expect(text(row('OGDC').querySelector('.change [aria-hidden="true"]'))).toBe('▼ 3.49 (1.08%)');
    // The ex-dividend tag: its code, and its meaning in Urdu beside it, on screen.
    const tag = row('KEL').querySelector('.mark--ex')!;
    expect(tag.querySelector('.mark__code')?.getAttribute('dir')).toBe('ltr');
    expect(text(tag)).toBe('XD بغیر منافع منقسمہ');
    expect(text(row('HUBC').querySelector('.mark--shariah [aria-hidden="true"]'))).toBe('ش');
  });

  it('speak Urdu in the heading, the sort menu, the search box and the Shariah filter (with an Urdu plural)', async () => {
    await open(['HUBC', 'KEL', 'OGDC'], { shariahOnly: true });
    expect(text(document.getElementById('watchlist-heading'))).toMatch(/^واچ لسٹ/);
    expect(screen.getByRole('combobox', { name: 'واچ لسٹ کی ترتیب' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'میری ترتیب' })).toBeTruthy();
    const search = screen.getByRole('combobox', { name: 'علامت شامل کریں' }) as HTMLInputElement;
    expect(search.placeholder).toBe('علامت شامل کریں…');
    expect((screen.getByRole('checkbox', { name: 'صرف شریعہ (KMI)' }) as HTMLInputElement).checked).toBe(true);
    await vi.waitFor(() => expect([...document.querySelectorAll('li.quote')].map((li) => li.getAttribute('data-symbol'))).toEqual(['HUBC']));
    expect(text(document.querySelector('.watchlist__hidden'))).toBe(`${iso('2')} علامتیں شریعہ فلٹر سے چھپی ہوئی ہیں`);
  });

  it('open the holdings form in Urdu, with its validation sentences in Urdu', async () => {
    await open(['HUBC', 'OGDC']);
    fireEvent.click(named(`${iso('HUBC')} کے حصص`));
    const form = document.querySelector('form[data-holding-form="HUBC"]') as HTMLFormElement;
    expect(text(within(form).getByRole('heading'))).toBe(`${iso('HUBC')} کے حصص`);
    const quantity = within(form).getByRole('textbox', { name: 'تعداد (حصص)' }) as HTMLInputElement;
    expect(quantity.getAttribute('dir')).toBe('ltr');
    fireEvent.input(quantity, { target: { value: '10.5' } });
    fireEvent.submit(form);
    await vi.waitFor(() => expect(within(form).getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'پورے حصص درج کریں: PSX پر حصص کے کسر میں سودے نہیں ہوتے۔',
      'فی حصص ادا کی گئی اوسط قیمت روپے میں درج کریں۔',
    ]));
    fireEvent.input(quantity, { target: { value: '20000000000' } });
    fireEvent.submit(form);
    await vi.waitFor(() => expect(within(form).getAllByRole('alert')[0]?.textContent).toBe(`زیادہ سے زیادہ ${iso('10,000,000,000')} حصص درج کریں۔`));
    expect(within(form).getByRole('button', { name: 'منسوخ کریں' })).toBeTruthy();
  });

  it('open the alert form in Urdu', async () => {
    await open(['HUBC']);
    fireEvent.click(named(`${iso('HUBC')} کے الرٹس`));
    const form = document.querySelector('form[data-alert-form="HUBC"]') as HTMLFormElement;
    const box = within(form).getByRole('textbox', { name: 'قیمت (روپے)' }) as HTMLInputElement;
    expect(box.value).toBe('113.23');
    expect(box.getAttribute('dir')).toBe('ltr');
    expect(within(form).getByRole('combobox', { name: 'شرط' })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'محفوظ کریں' })).toBeTruthy();
  });

  it('follow a change of language while the popup is open, without a reload', async () => {
    await open(['HUBC', 'OGDC']);
    expect(named(`${iso('OGDC')} ہٹائیں`)).toBeTruthy();
    await updateSettings((s) => ({ ...s, language: 'en' }));
    await vi.waitFor(() => expect(named('Remove OGDC')).toBeTruthy());
    expect(document.documentElement.dir).toBe('ltr');
    expect(row('HUBC').getAttribute('aria-label')).toBe('HUBC, Shariah compliant');
    expect(screen.queryByRole('button', { name: `${iso('OGDC')} ہٹائیں` })).toBeNull();
  });

  it('follow the browser\'s Urdu when the language is left on auto', async () => {
    i18nControl.setUILanguage('ur-PK');
    await updateSettings((s) => ({ ...s, watchlist: ['HUBC'], language: 'auto' }));
    await storeSnapshot({ ...emptySnapshot(), quotes: QUOTES, market: { phase: 'open', label: 'Open' }, marketReadAt: at, marketAsOf: at, updatedAt: at });
    render(<App />);
    await vi.waitFor(() => expect(named(`${iso('HUBC')} ہٹائیں`)).toBeTruthy());
  });
});

describe('the Shariah filter over the fallback source', () => {
  const props = {
    symbols: ['HUBC', 'OGDC'],
    quotes: { HUBC: { ...QUOTES['HUBC']!, shariah: undefined }, OGDC: QUOTES['OGDC']! } as Record<string, Quote>,
    instruments: [],
    series: {},
    sort: 'user' as const,
    caption: '',
    onSort: () => {},
    onAdd: () => {},
    onRemove: () => {},
    onMove: () => {},
    onRestore: () => {},
    shariahOnly: true,
    onShariahOnly: () => {},
  };
  const shown = (): string[] => [...document.querySelectorAll('li.quote')].map((li) => li.getAttribute('data-symbol') ?? '');

  it('says the fallback has no Shariah flags and hides nothing, in English', () => {
    render(<Watchlist {...props} source="psx-terminal" />);
    expect(shown()).toEqual(['HUBC', 'OGDC']);
    expect(text(document.querySelector('.watchlist__flagless'))).toBe('Shariah flags are not available from the fallback source (PSX Terminal), so every symbol is shown.');
    expect(document.querySelector('.watchlist__flagless')?.getAttribute('role')).toBe('status');
    expect(screen.queryByText(/hidden by the Shariah filter/)).toBeNull();
  });

  it('and in Urdu', () => {
    setDisplay({ lang: 'ur', digits: 'latn' });
    render(<Watchlist {...props} source="psx-terminal" />);
    expect(shown()).toEqual(['HUBC', 'OGDC']);
    expect(text(document.querySelector('.watchlist__flagless'))).toBe('متبادل ذریعے (PSX Terminal) سے شریعہ کی نشاندہی دستیاب نہیں، اس لیے تمام علامتیں دکھائی جا رہی ہیں۔');
  });

  it('filters as before over the exchange\'s own source', () => {
    render(<Watchlist {...props} source="psx-portal" />);
    expect(shown()).toEqual([]);
    expect(document.querySelector('.watchlist__flagless')).toBeNull();
    expect(text(document.querySelector('.watchlist__hidden'))).toBe('2 symbols hidden by the Shariah filter');
  });
});
