/**
 * PSX data portal client: the home page (token, indices, board state) and, when wanted, the
 * market watch (every symbol). At most three requests: home, market watch, and on a 403 one
 * more home page for a fresh token followed by the one retry.
 */
import type { IndexQuote, MarketStatus, Quote, SourceError } from '../../shared/model';
import { err, ok, type Result } from '../../shared/result';
import { fetchText, type FetchTextOptions } from '../http';
import { parseHomePage, type HomePage } from './home-page';
import { parseMarketWatchReading, type MarketWatchReading } from './market-watch';

export const PORTAL_ORIGIN = 'https://dps.psx.com.pk';
export const HOME_URL = `${PORTAL_ORIGIN}/`;
export const MARKET_WATCH_URL = `${PORTAL_ORIGIN}/market-watch`;

export interface PortalReading {
  indices: IndexQuote[];
  market: MarketStatus | null;
  asOf: number | null;
  /** Null when the caller chose not to fetch quotes (market closed, closing figures held). */
  quotes: Quote[] | null;
  /** A market-watch failure that did not stop the home page from delivering indices. */
  quotesError: SourceError | null;
  /** Market-watch rows left out: a value unreadable, or change and % disagreeing with the prices. */
  quotesDropped: number;
  /** The freshest request token seen, for the other token-gated routes of this cycle. */
  token: string | null;
}

export interface ReadPortalOptions extends FetchTextOptions {
  /** Decides, from the board state just read, whether the market watch is worth a request. */
  wantQuotes: (market: MarketStatus | null) => boolean;
  /**
   * The symbols known to exist, asked for only when the market watch is read: with them a marker
   * glued to a symbol printed without its raw value (`PPLXDXB`) is split off (market-watch.ts).
   */
  knownSymbols?: () => Promise<((symbol: string) => boolean) | undefined>;
}

export async function readPortal(options: ReadPortalOptions): Promise<Result<PortalReading, SourceError>> {
  const now = options.now ?? Date.now;
  const home = await fetchHome(options);
  if (!home.ok) return home;
  const { indices, market, asOf } = home.value;
  let token = home.value.token;
  if (!options.wantQuotes(market)) return ok({ indices, market, asOf, quotes: null, quotesError: null, quotesDropped: 0, token });

  let watch = await fetchMarketWatch(token, options);
  if (!watch.ok && watch.error.kind === 'forbidden') {
    // The token rotates every few minutes; re-read it once, then give up for this cycle.
    const again = await fetchHome(options);
    if (again.ok) {
      token = again.value.token;
      watch = await fetchMarketWatch(token, options);
    }
  }
  if (!watch.ok) return ok({ indices, market, asOf, quotes: null, quotesError: watch.error, quotesDropped: 0, token });
  return ok({ indices, market, asOf, quotes: watch.value.quotes, quotesError: null, quotesDropped: watch.value.dropped, token });

  async function fetchHome(opts: FetchTextOptions): Promise<Result<HomePage, SourceError>> {
    const response = await fetchText(HOME_URL, { ...opts, headers: { Accept: 'text/html' } });
    if (!response.ok) return response;
    const parsed = parseHomePage(response.value.text);
    return parsed.ok ? parsed : err({ kind: 'parse', detail: `home page: ${parsed.error}`, at: now() });
  }

  async function fetchMarketWatch(token: string | null, opts: FetchTextOptions): Promise<Result<MarketWatchReading, SourceError>> {
    const response = await fetchText(MARKET_WATCH_URL, { ...opts, headers: dataRequestHeaders(token) });
    if (!response.ok) return response;
    const known = await options.knownSymbols?.();
    const parsed = parseMarketWatchReading(response.value.text, undefined, known ? { known } : {});
    return parsed.ok ? parsed : err({ kind: 'parse', detail: `market watch: ${parsed.error}`, at: now() });
  }
}

/** The headers the portal's own pages send on data requests; no token means fail open. */
export function dataRequestHeaders(token: string | null): Record<string, string> {
  return {
    Accept: 'text/html, */*; q=0.01',
    'X-Requested-With': 'XMLHttpRequest',
    ...(token ? { 'X-Req-Id': token } : {}),
  };
}
