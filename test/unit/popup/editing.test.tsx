// @vitest-environment happy-dom
import { fakeBrowser } from '@webext-core/fake-browser';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { emptySnapshot } from '../../../src/shared/model';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { readSettings, updateSettings } from '../../../src/shared/settings-items';
import { storeSnapshot } from '../support/store';
import { SYMBOLS_KEY, type Instrument } from '../../../src/shared/symbol-directory';

const instruments: Instrument[] = [
  { symbol: 'HUBC', name: 'The Hub Power Company Limited', sector: 'POWER', isETF: false, isDebt: false },
  { symbol: 'HUBCSC1', name: 'The Hub Power Company Limited (Sukuk 1)', sector: 'BILLS AND BONDS', isETF: false, isDebt: true },
  { symbol: 'PSO', name: 'Pakistan State Oil Company Limited', sector: 'OIL', isETF: false, isDebt: false },
  { symbol: 'POL', name: 'Pakistan Oilfields Limited', sector: 'OIL', isETF: false, isDebt: false },
  { symbol: 'OGDC', name: 'Oil & Gas Development Company Limited', sector: 'OIL', isETF: false, isDebt: false },
];

async function open(watchlist: string[]): Promise<void> {
  await updateSettings((s) => ({ ...s, watchlist }));
  await storeSnapshot({ ...emptySnapshot(), updatedAt: Date.now() });
  await fakeBrowser.storage.local.set({ [SYMBOLS_KEY]: { fetchedAt: Date.now(), instruments } });
  render(<App />);
  await screen.findByRole('combobox', { name: 'Add symbol' });
}

const rows = (): string[] => [...document.querySelectorAll('li.quote')].map((li) => li.getAttribute('data-symbol') ?? '');
const row = (symbol: string): HTMLElement => document.querySelector(`li.quote[data-symbol="${symbol}"]`) as HTMLElement;
const saved = async (): Promise<string[]> => (await readSettings()).watchlist;
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  // The popup keeps a local copy of what it last drew; each test starts without one.
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('adding with the keyboard', () => {
  it('ranks symbol prefixes before name words, debt last, and adds with Enter', async () => {
    await open(['OGDC']);
    const box = screen.getByRole('combobox', { name: 'Add symbol' });
    fireEvent.input(box, { target: { value: 'p' } });
    // PSO and POL start with P; "Pakistan …" name matches are the same two; HUBC's "Power" comes after.
    const options = (): string[] =>
      within(screen.getByRole('listbox', { name: 'Suggestions' }))
        .getAllByRole('option')
        .map((o) => o.querySelector('.search__symbol')?.textContent ?? '');
    expect(options()).toEqual(['POL', 'PSO', 'HUBC', 'HUBCSC1']);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    await settle();
    expect(rows()).toEqual(['OGDC', 'PSO']);
    expect(await saved()).toEqual(['OGDC', 'PSO']);
  });

  it('closes the suggestions with Escape and offers no symbol already listed', async () => {
    await open(['HUBC']);
    const box = screen.getByRole('combobox', { name: 'Add symbol' });
    fireEvent.input(box, { target: { value: 'hub' } });
    const listbox = screen.getByRole('listbox', { name: 'Suggestions' });
    expect(within(listbox).getAllByRole('option').map((o) => o.querySelector('.search__symbol')?.textContent)).toEqual(['HUBCSC1']);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('removing and reordering', () => {
  it('removes a focused row with Delete and moves focus to its neighbour', async () => {
    await open(['HUBC', 'OGDC', 'PSO']);
    row('OGDC').focus();
    fireEvent.keyDown(row('OGDC'), { key: 'Delete' });
    await settle();
    expect(rows()).toEqual(['HUBC', 'PSO']);
    expect(document.activeElement).toBe(row('PSO'));
    expect(await saved()).toEqual(['HUBC', 'PSO']);
  });

  it('moves a row with Alt+arrows and keeps it focused', async () => {
    await open(['HUBC', 'OGDC', 'PSO']);
    row('PSO').focus();
    fireEvent.keyDown(row('PSO'), { key: 'ArrowUp', altKey: true });
    await settle();
    expect(rows()).toEqual(['HUBC', 'PSO', 'OGDC']);
    fireEvent.keyDown(row('PSO'), { key: 'ArrowUp', altKey: true });
    await settle();
    expect(rows()).toEqual(['PSO', 'HUBC', 'OGDC']);
    expect(document.activeElement).toBe(row('PSO'));
    expect(await saved()).toEqual(['PSO', 'HUBC', 'OGDC']);
  });

  it('removes with the row button', async () => {
    await open(['HUBC', 'OGDC']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove HUBC' }));
    await settle();
    expect(await saved()).toEqual(['OGDC']);
  });
});

describe('states and switches', () => {
  it('offers the Business Recorder list back when the watchlist is empty', async () => {
    await open([]);
    fireEvent.click(screen.getByRole('button', { name: 'Restore the Business Recorder list' }));
    await settle();
    expect(await saved()).toEqual(DEFAULT_SETTINGS.watchlist);
  });

  it('wires the bar switch and privacy mode to the settings', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    await open(['HUBC']);
    const bar = screen.getByRole('switch', { name: 'Show ticker bar on pages' });
    expect(bar.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(bar);
    fireEvent.click(screen.getByRole('button', { name: 'Privacy mode' }));
    await settle();
    expect(await readSettings()).toMatchObject({ showBar: true, privacy: true });
    expect(document.querySelector('main')?.classList.contains('popup--private')).toBe(true);
  });

  it('names the company for screen readers and links the symbol to its PSX page', async () => {
    await open(['HUBC']);
    const link = row('HUBC').querySelector('a.quote__symbol') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://dps.psx.com.pk/company/HUBC');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.textContent).toBe('HUBC, The Hub Power Company Limited');
  });
});
