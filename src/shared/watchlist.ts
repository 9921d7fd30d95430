/**
 * Editing the watchlist: pure functions from one settings value to the next, so the popup's
 * keyboard and mouse paths share one tested implementation.
 */
import type { Quote } from './model';
import { BUSINESS_RECORDER_WATCHLIST, MAX_WATCHLIST, type Settings, type WatchlistSort } from './settings';

export function addSymbol(settings: Settings, symbol: string): Settings {
  const s = symbol.trim().toUpperCase();
  if (s === '' || settings.watchlist.includes(s) || settings.watchlist.length >= MAX_WATCHLIST) return settings;
  return { ...settings, watchlist: [...settings.watchlist, s] };
}

export function removeSymbol(settings: Settings, symbol: string): Settings {
  return { ...settings, watchlist: settings.watchlist.filter((s) => s !== symbol) };
}

/** Moves a symbol to another index of the user's order (drag and drop, Alt+↑/↓). */
export function moveSymbol(settings: Settings, symbol: string, to: number): Settings {
  const list = settings.watchlist.filter((s) => s !== symbol);
  if (list.length === settings.watchlist.length) return settings;
  const index = Math.max(0, Math.min(list.length, to));
  list.splice(index, 0, symbol);
  return { ...settings, watchlist: list };
}

export function restoreBusinessRecorderList(settings: Settings): Settings {
  return { ...settings, watchlist: [...BUSINESS_RECORDER_WATCHLIST] };
}

/** The rows in display order; symbols without a quote sink to the end of a % sort. */
export function sortedSymbols(symbols: readonly string[], quotes: Record<string, Quote>, sort: WatchlistSort): string[] {
  if (sort === 'symbol') return [...symbols].sort((a, b) => a.localeCompare(b));
  if (sort === 'change') {
    const pct = (s: string): number => quotes[s]?.changePercent ?? -Infinity;
    return [...symbols].sort((a, b) => pct(b) - pct(a) || a.localeCompare(b));
  }
  return [...symbols];
}
