/**
 * The popup's Market view and the exchange's marks on rows (issue 12), end to end in the
 * production Chrome build with the sources answered from fixtures:
 *
 * - the top ten gainers, losers and most active shown are the ones the test ranks itself from
 *   the served market watch (its raw `data-order` figures, regular board only), with the
 *   figures the page printed, and the breadth strip counts the same rows;
 * - KEL, tagged XD on the page, is one row (KEL, its price, "ex-dividend"), never a KELXD or XD;
 * - a market watch with symbols at their circuit limits (the band computed here from the
 *   served LDCP) marks those rows "Upper lock" / "Lower lock", and not their neighbours.
 *
 * Nothing here imports the extension's code: the ranking rule, the band rule and the printed
 * figures are all read or recomputed from what was served.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { findAll, findOne, getAttributeValue, getChildren, textContent } from 'domutils';
import { Element } from 'domhandler';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPrice } from '../shared/market-watch-variant';
import { launchChromiumWithExtension, type ExtensionSession, waitForPrices } from './support/chromium';
import { BR30, fixture, tradingDayFixtures, URLS } from './support/fixtures';
import { runAlarmCycle } from './support/worker';

const SCREENSHOTS = process.env['UPDATE_SCREENSHOTS'] ? path.resolve('docs') : path.resolve('test-results');

const LIMIT = 10;

/** One row of the served market watch: raw figures to rank by, printed ones to compare with. */
interface ServedRow {
  symbol: string;
  ldcp: number;
  price: number;
  change: number;
  percent: number;
  volume: number | null;
  printed: { price: string; change: string; percent: string; volume: string };
  /** Text of the elements in the symbol cell whose class has the word `tag` (`XD`). */
  tags: string[];
}

const cellsOf = (row: Element): Element[] => getChildren(row).filter((c): c is Element => c instanceof Element && c.name === 'td');

/** Every body row of the market-watch table, its columns found by the headers' `data-name`. */
function servedRows(html: string): ServedRow[] {
  const doc = parseDocument(html);
  const table = findOne((el) => el.name === 'table' && getAttributeValue(el, 'id') === 'marketWatchTable', doc.children);
  const body = table && findOne((el) => el.name === 'tbody', [table]);
  if (!table || !body) throw new Error('the served page has no market-watch table');
  const names = findAll((el) => el.name === 'th', [table]).map((th) => getAttributeValue(th, 'data-name') ?? '');
  const at = (name: string): number => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`the served table has no ${name} column`);
    return i;
  };
  const col = { symbol: at('symbol'), ldcp: at('ldcp'), close: at('close'), change: at('change'), percent: at('percentChange'), volume: at('volume') };
  const rows: ServedRow[] = [];
  for (const tr of getChildren(body)) {
    if (!(tr instanceof Element) || tr.name !== 'tr') continue;
    const cells = cellsOf(tr);
    const raw = (i: number): number => Number(cells[i] ? getAttributeValue(cells[i], 'data-order') ?? NaN : NaN);
    const shown = (i: number): string => (cells[i] ? textContent(cells[i]).trim() : '');
    const symbolCell = cells[col.symbol];
    const symbol = symbolCell ? getAttributeValue(symbolCell, 'data-order') ?? '' : '';
    const figures = { ldcp: raw(col.ldcp), price: raw(col.close), change: raw(col.change), percent: raw(col.percent) };
    // A row without a symbol or without the figures a mover is ranked and shown by is not on the board.
    if (symbol === '' || !Object.values(figures).every(Number.isFinite)) continue;
    const volume = raw(col.volume);
    const tags = symbolCell
      ? findAll((el) => (getAttributeValue(el, 'class') ?? '').split(/\s+/).includes('tag'), [symbolCell]).map((el) => textContent(el).trim())
      : [];
    rows.push({
      symbol,
      ...figures,
      volume: Number.isFinite(volume) ? volume : null,
      printed: { price: shown(col.close), change: shown(col.change), percent: shown(col.percent), volume: shown(col.volume) },
      tags,
    });
  }
  return rows;
}

const MONTHS = new Set(['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']);

/** `HUBC-OCT` (and `HUBC-OCTB`) is a futures contract: another board than HUBC's. */
function isFutures(symbol: string): boolean {
  const dash = symbol.lastIndexOf('-');
  return dash > 0 && MONTHS.has(symbol.slice(dash + 1, dash + 4));
}

type ListName = 'gainers' | 'losers' | 'active';

/**
 * The rule of issue 12, applied here to the served rows: regular board only (futures out); a
 * gainer rose, a loser fell (unchanged is neither), most active had a volume above 0; biggest
 * first by % or by volume; ties to the symbol first in code-unit order; ten at most.
 */
function ranked(rows: ServedRow[], regularOnly = true): Record<ListName, ServedRow[]> {
  const board = regularOnly ? rows.filter((r) => !isFutures(r.symbol)) : rows;
  const bySymbol = (a: ServedRow, b: ServedRow): number => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0);
  const top = (keep: (r: ServedRow) => boolean, order: (a: ServedRow, b: ServedRow) => number): ServedRow[] =>
    board.filter(keep).sort((a, b) => order(a, b) || bySymbol(a, b)).slice(0, LIMIT);
  return {
    gainers: top((r) => r.change > 0, (a, b) => b.percent - a.percent),
    losers: top((r) => r.change < 0, (a, b) => a.percent - b.percent),
    active: top((r) => r.volume !== null && r.volume > 0, (a, b) => (b.volume ?? 0) - (a.volume ?? 0)),
  };
}

interface MoverLine {
  symbol: string;
  price: string;
  /** `▲ +0.95 (+1.07%)`, the visible part. */
  change: string;
  /** The volume in words, as its title gives it (most active only). */
  volume: string | null;
}

/** The line a user should see for a served row: the page's printed figures, signed and arrowed. */
function expectedLine(row: ServedRow, list: ListName): MoverLine {
  const arrow = row.change > 0 ? '▲ ' : row.change < 0 ? '▼ ' : '';
  const sign = row.change > 0 ? '+' : row.change < 0 ? '-' : '';
  const unsigned = (text: string): string => (text.startsWith('-') ? text.slice(1) : text);
  return {
    symbol: row.symbol,
    price: row.printed.price,
    change: `${arrow}${sign}${unsigned(row.printed.change)} (${sign}${unsigned(row.printed.percent)})`,
    volume: list === 'active' ? `Volume ${row.printed.volume} shares` : null,
  };
}

const TITLES: Record<ListName, string> = { gainers: 'Top gainers', losers: 'Top losers', active: 'Most active' };

/** One list of the Market view as it is on screen, in order. */
function shownList(popup: Page, list: ListName): Promise<MoverLine[]> {
  return popup
    .getByRole('region', { name: TITLES[list] })
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map((li) => ({
        symbol: li.querySelector('.mover__symbol')?.textContent ?? '',
        price: li.querySelector('.mover__price')?.textContent ?? '',
        change: li.querySelector('.mover__change [aria-hidden="true"]')?.textContent ?? '',
        volume: li.querySelector('.mover__volume')?.getAttribute('title') ?? null,
      })),
    );
}

/** Every list of the Market view equals the one ranked here from `html`, line for line. */
async function expectMoversOf(popup: Page, html: string): Promise<void> {
  const expected = ranked(servedRows(html));
  for (const list of ['gainers', 'losers', 'active'] as const) {
    expect(await shownList(popup, list), TITLES[list]).toEqual(expected[list].map((r) => expectedLine(r, list)));
  }
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The breadth strip's words equal the counts of the served regular rows: risen, fallen, still, and their volume. */
async function expectBreadthOf(popup: Page, html: string): Promise<void> {
  const board = servedRows(html).filter((r) => !isFutures(r.symbol));
  const count = (keep: (r: ServedRow) => boolean): string => grouped.format(board.filter(keep).length);
  const volume = board.reduce((sum, r) => sum + (r.volume ?? 0), 0);
  const words = `${count((r) => r.change > 0)} advancing, ${count((r) => r.change < 0)} declining, ${count((r) => r.change === 0)} unchanged; volume ${grouped.format(volume)} shares`;
  await expect.poll(() => popup.getByRole('region', { name: 'Market breadth' }).locator('.sr-only').textContent()).toBe(words);
}

/** The day's limits under PSX's rule: 10 % of LDCP or Re 1, whichever is more, in whole paisa. */
function band(ldcp: number): { upper: number; lower: number; exact: boolean } {
  const paisa = Math.round(ldcp * 100);
  const tenth = Math.floor(paisa / 10);
  const allowance = Math.max(tenth, 100);
  // Exact: the rule's limit is a whole tick, so no rounding of the exchange's can move it.
  return { upper: (paisa + allowance) / 100, lower: Math.max(paisa - allowance, 1) / 100, exact: allowance === 100 || paisa % 10 === 0 };
}

const quoteRow = (popup: Page, symbol: string): Locator => popup.locator(`li.quote[data-symbol="${symbol}"]`);

async function selectTab(popup: Page, name: 'Watchlist' | 'Market'): Promise<void> {
  const tab = popup.getByRole('tab', { name });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/** Waits until the Market view lists its gainers: the board has been read and ranked. */
async function waitForMovers(popup: Page): Promise<void> {
  await popup.getByRole('region', { name: TITLES.gainers }).getByRole('listitem').first().waitFor();
}

const page = fixture('psx/market-watch.html');
const rowOf = (html: string, symbol: string): ServedRow => {
  const row = servedRows(html).find((r) => r.symbol === symbol);
  if (!row) throw new Error(`${symbol} is not in the served market watch`);
  return row;
};

/** Watchlist symbols moved to their limits, and one moved a tick inside its rounded limit. */
const UPPER = 'HUMNL';
const LOWER = 'MLCF';
/** LDCP 9.85: 10 % is 0.985, so Re 1 sets the band (8.85), where 10 % alone would give 8.87. */
const LOWER_BY_RUPEE = 'TELE';
const NEAR_MISS = 'LOTCHEM';

function lockedPage(): string {
  let html = page;
  html = withPrice(html, UPPER, band(rowOf(page, UPPER).ldcp).upper);
  html = withPrice(html, LOWER, band(rowOf(page, LOWER).ldcp).lower);
  html = withPrice(html, LOWER_BY_RUPEE, band(rowOf(page, LOWER_BY_RUPEE).ldcp).lower);
  html = withPrice(html, NEAR_MISS, Math.round(band(rowOf(page, NEAR_MISS).ldcp).upper * 100 - 1) / 100);
  return html;
}

describe('Chromium: the popup Market view and the exchange marks on rows', () => {
  let session: ExtensionSession;
  let popup: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    session = await launchChromiumWithExtension(tradingDayFixtures());
    popup = await session.openPopup();
    await waitForPrices(popup);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('lists the top ten gainers, losers and most active of the regular board, as served', async () => {
    // The served page must be one where the rule decides something: more than ten on each side,
    // and a futures row that would head the gainers were it counted.
    const rows = servedRows(page);
    expect(rows.filter((r) => r.change > 0).length).toBeGreaterThan(LIMIT);
    expect(rows.filter((r) => r.change < 0).length).toBeGreaterThan(LIMIT);
    expect(ranked(rows, false).gainers[0]?.symbol).toBe('HUBC-OCT');

    await selectTab(popup, 'Market');
    await waitForMovers(popup);
    await expectMoversOf(popup, page);
    await expectBreadthOf(popup, page);
    const everyMover = await popup.locator('li.mover').evaluateAll((items) => items.map((li) => li.getAttribute('data-symbol')));
    expect(everyMover).not.toContain('HUBC-OCT');
    expect(everyMover).toHaveLength(3 * LIMIT);
    await popup.screenshot({ path: path.join(SCREENSHOTS, 'popup-market.png'), fullPage: true });
  });

  it('shows KEL, tagged XD on the page, as one KEL row marked ex-dividend, and no KELXD or XD row', async () => {
    const kel = rowOf(page, 'KEL');
    expect(kel.tags).toEqual(['XD']);
    expect(servedRows(page).map((r) => r.symbol)).not.toContain('KELXD');

    // The Market view: KEL is the most active symbol, with its mark; no mover is named after the tag.
    const activeKel = popup.getByRole('region', { name: TITLES.active }).locator('li.mover[data-symbol="KEL"]');
    expect(await activeKel.locator('.mover__symbol').textContent()).toBe('KEL');
    expect(await activeKel.locator('[data-entitlement="XD"]').getAttribute('title')).toBe('ex-dividend');
    expect(await activeKel.locator('[data-entitlement="XD"] .mark__words').textContent()).toBe('ex-dividend');
    const movers = await popup.locator('li.mover .mover__symbol').allTextContents();
    expect(movers.filter((s) => s === 'KELXD' || s === 'XD')).toEqual([]);

    await selectTab(popup, 'Watchlist');
    await waitForPrices(popup);
    // Exactly the default watchlist, one row each: the tag made no row of its own.
    const symbols = await popup.locator('li.quote').evaluateAll((items) => items.map((li) => li.getAttribute('data-symbol')));
    expect(symbols).toEqual(BR30);
    expect(await popup.locator('li.quote .quote__symbol').evaluateAll((links) => links.map((a) => a.firstChild?.textContent ?? ''))).toEqual(BR30);

    const row = quoteRow(popup, 'KEL');
    expect(await row.locator('.quote__price').textContent()).toBe(kel.printed.price);
    const mark = row.locator('.quote__marks [data-entitlement="XD"]');
    expect(await mark.locator('[aria-hidden="true"]').textContent()).toBe('XD');
    expect(await mark.locator('.mark__words').textContent()).toBe('ex-dividend');
    expect(await mark.getAttribute('title')).toBe('ex-dividend');
    expect(await row.getAttribute('aria-label')).toContain('ex-dividend');
    expect(await row.textContent()).not.toContain('lock');
  });

  it('marks watchlist symbols at their limits "Upper lock" / "Lower lock", and not the rows beside them', async () => {
    const served = lockedPage();
    const expected = Object.fromEntries([UPPER, LOWER, LOWER_BY_RUPEE, NEAR_MISS].map((s) => [s, band(rowOf(served, s).ldcp)]));
    // The band's limits are whole ticks, so the title names them whatever the exchange rounds.
    for (const s of [UPPER, LOWER, LOWER_BY_RUPEE]) expect(expected[s]?.exact, s).toBe(true);
    expect(expected[LOWER_BY_RUPEE]?.lower).toBe(8.85);
    expect(rowOf(served, UPPER).printed.price).toBe(expected[UPPER]?.upper.toFixed(2));

    session.setFixtures({ ...tradingDayFixtures(), [URLS.marketWatch]: { body: served } });
    await selectTab(popup, 'Watchlist');
    // A cycle already under way when the alarm fires (the popup's own) is joined, and it read the
    // page before the fixtures changed: on a busy machine that one may be the cycle waited for.
    // So cycles are run until the served price is on screen, three at most.
    const upperShown = quoteRow(popup, UPPER).locator('.quote__price').filter({ hasText: rowOf(served, UPPER).printed.price });
    for (let cycle = 1; ; cycle++) {
      await runAlarmCycle(session);
      const shown = await upperShown.waitFor({ timeout: 5_000 }).then(() => true, () => false);
      if (shown) break;
      if (cycle === 3) throw new Error(`${UPPER} never showed the served price after three cycles`);
    }
    await quoteRow(popup, LOWER_BY_RUPEE).locator('.quote__price').filter({ hasText: rowOf(served, LOWER_BY_RUPEE).printed.price }).waitFor();

    const lockOf = async (symbol: string): Promise<{ text: string; title: string | null; label: string | null }[]> =>
      quoteRow(popup, symbol)
        .locator('.mark--lock')
        .evaluateAll((marks) => marks.map((m) => ({ text: m.textContent ?? '', title: m.getAttribute('title'), label: m.closest('li')?.getAttribute('aria-label') ?? null })));
    const upper = await lockOf(UPPER);
    expect(upper.map((m) => m.text)).toEqual(['Upper lock']);
    expect(upper[0]?.title).toBe(`At the day's upper price limit (${expected[UPPER]?.upper.toFixed(2)})`);
    expect(upper[0]?.label).toContain('upper lock');
    for (const s of [LOWER, LOWER_BY_RUPEE]) {
      const lower = await lockOf(s);
      expect(lower.map((m) => m.text), s).toEqual(['Lower lock']);
      expect(lower[0]?.title, s).toBe(`At the day's lower price limit (${expected[s]?.lower.toFixed(2)})`);
    }
    // Beside them: KEL, unchanged, and LOTCHEM a tick inside its limit; neither is locked.
    for (const s of ['KEL', NEAR_MISS]) {
      const row = quoteRow(popup, s);
      expect(await row.locator('.quote__price').textContent(), s).toBe(rowOf(served, s).printed.price);
      expect(await row.locator('.mark--lock').count(), s).toBe(0);
      expect(await row.textContent(), s).not.toMatch(/lock/i);
      expect(await row.getAttribute('aria-label'), s).not.toMatch(/lock/i);
    }
    // KEL keeps its ex-dividend mark through the new read.
    expect(await quoteRow(popup, 'KEL').locator('[data-entitlement="XD"] .mark__words').textContent()).toBe('ex-dividend');

    // The marked rows scrolled into the list's own view, the popup itself at its top as it opens,
    // and the pointer off the rows so no hover controls are drawn.
    await quoteRow(popup, 'KEL').evaluate((li) => {
      li.scrollIntoView({ block: 'center' });
      window.scrollTo(0, 0);
    });
    await popup.mouse.move(0, 0);
    await popup.screenshot({ path: path.join(SCREENSHOTS, 'popup-markers.png') });
  });

  it('ranks the new read in the Market view and the breadth too, with the locks on the movers', async () => {
    const served = lockedPage();
    await selectTab(popup, 'Market');
    // The new read's sign: the locked symbol is among the gainers, at its limit.
    await popup.getByRole('region', { name: TITLES.gainers }).locator(`li.mover[data-symbol="${UPPER}"] .mover__price`).filter({ hasText: rowOf(served, UPPER).printed.price }).waitFor();
    await expectMoversOf(popup, served);
    await expectBreadthOf(popup, served);
    const gainer = popup.getByRole('region', { name: TITLES.gainers }).locator(`li.mover[data-symbol="${UPPER}"]`);
    expect(await gainer.locator('.mark--lock').textContent()).toBe('Upper lock');
    const loser = popup.getByRole('region', { name: TITLES.losers }).locator(`li.mover[data-symbol="${LOWER_BY_RUPEE}"]`);
    expect(await loser.locator('.mark--lock').textContent()).toBe('Lower lock');
  });
});
