/**
 * Where the market data lives, split by who reads it and how often it changes:
 *
 * - `market` (storage.local): what the popup, the bar and the badge show — the watchlist's and
 *   the indices' quotes, the market state, each source's health and the presentation derived
 *   from them. Written every quotes cycle, so it is kept small: every tab showing the bar is
 *   sent the old and the new copy of each local write (BENCHMARKS.md, "bytes per cycle").
 * - `board` (storage.session): every symbol of the market watch, for search-to-add and for a
 *   symbol just added to the watchlist. Content scripts cannot see storage.session, so the
 *   ~500-row table never reaches a browsed page; after a browser restart it is read again.
 * - `stories` (storage.local): the news, written when a feed is read.
 *
 * The background assembles them into one `Snapshot` for a cycle and splits it again on write.
 */
import type { IndexQuote, Quote, Snapshot, Story } from './model';
import { emptySnapshot } from './model';
import { normalisePresentation, type Presentation } from './presentation';
import { defineItem, type LegacySource } from './storage/item';

/** 0.1.0 kept all of it in one local key. */
export const LEGACY_SNAPSHOT_KEY = 'snapshot';

/** What the UIs read every cycle: a snapshot without the stories, with its presentation. */
export type MarketState = Omit<Snapshot, 'stories'> & { presentation: Presentation | null };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** `[price, change, %, LDCP, open, high, low, volume, readAt]`: a third of the JSON of the object form. */
type QuoteRow = [number, number, number, number | null, number | null, number | null, number | null, number | null, number | null];
type IndexRow = [number, number, number, string | null];

export function encodeQuote(q: Quote): QuoteRow {
  return [q.price, q.change, q.changePercent, q.previousClose, q.open, q.high, q.low, q.volume, q.readAt ?? null];
}

/** Reads a quote in either form (0.1.0 stored objects); anything unreadable is dropped. */
export function decodeQuote(symbol: string, raw: unknown): Quote | null {
  if (Array.isArray(raw)) {
    const [price, change, changePercent, previousClose, open, high, low, volume, readAt] = raw.map(finite);
    // A price we cannot trust is no quote at all: absent, never shown as a number.
    if (price == null || price <= 0 || change == null || changePercent == null) return null;
    const quote: Quote = { symbol, price, change, changePercent, previousClose: previousClose ?? null, open: open ?? null, high: high ?? null, low: low ?? null, volume: volume ?? null };
    if (readAt != null) quote.readAt = readAt;
    return quote;
  }
  if (!isRecord(raw)) return null;
  return decodeQuote(symbol, [raw['price'], raw['change'], raw['changePercent'], raw['previousClose'], raw['open'], raw['high'], raw['low'], raw['volume'], raw['readAt']]);
}

function decodeIndex(code: string, raw: unknown): IndexQuote | null {
  const row = Array.isArray(raw) ? raw : isRecord(raw) ? [raw['value'], raw['change'], raw['changePercent'], raw['staleDate']] : null;
  if (row === null) return null;
  const [value, change, changePercent] = row.slice(0, 3).map(finite);
  if (value == null || change == null || changePercent == null) return null;
  return { code, value, change, changePercent, staleDate: typeof row[3] === 'string' ? row[3].slice(0, 20) : null };
}

function decodeAll<T>(raw: unknown, decode: (key: string, value: unknown) => T | null): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRecord(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    const decoded = decode(key, value);
    if (decoded !== null) out[key] = decoded;
  }
  return out;
}

/** Field by field; data of an older shape degrades to "no data" for that field, not a crash. */
export function normaliseMarket(raw: unknown): MarketState {
  const empty = emptySnapshot();
  const s = isRecord(raw) ? raw : {};
  return {
    quotes: decodeAll(s['quotes'], decodeQuote),
    indices: decodeAll(s['indices'], decodeIndex),
    market: isRecord(s['market']) && typeof s['market']['phase'] === 'string' ? (s['market'] as unknown as Snapshot['market']) : null,
    marketAsOf: finite(s['marketAsOf']),
    marketReadAt: finite(s['marketReadAt']),
    quoteSource: s['quoteSource'] === 'psx-terminal' ? 'psx-terminal' : 'psx-portal',
    sources: isRecord(s['sources']) ? (s['sources'] as Snapshot['sources']) : empty.sources,
    closingQuotesHeld: s['closingQuotesHeld'] === true,
    updatedAt: finite(s['updatedAt']),
    presentation: normalisePresentation(s['presentation']),
  };
}

function encodeMarket(state: MarketState): unknown {
  return {
    ...state,
    quotes: Object.fromEntries(Object.entries(state.quotes).map(([s, q]) => [s, encodeQuote(q)])),
    indices: Object.fromEntries(Object.entries(state.indices).map(([c, q]): [string, IndexRow] => [c, [q.value, q.change, q.changePercent, q.staleDate]])),
  };
}

const legacySnapshot: LegacySource = { area: 'local', key: LEGACY_SNAPSHOT_KEY, pick: (raw) => (isRecord(raw) ? raw : undefined) };

export const marketItem = defineItem<MarketState>({
  area: 'local',
  key: 'market',
  version: 1,
  normalise: normaliseMarket,
  encode: encodeMarket,
  legacy: legacySnapshot,
});

export function normaliseStories(raw: unknown): Story[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((s): s is Story => isRecord(s) && typeof s['id'] === 'string' && typeof s['title'] === 'string' && typeof s['feedId'] === 'string').slice(0, 200);
}

export const storiesItem = defineItem<Story[]>({
  area: 'local',
  key: 'stories',
  version: 1,
  normalise: normaliseStories,
  legacy: { ...legacySnapshot, pick: (raw) => (isRecord(raw) ? raw['stories'] : undefined) },
  // On a full disk, the newest half of the news is worth more than none.
  prune: (stories) => stories.slice(0, Math.ceil(stories.length / 2)),
});

export interface Board {
  /** Every symbol of the last market-watch read. */
  quotes: Record<string, Quote>;
  readAt: number | null;
}

export const boardItem = defineItem<Board>({
  area: 'session',
  key: 'board',
  version: 1,
  normalise: (raw) => {
    const s = isRecord(raw) ? raw : {};
    return { quotes: decodeAll(s['quotes'], decodeQuote), readAt: finite(s['readAt']) };
  },
  encode: (board) => ({ ...board, quotes: Object.fromEntries(Object.entries(board.quotes).map(([s, q]) => [s, encodeQuote(q)])) }),
});

/** The symbols whose quotes the UIs show: the watchlist, and a badge subject that is a symbol. */
export function shownQuotes(all: Record<string, Quote>, symbols: readonly string[]): Record<string, Quote> {
  const out: Record<string, Quote> = {};
  for (const s of symbols) if (all[s]) out[s] = all[s];
  return out;
}

/** One snapshot for a refresh cycle: the board's full table where this session has it. */
export async function readSnapshot(): Promise<{ snapshot: Snapshot; hasBoard: boolean }> {
  const [market, stories, board] = await Promise.all([marketItem.get(), storiesItem.get(), boardItem.get()]);
  const { presentation: _presentation, ...rest } = market;
  return { snapshot: { ...rest, quotes: { ...market.quotes, ...board.quotes }, stories }, hasBoard: board.readAt !== null };
}
