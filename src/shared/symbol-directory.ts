/**
 * The PSX instrument directory (`/symbols`): names for the watchlist and the candidates for
 * search-to-add. Kept in `storage.local` apart from the snapshot, refreshed once a day.
 */
import { browser } from './browser';

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

export function normaliseDirectory(raw: unknown): SymbolDirectory {
  const value = raw as Partial<SymbolDirectory> | null;
  return {
    fetchedAt: typeof value?.fetchedAt === 'number' ? value.fetchedAt : null,
    instruments: Array.isArray(value?.instruments) ? value.instruments : [],
  };
}

export async function readDirectory(): Promise<SymbolDirectory> {
  return normaliseDirectory((await browser.storage.local.get(SYMBOLS_KEY))[SYMBOLS_KEY]);
}

export async function writeDirectory(directory: SymbolDirectory): Promise<void> {
  await browser.storage.local.set({ [SYMBOLS_KEY]: directory });
}

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
