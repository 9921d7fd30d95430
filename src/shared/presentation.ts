/**
 * What every surface tells the user about the data — the market's state, the time of the
 * figures, whether they are fresh, which source they came from, what is failing — decided once,
 * here, by the background after each cycle and stored with the market view. The popup, the bar
 * and the badge render it and derive none of it, so they can never disagree (before this, the
 * badge greyed when only the home page failed while the bar said nothing).
 */
import { alertsFacts, type AlertsFacts, type AlertsState } from './alerts/rules';
import { sessionCountdown, type SessionCountdown } from './countdown';
import { isTradingPhase } from './market';
import { marketLabel, marketView, type MarketView } from './market-view';
import type { ErrorKind, MarketPhase, QuoteSource, Snapshot, SourceId, SourceStatus } from './model';

export type Freshness = 'fresh' | 'failing' | 'never';

export interface MarketNoticeFacts {
  kind: 'loading' | 'unreachable' | 'fallback';
  /** Why the source behind the figures fails. */
  reason: ErrorKind | null;
  /** Since when it fails. */
  since: number | null;
  /** When the figures still on screen were read. */
  showingFrom: number | null;
}

export interface FeedsFacts {
  /** No feed has been asked yet. */
  loading: boolean;
  /** Ids of the feeds whose last read failed. */
  failing: string[];
  /** How each failing feed failed, so the sentence can say "could not be read" rather than "unreachable". */
  kinds?: Record<string, ErrorKind>;
  /** When the oldest stories still shown from a failing feed were read. */
  showingFrom: number | null;
}

export interface Presentation {
  /** When this was computed. */
  at: number;
  phase: MarketPhase;
  /** "Market open", "Closed today (holiday?)"; null before any reading of the market. */
  marketLabel: string | null;
  /** One word for the bar's chip ("Open", "Closed", or the board's own unknown word, "Halted"). */
  stateWord: string;
  /** Prices can still move (pre-open, session, post-close): the badge is coloured only then. */
  trading: boolean;
  /** Over the watchlist: "Last close" once the market has stopped, else empty. */
  caption: string;
  /** Time of the figures shown: the portal's own stamp, else when they were read. */
  asOf: number | null;
  /** The figures on screen are not fresh: their source fails, or it has not answered for too long. */
  stale: boolean;
  source: QuoteSource;
  sourceName: string;
  /** Each known source, fresh or failing. */
  sources: Partial<Record<SourceId, Freshness>>;
  notice: MarketNoticeFacts | null;
  feeds: FeedsFacts;
  /** Watchlist symbols the latest read left out, showing their last good quote: when that was read. */
  heldQuotes?: Record<string, number>;
  /** Fired alerts not yet seen, and symbols the bar highlights (until when) after one fired. */
  alerts?: AlertsFacts;
  /** When the regular session next closes or opens; null when the state is unknown. */
  countdown?: SessionCountdown | null;
}

export interface PresentationInput {
  snapshot: Omit<Snapshot, 'stories' | 'quotes'>;
  /** When each shown quote was read, for the ones a later read left out. */
  quoteReads?: Record<string, number | undefined>;
  feedIds: readonly string[];
  quotesPeriodSec: number;
  now: number;
  alerts?: AlertsState;
}

export const SOURCE_NAMES: Record<QuoteSource, string> = { 'psx-portal': 'PSX data portal', 'psx-terminal': 'PSX Terminal' };

const STATE_WORDS: Record<MarketPhase, string> = { open: 'Open', 'pre-open': 'Pre-open', 'post-close': 'Post-close', closed: 'Closed', unknown: 'Market' };

/**
 * The chip's word says what the header says: an unknown board word the header shows
 * ("Market: Halted") is shown here too, not the timetable's "Open".
 */
function stateWord(view: MarketView): string {
  if (view.unscheduledClose) return 'Closed';
  if (view.basis === 'timetable' && view.label) return view.label;
  return STATE_WORDS[view.phase];
}

/** Failing: the last attempt failed and no success came after it. */
export function isFailing(status: SourceStatus | undefined): boolean {
  if (!status?.lastError) return false;
  return status.lastOk === null || status.lastError.at >= status.lastOk;
}

function freshness(status: SourceStatus | undefined): Freshness {
  if (isFailing(status)) return 'failing';
  return status?.lastOk == null ? 'never' : 'fresh';
}

/** While trading, figures not re-read for three cycles (and at least five minutes) are stale. */
function tooOld(lastRead: number | null, trading: boolean, periodSec: number, now: number): boolean {
  return trading && lastRead !== null && now - lastRead > Math.max(3 * periodSec * 1000, 5 * 60_000);
}

export function present({ snapshot, feedIds, quotesPeriodSec, now, quoteReads = {}, alerts }: PresentationInput): Presentation {
  const { sources } = snapshot;
  const home = sources['psx-home'];
  const quotes = sources['psx-quotes'];
  const terminal = sources['psx-terminal'];
  const view = marketView(snapshot.market, snapshot.marketReadAt, now);
  const trading = isTradingPhase(view.phase);
  const hasReading = snapshot.market !== null || home?.attemptedAt != null;
  const onFallback = snapshot.quoteSource === 'psx-terminal';
  const figureSources = onFallback ? [terminal] : [quotes, home];
  const lastRead = onFallback ? (terminal?.lastOk ?? null) : (quotes?.lastOk ?? null);

  const held = Object.entries(quoteReads).filter((e): e is [string, number] => e[1] !== undefined && lastRead !== null && e[1] < lastRead);
  const feedStatuses = feedIds.map((id) => sources[`feed:${id}`]);
  const failingFeeds = feedIds.filter((_, i) => isFailing(feedStatuses[i]));
  const kept = failingFeeds.map((id) => sources[`feed:${id}`]?.lastOk ?? 0).filter((t) => t > 0);

  return {
    at: now,
    phase: view.phase,
    marketLabel: hasReading ? marketLabel(view) : null,
    stateWord: stateWord(view),
    trading,
    caption: hasReading && !trading ? 'Last close' : '',
    asOf: snapshot.marketAsOf ?? lastRead ?? home?.lastOk ?? null,
    stale: figureSources.some(isFailing) || tooOld(lastRead, trading, quotesPeriodSec, now),
    countdown: sessionCountdown(view, now),
    source: snapshot.quoteSource,
    sourceName: SOURCE_NAMES[snapshot.quoteSource],
    sources: Object.fromEntries(Object.entries(sources).map(([id, s]) => [id, freshness(s)])),
    notice: marketNotice(home, quotes, terminal, onFallback),
    ...(held.length > 0 ? { heldQuotes: Object.fromEntries(held) } : {}),
    ...(alerts && (alerts.rules.length > 0 || alerts.fired.length > 0) ? { alerts: alertsFacts(alerts, now) } : {}),
    feeds: {
      loading: feedStatuses.every((s) => s?.attemptedAt == null),
      failing: failingFeeds,
      ...(failingFeeds.length > 0 ? { kinds: Object.fromEntries(failingFeeds.map((id) => [id, sources[`feed:${id}`]?.lastError?.kind ?? 'network'])) } : {}),
      showingFrom: kept.length > 0 ? Math.min(...kept) : null,
    },
  };
}

/** The first failing PSX source decides; quotes matter more than indices. */
function marketNotice(
  home: SourceStatus | undefined,
  quotes: SourceStatus | undefined,
  terminal: SourceStatus | undefined,
  onFallback: boolean,
): MarketNoticeFacts | null {
  const failed = isFailing(quotes) ? quotes : isFailing(home) ? home : undefined;
  if (!failed?.lastError) {
    return home?.attemptedAt == null && quotes?.attemptedAt == null ? { kind: 'loading', reason: null, since: null, showingFrom: null } : null;
  }
  const since = failed.failingSince ?? failed.lastError.at;
  if (onFallback && terminal?.lastOk != null) return { kind: 'fallback', reason: failed.lastError.kind, since, showingFrom: terminal.lastOk };
  return { kind: 'unreachable', reason: failed.lastError.kind, since, showingFrom: quotes?.lastOk ?? home?.lastOk ?? null };
}

/** A stored presentation, checked loosely: a malformed one is dropped and recomputed next cycle. */
export function normalisePresentation(raw: unknown): Presentation | null {
  if (raw === null || typeof raw !== 'object') return null;
  const p = raw as Partial<Presentation>;
  if (typeof p.at !== 'number' || typeof p.phase !== 'string' || typeof p.stale !== 'boolean' || typeof p.feeds !== 'object' || p.feeds === null) return null;
  return p as Presentation;
}
