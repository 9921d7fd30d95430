/**
 * Reading a watchlist CSV: an optional `symbol` header (other columns, such as a portfolio
 * tool's `quantity,average price`, are allowed and ignored for now), then one symbol per line.
 * The CSV replaces the watchlist and touches nothing else.
 */
import { err, ok, type Result } from '../result';
import type { ImportPlan, KnownSymbols } from './format';
import { screenSymbols, type SymbolCandidate } from './symbols';
import { nothingImportable } from './warnings';

/**
 * One record's cells (RFC 4180 quoting: `"a,b"` and `""` inside quotes). A quoted cell spread
 * over several lines is not supported: no column this reader uses can hold a line break.
 */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

const isBlank = (cells: string[]): boolean => cells.every((c) => c === '');

export function parseWatchlistCsv(text: string, fileName: string, known: KnownSymbols): Result<ImportPlan, string> {
  // Excel writes a BOM; files from old Macs end lines with a bare CR.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let column = 0;
  let start = 0;
  const first = lines.findIndex((line) => !isBlank(splitCsvLine(line)));
  if (first !== -1) {
    const header = splitCsvLine(lines[first] ?? '').map((c) => c.toLowerCase());
    if (header.includes('symbol')) {
      column = header.indexOf('symbol');
      start = first + 1;
    }
  }
  const candidates: SymbolCandidate[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const cells = splitCsvLine(line);
    // Spreadsheets end files with empty rows (",,"): those are blank lines too.
    if (isBlank(cells)) continue;
    candidates.push({ position: i + 1, value: cells[column] ?? '', display: line });
  }
  const screened = screenSymbols(candidates, known);
  // A file that yields nothing would empty the watchlist: refuse it instead, and say why.
  if (screened.symbols.length === 0) return err(nothingImportable(screened));
  return ok({
    kind: 'watchlist-csv',
    fileName,
    settings: { watchlist: screened.symbols },
    unknownSymbols: screened.unknownSymbols,
    malformed: screened.malformed,
    warnings: screened.warnings,
  });
}
