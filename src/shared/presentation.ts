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
import type { BoardFacts } from './i18n/market-words';
import { marketView } from './market-view';
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
  /**
   * Where the phase came from, whether the board says closed on a trading day (a holiday), and
   * the board's own word when it is one the extension does not know ("Halted", shown as is).
   * Facts, not words: each surface writes them in its own language (i18n/market-words.ts:
   * "Market open", "Closed today (holiday?)", "Market: Halted"; the chip's "Open", "Halted").
   */
  board: BoardFacts;
  /** Any reading of the market has been made: before one, the header names no state and no caption is shown. */
  hasReading: boolean;
  /** Prices can still move (pre-open, session, post-close): the badge is coloured only then. */
  trading: boolean;
  /** Time of the figures shown: the portal's own stamp, else when they were read. */
  asOf: number | null;
  /** The figures on screen are not fresh: their source fails, or it has not answered for too long. */
  stale: boolean;
  /** Which source the figures came from; its name is written by the surface (sourceNameText). */
  source: QuoteSource;
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
    board: { basis: view.basis, unscheduledClose: view.unscheduledClose, label: view.label },
    hasReading,
    trading,
    asOf: snapshot.marketAsOf ?? lastRead ?? home?.lastOk ?? null,
    stale: figureSources.some(isFailing) || tooOld(lastRead, trading, quotesPeriodSec, now),
    countdown: sessionCountdown(view, now),
    source: snapshot.quoteSource,
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

const BASES: ReadonlySet<unknown> = new Set(['board', 'timetable']);

/** The board's facts as stored; a presentation stored before they were (it held English words instead) gets the timetable's. */
function normaliseBoard(raw: unknown): BoardFacts {
  const b = (raw !== null && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof BoardFacts, unknown>>;
  return {
    basis: BASES.has(b.basis) ? (b.basis as BoardFacts['basis']) : 'timetable',
    unscheduledClose: b.unscheduledClose === true,
    label: typeof b.label === 'string' ? b.label.slice(0, 60) : null,
  };
}

/**
 * A stored presentation, checked loosely: a malformed one is dropped and recomputed next cycle.
 * One stored by an older version (words, not facts: no `board`, no `hasReading`) is read as far
 * as it goes, so no surface breaks in the moment before the background republishes it.
 */
export function normalisePresentation(raw: unknown): Presentation | null {
  if (raw === null || typeof raw !== 'object') return null;
  // An older version's words are dropped: surfaces write their own.
  const p = raw as Partial<Presentation> & { marketLabel?: unknown; stateWord?: unknown; caption?: unknown; sourceName?: unknown };
  if (typeof p.at !== 'number' || typeof p.phase !== 'string' || typeof p.stale !== 'boolean' || typeof p.feeds !== 'object' || p.feeds === null) return null;
  const { marketLabel: oldLabel, stateWord: _stateWord, caption: _caption, sourceName: _sourceName, ...rest } = p;
  return {
    ...rest,
    board: normaliseBoard(p.board),
    hasReading: typeof p.hasReading === 'boolean' ? p.hasReading : typeof oldLabel === 'string',
    trading: p.trading === true,
    source: p.source === 'psx-terminal' ? 'psx-terminal' : 'psx-portal',
  } as Presentation;
}
