/** What a cycle puts in Diagnostics: each failure with its kind, the backoff it caused, recoveries. */
import { recordEvents, type DiagnosticEvent } from '../shared/diagnostics';
import type { Snapshot } from '../shared/model';
import type { TaskOutcome } from './cycle-context';

export function cycleEvents(outcomes: readonly TaskOutcome[], before: Snapshot, now: number): DiagnosticEvent[] {
  const events: DiagnosticEvent[] = [];
  for (const outcome of outcomes) {
    for (const { id, error } of outcome.failed) {
      events.push({ at: error.at, kind: 'failure', subject: id, detail: `${error.kind}: ${error.detail}` });
      const nextTry = outcome.statuses[id]?.nextTry;
      if (nextTry != null && nextTry > now) {
        const failures = outcome.statuses[id]?.failures ?? 0;
        events.push({ at: now, kind: 'backoff', subject: id, detail: `failure ${failures} in a row; next try in ${Math.round((nextTry - now) / 1000)} s` });
      }
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
