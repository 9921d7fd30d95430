/**
 * PSX Terminal (psxterminal.com), a third-party JSON API used only as a fallback when the
 * portal has failed several cycles in a row. One request for every regular-market symbol, one
 * per index shown. Its `changePercent` is a fraction (0.004161 = 0.42 %).
 */
import type { IndexQuote, Quote, SourceError } from '../../shared/model';
import { err, ok, type Result } from '../../shared/result';
import { isSymbol } from '../../shared/symbol';
import { fetchText, type FetchTextOptions } from '../http';
import { asPrice, asSigned, asVolume, jsonNumber, percentAgrees } from '../numbers';

export const TERMINAL_ORIGIN = 'https://psxterminal.com';
export const MARKET_DATA_URL = `${TERMINAL_ORIGIN}/api/market-data?market=REG`;
export const indexTickUrl = (code: string): string => `${TERMINAL_ORIGIN}/api/ticks/IDX/${encodeURIComponent(code)}`;

interface Tick {
  symbol?: unknown;
  price?: unknown;
  change?: unknown;
  changePercent?: unknown;
  volume?: unknown;
  high?: unknown;
  low?: unknown;
}

/**
 * A tick as a quote, or null when it cannot be shown: a price that is not a number above zero, a
 * change that is not a number, a % (a fraction here) that disagrees with the change, or no
 * previous close (price − change) above zero to measure a change against. Without a fraction
 * the % is computed from the change and that previous close; it is never made up as 0.
 */
export function tickToQuote(symbol: string, tick: Tick): Quote | null {
  const price = asPrice(jsonNumber(tick.price));
  const change = asSigned(jsonNumber(tick.change));
  if (price === null || change === null) return null;
  const previousClose = asPrice(round(price - change, 4));
  if (previousClose === null) return null;
  const fraction = asSigned(jsonNumber(tick.changePercent));
  const changePercent = fraction !== null ? asSigned(fraction * 100) : (change / previousClose) * 100;
  if (changePercent === null || !percentAgrees(previousClose, change, changePercent)) return null;
  return {
    symbol,
    price,
    change,
    changePercent,
    previousClose,
    open: null,
    high: asPrice(jsonNumber(tick.high)),
    low: asPrice(jsonNumber(tick.low)),
    volume: asVolume(jsonNumber(tick.volume)),
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface MarketDataReading {
  quotes: Quote[];
  /** Symbols of the board left out because their tick was unusable (see tickToQuote). */
  dropped: number;
}

/** `{ success, data: { REG: { SYM: tick, … } } }`, with the count of symbols whose tick was unusable. */
export function parseMarketDataReading(json: unknown): Result<MarketDataReading, string> {
  const data = (json as { success?: unknown; data?: { REG?: unknown } } | null)?.data;
  const board = data?.REG;
  if (board === null || typeof board !== 'object') return err('no REG board in the market data');
  const quotes: Quote[] = [];
  let dropped = 0;
  for (const [symbol, tick] of Object.entries(board as Record<string, Tick>)) {
    const upper = symbol.trim().toUpperCase();
    const quote = isSymbol(upper) && tick && typeof tick === 'object' ? tickToQuote(upper, tick) : null;
    if (quote !== null) quotes.push(quote);
    else dropped++;
  }
  return quotes.length > 0 ? ok({ quotes, dropped }) : err('the market data lists no usable symbol');
}

/** The quotes alone; symbols with unusable ticks are skipped. */
export function parseMarketData(json: unknown): Result<Quote[], string> {
  const reading = parseMarketDataReading(json);
  return reading.ok ? ok(reading.value.quotes) : reading;
}

export function parseIndexTick(code: string, json: unknown): Result<IndexQuote, string> {
  const tick = (json as { data?: unknown } | null)?.data;
  if (tick === null || typeof tick !== 'object') return err(`no tick for ${code}`);
  const quote = tickToQuote(code, tick as Tick);
  if (quote === null) return err(`unusable tick for ${code}`);
  return ok({ code, value: quote.price, change: quote.change, changePercent: quote.changePercent, staleDate: null });
}

export interface TerminalReading {
  quotes: Quote[];
  /** Symbols of the board left out because their tick was unusable. */
  dropped: number;
  indices: IndexQuote[];
}

async function getJson(url: string, options: FetchTextOptions): Promise<Result<unknown, SourceError>> {
  const now = options.now ?? Date.now;
  const response = await fetchText(url, { ...options, headers: { Accept: 'application/json' } });
  if (!response.ok) return response;
  try {
    return ok(JSON.parse(response.value.text) as unknown);
  } catch {
    return err({ kind: 'parse', detail: `${url}: not JSON`, at: now() });
  }
}

export async function readTerminal(indexCodes: string[], options: FetchTextOptions = {}): Promise<Result<TerminalReading, SourceError>> {
  const now = options.now ?? Date.now;
  const market = await getJson(MARKET_DATA_URL, options);
  if (!market.ok) return market;
  const board = parseMarketDataReading(market.value);
  if (!board.ok) return err({ kind: 'parse', detail: board.error, at: now() });
  const indices: IndexQuote[] = [];
  for (const code of indexCodes) {
    const tick = await getJson(indexTickUrl(code), options);
    if (!tick.ok) continue; // an index missing is no reason to throw away every quote
    const parsed = parseIndexTick(code, tick.value);
    if (parsed.ok) indices.push(parsed.value);
  }
  return ok({ quotes: board.value.quotes, dropped: board.value.dropped, indices });
}
