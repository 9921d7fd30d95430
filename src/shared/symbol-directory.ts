/**
 * The PSX instrument directory (`/symbols`): names for the watchlist and the candidates for
 * search-to-add. Kept in `storage.local` apart from the market view, refreshed once a day.
 * 0.1.0 stored the same shape bare under the same key: version 0, read as it is.
 */
import { isSymbol } from './symbol';
import { defineItem } from './storage/item';

export interface Instrument {
  symbol: string;
  name: string;
  sector: string;
  isETF: boolean;
  isDebt: boolean;
}

export interface SymbolDirectory {
  fetchedAt: number | null;
  instruments: Instrument[];
}

export const SYMBOLS_KEY = 'symbols';

function instrument(raw: unknown): Instrument | null {
  const i = raw as Partial<Record<keyof Instrument, unknown>> | null;
  if (typeof i?.symbol !== 'string' || !isSymbol(i.symbol)) return null;
  const text = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 120) : '');
  return { symbol: i.symbol, name: text(i.name), sector: text(i.sector), isETF: i.isETF === true, isDebt: i.isDebt === true };
}

export function normaliseDirectory(raw: unknown): SymbolDirectory {
  const value = raw as Partial<Record<keyof SymbolDirectory, unknown>> | null;
  return {
    fetchedAt: typeof value?.fetchedAt === 'number' ? value.fetchedAt : null,
    instruments: Array.isArray(value?.instruments)
      ? value.instruments.map(instrument).filter((i): i is Instrument => i !== null).slice(0, 5_000)
      : [],
  };
}

export const directoryItem = defineItem<SymbolDirectory>({
  area: 'local',
  key: SYMBOLS_KEY,
  version: 1,
  normalise: normaliseDirectory,
});

/**
 * Candidates for a query: symbol prefix first, then a word of the name starting with it; debt
 * instruments (sukuks, bills) only when asked for, since people add shares far more often.
 */
export function searchInstruments(
  instruments: Instrument[],
  query: string,
  { includeDebt = false, limit = 8 }: { includeDebt?: boolean; limit?: number } = {},
): Instrument[] {
  const q = query.trim().toUpperCase();
  if (q === '') return [];
  const rank = (i: Instrument): number => {
    if (i.symbol.startsWith(q)) return i.symbol === q ? 0 : 1;
    return i.name.toUpperCase().split(/[^A-Z0-9]+/).some((w) => w.startsWith(q)) ? 2 : -1;
  };
  return instruments
    .filter((i) => includeDebt || !i.isDebt)
    .map((i) => ({ i, r: rank(i) }))
    .filter(({ r }) => r >= 0)
    .sort((a, b) => a.r - b.r || a.i.symbol.localeCompare(b.i.symbol))
    .slice(0, limit)
    .map(({ i }) => i);
}
