/** What a cycle puts in Diagnostics: each failure with its kind, the backoff it caused, recoveries. */
import { recordEvents, type DiagnosticEvent } from '../shared/diagnostics';
import type { Snapshot } from '../shared/model';
import type { MigrationReport } from '../shared/storage/migrations';
import type { TaskOutcome } from './cycle-context';

export function cycleEvents(outcomes: readonly TaskOutcome[], before: Snapshot, now: number): DiagnosticEvent[] {
  const events: DiagnosticEvent[] = [];
  for (const outcome of outcomes) {
    for (const { id, error } of outcome.failed) {
      // A feed waiting for its grant is recorded when the wait starts, not every period after.
      if (error.kind === 'no-access' && before.sources[id]?.lastError?.kind === 'no-access') continue;
      events.push({ at: error.at, kind: 'failure', subject: id, detail: `${error.kind}: ${error.detail}` });
      const nextTry = outcome.statuses[id]?.nextTry;
      if (nextTry != null && nextTry > now) {
        const failures = outcome.statuses[id]?.failures ?? 0;
        events.push({ at: now, kind: 'backoff', subject: id, detail: `failure ${failures} in a row; next try in ${Math.round((nextTry - now) / 1000)} s` });
      }
    }
    for (const [id, count] of Object.entries(outcome.dropped ?? {})) {
      if (count) events.push({ at: now, kind: 'data', subject: id, detail: `${count} ${count === 1 ? 'row' : 'rows'} left out: a value unreadable, or change and % not matching the prices` });
    }
    for (const id of outcome.fetched) {
      if ((before.sources[id]?.failures ?? 0) > 0) events.push({ at: now, kind: 'recovered', subject: id, detail: `answering again after ${before.sources[id]?.failures} failures` });
    }
  }
  return events;
}

export function recordCycleEvents(outcomes: readonly TaskOutcome[], before: Snapshot, now: number): Promise<void> {
  return recordEvents(cycleEvents(outcomes, before, now));
}

const recordedMigrations = new WeakSet<MigrationReport>();

/** A migration that changed something, once per run (ensureMigrated hands the same report to every caller). */
export async function recordMigration(report: MigrationReport, now: number): Promise<void> {
  if (recordedMigrations.has(report)) return;
  recordedMigrations.add(report);
  const events: DiagnosticEvent[] = [];
  if (report.rewritten.length + report.removed.length > 0) {
    events.push({ at: now, kind: 'migration', subject: 'storage', detail: `rewritten: ${report.rewritten.join(', ') || 'none'}; 0.1.0 keys removed: ${report.removed.join(', ') || 'none'}` });
  }
  for (const f of report.failed) events.push({ at: now, kind: 'storage', subject: f.key, detail: `migration not written: ${f.detail}` });
  await recordEvents(events);
}

/** A host permission granted or given back, whoever did it (the user in the browser's settings included). */
export function recordPermissionChange(change: 'granted' | 'removed', origins: readonly string[] | undefined, now: number): Promise<void> {
  if (!origins || origins.length === 0) return Promise.resolve();
  return recordEvents([{ at: now, kind: 'permission', subject: 'host access', detail: `${change}: ${origins.join(', ')}` }]);
}
