/**
 * What the tasks of one refresh cycle share, and what each gives back.
 *
 * A task reads a frozen input (the clock, the network, the settings, the snapshot as it was)
 * and returns an outcome: the data it read and its sources' new statuses. It never changes the
 * input, so a task that throws half-way leaves nothing half-changed: the cycle turns the throw
 * into a recorded failure of that task's source (guard.ts), merges the outcomes it has, and
 * writes once.
 */
import type { MarketView } from '../shared/market-view';
import type { Snapshot, SourceError, SourceId, SourceStatus, Story } from '../shared/model';
import type { SeriesMap } from '../shared/series';
import type { Settings } from '../shared/settings';
import type { SymbolDirectory } from '../shared/symbol-directory';
import type { RequestGate } from '../sources/http';
import type { BackoffPolicy } from './backoff';
import { mayAsk, recordFailure, recordSuccess } from './source-status';

/** Why a cycle runs: the planned alarm, or an event that deserves fresh data at once. */
export type RefreshReason = 'alarm' | 'install' | 'startup' | 'user';

export interface CycleInput {
  readonly reason: RefreshReason;
  readonly now: () => number;
  readonly random: () => number;
  readonly http: { now: () => number; fetchImpl?: typeof fetch; gate?: RequestGate };
  readonly settings: Readonly<Settings>;
  readonly snapshot: Readonly<Snapshot>;
  /** The market as known when the input was made. */
  readonly view: MarketView;
}

/** The snapshot fields a task may give new values for (stories and health merge separately). */
export type SnapshotData = Partial<Omit<Snapshot, 'sources' | 'stories' | 'updatedAt'>>;

export interface TaskOutcome {
  /** New statuses of the sources this task asked. */
  statuses: Partial<Record<SourceId, SourceStatus>>;
  data: SnapshotData;
  /** A feed's fresh stories, merged into the others by the cycle. */
  stories: { feedId: string; stories: Story[] }[];
  series?: SeriesMap;
  directory?: SymbolDirectory;
  /** The portal's request token, for the token-gated routes later in the cycle. */
  token?: string | null;
  fetched: SourceId[];
  failed: { id: SourceId; error: SourceError }[];
  /** Rows a source sent that were left out, by source: counted for Diagnostics, never shown as figures. */
  dropped?: Partial<Record<SourceId, number>>;
}

export const emptyOutcome = (): TaskOutcome => ({ statuses: {}, data: {}, stories: [], fetched: [], failed: [] });

/**
 * Builds one task's outcome; `status` answers with what the task itself has recorded so far,
 * so a task can act on its own earlier result (the fallback after the portal failed).
 */
export class Outcome {
  readonly value: TaskOutcome = emptyOutcome();
  constructor(private readonly input: CycleInput) {}

  status(id: SourceId): SourceStatus | undefined {
    return this.value.statuses[id] ?? this.input.snapshot.sources[id];
  }

  /** `at`: when the data was read, when the task stamped it (so its quotes' readAt equals lastOk). */
  succeed(id: SourceId, at = this.input.now()): void {
    this.value.statuses[id] = recordSuccess(this.status(id), at);
    this.value.fetched.push(id);
  }

  fail(id: SourceId, error: SourceError, policy: BackoffPolicy): void {
    this.value.statuses[id] = recordFailure(this.status(id), error, policy, this.input.random);
    this.value.failed.push({ id, error });
  }

  /**
   * Not asked, and not a failure to back off from: a source without its permission waits for
   * the user, and is tried again in the first cycle after the grant comes back.
   */
  blocked(id: SourceId, error: SourceError): void {
    const previous = this.status(id);
    // Stamped as asked now, so the source is next due a period from now, not every 30 s.
    this.value.statuses[id] = { ...(previous ?? { lastOk: null, failures: 0 }), attemptedAt: error.at, state: 'failing', lastError: error, nextTry: null };
    this.value.failed.push({ id, error });
  }

  set(data: SnapshotData): void {
    Object.assign(this.value.data, data);
  }
}

/**
 * Due now? On the alarm, by the schedule and the backoff; for an install, a browser start or
 * the user's Refresh, at once, but never against a backoff or a server's Retry-After.
 */
export function isDueNow(input: CycleInput, health: SourceStatus | undefined, scheduledAt: number): boolean {
  const now = input.now();
  if (!mayAsk(health, now)) return false;
  // Repeated Refresh clicks within a few seconds ask nothing new of the sources.
  if (input.reason === 'user' && health?.attemptedAt != null && now - health.attemptedAt < USER_REFRESH_GAP_MS && health.attemptedAt <= now) return false;
  return input.reason !== 'alarm' || now >= scheduledAt;
}

export const USER_REFRESH_GAP_MS = 10_000;
