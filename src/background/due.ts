/**
 * Which sources a cycle should ask. Pure, so the rules are table-tested: the alarm fires every
 * minute, quotes follow the board state, headlines refresh on their own slower cadence.
 */
import { isTrading } from '../shared/market';
import type { MarketStatus, Snapshot, SourceStatus } from '../shared/model';

export const QUOTES_PERIOD_MS = 60_000;
export const FEEDS_PERIOD_MS = 10 * 60_000;
/** Alarms are not punctual; a source asked 55 s ago is due at a 60 s tick. */
const SLACK_MS = 5_000;

/** Why a cycle runs: the periodic alarm, or an event that deserves fresh data at once. */
export type RefreshReason = 'alarm' | 'install' | 'startup' | 'user';

export function isDue(status: SourceStatus | undefined, periodMs: number, now: number, reason: RefreshReason): boolean {
  if (reason !== 'alarm') return true;
  const last = status?.attemptedAt ?? null;
  // A stamp in the future means the clock was set back: trust the period, not the stamp.
  return last === null || last > now || now - last >= periodMs - SLACK_MS;
}

/**
 * While the board trades, quotes are always wanted. Once it stops, one more read brings in the
 * closing figures; after that no quote request is made until it trades again.
 */
export function wantQuotes(market: MarketStatus | null, snapshot: Pick<Snapshot, 'closingQuotesHeld'>): boolean {
  return isTrading(market) || !snapshot.closingQuotesHeld;
}
