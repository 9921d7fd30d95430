/**
 * One task, one guard: whatever a task throws (a parser's stack overflow on a hostile page, a
 * bug, a storage read refused) becomes a recorded failure of that task's source, with backoff
 * like any other failure, instead of aborting the whole cycle and freezing every source.
 */
import type { SourceId } from '../shared/model';
import type { BackoffPolicy } from './backoff';
import { Outcome, type CycleInput, type TaskOutcome } from './cycle-context';

export function describeThrow(cause: unknown): string {
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return text.slice(0, 200);
}

export async function guarded(input: CycleInput, id: SourceId, policy: BackoffPolicy, task: () => Promise<TaskOutcome>): Promise<TaskOutcome> {
  try {
    return await task();
  } catch (cause) {
    // A stack overflow or a budget blown while reading input is the input's fault: `parse`.
    const kind = cause instanceof RangeError ? 'parse' : 'internal';
    const detail = describeThrow(cause);
    console.warn(`${id} task threw (${kind}):`, cause);
    const out = new Outcome(input);
    out.fail(id, { kind, detail, at: input.now() }, policy);
    return out.value;
  }
}
