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
import type { MarketBreadth } from './market/breadth';
import type { Entitlement, IndexQuote, Quote, Snapshot, Story } from './model';
import { emptySnapshot } from './model';
import { normalisePresentation, type Presentation } from './presentation';
import { defineItem, type LegacySource } from './storage/item';

/** 0.1.0 kept all of it in one local key. */
export const LEGACY_SNAPSHOT_KEY = 'snapshot';

/**
 * What the UIs read every cycle: a snapshot without the stories, with its presentation, and the
 * regular board's breadth (absent until a market watch has been read with it). The top movers are
 * not here: they would add kilobytes to every write sent to the bar's tabs, so the popup computes
 * them from the `board` session item (shared/market/movers.ts).
 */
export type MarketState = Omit<Snapshot, 'stories'> & { presentation: Presentation | null; breadth?: MarketBreadth };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * `[price, change, %, LDCP, open, high, low, volume, readAt, marks?]`: a third of the JSON of the
 * object form. `marks` (issue 12) is a bit set, written only when a bit is set: XD 1, XB 2,
 * XR 4, Shariah (KMI) 8: two characters per marked row, under a kilobyte for the ~500-row board.
 *
 * No version bump for it: rows without `marks` (every row stored before) decode as before, and a
 * build without issue 12 reads the first nine values and ignores a tenth, so neither build
 * misreads the other's rows. A `marks` that is not a whole number in range is dropped, and bits
 * this build does not know (a later build's) are passed over, never an error.
 */
type FigureRow = [number, number, number, number | null, number | null, number | null, number | null, number | null, number | null];
type QuoteRow = FigureRow | [...FigureRow, number];
type IndexRow = [number, number, number, string | null];

const MARK_BITS: readonly [Entitlement | 'shariah', number][] = [['XD', 1], ['XB', 2], ['XR', 4], ['shariah', 8]];
/** Marks a later build may add stay within a 32-bit set; anything beyond is not a set of ours. */
const MAX_MARKS = 0x7fffffff;

/**
 * The marks of a quote object: ours when encoding, and any object the item is handed (an item's
 * update normalises the edited value itself, not its stored form), so each field is checked.
 */
function encodeMarks(q: { entitlements?: unknown; shariah?: unknown }): number {
  let marks = 0;
  const listed = Array.isArray(q.entitlements) ? (q.entitlements as unknown[]) : [];
  for (const [mark, bit] of MARK_BITS) if (mark === 'shariah' ? q.shariah === true : listed.includes(mark)) marks |= bit;
  return marks;
}

/** The stored marks onto the quote; a malformed value adds nothing. */
function decodeMarks(quote: Quote, raw: unknown): void {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw <= 0 || raw > MAX_MARKS) return;
  const entitlements: Entitlement[] = [];
  for (const [mark, bit] of MARK_BITS) {
    if ((raw & bit) === 0) continue;
    if (mark === 'shariah') quote.shariah = true;
    else entitlements.push(mark);
  }
  if (entitlements.length > 0) quote.entitlements = entitlements;
}

export function encodeQuote(q: Quote): QuoteRow {
  const row: FigureRow = [q.price, q.change, q.changePercent, q.previousClose, q.open, q.high, q.low, q.volume, q.readAt ?? null];
  const marks = encodeMarks(q);
  return marks === 0 ? row : [...row, marks];
}

/** Reads a quote in either form (0.1.0 stored objects); anything unreadable is dropped. */
export function decodeQuote(symbol: string, raw: unknown): Quote | null {
  if (Array.isArray(raw)) {
    const [price, change, changePercent, previousClose, open, high, low, volume, readAt] = raw.slice(0, 9).map(finite);
    // A price we cannot trust is no quote at all: absent, never shown as a number.
    if (price == null || price <= 0 || change == null || changePercent == null) return null;
    const quote: Quote = { symbol, price, change, changePercent, previousClose: previousClose ?? null, open: open ?? null, high: high ?? null, low: low ?? null, volume: volume ?? null };
    if (readAt != null) quote.readAt = readAt;
    decodeMarks(quote, raw[9]);
    return quote;
  }
  if (!isRecord(raw)) return null;
  return decodeQuote(symbol, [raw['price'], raw['change'], raw['changePercent'], raw['previousClose'], raw['open'], raw['high'], raw['low'], raw['volume'], raw['readAt'], encodeMarks(raw)]);
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

/** `[advancers, decliners, unchanged, volume, noVolume, at]`: the breadth in a third of its object's JSON. */
type BreadthRow = [number, number, number, number | null, number, number];

const count = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);

/**
 * A stored breadth, or undefined when there is none or it is malformed: a wrong count is worse
 * than none, and the next board read writes it again. Market views stored before issue 12 have
 * none: the field is new and optional, so the item keeps its version.
 */
export function decodeBreadth(raw: unknown): MarketBreadth | undefined {
  // The object form too: an item's update normalises the edited value, not its stored row.
  if (isRecord(raw)) return decodeBreadth([raw['advancers'], raw['decliners'], raw['unchanged'], raw['volume'], raw['noVolume'], raw['at']]);
  if (!Array.isArray(raw) || raw.length < 6) return undefined;
  const [advancers, decliners, unchanged, noVolume] = [raw[0], raw[1], raw[2], raw[4]].map(count);
  // null is "no row had a volume"; anything else must be a count.
  const volume = raw[3] === null ? null : count(raw[3]);
  const at = finite(raw[5]);
  if (advancers == null || decliners == null || unchanged == null || noVolume == null || at === null) return undefined;
  if (raw[3] !== null && volume === null) return undefined;
  return { advancers, decliners, unchanged, volume, noVolume, at };
}

const encodeBreadth = (b: MarketBreadth): BreadthRow => [b.advancers, b.decliners, b.unchanged, b.volume, b.noVolume, b.at];

/** Field by field; data of an older shape degrades to "no data" for that field, not a crash. */
export function normaliseMarket(raw: unknown): MarketState {
  const empty = emptySnapshot();
  const s = isRecord(raw) ? raw : {};
  const breadth = decodeBreadth(s['breadth']);
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
    ...(breadth ? { breadth } : {}),
  };
}

function encodeMarket({ breadth, ...state }: MarketState): unknown {
  return {
    ...state,
    quotes: Object.fromEntries(Object.entries(state.quotes).map(([s, q]) => [s, encodeQuote(q)])),
    indices: Object.fromEntries(Object.entries(state.indices).map(([c, q]): [string, IndexRow] => [c, [q.value, q.change, q.changePercent, q.staleDate]])),
    ...(breadth ? { breadth: encodeBreadth(breadth) } : {}),
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
  // The breadth stays with the market view: publish keeps or recounts it (background/publish.ts).
  const { presentation: _presentation, breadth: _breadth, ...rest } = market;
  return { snapshot: { ...rest, quotes: { ...market.quotes, ...board.quotes }, stories }, hasBoard: board.readAt !== null };
}
