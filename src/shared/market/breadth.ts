/**
 * Market breadth of the regular board (issue 12): how many symbols rose, fell and stood still,
 * and the day's volume, from the market watch already read. Computed by the background and
 * stored in the market view (a few numbers), so the popup, the bar and the badge can all show it.
 */
import type { Quote } from '../model';
import { latestRead } from './regular-board';

export interface MarketBreadth {
  /** Symbols whose change is above 0. */
  advancers: number;
  /** Symbols whose change is below 0. */
  decliners: number;
  /** Symbols whose change is exactly 0. */
  unchanged: number;
  /** Sum of the volumes the board gives; null when no symbol had one (never a made-up 0). */
  volume: number | null;
  /** Symbols counted above whose volume was unreadable or absent, so the sum leaves them out. */
  noVolume: number;
  /** When the market watch counted here was read (UTC ms). */
  at: number;
}

/**
 * The breadth of the board's latest read: futures contracts and malformed symbols are not the
 * regular market, and a held watchlist quote from an older read is not today's board (see
 * `latestRead`). Null when no regular-market quote is left to count. `readAt` stands in for the
 * read's time when the quotes carry none.
 */
export function marketBreadth(board: Readonly<Record<string, Quote>>, readAt: number): MarketBreadth | null {
  const { quotes, at } = latestRead(board);
  if (quotes.length === 0) return null;
  let advancers = 0;
  let decliners = 0;
  let unchanged = 0;
  let volume: number | null = null;
  let noVolume = 0;
  for (const q of quotes) {
    if (q.change > 0) advancers++;
    else if (q.change < 0) decliners++;
    else unchanged++;
    if (q.volume === null) noVolume++;
    else volume = (volume ?? 0) + q.volume;
  }
  return { advancers, decliners, unchanged, volume, noVolume, at: at ?? readAt };
}

/**
 * Of two breadths, the one from the later read: a re-publish reads the board before taking the
 * market view's lock, so a cycle may have stored a newer breadth in between (publish.ts).
 */
export function newerBreadth(a: MarketBreadth | null | undefined, b: MarketBreadth | null | undefined): MarketBreadth | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return a.at >= b.at ? a : b;
}
