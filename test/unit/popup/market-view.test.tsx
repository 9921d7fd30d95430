// @vitest-environment happy-dom
/**
 * The popup's market side (issue 12): the Watchlist | Market tablist (keyboard, the choice kept
 * in prefs), the Market view's top movers from the fixture board (the generator's answers, not
 * our code's), its add-to-watchlist buttons, and the breadth strip under the indices.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { noBoardText } from '../../../src/popup/components/MarketView';
import { marketBreadth, type MarketBreadth } from '../../../src/shared/market/breadth';
import { topMovers } from '../../../src/shared/market/movers';
import { boardItem, marketItem } from '../../../src/shared/market-store';
import { emptySnapshot, type Quote, type Snapshot } from '../../../src/shared/model';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../../src/shared/settings';
import { prefsItem, readSettings, updateSettings } from '../../../src/shared/settings-items';
import { EXPECTED, fixtureBoard, READ_AT } from '../market/board-fixture';
import { storeSnapshot } from '../support/store';

const quote = (symbol: string, price: number, change: number, changePercent: number): Quote => ({
  symbol, price, change, changePercent, previousClose: price - change, open: null, high: null, low: null, volume: 1000, readAt: Date.now(),
});

function snapshot(): Snapshot {
  const at = Date.now();
  return {
    ...emptySnapshot(),
    quotes: { HUBC: quote('HUBC', 113.23, 6.23, 5.82), OGDC: quote('OGDC', 320.29, -3.49, -1.0778) },
    market: { phase: 'open', label: 'Open' },
    marketReadAt: at,
    marketAsOf: at,
    updatedAt: at,
  };
}

interface Open {
  board?: boolean;
  breadth?: MarketBreadth;
  watchlist?: string[];
  tab?: 'watchlist' | 'market';
}

async function open({ board = true, breadth, watchlist = ['HUBC', 'OGDC', 'SEARL'], tab }: Open = {}): Promise<void> {
  await updateSettings((s) => ({ ...s, watchlist, ...(tab ? { popupTab: tab } : {}) }));
  await storeSnapshot(snapshot());
  if (breadth) await marketItem.update((m) => ({ ...m, breadth }));
  if (board) await boardItem.update(() => ({ quotes: fixtureBoard(), readAt: READ_AT }));
  render(<App />);
  await screen.findByRole('tablist', { name: 'Popup view' });
}

const tab = (name: 'Watchlist' | 'Market'): HTMLElement => screen.getByRole('tab', { name });
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** What a sighted user reads: the aria-hidden parts only. */
const seen = (el: Element | null | undefined): string => [...(el?.querySelectorAll('[aria-hidden="true"]') ?? [])].map((e) => text(e)).join(' ');
const listed = (list: 'gainers' | 'losers' | 'active'): string[] =>
  [...document.querySelectorAll(`section[data-list="${list}"] li.mover`)].map((li) => li.getAttribute('data-symbol') ?? '');

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('the popup\'s remembered choices in prefs', () => {
  it.each<[string, unknown, 'watchlist' | 'market', boolean]>([
    ['absent (prefs stored before issue 12): the defaults', {}, 'watchlist', false],
    ['as written', { popupTab: 'market', shariahOnly: true }, 'market', true],
    ['not ours: the defaults', { popupTab: 'stories', shariahOnly: 'yes' }, 'watchlist', false],
  ])('%s', (_name, raw, popupTab, shariahOnly) => {
    expect(normaliseSettings(raw)).toMatchObject({ popupTab, shariahOnly });
  });

  it('default to the watchlist, unfiltered', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ popupTab: 'watchlist', shariahOnly: false });
  });
});

describe('the Watchlist | Market tablist', () => {
  it('is a tablist of two named tabs, the watchlist selected by default and alone in the tab order', async () => {
    await open();
    const tabs = within(screen.getByRole('tablist')).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Watchlist', 'Market']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1]);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(tab('Watchlist').id);
    expect(tab('Watchlist').getAttribute('aria-controls')).toBe(panel.id);
    expect(within(panel).getByRole('heading', { name: /Watchlist/ })).toBeTruthy();
    expect(document.querySelector('.market')).toBeNull();
  });

  it('moves with the arrow keys (wrapping), Home and End, selecting and focusing the tab, and keeps the choice in prefs', async () => {
    await open();
    tab('Watchlist').focus();
    fireEvent.keyDown(tab('Watchlist'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Market'));
    expect(tab('Market').getAttribute('aria-selected')).toBe('true');
    expect(tab('Market').tabIndex).toBe(0);
    expect(tab('Watchlist').tabIndex).toBe(-1);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tab('Market').id);
    await vi.waitFor(() => expect(screen.getByRole('heading', { name: 'Top gainers' })).toBeTruthy());
    // The watchlist is not rendered behind the Market view.
    expect(document.querySelector('li.quote')).toBeNull();
    await vi.waitFor(async () => expect((await prefsItem.get()).popupTab).toBe('market'));

    fireEvent.keyDown(tab('Market'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Watchlist'));
    expect(tab('Watchlist').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tab('Watchlist'), { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(tab('Market'));
    fireEvent.keyDown(tab('Market'), { key: 'Home' });
    expect(document.activeElement).toBe(tab('Watchlist'));
    fireEvent.keyDown(tab('Watchlist'), { key: 'End' });
    expect(document.activeElement).toBe(tab('Market'));
    // Another key is left alone.
    fireEvent.keyDown(tab('Market'), { key: 'ArrowDown' });
    expect(tab('Market').getAttribute('aria-selected')).toBe('true');
    await vi.waitFor(async () => expect((await readSettings()).popupTab).toBe('market'));
  });

  it('opens again on the tab last chosen, read from storage (no local copy), and a click chooses too', async () => {
    await open();
    fireEvent.click(tab('Market'));
    await vi.waitFor(async () => expect((await prefsItem.get()).popupTab).toBe('market'));
    cleanup();
    localStorage.clear();
    render(<App />);
    await vi.waitFor(() => expect(tab('Market').getAttribute('aria-selected')).toBe('true'));
    expect(await screen.findByRole('heading', { name: 'Top losers' })).toBeTruthy();
    fireEvent.click(tab('Watchlist'));
    await vi.waitFor(async () => expect((await prefsItem.get()).popupTab).toBe('watchlist'));
    expect(document.querySelector('li.quote[data-symbol="HUBC"]')).toBeTruthy();
  });

  it('does not read the board while the watchlist is shown: the Market view waits for its tab', async () => {
    const get = vi.spyOn(boardItem, 'get');
    await open();
    // The watchlist is drawn (so the market view's first read is in), and then its catch-up read
    // is made: every read this mount starts has happened by then, a board read would have too.
    await vi.waitFor(() => expect(document.querySelector('li.quote[data-symbol="HUBC"]')).toBeTruthy());
    const marketRead = vi.spyOn(marketItem, 'get');
    await vi.waitFor(() => expect(marketRead).toHaveBeenCalled(), { timeout: 2_000 });
    expect(get).not.toHaveBeenCalled();
    fireEvent.click(tab('Market'));
    await vi.waitFor(() => expect(get).toHaveBeenCalled());
  });
});

describe('the Market view', () => {
  it.each(['gainers', 'losers', 'active'] as const)('lists the fixture board\'s top ten %s, as topMovers does', async (list) => {
    await open({ tab: 'market' });
    await vi.waitFor(() => expect(listed(list)).toHaveLength(10));
    expect(listed(list)).toEqual(EXPECTED.movers[list].map((m) => m.symbol));
    expect(listed(list)).toEqual(topMovers(fixtureBoard())[list].map((m) => m.symbol));
  });

  it('keeps no copy of the board on disk: storage.session is forgotten when the browser closes, so is the board', async () => {
    await open({ tab: 'market' });
    await vi.waitFor(() => expect(listed('gainers')).toHaveLength(10));
    // The market view the header reads is copied for the first frame; the session's board is not.
    await vi.waitFor(() => expect(localStorage.getItem('copy:local:market')).not.toBeNull());
    expect(Object.keys(localStorage).filter((k) => k.includes('board'))).toEqual([]);
  });

  it('has three sections with headings, and each row shows price, change and % with arrow and sign, volume for most active', async () => {
    await open({ tab: 'market' });
    await screen.findByRole('heading', { name: 'Top gainers' });
    const sections = [...document.querySelectorAll('.market section')];
    expect(sections.map((section) => text(within(section as HTMLElement).getByRole('heading')))).toEqual(['Top gainers', 'Top losers', 'Most active']);
    // Each section is named by its heading.
    expect(sections.map((section) => document.getElementById(section.getAttribute('aria-labelledby') ?? '')?.textContent)).toEqual(['Top gainers', 'Top losers', 'Most active']);
    // FNEL: 9.50, +1.00, +11.76 % (the generator's figures), volume 7,410,000.
    const fnel = document.querySelector('section[data-list="gainers"] li.mover[data-symbol="FNEL"]');
    expect(text(fnel?.querySelector('.mover__price'))).toBe('9.50');
    expect(seen(fnel?.querySelector('.mover__change'))).toBe('▲ +1.00 (+11.76%)');
    expect(fnel?.querySelector('.mover__change')?.className).toContain('change--up');
    expect(text(fnel?.querySelector('.mover__change .sr-only'))).toBe('Increased by 1.00, 11.76 percent');
    expect(fnel?.querySelector('.mover__volume')).toBeNull();
    const loser = EXPECTED.movers.losers[0]!;
    const first = document.querySelector(`section[data-list="losers"] li.mover[data-symbol="${loser.symbol}"]`);
    expect(seen(first?.querySelector('.mover__change'))).toMatch(/^▼ -[\d.]+ \(-[\d.]+%\)$/);
    expect(first?.querySelector('.mover__change')?.className).toContain('change--down');
    const top = EXPECTED.movers.active[0]!;
    const active = document.querySelector(`section[data-list="active"] li.mover[data-symbol="${top.symbol}"]`);
    expect(text(active?.querySelector('.mover__volume .sr-only'))).toBe(`volume ${top.volume!.toLocaleString('en-US')} shares`);
    // Not the user's figures: privacy mode leaves them readable (no .num / .change to blur).
    expect(document.querySelector('.market .num, .market .change')).toBeNull();
  });

  it('adds a symbol through the popup\'s edit path, then says "In watchlist"; one already there says so from the start', async () => {
    await open({ tab: 'market' });
    await screen.findByRole('heading', { name: 'Top gainers' });
    const gainers = document.querySelector('section[data-list="gainers"]') as HTMLElement;
    // FNEL leads the gainers and is among the most active: a button in each list.
    expect(screen.getAllByRole('button', { name: 'Add FNEL to watchlist' })).toHaveLength(2);
    const add = within(gainers).getByRole('button', { name: 'Add FNEL to watchlist' });
    expect(add.getAttribute('aria-disabled')).toBeNull();
    // SEARL is on the watchlist: no add button for it, in any list.
    expect(screen.queryByRole('button', { name: 'Add SEARL to watchlist' })).toBeNull();
    const searl = document.querySelector('section[data-list="gainers"] li.mover[data-symbol="SEARL"] button');
    expect(text(searl)).toBe('In watchlist: SEARL');
    expect(searl?.getAttribute('aria-disabled')).toBe('true');
    add.focus();
    fireEvent.click(add);
    await vi.waitFor(async () => expect((await readSettings()).watchlist).toEqual(['HUBC', 'OGDC', 'SEARL', 'FNEL']));
    const after = document.querySelector('section[data-list="gainers"] li.mover[data-symbol="FNEL"] button') as HTMLButtonElement;
    expect(text(after)).toBe('In watchlist: FNEL');
    expect(after.getAttribute('aria-disabled')).toBe('true');
    // Focus stays on the pressed button rather than falling to the page.
    expect(document.activeElement).toBe(after);
    // In the other list too.
    expect(screen.queryByRole('button', { name: 'Add FNEL to watchlist' })).toBeNull();
    expect(text(document.querySelector('section[data-list="active"] li.mover[data-symbol="FNEL"] button'))).toBe('In watchlist: FNEL');
    // Pressing it again adds nothing: an add pressed after them goes through the same edit path,
    // and once it is saved, the list holds it alone after FNEL.
    fireEvent.click(after);
    fireEvent.click(searl!);
    const next = within(gainers).getAllByRole('button', { name: /^Add \S+ to watchlist$/ })[0]!;
    const nextSymbol = next.closest('li')?.getAttribute('data-symbol') ?? '';
    expect(['', 'HUBC', 'OGDC', 'SEARL', 'FNEL']).not.toContain(nextSymbol);
    fireEvent.click(next);
    await vi.waitFor(async () => expect((await readSettings()).watchlist).toContain(nextSymbol));
    expect((await readSettings()).watchlist).toEqual(['HUBC', 'OGDC', 'SEARL', 'FNEL', nextSymbol]);
    // And the watchlist tab shows the added symbol.
    fireEvent.click(tab('Watchlist'));
    await vi.waitFor(() => expect(document.querySelector('li.quote[data-symbol="FNEL"]')).toBeTruthy());
  });

  it('without a board read yet says the whole market is read with the next refresh', async () => {
    await open({ board: false, tab: 'market' });
    expect(await screen.findByText('The whole market is read with the next refresh.')).toBeTruthy();
    expect(noBoardText()).toBe('The whole market is read with the next refresh.');
    expect(document.querySelector('li.mover')).toBeNull();
  });
});

describe('the breadth strip', () => {
  const breadth = (): MarketBreadth => marketBreadth(fixtureBoard(), READ_AT)!;

  it('shows ▲ advancers ▼ decliners ■ unchanged and the volume, with words for screen readers', async () => {
    // The fixture's generator: 20 up, 12 down, 3 unchanged, 253,288,641 shares, 1 without a volume.
    expect(breadth()).toMatchObject(EXPECTED.breadth);
    await open({ breadth: breadth() });
    const strip = screen.getByRole('region', { name: 'Market breadth' });
    expect(seen(strip.querySelector('.breadth__figures'))).toBe('▲ 20 ▼ 12 ■ 3 · Vol 253.3M');
    expect(text(strip.querySelector('.breadth__figures .sr-only'))).toBe(
      '20 advancing, 12 declining, 3 unchanged; volume 253,288,641 shares; 1 symbol without a volume left out',
    );
    // The bar is in proportion, and decoration only.
    const bar = strip.querySelector('.breadth__bar') as HTMLElement;
    expect(bar.getAttribute('aria-hidden')).toBe('true');
    expect([...bar.children].map((p) => [p.className.replace('breadth__part breadth__part--', ''), (p as HTMLElement).style.flexGrow])).toEqual([
      ['up', '20'],
      ['same', '3'],
      ['down', '12'],
    ]);
    // Under the indices, above the tabs.
    const indices = document.querySelector('.indices')!;
    expect(indices.nextElementSibling).toBe(strip);
    expect(strip.compareDocumentPosition(screen.getByRole('tablist')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('reads the example of the issue, and leaves the volume out when no row had one', async () => {
    await open({ breadth: { advancers: 212, decliners: 160, unchanged: 40, volume: 412_512_000, noVolume: 0, at: READ_AT } });
    const figures = document.querySelector('.breadth__figures');
    expect(seen(figures)).toBe('▲ 212 ▼ 160 ■ 40 · Vol 412.5M');
    expect(text(figures?.querySelector('.sr-only'))).toBe('212 advancing, 160 declining, 40 unchanged; volume 412,512,000 shares');
    cleanup();
    localStorage.clear();
    await marketItem.update((m) => ({ ...m, breadth: { advancers: 1, decliners: 0, unchanged: 2, volume: null, noVolume: 3, at: READ_AT } }));
    render(<App />);
    await vi.waitFor(() => expect(seen(document.querySelector('.breadth__figures'))).toBe('▲ 1 ▼ 0 ■ 2'));
    expect(text(document.querySelector('.breadth__figures .sr-only'))).toBe('1 advancing, 0 declining, 2 unchanged');
  });

  it('is not there when the market view has no breadth', async () => {
    await open();
    expect(screen.queryByRole('region', { name: 'Market breadth' })).toBeNull();
    expect(document.querySelector('.breadth')).toBeNull();
  });
});
