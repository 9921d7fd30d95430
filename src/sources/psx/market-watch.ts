/**
 * The portal's market watch (`GET https://dps.psx.com.pk/market-watch`): every instrument in
 * one table, so one request per cycle serves the whole watchlist.
 */
import type { Quote } from '../../shared/model';
import { err, ok, type Result } from '../../shared/result';
import { attr, byTag, childElements, findAll, findFirst, parseHtml, textOf, type Element } from '../dom';
import { parseDisplayNumber, parseRawNumber } from '../numbers';

type Column = 'symbol' | 'ldcp' | 'open' | 'high' | 'low' | 'close' | 'change' | 'percentChange' | 'volume';

/** The order the portal has used; only a fallback for a table whose headers lost `data-name`. */
const DEFAULT_COLUMNS: Record<Column, number> = {
  symbol: 0,
  ldcp: 3,
  open: 4,
  high: 5,
  low: 6,
  close: 7,
  change: 8,
  percentChange: 9,
  volume: 10,
};

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * Futures contracts share the table as `SYM-MON` (`HUBC-OCT`, sometimes `HUBC-OCTB`); the plain
 * symbol is the regular market, which is what the ticker shows.
 */
export function isFuturesContract(symbol: string): boolean {
  const dash = symbol.lastIndexOf('-');
  if (dash <= 0) return false;
  return MONTHS.some((m) => symbol.slice(dash + 1).startsWith(m));
}

export function parseMarketWatch(html: string): Result<Quote[], string> {
  const doc = parseHtml(html);
  const table =
    findFirst(doc, (el) => el.name === 'table' && attr(el, 'id') === 'marketWatchTable') ??
    findFirst(doc, (el) => el.name === 'table' && findFirst(el, (th) => th.name === 'th' && attr(th, 'data-name') === 'symbol') !== null);
  if (!table) return err('no market-watch table: an error page or a new layout');

  const columns = readColumns(table);
  const quotes: Quote[] = [];
  for (const row of findAll(table, byTag('tr'))) {
    const cells = childElements(row).filter((c) => c.name === 'td');
    if (cells.length === 0) continue;
    const quote = readRow(cells, columns);
    if (quote && !isFuturesContract(quote.symbol)) quotes.push(quote);
  }
  if (quotes.length === 0) return err('the market-watch table has no readable rows');
  return ok(quotes);
}

function readColumns(table: Element): Record<Column, number> {
  const headers = findAll(table, byTag('th'));
  const found: Partial<Record<Column, number>> = {};
  headers.forEach((th, index) => {
    const name = attr(th, 'data-name');
    if (name !== null && name in DEFAULT_COLUMNS) found[name as Column] = index;
  });
  // Trust the headers only when they name the essentials; otherwise assume the known order.
  return found.symbol !== undefined && found.close !== undefined ? { ...DEFAULT_COLUMNS, ...found } : DEFAULT_COLUMNS;
}

function readRow(cells: Element[], columns: Record<Column, number>): Quote | null {
  const symbolCell = cells[columns.symbol];
  if (!symbolCell) return null;
  const symbol = readSymbol(symbolCell);
  if (symbol === null) return null;

  const num = (column: Column): number | null => cellNumber(cells[columns[column]]);
  const price = num('close');
  if (price === null) return null;
  const previousClose = num('ldcp');
  const change = num('change') ?? (previousClose !== null ? round(price - previousClose, 4) : null);
  if (change === null) return null;
  const changePercent =
    num('percentChange') ??
    (previousClose !== null && previousClose !== 0 ? round((change / previousClose) * 100, 6) : 0);
  return {
    symbol,
    price,
    change,
    changePercent,
    previousClose,
    open: num('open'),
    high: num('high'),
    low: num('low'),
    volume: num('volume'),
  };
}

function readSymbol(cell: Element): string | null {
  // `data-order`/`data-search` hold the bare symbol; the text may carry tags such as `XD`.
  const strong = findFirst(cell, byTag('strong'));
  const raw = attr(cell, 'data-order') ?? attr(cell, 'data-search') ?? (strong ? textOf(strong) : textOf(cell));
  const symbol = raw.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9.&-]{0,23}$/.test(symbol) ? symbol : null;
}

/** The raw `data-order` value when the cell has one; the printed text only when it has not. */
function cellNumber(cell: Element | undefined): number | null {
  if (!cell) return null;
  const raw = attr(cell, 'data-order');
  return raw !== null ? parseRawNumber(raw) : parseDisplayNumber(textOf(cell));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
