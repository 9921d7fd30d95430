/**
 * One refresh cycle: work out which sources are due from what storage says, ask them, write
 * what they brought (publish.ts), repaint the badge and plan the next wake. Each task runs in its
 * own guard and returns an outcome; the cycle merges them and writes once, in a `finally`, so
 * no input, however hostile, can stop the data, the failure record or the next wake. A failed
 * source keeps its last good data and records why; the cycle itself never throws.
 */
import type { AlertsState } from '../shared/alerts/rules';
import { alertsItem } from '../shared/alerts/store';
import type { FeedDefinition } from '../shared/feeds';
import { readSnapshot } from '../shared/market-store';
import { marketView } from '../shared/market-view';
import type { Snapshot } from '../shared/model';
import type { RefreshSummary } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import { readSettings } from '../shared/settings-items';
import { ensureMigrated } from '../shared/storage/migrations';
import { recordEvents } from '../shared/diagnostics';
import { checkAlerts } from './alerts/check';
import { scheduleWake } from './alarm';
import { paintBadge } from './badge';
import { badgeHoldings } from './badge-holdings';
import { badgeView } from './badge-text';
import { applyDisplay } from './i18n';
import { type CycleInput, type RefreshReason, type TaskOutcome } from './cycle-context';
import { recordCycleEvents, recordMigration } from './diagnostics-log';
import { guarded } from './guard';
import { createCyclePacer, hostPacingItem } from './host-pacing';
import { boundSources } from './source-status';
import { mergeOutcomes } from './merge';
import { feedsPolicy, FALLBACK_AFTER_FAILURES, quotesPolicy, SERIES_POLICY, SYMBOLS_POLICY } from './policies';
import { marketState, publish } from './publish';
import { MIN_WAKE_MS, nextWake, portalDueAt, withBackoff } from './schedule';
import { feedsDueAt, refreshFeed } from './tasks/feeds';
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
  running ??= runCycle(reason, deps)
    .catch((cause: unknown): RefreshSummary => {
      // Only reading storage at the very start can land here; the planned wake retries it.
      console.warn('refresh cycle could not start:', cause);
      return { fetched: [], failed: [], lastReadAt: null };
    })
    .finally(() => {
      running = null;
    });
  return running;
}

async function runCycle(reason: RefreshReason, deps: RefreshDeps): Promise<RefreshSummary> {
  const now = deps.now ?? Date.now;
  // Should the worker be stopped mid-cycle, this wake finishes the job.
  await scheduleWake(now() + MIN_WAKE_MS);
  // No reader may see 0.1.0's keys after this: the first cycle of a worker migrates them.
  await recordMigration(await ensureMigrated(), now()).catch((cause: unknown) => console.warn('migration not recorded:', cause));
  const [settings, { snapshot, hasBoard }] = await Promise.all([readSettings(), readSnapshot()]);
  // storage.session lost the board (a browser restart): a closed market's closing figures are
  // read once more, so a symbol added tonight still gets its price. Nothing else is asked.
  if (!hasBoard && settings.watchlist.some((s) => !snapshot.quotes[s])) snapshot.closingQuotesHeld = false;
  // A stored wait past its source's cap (a far-future Retry-After, a clock since put back) is not believed.
  snapshot.sources = boundSources(snapshot.sources, settings, now());
  // Spacing is real time; under a simulated clock (tests, benches) there is none to space by.
  const pacer = createCyclePacer((await hostPacingItem.getState()).value, { now, ...(deps.now ? { spacingMs: 0 } : {}) });
  const input: CycleInput = {
    reason,
    now,
    random: deps.random ?? Math.random,
    http: { now, gate: pacer, ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}) },
    settings,
    snapshot,
    view: marketView(snapshot.market, snapshot.marketReadAt, now()),
  };
  const feeds = deps.feeds ?? settings.feeds;
  const feedIds = feeds.map((f) => f.id);
  const outcomes: TaskOutcome[] = [];
  let merged: Snapshot = snapshot;
  try {
    outcomes.push(
      ...(await Promise.all([
        guarded(input, 'psx-home', quotesPolicy(settings), () => refreshQuotes(input)),
        ...feeds.map((feed) => guarded(input, `feed:${feed.id}`, feedsPolicy(settings), () => refreshFeed(input, feed))),
        guarded(input, 'psx-symbols', SYMBOLS_POLICY, () => refreshSymbols(input)),
      ])),
    );
    merged = mergeOutcomes(snapshot, outcomes, feedIds);
    // The series need the portal's token and the prices just read.
    const afterQuotes: CycleInput = { ...input, snapshot: merged, view: marketView(merged.market, merged.marketReadAt, now()) };
    const quotesRead = outcomes.some((o) => o.fetched.includes('psx-quotes'));
    const token = outcomes[0]?.token ?? null;
    const series = await guarded(afterQuotes, 'psx-series', SERIES_POLICY, () => refreshSeries(afterQuotes, token, quotesRead));
    outcomes.push(series);
    merged = mergeOutcomes(merged, [series], feedIds);
  } finally {
    await finishCycle(merged, outcomes, settings, input, feeds);
    const paced = await hostPacingItem.update(() => pacer.state()).catch((cause: unknown) => ({ ok: false as const, error: { detail: String(cause) } }));
    if (!paced.ok) console.warn('host pacing not saved:', paced.error.detail);
  }
  return { ...summarise(outcomes), lastReadAt: merged.sources['psx-quotes']?.lastOk ?? merged.sources['psx-home']?.lastOk ?? null };
}

/** Writes, paints and plans, each on its own: one failing never costs the others. */
async function finishCycle(snapshot: Snapshot, outcomes: TaskOutcome[], cycleSettings: Settings, input: CycleInput, feeds: readonly FeedDefinition[]): Promise<void> {
  const now = input.now();
  // Settings changed while the cycle ran (a symbol added after Refresh) must not be undone by
  // writing a view built for the old ones: the view is built for the settings as they are now.
  const settings = await readSettings().catch((cause: unknown) => {
    console.warn('settings unreadable at the end of the cycle; using those it started with:', cause);
    return cycleSettings;
  });
  const summary = summarise(outcomes);
  const warn = (what: string) => (cause: unknown) => console.warn(`${what} failed:`, cause);
  let alerts: AlertsState | undefined;
  if (summary.fetched.length + summary.failed.length > 0) {
    const written: Snapshot = { ...snapshot, updatedAt: now };
    const boardRead = summary.fetched.includes('psx-quotes') || summary.fetched.includes('psx-terminal');
    const series = outcomes.find((o) => o.series)?.series;
    const directory = outcomes.find((o) => o.directory)?.directory;
    // Alerts are checked against the figures as every surface will call them (fresh or stale).
    const presentation = marketState(written, settings, now).presentation;
    const figures = { stale: presentation?.stale !== false, phase: presentation?.phase ?? 'unknown' };
    alerts = (await checkAlerts(written, outcomes.flatMap((o) => o.fetched), settings, figures, now).catch(recordAlertFailure(now)))?.state;
    await publish(written, settings, now, { boardRead, series, directory, alerts }).catch(warn('publishing the cycle'));
    await recordCycleEvents(outcomes, snapshot, now).catch(warn('recording the cycle in Diagnostics'));
  }
  alerts ??= await alertsItem.get().catch((cause: unknown) => {
    warn('reading the alerts for the badge')(cause);
    return undefined;
  });
  // The badge renders the same presentation as the popup and the bar (and, for the portfolio, the same holdings).
  const holdings = await badgeHoldings(settings);
  // The tooltip in the user's language, as the settings say now.
  await applyDisplay(settings);
  await paintBadge(badgeView(marketState(snapshot, settings, now, alerts), settings.badge, settings.indices, settings.timeZone, now, settings.badgeAlerts, holdings)).catch(warn('painting the badge'));
  await scheduleWake(nextWake(dueTimes({ ...input, snapshot }, feeds), now)).catch(warn('planning the next wake'));
}

/** A check that threw is our fault, and said where the user looks (Diagnostics), not only in the console. */
const recordAlertFailure = (now: number) => async (cause: unknown): Promise<undefined> => {
  console.warn('checking the alerts failed:', cause);
  await recordEvents([{ at: now, kind: 'internal', subject: 'alerts', detail: `alerts not checked: ${cause instanceof Error ? cause.message : String(cause)}` }]).catch((again: unknown) =>
    console.warn('and the failure could not be recorded:', again),
  );
  return undefined;
};

function summarise(outcomes: readonly TaskOutcome[]): Omit<RefreshSummary, 'lastReadAt'> {
  return { fetched: outcomes.flatMap((o) => o.fetched), failed: outcomes.flatMap((o) => o.failed.map((f) => f.id)) };
}

/** When each source is next due, for planning the next wake. */
function dueTimes(input: CycleInput, feeds: readonly FeedDefinition[]): number[] {
  const now = input.now();
  const { sources } = input.snapshot;
  const view = marketView(input.snapshot.market, input.snapshot.marketReadAt, now);
  const clock = quotesClock(input, view, input.snapshot.closingQuotesHeld, sources);
  const times = [withBackoff(portalDueAt(sources['psx-home'], clock, now), sources['psx-home']), ...feedsDueAt(input, feeds, sources)];
  // A directory that waits for a trading day must not plan a wake every 30 s until then.
  if (!symbolsWaitForTrading({ ...input, view }, sources)) times.push(symbolsDueAt(input, sources));
  if (portalFailures(sources) >= FALLBACK_AFTER_FAILURES) {
    times.push(withBackoff(portalDueAt(sources['psx-terminal'], clock, now), sources['psx-terminal']));
  }
  return times;
}
