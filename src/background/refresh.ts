/**
 * One refresh cycle: decide which sources are due, ask them, and write one snapshot. A failed
 * source keeps its last good data and records why; the cycle itself never throws.
 */
import { DEFAULT_FEEDS, type FeedDefinition } from '../shared/feeds';
import type { IndexQuote, Quote, Snapshot, Story } from '../shared/model';
import type { RefreshSummary } from '../shared/protocol';
import { readSnapshot, writeSnapshot } from '../shared/snapshot-store';
import { readFeed } from '../sources/feeds/read-feed';
import { readPortal } from '../sources/psx/portal';
import { isTrading } from '../shared/market';
import { FEEDS_PERIOD_MS, isDue, QUOTES_PERIOD_MS, wantQuotes, type RefreshReason } from './due';
import { recordFailure, recordSuccess } from './source-status';

export interface RefreshDeps {
  fetchImpl?: typeof fetch;
  now?: () => number;
  feeds?: readonly FeedDefinition[];
}

let running: Promise<RefreshSummary> | null = null;

/**
 * The worker can be woken by the alarm and a popup at the same moment; the second caller
 * joins the cycle already under way instead of doubling every request.
 */
export function refresh(reason: RefreshReason, deps: RefreshDeps = {}): Promise<RefreshSummary> {
  running ??= runCycle(reason, deps).finally(() => {
    running = null;
  });
  return running;
}

async function runCycle(reason: RefreshReason, deps: RefreshDeps): Promise<RefreshSummary> {
  const now = deps.now ?? Date.now;
  const http = { now, ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}) };
  const snapshot = await readSnapshot();
  const summary: RefreshSummary = { fetched: [], failed: [] };
  const tasks: Promise<void>[] = [];

  if (isDue(snapshot.sources['psx-home'], QUOTES_PERIOD_MS, now(), reason)) {
    tasks.push(refreshPortal(snapshot, http, summary));
  }
  for (const feed of deps.feeds ?? DEFAULT_FEEDS) {
    if (isDue(snapshot.sources[`feed:${feed.id}`], FEEDS_PERIOD_MS, now(), reason)) {
      tasks.push(refreshFeed(snapshot, feed, http, summary));
    }
  }
  if (tasks.length === 0) return summary;
  await Promise.all(tasks);
  snapshot.updatedAt = now();
  await writeSnapshot(snapshot);
  return summary;
}

type Http = { now: () => number; fetchImpl?: typeof fetch };

async function refreshPortal(snapshot: Snapshot, http: Http, summary: RefreshSummary): Promise<void> {
  const reading = await readPortal({ ...http, wantQuotes: (market) => wantQuotes(market, snapshot) });
  const at = http.now();
  if (!reading.ok) {
    snapshot.sources['psx-home'] = recordFailure(snapshot.sources['psx-home'], reading.error);
    summary.failed.push('psx-home');
    return;
  }
  const { indices, market, asOf, quotes, quotesError } = reading.value;
  snapshot.sources['psx-home'] = recordSuccess(snapshot.sources['psx-home'], at);
  summary.fetched.push('psx-home');
  snapshot.indices = mergeIndices(snapshot.indices, indices);
  snapshot.market = market;
  snapshot.marketAsOf = asOf ?? snapshot.marketAsOf;

  if (quotes !== null) {
    snapshot.quotes = bySymbol(quotes);
    snapshot.sources['psx-quotes'] = recordSuccess(snapshot.sources['psx-quotes'], at);
    summary.fetched.push('psx-quotes');
    snapshot.closingQuotesHeld = !isTrading(market);
  } else if (quotesError !== null) {
    snapshot.sources['psx-quotes'] = recordFailure(snapshot.sources['psx-quotes'], quotesError);
    summary.failed.push('psx-quotes');
  }
  if (quotes === null && isTrading(market)) snapshot.closingQuotesHeld = false;
}

async function refreshFeed(snapshot: Snapshot, feed: FeedDefinition, http: Http, summary: RefreshSummary): Promise<void> {
  const id = `feed:${feed.id}` as const;
  const result = await readFeed(feed, http);
  if (!result.ok) {
    snapshot.sources[id] = recordFailure(snapshot.sources[id], result.error);
    summary.failed.push(id);
    return;
  }
  snapshot.sources[id] = recordSuccess(snapshot.sources[id], http.now());
  summary.fetched.push(id);
  snapshot.stories = replaceFeedStories(snapshot.stories, feed.id, result.value.stories);
}

function bySymbol(quotes: Quote[]): Record<string, Quote> {
  return Object.fromEntries(quotes.map((q) => [q.symbol, q]));
}

/** Indices missing from this reading keep their last value rather than vanishing. */
function mergeIndices(previous: Record<string, IndexQuote>, fresh: IndexQuote[]): Record<string, IndexQuote> {
  return { ...previous, ...Object.fromEntries(fresh.map((q) => [q.code, q])) };
}

/** Newest first; stories without a date keep their place after the dated ones. */
export function replaceFeedStories(all: Story[], feedId: string, fresh: Story[]): Story[] {
  const others = all.filter((s) => s.feedId !== feedId);
  const sorted = [...fresh].sort((a, b) => (b.publishedAt ?? -Infinity) - (a.publishedAt ?? -Infinity));
  return [...others, ...sorted];
}
