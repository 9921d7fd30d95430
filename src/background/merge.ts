/** The cycle's snapshot after its tasks: their data and statuses applied in order, stories merged. */
import type { Snapshot } from '../shared/model';
import { mergeFeedStories } from '../shared/stories';
import type { TaskOutcome } from './cycle-context';

export function mergeOutcomes(snapshot: Snapshot, outcomes: readonly TaskOutcome[], feedIds: readonly string[]): Snapshot {
  let next: Snapshot = { ...snapshot, sources: { ...snapshot.sources } };
  for (const outcome of outcomes) {
    next = { ...next, ...outcome.data, sources: { ...next.sources, ...outcome.statuses } };
    for (const { feedId, stories } of outcome.stories) next.stories = mergeFeedStories(next.stories, feedId, stories, [...feedIds]);
  }
  return next;
}
