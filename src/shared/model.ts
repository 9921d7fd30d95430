/**
 * The data the background writes and every UI reads. All times are UTC epoch milliseconds;
 * they are turned into a clock time only when shown (see format.ts).
 */

/** One instrument of the regular market, as the PSX market-watch table reports it. */
export interface Quote {
  symbol: string;
  /** Last traded price ("CURRENT"). */
  price: number;
  /** Absolute change against the last day's closing price. */
  change: number;
  /** Change in percent (5.82 means 5.82 %), never a fraction. */
  changePercent: number;
  /** Last day's closing price (LDCP), when the source gives it. */
  previousClose: number | null;
  open: number | null;
  high: number | null;
  low: number | null;
  volume: number | null;
}

/** One index (KSE100, KSE30, ALLSHR, ...). */
export interface IndexQuote {
  code: string;
  value: number;
  change: number;
  changePercent: number;
  /**
   * Set when the portal marks the index as not updated today (it then prints the date of its
   * value, `13-10-2026`); the UI says so instead of passing an old figure off as live.
   */
  staleDate: string | null;
}

/** The regular market's board state, normalised; `label` keeps the portal's own word. */
export type MarketPhase = 'pre-open' | 'open' | 'post-close' | 'closed' | 'unknown';

export interface MarketStatus {
  phase: MarketPhase;
  label: string;
}

export interface Story {
  /** Stable key for de-duplication: guid, else link, else title. */
  id: string;
  feedId: string;
  /** Plain text; never markup. */
  title: string;
  /** An absolute http(s) URL, or null when the feed gave no safe link. */
  link: string | null;
  /** Display name of the feed ("Business Recorder"). */
  source: string;
  publishedAt: number | null;
}

/** How a fetch or parse failed; the UI turns these into sentences, never stack traces. */
export type ErrorKind =
  | 'offline'
  | 'timeout'
  | 'network'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'http'
  | 'parse';

export interface SourceError {
  kind: ErrorKind;
  /** Short technical detail for the options page and logs (`HTTP 503`, `no rows`). */
  detail: string;
  at: number;
  /** When the server said to come back (`Retry-After`), if it did. */
  retryAt?: number;
}

/** Per-source bookkeeping: when it last delivered data, and what went wrong since. */
export interface SourceStatus {
  /** Last time this source was asked, whatever came of it. */
  attemptedAt: number | null;
  /** Last time this source delivered data that parsed. */
  fetchedAt: number | null;
  /** The last failure, cleared by the next success. */
  lastError: SourceError | null;
}

/**
 * `psx-home`: the portal home page (indices, board state); `psx-quotes`: the market watch;
 * `feed:<id>`: one news feed.
 */
export type SourceId = 'psx-home' | 'psx-quotes' | `feed:${string}`;

export interface Snapshot {
  quotes: Record<string, Quote>;
  indices: Record<string, IndexQuote>;
  stories: Story[];
  market: MarketStatus | null;
  /** The portal's own "as of" time for the figures, when it prints one. */
  marketAsOf: number | null;
  sources: Partial<Record<SourceId, SourceStatus>>;
  /**
   * True once the market watch has been read after the board last left trading, so the
   * closing figures are in and no more quote requests are due until the market opens again.
   */
  closingQuotesHeld: boolean;
  /** Last time any refresh cycle finished, successful or not. */
  updatedAt: number | null;
}

export const emptySnapshot = (): Snapshot => ({
  quotes: {},
  indices: {},
  stories: [],
  market: null,
  marketAsOf: null,
  sources: {},
  closingQuotesHeld: false,
  updatedAt: null,
});
