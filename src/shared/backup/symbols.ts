/**
 * Checking the symbols a file brings, wherever they come from (a backup's watchlist or a CSV's
 * lines), the same way: well-formed, listed on PSX when the directory is known, no repeats,
 * no more than a watchlist holds. Nothing doubtful is imported; everything skipped is reported.
 */
import { MAX_WATCHLIST } from '../settings';
import { isSymbol } from '../symbol';
import { clip, type KnownSymbols, type MalformedEntry } from './format';
import { figure, text } from './i18n';

/** One candidate: what the file holds at a place (a line number, or a place in a list). */
export interface SymbolCandidate {
  position: number;
  /** The raw value; anything that is not a string is malformed. */
  value: unknown;
  /** What to show if it is malformed; defaults to the value itself. */
  display?: string;
}

export interface ScreenedSymbols {
  /** Importable, in the file's order, at most MAX_WATCHLIST. */
  symbols: string[];
  unknownSymbols: string[];
  malformed: MalformedEntry[];
  warnings: string[];
}

function shown(candidate: SymbolCandidate): string {
  if (candidate.display !== undefined) return clip(candidate.display);
  const { value } = candidate;
  return clip(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));
}

export function screenSymbols(candidates: readonly SymbolCandidate[], known: KnownSymbols): ScreenedSymbols {
  const symbols: string[] = [];
  const unknownSymbols: string[] = [];
  const malformed: MalformedEntry[] = [];
  // Seen covers unknown symbols too, so a repeated unknown one is reported once.
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const symbol = typeof candidate.value === 'string' ? candidate.value.trim().toUpperCase() : '';
    if (!isSymbol(symbol)) {
      malformed.push({ position: candidate.position, text: shown(candidate) });
      continue;
    }
    if (seen.has(symbol)) continue;
    seen.add(symbol);
    if (known.symbols !== null && !known.symbols.has(symbol)) unknownSymbols.push(symbol);
    else symbols.push(symbol);
  }
  const warnings: string[] = [];
  if (symbols.length > MAX_WATCHLIST) {
    warnings.push(text().t('backup_too_many_symbols', { count: figure(symbols.length), max: figure(MAX_WATCHLIST) }));
  }
  return { symbols: symbols.slice(0, MAX_WATCHLIST), unknownSymbols, malformed, warnings };
}
