/**
 * Holdings as CSV (issue 12): `symbol,quantity,average price`, the shape portfolio trackers
 * and brokers' statements export. Written with that header, CRLF, A–Z. Read with the header
 * optional, as the watchlist CSV is (csv.ts): a file is a holdings list when its first row
 * names a symbol, a quantity and an average price column (in any order, in the words brokers'
 * statements use), or, without a header, when its first row has exactly three cells with a
 * quantity (an empty average price is then a line refused, not a watchlist that would replace
 * the user's). A symbol and a quantity alone stay a watchlist CSV (csv.ts), as before holdings.
 *
 * A line that is not a holding is skipped and named with its line number and why; a symbol
 * PSX does not list is reported and skipped, as the watchlist import does; nothing is imported
 * from a file that yields no holding.
 */
import { isSymbol } from '../symbol';
import type { Holdings } from '../holdings/model';
import { checkImported } from '../holdings/validate';
import { err, ok, type Result } from '../result';
import { splitCsvLine } from './csv';
import type { ImportPlan, KnownSymbols } from './format';
import { HoldingsCollector, holdingsData, notASymbol } from './holdings';
import { counted, joined, text } from './i18n';

export const HOLDINGS_CSV_HEADER = 'symbol,quantity,average price';

/** Only real symbols and plain numbers are written: no cell can start a spreadsheet formula. */
export function exportHoldingsCsv(holdings: Holdings): string {
  const rows = [HOLDINGS_CSV_HEADER, ...holdingsData(holdings).filter((e) => isSymbol(e.symbol)).map((e) => `${e.symbol},${e.quantity},${e.averagePrice}`)];
  return rows.map((row) => `${row}\r\n`).join('');
}

const SYMBOL_NAMES = ['symbol', 'scrip', 'ticker', 'symbol code'];
const QUANTITY_NAMES = ['quantity', 'qty', 'shares', 'quantity (shares)'];
const AVERAGE_NAMES = ['average price', 'average', 'avg price', 'average cost', 'avg cost', 'average price (pkr)', 'avg. price', 'avg rate', 'average rate', 'avg'];

interface Columns {
  symbol: number;
  quantity: number;
  averagePrice: number;
  /** The index of the first line of data. */
  start: number;
}

const isBlank = (cells: string[]): boolean => cells.every((c) => c === '');
const norm = (cell: string): string => cell.toLowerCase().replace(/\s+/g, ' ').trim();

/** Where the holdings are in these lines, or null when they are no holdings list. */
export function holdingsColumns(lines: readonly string[]): Columns | null {
  const first = lines.findIndex((line) => !isBlank(splitCsvLine(line)));
  if (first === -1) return null;
  const cells = splitCsvLine(lines[first] ?? '');
  const header = cells.map(norm);
  const symbol = header.findIndex((c) => SYMBOL_NAMES.includes(c));
  if (symbol !== -1) {
    const quantity = header.findIndex((c) => QUANTITY_NAMES.includes(c));
    const averagePrice = header.findIndex((c) => AVERAGE_NAMES.includes(c));
    return quantity === -1 || averagePrice === -1 ? null : { symbol, quantity, averagePrice, start: first + 1 };
  }
  if (cells.length === 3 && cells[1] !== '') return { symbol: 0, quantity: 1, averagePrice: 2, start: first };
  return null;
}

export function parseHoldingsCsv(lines: readonly string[], columns: Columns, fileName: string, known: KnownSymbols): Result<ImportPlan, string> {
  const collect = new HoldingsCollector(known);
  for (let i = columns.start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const cells = splitCsvLine(line);
    if (isBlank(cells)) continue;
    const symbol = (cells[columns.symbol] ?? '').toUpperCase();
    if (!isSymbol(symbol)) {
      collect.bad(i + 1, line, notASymbol());
      continue;
    }
    const checked = checkImported({ quantity: cells[columns.quantity] ?? '', averagePrice: cells[columns.averagePrice] ?? '' });
    if (checked.ok) collect.add(symbol, checked.value);
    else collect.bad(i + 1, line, checked.error);
  }
  const { holdings, unknownSymbols, warnings } = collect.done('line');
  if (holdings.entries.length === 0) return err(nothingImportable(holdings.malformed.length, unknownSymbols.length));
  return ok({
    kind: 'holdings-csv',
    fileName,
    settings: {},
    unknownSymbols,
    malformed: [],
    warnings,
    holdings,
    watchlistAdds: holdings.entries.map((e) => e.symbol),
  });
}

function nothingImportable(malformed: number, unknown: number): string {
  const reasons: string[] = [];
  if (malformed > 0) reasons.push(counted('backup_reason_lines_not_holdings', malformed));
  if (unknown > 0) reasons.push(counted('backup_reason_not_listed', unknown));
  return reasons.length === 0 ? text().t('backup_no_holdings') : text().t('backup_no_holding_importable', { reasons: joined(reasons) });
}
