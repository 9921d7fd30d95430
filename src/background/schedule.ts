/**
 * When each source is next due. Pure: it reads only what it is given (the snapshot's health and
 * market reading, the settings, the time), so a worker stopped at any moment and started again
 * reaches the same decisions from storage.
 *
 * Quotes: every `quotesPeriodSec` while the market trades; every 2 min in pre-open and
 * post-close; when closed, one read for the closing prices, a state check about 15 min before
 * each session, and nothing else. A holiday (board closed while the timetable trades) is
 * checked every 15 min. Headlines: their own cadence. Backoff and Retry-After always win.
 */
import type { MarketView } from '../shared/market-view';
import type { SourceStatus } from '../shared/model';
import { nextSessionStart } from '../shared/session';

export const EDGE_PERIOD_MS = 2 * 60_000;
export const PRE_SESSION_CHECK_MS = 15 * 60_000;
export const HOLIDAY_CHECK_MS = 15 * 60_000;
export const SYMBOLS_PERIOD_MS = 24 * 3_600_000;

export interface QuotesClock {
  view: MarketView;
  /** The closing figures were read after the board last stopped trading. */
  closingQuotesHeld: boolean;
  quotesPeriodMs: number;
  /** The market watch's own backoff (it can fail while the home page answers). */
  quotesNextTry: number | null;
}

/** When the portal (state check, and quotes if wanted) is next due, before backoff. */
export function portalDueAt(health: SourceStatus | undefined, clock: QuotesClock, now: number): number {
  const last = health?.attemptedAt ?? null;
  if (last === null || last > now) return now;
  switch (clock.view.phase) {
    case 'open':
    case 'unknown':
      return last + clock.quotesPeriodMs;
    case 'pre-open':
    case 'post-close':
      return last + EDGE_PERIOD_MS;
    case 'closed': {
      // The closing read is due now, unless the market watch itself is backing off.
      if (!clock.closingQuotesHeld) return Math.max(now, clock.quotesNextTry ?? 0);
      if (clock.view.unscheduledClose) return last + HOLIDAY_CHECK_MS;
      const start = nextSessionStart(now);
      const check = start - PRE_SESSION_CHECK_MS;
      return last < check ? check : start;
    }
  }
}

/** A source with a plain period (feeds, the symbol directory). */
export function periodicDueAt(health: SourceStatus | undefined, periodMs: number, now: number): number {
  const last = health?.attemptedAt ?? null;
  return last === null || last > now ? now : last + periodMs;
}

/** The schedule's time, pushed back by backoff or a server's Retry-After. */
export function withBackoff(dueAt: number, health: SourceStatus | undefined): number {
  return Math.max(dueAt, health?.nextTry ?? 0);
}

/** Alarms fire no sooner than 30 s apart in packed Chrome; a wake is never planned sooner. */
export const MIN_WAKE_MS = 30_000;

export function nextWake(dueTimes: number[], now: number): number {
  return Math.max(now + MIN_WAKE_MS, Math.min(...dueTimes));
}
