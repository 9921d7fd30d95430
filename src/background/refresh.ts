/**
 * One refresh cycle: work out which sources are due from what storage says, ask them, write
 * what they brought (publish.ts), repaint the badge and plan the next wake. A failed source
 * keeps its last good data and records why; the cycle itself never throws.
 */
import type { FeedDefinition } from '../shared/feeds';
import { readSnapshot } from '../shared/market-store';
import { marketView } from '../shared/market-view';
import type { RefreshSummary } from '../shared/protocol';
import { readSettings } from '../shared/settings-items';
import { ensureMigrated } from '../shared/storage/migrations';
import { scheduleWake } from './alarm';
import { paintBadge } from './badge';
import { badgeView } from './badge-text';
import type { CycleContext, RefreshReason } from './cycle-context';
import { marketState, publish } from './publish';
import { FALLBACK_AFTER_FAILURES } from './policies';
import { MIN_WAKE_MS, nextWake, portalDueAt, withBackoff } from './schedule';
import { feedsDueAt, refreshFeeds } from './tasks/feeds';
import { portalFailures, quotesClock, refreshQuotes } from './tasks/quotes';
import { refreshSeries } from './tasks/series';
import { refreshSymbols, symbolsDueAt, symbolsWaitForTrading } from './tasks/symbols';

export interface RefreshDeps {
  fetchImpl?: typeof fetch;
  now?: () => number;
  random?: () => number;
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
  // Should the worker be stopped mid-cycle, this wake finishes the job.
  await scheduleWake(now() + MIN_WAKE_MS);
  // No reader may see 0.1.0's keys after this: the first cycle of a worker migrates them.
  await ensureMigrated();
  const [settings, { snapshot, hasBoard }] = await Promise.all([readSettings(), readSnapshot()]);
  // storage.session lost the board (a browser restart): a closed market's closing figures are
  // read once more, so a symbol added tonight still gets its price. Nothing else is asked.
  if (!hasBoard && settings.watchlist.some((s) => !snapshot.quotes[s])) snapshot.closingQuotesHeld = false;
  const ctx: CycleContext = {
    reason,
    now,
    random: deps.random ?? Math.random,
    http: { now, ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}) },
    settings,
    snapshot,
    summary: { fetched: [], failed: [] },
    view: marketView(snapshot.market, snapshot.marketReadAt, now()),
  };
  const feeds = deps.feeds ?? settings.feeds;

  const [{ token }] = await Promise.all([refreshQuotes(ctx), refreshFeeds(ctx, feeds), refreshSymbols(ctx)]);
  await refreshSeries(ctx, token);

  if (ctx.summary.fetched.length + ctx.summary.failed.length > 0) {
    snapshot.updatedAt = now();
    const { fetched } = ctx.summary;
    await publish(snapshot, settings, now(), { boardRead: fetched.includes('psx-quotes') || fetched.includes('psx-terminal') });
  }
  // The badge renders the same presentation as the popup and the bar.
  await paintBadge(badgeView(marketState(snapshot, settings, now()), settings.badge, settings.indices, settings.timeZone, now())).catch((cause: unknown) =>
    // A badge that cannot be painted is no reason to lose the plan below.
    console.warn('badge not painted:', cause),
  );
  await scheduleWake(nextWake(dueTimes(ctx, feeds), now()));
  return ctx.summary;
}

/** When each source is next due, for planning the next wake. */
function dueTimes(ctx: CycleContext, feeds: readonly FeedDefinition[]): number[] {
  const now = ctx.now();
  const { sources } = ctx.snapshot;
  const clock = quotesClock(ctx);
  const times = [withBackoff(portalDueAt(sources['psx-home'], clock, now), sources['psx-home']), ...feedsDueAt(ctx, feeds)];
  // A directory that waits for a trading day must not plan a wake every 30 s until then.
  if (!symbolsWaitForTrading(ctx)) times.push(symbolsDueAt(ctx));
  if (portalFailures(ctx) >= FALLBACK_AFTER_FAILURES) {
    times.push(withBackoff(portalDueAt(sources['psx-terminal'], clock, now), sources['psx-terminal']));
  }
  return times;
}
