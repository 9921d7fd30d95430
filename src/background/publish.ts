/**
 * Writes what a cycle learned, split as the readers need it (shared/market-store.ts): the
 * small market view with its presentation, the full board in storage.session, the stories.
 * Also re-publishes the market view without any request when a setting it depends on changes
 * (a symbol added to the watchlist takes its quote from the board, the time zone, the feeds).
 */
import type { AlertsState } from '../shared/alerts/rules';
import { alertsItem } from '../shared/alerts/store';
import { marketBreadth, newerBreadth, type MarketBreadth } from '../shared/market/breadth';
import { boardItem, marketItem, shownQuotes, storiesItem, type MarketState } from '../shared/market-store';
import type { Quote, Snapshot } from '../shared/model';
import { seriesItem, type SeriesMap } from '../shared/series';
import { directoryItem, type SymbolDirectory } from '../shared/symbol-directory';
import { present } from '../shared/presentation';
import type { Settings } from '../shared/settings';
import { readSettings } from '../shared/settings-items';
import type { WriteRefusal } from '../shared/storage/item';
import { storageHealthItem } from '../shared/storage/storage-health';

/**
 * Where the market view's breadth comes from (issue 12). Only a full board can be counted: the
 * snapshot's quotes are the board only when the market watch was read this cycle (or the board
 * item is at hand), otherwise they may be just the watchlist's, whose count would mislead.
 */
export interface BreadthBasis {
  /** Every symbol of the market watch, when the caller has it. */
  board?: Readonly<Record<string, Quote>> | undefined;
  /** The breadth the stored view already shows; kept unless the board gives a newer one. */
  previous?: MarketBreadth | undefined;
}

/** The market view for these settings: the quotes they show and the presentation, decided now. */
export function marketState(snapshot: Snapshot, settings: Settings, now: number, alerts?: AlertsState, basis: BreadthBasis = {}): MarketState {
  const { stories: _stories, ...all } = snapshot;
  // A removed feed's health goes with it, so the market view cannot grow with every feed ever tried.
  const feedIds = new Set(settings.feeds.map((f) => `feed:${f.id}`));
  const sources = Object.fromEntries(Object.entries(all.sources).filter(([id]) => !id.startsWith('feed:') || feedIds.has(id)));
  const rest = { ...all, sources };
  const quotes = shownQuotes(snapshot.quotes, [...settings.watchlist, settings.badge]);
  const quoteReads = Object.fromEntries(Object.entries(quotes).map(([s, q]) => [s, q.readAt]));
  const breadth = newerBreadth(basis.board ? marketBreadth(basis.board, now) : null, basis.previous);
  return {
    ...rest,
    quotes,
    presentation: present({ snapshot: rest, feedIds: settings.feeds.map((f) => f.id), quotesPeriodSec: settings.quotesPeriodSec, now, quoteReads, ...(alerts ? { alerts } : {}) }),
    ...(breadth ? { breadth } : {}),
  };
}

export interface PublishPlan {
  /** The market watch (or the fallback) was read in this cycle: the board is new. */
  boardRead: boolean;
  /** Sparklines the cycle extended or fetched, if it touched them. */
  series?: SeriesMap | undefined;
  /** The instrument directory, when it was read. */
  directory?: SymbolDirectory | undefined;
  /** The alerts after this cycle's check, for the presentation's count and highlights. */
  alerts?: AlertsState | undefined;
}

/** Each write on its own: one refused (a full disk) does not cost the others. */
export async function publish(snapshot: Snapshot, settings: Settings, now: number, plan: PublishPlan): Promise<(WriteRefusal & { key: string })[]> {
  const results = await Promise.all([
    // The breadth is counted when the board was read; a cycle without a read keeps the last one.
    marketItem.update((current) => marketState(snapshot, settings, now, plan.alerts, { board: plan.boardRead ? snapshot.quotes : undefined, previous: current.breadth })),
    storiesItem.update(() => snapshot.stories),
    plan.boardRead ? boardItem.update(() => ({ quotes: snapshot.quotes, readAt: now })) : null,
    plan.series ? seriesItem.update(() => plan.series as SeriesMap) : null,
    plan.directory ? directoryItem.update(() => plan.directory as SymbolDirectory) : null,
  ]);
  const keys = ['market', 'stories', 'board', 'series', 'symbols'];
  const refused = results.flatMap((r, i) => (r && !r.ok ? [{ ...r.error, key: keys[i]! }] : []));
  // Saved only in part (refused whole, its pruned copy kept): recorded as well. It used to be
  // indistinguishable from a full write, so half the news could go with nothing recorded.
  const pruned = results.flatMap((r, i) => (r?.ok && r.pruned !== undefined ? [{ key: keys[i]!, reason: `${r.pruned}; only the newest part was kept` }] : []));
  const problems = [...refused.map((r) => ({ key: r.key, reason: r.detail })), ...pruned];
  for (const p of problems) {
    console.warn(`storage write of ${p.key} refused:`, p.reason);
    // Where the popup and the options page can say so (storage-health.ts).
    const noted = await storageHealthItem.update((h) => ({ ...h, localRefused: { key: p.key, reason: p.reason, at: now } }));
    if (!noted.ok) console.warn('and the refusal could not be recorded:', noted.error.detail);
  }
  if (problems.length === 0) {
    // A key now written in full clears its old refusal: nothing else ever did, so after one
    // full disk the popup said "The browser refused to save stories" for good.
    const written = new Set(results.flatMap((r, i) => (r?.ok ? [keys[i]!] : [])));
    const cleared = await storageHealthItem.update((h) => (h.localRefused !== null && written.has(h.localRefused.key) ? { ...h, localRefused: null } : h));
    if (!cleared.ok) console.warn('an old storage refusal could not be cleared:', cleared.error.detail);
  }
  return refused;
}

/**
 * The board and the market view, each symbol's quote from whichever read it later. The board is
 * read before the market view's lock is taken, so a cycle may write both in between: preferring
 * the board as such put the previous minute's prices back on screen (a re-publish started by the
 * cycle's own alerts write, just as an alert fired on the new price).
 */
export function newestQuotes(board: Readonly<Record<string, Quote>>, market: Readonly<Record<string, Quote>>): Record<string, Quote> {
  const out: Record<string, Quote> = { ...board };
  for (const [symbol, quote] of Object.entries(market)) {
    const other = out[symbol];
    if (!other || (quote.readAt ?? 0) >= (other.readAt ?? 0)) out[symbol] = quote;
  }
  return out;
}

/**
 * After a settings or alerts change: the same data, shown for the new settings and alerts
 * (a dismissed alert leaves the badge's count). No request is made. Returns the view written.
 */
export async function republish(now: number): Promise<{ view: MarketState; settings: Settings } | null> {
  const [settings, board, alerts] = await Promise.all([readSettings(), boardItem.get(), alertsItem.get()]);
  const result = await marketItem.update((market) => {
    const { presentation: _p, breadth, ...rest } = market;
    // The breadth from the board item itself, not the merged quotes (whose watchlist rows may be
    // a newer read than the rest); the newer of it and the stored one is kept.
    const basis = { board: board.readAt !== null ? board.quotes : undefined, previous: breadth };
    return marketState({ ...rest, quotes: newestQuotes(board.quotes, market.quotes), stories: [] }, settings, now, alerts, basis);
  });
  if (!result.ok) {
    console.warn('market view not re-published:', result.error.detail);
    return null;
  }
  return { view: result.value, settings };
}
