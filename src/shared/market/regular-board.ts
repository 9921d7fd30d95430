/**
 * Which quotes make up the regular board that breadth and movers are counted over (issue 12).
 * Here in shared/, not in the market-watch parser, because the popup computes the movers from the
 * `board` session item itself and UIs never import sources/.
 */
import type { Quote } from '../model';
import { isSymbol } from '../symbol';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * Futures contracts share the market watch as `SYM-MON` (`HUBC-OCT`, sometimes `HUBC-OCTB`);
 * the plain symbol is the regular market, which is what the ticker shows.
 */
export function isFuturesContract(symbol: string): boolean {
  const dash = symbol.lastIndexOf('-');
  if (dash <= 0 || symbol.length < dash + 4) return false;
  return MONTHS.includes(symbol.slice(dash + 1, dash + 4));
}

/** A symbol of the regular market: a well-formed symbol that is not a futures contract. */
export function isRegularMarketSymbol(symbol: string): boolean {
  return isSymbol(symbol) && !isFuturesContract(symbol);
}

export interface BoardRead {
  /** The regular-market quotes of the latest read, in the board's own order. */
  quotes: Quote[];
  /** When that read was made; null when the quotes carry no time (stored by 0.1.0). */
  at: number | null;
}

/**
 * The regular-market quotes of the board's latest read. A watchlist symbol the latest read left
 * out keeps its older quote in the board (withHeldQuotes); counting it would mix two moments,
 * so only the quotes stamped with the newest `readAt` are kept.
 */
export function latestRead(board: Readonly<Record<string, Quote>>): BoardRead {
  let at: number | null = null;
  for (const symbol in board) {
    const readAt = board[symbol]?.readAt;
    if (readAt !== undefined && (at === null || readAt > at)) at = readAt;
  }
  const quotes: Quote[] = [];
  for (const symbol in board) {
    const quote = board[symbol];
    if (quote === undefined || !isRegularMarketSymbol(symbol)) continue;
    if (at !== null && quote.readAt !== at) continue;
    quotes.push(quote);
  }
  return { quotes, at };
}
