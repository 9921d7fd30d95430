/**
 * Top movers of the regular board (issue 12): gainers, losers and most active. Computed where
 * they are shown, by the popup from the `board` session item, not stored in the market view:
 * thirty rows there would add kilobytes to every write the bar's tabs are sent.
 */
import type { Quote } from '../model';
import { latestRead } from './regular-board';

export interface Mover {
  symbol: string;
  price: number;
  change: number;
  changePercent: number;
  volume: number | null;
}

export interface Movers {
  /** Rising symbols, biggest % first. */
  gainers: Mover[];
  /** Falling symbols, biggest % fall first. */
  losers: Mover[];
  /** Symbols by volume, biggest first; a symbol without a volume is not among them. */
  active: Mover[];
}

export const MOVERS_LIMIT = 10;

const mover = (q: Quote): Mover => ({ symbol: q.symbol, price: q.price, change: q.change, changePercent: q.changePercent, volume: q.volume });

/** Code-unit order, not locale order: the same list on every machine. */
const bySymbol = (a: Quote, b: Quote): number => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0);

/**
 * The top `limit` of each list from the board's latest read; ties go to the symbol first in
 * alphabetical order. An unchanged symbol is neither a gainer nor a loser, and a volume of 0 is
 * no activity: on a quiet day a list may be shorter than `limit`.
 */
export function topMovers(board: Readonly<Record<string, Quote>>, limit = MOVERS_LIMIT): Movers {
  const { quotes } = latestRead(board);
  const top = (keep: (q: Quote) => boolean, order: (a: Quote, b: Quote) => number): Mover[] =>
    quotes
      .filter(keep)
      .sort((a, b) => order(a, b) || bySymbol(a, b))
      .slice(0, limit)
      .map(mover);
  return {
    gainers: top((q) => q.change > 0, (a, b) => b.changePercent - a.changePercent),
    losers: top((q) => q.change < 0, (a, b) => a.changePercent - b.changePercent),
    active: top((q) => q.volume !== null && q.volume > 0, (a, b) => (b.volume ?? 0) - (a.volume ?? 0)),
  };
}
