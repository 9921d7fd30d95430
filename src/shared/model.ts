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
  /** When the extension read it; a watchlist symbol missing from a later read keeps this older time. */
  readAt?: number;
  /**
   * The exchange marks the symbol as trading ex-entitlement today (a tag beside the symbol, or a
   * suffix such as `KELXD`), in the order XD, XB, XR; absent when it marks none.
   */
  entitlements?: Entitlement[];
  /**
   * The market watch's LISTED IN column names a KMI index (KMI30, KMIALLSHR …) for the symbol: the
   * exchange's own Shariah-compliant lists, not a judgement of ours. Absent when it does not, or
   * when the column could not be read.
   */
  shariah?: true;
}

/** Ex-dividend, ex-bonus, ex-right: the symbol trades without that entitlement from today. */
export type Entitlement = 'XD' | 'XB' | 'XR';

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
  /** Stable key within a feed: guid, else link, else title. */
  id: string;
  feedId: string;
  /** The feed's own guid or Atom id, for de-duplication across feeds. */
  guid?: string | null;
  /** When the extension first saw this story; the popup marks stories seen since it last opened. */
  firstSeenAt?: number;
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
  | 'parse'
  /** Our own fault: an exception or a storage write the browser refused. */
  | 'internal'
  /** The user took the host access back in the browser: nothing is fetched until it is granted again. */
  | 'no-access';

export interface SourceError {
  kind: ErrorKind;
  /** Short technical detail for the options page and logs (`HTTP 503`, `no rows`). */
  detail: string;
  at: number;
  /** When the server said to come back (`Retry-After`), if it did. */
  retryAt?: number;
}

/**
 * Health of one source, persisted so that a worker stopped at any moment resumes with the same
 * backoff: when it last delivered data, what went wrong since, and when it may be asked again.
 */
export interface SourceStatus {
  /** `ok` after a success; `failing` after a failure; `stale` is judged by readers from `lastOk`. */
  state: 'ok' | 'stale' | 'failing';
  /** Last time this source was asked, whatever came of it. */
  attemptedAt: number | null;
  /** Last time this source delivered data that parsed. */
  lastOk: number | null;
  /** The last failure, cleared by the next success. */
  lastError: SourceError | null;
  /** When the current run of failures began (the "unreachable since" time); absent when ok. */
  failingSince?: number;
  /** Failures in a row; 0 after a success. Drives the backoff and the fallback source. */
  failures: number;
  /** Not to be asked before this time (backoff, `Retry-After`); null when free to ask. */
  nextTry: number | null;
}

/** Where the quotes and indices on screen came from. */
export type QuoteSource = 'psx-portal' | 'psx-terminal';

/**
 * `psx-home`: the portal home page (indices, board state); `psx-quotes`: the market watch;
 * `psx-terminal`: the fallback quote source; `psx-symbols`: the instrument directory;
 * `psx-series`: intraday series; `feed:<id>`: one news feed.
 */
export type SourceId = 'psx-home' | 'psx-quotes' | 'psx-terminal' | 'psx-symbols' | 'psx-series' | `feed:${string}`;

export interface Snapshot {
  quotes: Record<string, Quote>;
  indices: Record<string, IndexQuote>;
  stories: Story[];
  market: MarketStatus | null;
  /** The portal's own "as of" time for the figures, when it prints one. */
  marketAsOf: number | null;
  /** When the board state in `market` was read; the timetable stands in when it is old. */
  marketReadAt: number | null;
  /** Which source the quotes and indices on screen came from. */
  quoteSource: QuoteSource;
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
  marketReadAt: null,
  quoteSource: 'psx-portal',
  sources: {},
  closingQuotesHeld: false,
  updatedAt: null,
});
