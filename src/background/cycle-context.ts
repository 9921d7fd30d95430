/** What every task of one refresh cycle shares: the clock, the network, the state being built. */
import type { MarketView } from '../shared/market-view';
import type { Snapshot, SourceId, SourceStatus } from '../shared/model';
import type { RefreshSummary } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import type { BackoffPolicy } from './backoff';
import { mayAsk, recordFailure, recordSuccess } from './source-status';
import type { SourceError } from '../shared/model';

/** Why a cycle runs: the planned alarm, or an event that deserves fresh data at once. */
export type RefreshReason = 'alarm' | 'install' | 'startup' | 'user';

export interface CycleContext {
  reason: RefreshReason;
  now: () => number;
  random: () => number;
  http: { now: () => number; fetchImpl?: typeof fetch };
  settings: Settings;
  /** Mutated by the tasks, written once at the end of the cycle. */
  snapshot: Snapshot;
  summary: RefreshSummary;
  /** The market as known at the start of the cycle; tasks after the portal may re-derive it. */
  view: MarketView;
}

/**
 * Due now? On the alarm, by the schedule and the backoff; for an install, a browser start or
 * the user's Refresh, at once, but never against a backoff or a server's Retry-After.
 */
export function isDueNow(ctx: CycleContext, health: SourceStatus | undefined, scheduledAt: number): boolean {
  const now = ctx.now();
  if (!mayAsk(health, now)) return false;
  // Repeated Refresh clicks within a few seconds ask nothing new of the sources.
  if (ctx.reason === 'user' && health?.attemptedAt != null && now - health.attemptedAt < USER_REFRESH_GAP_MS && health.attemptedAt <= now) return false;
  return ctx.reason !== 'alarm' || now >= scheduledAt;
}

export const USER_REFRESH_GAP_MS = 10_000;

export function succeed(ctx: CycleContext, id: SourceId): void {
  ctx.snapshot.sources[id] = recordSuccess(ctx.snapshot.sources[id], ctx.now());
  ctx.summary.fetched.push(id);
}

export function fail(ctx: CycleContext, id: SourceId, error: SourceError, policy: BackoffPolicy): void {
  ctx.snapshot.sources[id] = recordFailure(ctx.snapshot.sources[id], error, policy, ctx.random);
  ctx.summary.failed.push(id);
}
