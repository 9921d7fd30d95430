/**
 * The portal's market watch (`GET https://dps.psx.com.pk/market-watch`): every instrument in
 * one table, so one request per cycle serves the whole watchlist.
 *
 * Read in one streaming pass of htmlparser2's tokenizer: the page is ~350 KB of rows, and
 * building a DOM for it only to walk it again took twice as long (see BENCHMARKS.md).
 */
import { Parser } from 'htmlparser2';
import type { Quote } from '../../shared/model';
import { err, ok, type Result } from '../../shared/result';
import { isSymbol } from '../../shared/symbol';
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

/** One `<td>` as far as we need it. */
interface Cell {
  order: string | null;
  search: string | null;
  text: string;
  /** Text inside `<strong>`: the symbol, without tags such as `XD` that follow it. */
  strong: string;
}

interface Table {
  id: string | null;
  headers: (string | null)[];
  rows: Cell[][];
}

/** Every table of the page with its header names and raw cells, nested tables included. */
function scanTables(html: string): Table[] {
  const done: Table[] = [];
  const open: Table[] = [];
  let row: Cell[] | null = null;
  let cell: Cell | null = null;
  let header: string | null | undefined;
  let strongDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const table = open[open.length - 1];
        if (name === 'table') open.push({ id: attribs['id'] ?? null, headers: [], rows: [] });
        else if (!table) return;
        else if (name === 'tr') row = [];
        else if (name === 'th') header = attribs['data-name'] ?? null;
        else if (name === 'td') cell = { order: attribs['data-order'] ?? null, search: attribs['data-search'] ?? null, text: '', strong: '' };
        else if (name === 'strong' && cell) strongDepth++;
      },
      ontext(text) {
        if (!cell) return;
        cell.text += text;
        if (strongDepth > 0) cell.strong += text;
      },
      onclosetag(name) {
        const table = open[open.length - 1];
        if (name === 'table') {
          const closed = open.pop();
          if (closed) done.push(closed);
        } else if (!table) return;
        else if (name === 'th' && header !== undefined) {
          table.headers.push(header);
          header = undefined;
        } else if (name === 'td' && cell) {
          row?.push(cell);
          cell = null;
          strongDepth = 0;
        } else if (name === 'strong' && strongDepth > 0) strongDepth--;
        else if (name === 'tr') {
          if (row && row.length > 0) table.rows.push(row);
          row = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  // A table left open by a truncated page still counts.
  return [...done, ...open];
}

export function parseMarketWatch(html: string): Result<Quote[], string> {
  const tables = scanTables(html);
  const table = tables.find((t) => t.id === 'marketWatchTable') ?? tables.find((t) => t.headers.includes('symbol'));
  if (!table) return err('no market-watch table: an error page or a new layout');
  const columns = readColumns(table.headers);
  const quotes: Quote[] = [];
  for (const cells of table.rows) {
    const quote = readRow(cells, columns);
    if (quote && !isFuturesContract(quote.symbol)) quotes.push(quote);
  }
  if (quotes.length === 0) return err('the market-watch table has no readable rows');
  return ok(quotes);
}

function readColumns(headers: (string | null)[]): Record<Column, number> {
  const found: Partial<Record<Column, number>> = {};
  headers.forEach((name, index) => {
    if (name !== null && name in DEFAULT_COLUMNS) found[name as Column] = index;
  });
  // Trust the headers only when they name the essentials; otherwise assume the known order.
  return found.symbol !== undefined && found.close !== undefined ? { ...DEFAULT_COLUMNS, ...found } : DEFAULT_COLUMNS;
}

function readRow(cells: Cell[], columns: Record<Column, number>): Quote | null {
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

function readSymbol(cell: Cell): string | null {
  // `data-order`/`data-search` hold the bare symbol; the text may carry tags such as `XD`.
  const raw = cell.order ?? cell.search ?? (cell.strong.trim() !== '' ? cell.strong : cell.text);
  const symbol = raw.trim().toUpperCase();
  return isSymbol(symbol) ? symbol : null;
}

/** The raw `data-order` value when the cell has one; the printed text only when it has not. */
function cellNumber(cell: Cell | undefined): number | null {
  if (!cell) return null;
  return cell.order !== null ? parseRawNumber(cell.order) : parseDisplayNumber(cell.text);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
