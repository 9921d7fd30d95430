// @vitest-environment happy-dom
/**
 * The exchange's marks on watchlist rows (issue 12): circuit locks in words, ex-entitlement tags
 * (from the market watch's tag and from a suffix glued to the symbol) on the user's own symbol,
 * the Shariah (KMI) marker, and the "Shariah (KMI) only" filter kept in prefs.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { circuitBand } from '../../../src/shared/market/circuit';
import { emptySnapshot, type Quote } from '../../../src/shared/model';
import { prefsItem, readSettings, updateSettings } from '../../../src/shared/settings-items';
import { parseMarketWatchReading } from '../../../src/sources/psx/market-watch';
import { readFixture } from '../fixtures';
import { EXPECTED, fixtureBoard, READ_AT } from '../market/board-fixture';
import { storeSnapshot } from '../support/store';

async function open(quotes: Record<string, Quote>, watchlist: string[], { shariahOnly = false } = {}): Promise<void> {
  await updateSettings((s) => ({ ...s, watchlist, shariahOnly }));
  const at = Date.now();
  await storeSnapshot({ ...emptySnapshot(), quotes, market: { phase: 'open', label: 'Open' }, marketReadAt: at, marketAsOf: at, updatedAt: at });
  render(<App />);
  await vi.waitFor(() => expect(document.querySelector('li.quote')).toBeTruthy());
}

const row = (symbol: string): HTMLElement | null => document.querySelector(`li.quote[data-symbol="${symbol}"]`);
const rows = (): string[] => [...document.querySelectorAll('li.quote')].map((li) => li.getAttribute('data-symbol') ?? '');
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const at = (symbol: string, previousClose: number, price: number, extra: Partial<Quote> = {}): Quote => ({
  symbol, price, change: price - previousClose, changePercent: ((price - previousClose) / previousClose) * 100, previousClose,
  open: null, high: null, low: null, volume: 1000, readAt: Date.now(), ...extra,
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('circuit locks', () => {
  // 201.87 → limits 222.05 and 181.69 (10 %, rounded inward); 6.12 → Re 1 either way.
  const upper = circuitBand(201.87)!.upper;
  const lower = circuitBand(201.87)!.lower;
  const rupeeLower = circuitBand(6.12)!.lower;

  it('marks a symbol at its upper or lower limit in words, coloured as well, and in the row\'s name', async () => {
    expect([upper, lower, rupeeLower]).toEqual([222.05, 181.69, 5.12]);
    await open({ HUBC: at('HUBC', 201.87, upper), OGDC: at('OGDC', 201.87, lower), KEL: at('KEL', 6.12, rupeeLower) }, ['HUBC', 'OGDC', 'KEL']);
    const up = row('HUBC')?.querySelector('.mark--lock');
    expect(text(up)).toBe('Upper lock');
    expect(up?.className).toContain('mark--upper');
    expect(up?.getAttribute('title')).toContain('upper price limit');
    expect(row('HUBC')?.getAttribute('aria-label')).toBe('HUBC, upper lock');
    expect(text(row('OGDC')?.querySelector('.mark--lock'))).toBe('Lower lock');
    expect(row('OGDC')?.querySelector('.mark--lock')?.className).toContain('mark--lower');
    expect(text(row('KEL')?.querySelector('.mark--lock'))).toBe('Lower lock');
  });

  it('marks nothing one tick inside the band, without an LDCP, or without a quote', async () => {
    // One tick (Re 0.01) inside each limit: 222.04 and 181.70.
    expect([Math.round((upper - 0.01) * 100) / 100, Math.round((lower + 0.01) * 100) / 100]).toEqual([222.04, 181.7]);
    await open(
      { HUBC: at('HUBC', 201.87, Math.round((upper - 0.01) * 100) / 100), OGDC: at('OGDC', 201.87, Math.round((lower + 0.01) * 100) / 100), PSO: at('PSO', 100, 105, { previousClose: null }) },
      ['HUBC', 'OGDC', 'PSO', 'KEL'],
    );
    for (const symbol of ['HUBC', 'OGDC', 'PSO', 'KEL']) {
      expect(row(symbol)).toBeTruthy();
      expect(row(symbol)?.querySelector('.mark--lock')).toBeNull();
      expect(row(symbol)?.querySelector('.quote__marks')).toBeNull();
    }
    expect(row('HUBC')?.getAttribute('aria-label')).toBe('HUBC');
  });

  it('marks the fixture board\'s locked symbols as the generator says', async () => {
    const locked = EXPECTED.symbols.filter((s) => s.lock !== null);
    expect(locked.length).toBeGreaterThan(1);
    await open(fixtureBoard(), locked.map((s) => s.symbol));
    for (const { symbol, lock } of locked) expect(text(row(symbol)?.querySelector('.mark--lock')), symbol).toBe(lock === 'upper' ? 'Upper lock' : 'Lower lock');
  });
});

describe('entitlement markers', () => {
  it('an XD row shows "XD" with "ex-dividend" in words beside it, on screen, on the watchlist\'s own symbol', async () => {
    await open(fixtureBoard(), ['KEL', 'PPL', 'FCCL', 'HUBC']);
    expect(rows()).toEqual(['KEL', 'PPL', 'FCCL', 'HUBC']);
    const tag = row('KEL')?.querySelector('.mark--ex');
    expect(tag?.getAttribute('title')).toBe('ex-dividend');
    // The code for the eye, and its meaning beside it in words, visible (not only a title or sr-only text).
    expect(text(tag?.querySelector('[aria-hidden="true"]'))).toBe('XD');
    expect(text(tag)).toBe('XD ex-dividend');
    const words = tag?.querySelector('.mark__words');
    expect(text(words)).toBe('ex-dividend');
    expect(words?.closest('.sr-only, [aria-hidden="true"]')).toBeNull();
    expect(tag?.querySelector('.sr-only')).toBeNull();
    expect(row('KEL')?.getAttribute('aria-label')).toBe('KEL, ex-dividend');
    // The row has the quote's figures: the marked quote matched the symbol.
    expect(text(row('KEL')?.querySelector('.quote__price'))).toBe('6.12');
    expect([...(row('PPL')?.querySelectorAll('.mark--ex') ?? [])].map((t) => t.getAttribute('title'))).toEqual(['ex-dividend', 'ex-bonus']);
    expect([...(row('FCCL')?.querySelectorAll('.mark--ex .mark__words') ?? [])].map((t) => t.textContent)).toEqual(['ex-bonus', 'ex-right']);
    expect(row('HUBC')?.querySelector('.mark--ex')).toBeNull();
    expect(document.querySelector('li.quote[data-symbol="KELXD"]')).toBeNull();
  });

  it('a suffix glued to the symbol (PPLXDXB) still marks the watchlist\'s PPL', async () => {
    const known = new Set(EXPECTED.directory);
    const reading = parseMarketWatchReading(readFixture('psx/market-watch-suffixes.html'), undefined, { known: (s) => known.has(s) });
    if (!reading.ok) throw new Error(reading.error);
    const board = Object.fromEntries(reading.value.quotes.map((q) => [q.symbol, { ...q, readAt: READ_AT }]));
    expect(board['PPLXDXB']).toBeUndefined();
    await open(board, ['PPL']);
    expect([...(row('PPL')?.querySelectorAll('.mark--ex') ?? [])].map((t) => t.getAttribute('title'))).toEqual(['ex-dividend', 'ex-bonus']);
    expect(text(row('PPL')?.querySelector('.quote__price'))).toBe('186.90');
  });
});

describe('the Shariah (KMI) marker', () => {
  it('marks a KMI symbol with a small "S", named in its title and for screen readers', async () => {
    await open(fixtureBoard(), ['HUBC', 'KEL']);
    const mark = row('HUBC')?.querySelector('.mark--shariah');
    expect(mark?.getAttribute('title')).toBe('Shariah (KMI)');
    expect(text(mark?.querySelector('[aria-hidden="true"]'))).toBe('S');
    expect(text(mark?.querySelector('.sr-only'))).toBe('Shariah compliant (KMI index member)');
    expect(row('HUBC')?.getAttribute('aria-label')).toBe('HUBC, Shariah compliant');
    // KEL is not in a KMI index (the generator's answer).
    expect(EXPECTED.symbols.find((s) => s.symbol === 'KEL')?.shariah).toBe(false);
    expect(row('KEL')?.querySelector('.mark--shariah')).toBeNull();
    // The marker sits on the symbol's own line: a row grows a second line only for a lock or a tag.
    expect(row('HUBC')?.querySelector('.quote__line .mark--shariah')).toBe(mark);
    expect(row('HUBC')?.querySelector('.quote__marks')).toBeNull();
  });
});

describe('the "Shariah (KMI) only" filter', () => {
  const watchlist = ['HUBC', 'KEL', 'BAFL', 'OGDC', 'PSO'];

  it('shows only KMI symbols, hides those without data, says how many are hidden, and is kept in prefs', async () => {
    await open(fixtureBoard(), watchlist);
    expect(rows()).toEqual(watchlist);
    const filter = screen.getByRole('checkbox', { name: 'Shariah (KMI) only' }) as HTMLInputElement;
    expect(filter.checked).toBe(false);
    expect(screen.queryByText(/hidden by the Shariah filter/)).toBeNull();
    fireEvent.click(filter);
    // HUBC and OGDC are KMI; KEL and BAFL are not; PSO has no quote at all.
    await vi.waitFor(() => expect(rows()).toEqual(['HUBC', 'OGDC']));
    expect(text(document.querySelector('.watchlist__hidden'))).toBe('3 symbols hidden by the Shariah filter');
    expect(document.querySelector('.watchlist__hidden')?.getAttribute('role')).toBe('status');
    await vi.waitFor(async () => expect((await prefsItem.get()).shariahOnly).toBe(true));
    // A view filter, not an edit of the list.
    expect((await readSettings()).watchlist).toEqual(watchlist);

    // Remembered across opens, from storage.
    cleanup();
    localStorage.clear();
    render(<App />);
    await vi.waitFor(() => expect(rows()).toEqual(['HUBC', 'OGDC']));
    const again = screen.getByRole('checkbox', { name: 'Shariah (KMI) only' }) as HTMLInputElement;
    expect(again.checked).toBe(true);
    fireEvent.click(again);
    await vi.waitFor(() => expect(rows()).toEqual(watchlist));
    expect(document.querySelector('.watchlist__hidden')).toBeNull();
    await vi.waitFor(async () => expect((await prefsItem.get()).shariahOnly).toBe(false));
  });

  it('says "1 symbol" for one, and Alt+↓ moves a shown row past the hidden ones between', async () => {
    await open(fixtureBoard(), ['HUBC', 'KEL', 'OGDC'], { shariahOnly: true });
    await vi.waitFor(() => expect(rows()).toEqual(['HUBC', 'OGDC']));
    expect(text(document.querySelector('.watchlist__hidden'))).toBe('1 symbol hidden by the Shariah filter');
    fireEvent.keyDown(row('HUBC')!, { key: 'ArrowDown', altKey: true });
    await vi.waitFor(async () => expect((await readSettings()).watchlist).toEqual(['KEL', 'OGDC', 'HUBC']));
    expect(rows()).toEqual(['OGDC', 'HUBC']);
  });
});
