/**
 * PSX Terminal (psxterminal.com), a third-party JSON API used only as a fallback when the
 * portal has failed several cycles in a row. One request for every regular-market symbol, one
 * per index shown. Its `changePercent` is a fraction (0.004161 = 0.42 %).
 */
import type { IndexQuote, Quote, SourceError } from '../../shared/model';
import { err, ok, type Result } from '../../shared/result';
import { isSymbol } from '../../shared/symbol';
import { fetchText, type FetchTextOptions } from '../http';

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

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function tickToQuote(symbol: string, tick: Tick): Quote | null {
  const price = num(tick.price);
  const change = num(tick.change);
  if (price === null || change === null) return null;
  const fraction = num(tick.changePercent);
  const previousClose = price - change;
  return {
    symbol,
    price,
    change,
    changePercent: fraction !== null ? fraction * 100 : previousClose !== 0 ? (change / previousClose) * 100 : 0,
    previousClose: Math.round(previousClose * 10_000) / 10_000,
    open: null,
    high: num(tick.high),
    low: num(tick.low),
    volume: num(tick.volume),
  };
}

/** `{ success, data: { REG: { SYM: tick, … } } }`; symbols with unusable ticks are skipped. */
export function parseMarketData(json: unknown): Result<Quote[], string> {
  const data = (json as { success?: unknown; data?: { REG?: unknown } } | null)?.data;
  const board = data?.REG;
  if (board === null || typeof board !== 'object') return err('no REG board in the market data');
  const quotes = Object.entries(board as Record<string, Tick>)
    .map(([symbol, tick]) => {
      const upper = symbol.trim().toUpperCase();
      return isSymbol(upper) && tick && typeof tick === 'object' ? tickToQuote(upper, tick) : null;
    })
    .filter((q): q is Quote => q !== null);
  return quotes.length > 0 ? ok(quotes) : err('the market data lists no usable symbol');
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
  const quotes = parseMarketData(market.value);
  if (!quotes.ok) return err({ kind: 'parse', detail: quotes.error, at: now() });
  const indices: IndexQuote[] = [];
  for (const code of indexCodes) {
    const tick = await getJson(indexTickUrl(code), options);
    if (!tick.ok) continue; // an index missing is no reason to throw away every quote
    const parsed = parseIndexTick(code, tick.value);
    if (parsed.ok) indices.push(parsed.value);
  }
  return ok({ quotes: quotes.value, indices });
}
