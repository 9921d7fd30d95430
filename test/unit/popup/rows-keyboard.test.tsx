// @vitest-environment happy-dom
/**
 * Issue 13: every control of a watchlist row is reachable with the keyboard and named for screen
 * readers at all times (remove, alerts, holdings), the row keys (Delete, Alt+↑/↓) work from the
 * row and from anything in it, but not while typing in a form under it, and focus goes somewhere
 * sensible after a removal: the next row, else the previous one, else the Add symbol box.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { holdingsItem } from '../../../src/shared/holdings/store';
import { emptySnapshot, type Quote } from '../../../src/shared/model';
import { readSettings, updateSettings } from '../../../src/shared/settings-items';
import { storeSnapshot } from '../support/store';

const POPUP_CSS = readFileSync('src/popup/popup.css', 'utf8');

const quote = (symbol: string, price: number): Quote => ({
  symbol, price, change: 1, changePercent: 1, previousClose: price - 1, open: null, high: null, low: null, volume: 1000, readAt: Date.now(),
});

async function open(watchlist: string[]): Promise<void> {
  await updateSettings((s) => ({ ...s, watchlist }));
  const at = Date.now();
  await storeSnapshot({
    ...emptySnapshot(),
    quotes: Object.fromEntries(watchlist.map((s, i) => [s, quote(s, 100 + i)])),
    market: { phase: 'open', label: 'Open' },
    marketReadAt: at,
    marketAsOf: at,
    updatedAt: at,
  });
  const style = document.createElement('style');
  style.textContent = POPUP_CSS;
  document.head.append(style);
  render(<App />);
  // The holdings buttons wait for the holdings' first read: then every control is there.
  await vi.waitFor(() => expect(screen.getByRole('button', { name: `Holdings for ${watchlist[0]}` })).toBeTruthy());
}

const rows = (): string[] => [...document.querySelectorAll('li.quote')].map((li) => li.getAttribute('data-symbol') ?? '');
const row = (symbol: string): HTMLElement => document.querySelector(`li.quote[data-symbol="${symbol}"]`) as HTMLElement;
const named = (name: string): HTMLButtonElement => screen.getByRole('button', { name }) as HTMLButtonElement;
const link = (symbol: string): HTMLAnchorElement => row(symbol).querySelector('a.quote__symbol') as HTMLAnchorElement;

/** What Tab visits, in order: focusable, not disabled, not taken out with tabindex=-1, rendered and in the accessibility tree. */
function tabOrder(): HTMLElement[] {
  const shown = (el: Element | null): boolean => {
    for (let e = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden' || e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') return false;
    }
    return el !== null;
  };
  return [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && shown(el),
  );
}

afterEach(() => {
  cleanup();
  document.head.querySelectorAll('style').forEach((s) => s.remove());
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('a row\'s controls', () => {
  it('are all reached by Tab, in the row\'s order, and named for screen readers without a hover', async () => {
    await open(['HUBC', 'OGDC']);
    const order = tabOrder();
    const hubc = [row('HUBC'), link('HUBC'), named('Alerts for HUBC'), named('Holdings for HUBC'), named('Remove HUBC')];
    const at = hubc.map((el) => order.indexOf(el));
    expect(at.every((i) => i >= 0), `tab order: ${at.join(', ')}`).toBe(true);
    // One after the other: row, link, bell, holdings, remove; then the next row.
    expect(at).toEqual([at[0], at[0]! + 1, at[0]! + 2, at[0]! + 3, at[0]! + 4]);
    expect(order[at[4]! + 1]).toBe(row('OGDC'));
    const remove = named('Remove OGDC');
    expect(remove.hasAttribute('tabindex')).toBe(false);
    expect(getComputedStyle(remove).visibility).not.toBe('hidden');
    expect(getComputedStyle(remove).display).not.toBe('none');
    // The unhovered look is a faint one, never a hidden one: no visibility or display rule hides it.
    const rules = POPUP_CSS.split('}').filter((r) => r.includes('.quote__remove'));
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(r).not.toMatch(/visibility|display\s*:\s*none/);
  });
});

describe('Delete', () => {
  it('on the symbol\'s own link removes the row, and focus moves to the next row', async () => {
    await open(['HUBC', 'OGDC', 'PSO']);
    link('OGDC').focus();
    expect(fireEvent.keyDown(link('OGDC'), { key: 'Delete' })).toBe(false);
    await vi.waitFor(() => expect(rows()).toEqual(['HUBC', 'PSO']));
    await vi.waitFor(async () => expect((await readSettings()).watchlist).toEqual(['HUBC', 'PSO']));
    await vi.waitFor(() => expect(document.activeElement).toBe(row('PSO')));
  });

  it('on the last row\'s remove button moves focus to the row before; on the only row, to the Add symbol box', async () => {
    await open(['HUBC', 'OGDC']);
    named('Remove OGDC').focus();
    fireEvent.keyDown(named('Remove OGDC'), { key: 'Delete' });
    await vi.waitFor(() => expect(rows()).toEqual(['HUBC']));
    await vi.waitFor(() => expect(document.activeElement).toBe(row('HUBC')));
    fireEvent.click(named('Remove HUBC'));
    await vi.waitFor(() => expect(rows()).toEqual([]));
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Add symbol' })));
  });

  it('in the holdings form\'s box deletes a character, not the row', async () => {
    await open(['HUBC', 'OGDC']);
    fireEvent.click(named('Holdings for HUBC'));
    const form = document.querySelector('form[data-holding-form="HUBC"]') as HTMLFormElement;
    const box = within(form).getByRole('textbox', { name: 'Quantity (shares)' });
    await vi.waitFor(() => expect(document.activeElement).toBe(box));
    // No handler took the key (a row's would have prevented its default): the box keeps it.
    expect(fireEvent.keyDown(box, { key: 'Delete' })).toBe(true);
    expect(fireEvent.keyDown(box, { key: 'Backspace' })).toBe(true);
    expect(fireEvent.keyDown(box, { key: 'ArrowDown', altKey: true })).toBe(true);
    expect(rows()).toEqual(['HUBC', 'OGDC']);
    expect(document.querySelector('form[data-holding-form="HUBC"]')).not.toBeNull();
    expect(await holdingsItem.get()).toEqual({});
  });
});

describe('Alt+↑/↓', () => {
  it('from a button inside the row moves the row, and focus stays on that button', async () => {
    await open(['HUBC', 'OGDC', 'PSO']);
    const bell = named('Alerts for HUBC');
    bell.focus();
    expect(fireEvent.keyDown(bell, { key: 'ArrowDown', altKey: true })).toBe(false);
    await vi.waitFor(() => expect(rows()).toEqual(['OGDC', 'HUBC', 'PSO']));
    await vi.waitFor(async () => expect((await readSettings()).watchlist).toEqual(['OGDC', 'HUBC', 'PSO']));
    await vi.waitFor(() => expect(document.activeElement).toBe(named('Alerts for HUBC')));
    // And back up, from the symbol's link.
    link('HUBC').focus();
    fireEvent.keyDown(link('HUBC'), { key: 'ArrowUp', altKey: true });
    await vi.waitFor(() => expect(rows()).toEqual(['HUBC', 'OGDC', 'PSO']));
    await vi.waitFor(() => expect(document.activeElement).toBe(link('HUBC')));
  });

  it('plain arrows on a control inside the row leave it alone (no jump to another row)', async () => {
    await open(['HUBC', 'OGDC']);
    const bell = named('Alerts for HUBC');
    bell.focus();
    expect(fireEvent.keyDown(bell, { key: 'ArrowDown' })).toBe(true);
    expect(document.activeElement).toBe(bell);
  });
});
