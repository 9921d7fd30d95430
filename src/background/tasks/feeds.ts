/** Headlines: each feed on its own cadence and backoff, each its own task; a failed feed keeps its stories. */
import { browser } from '../../shared/browser';
import { needsOptionalGrant, originPattern, type FeedDefinition } from '../../shared/feeds';
import { readFeed } from '../../sources/feeds/read-feed';
import { isDueNow, Outcome, type CycleInput, type TaskOutcome } from '../cycle-context';
import { feedsPolicy } from '../policies';
import { periodicDueAt, withBackoff } from '../schedule';

export function feedDueAt(input: CycleInput, feed: FeedDefinition, sources = input.snapshot.sources): number {
  const health = sources[`feed:${feed.id}`];
  return withBackoff(periodicDueAt(health, input.settings.feedsPeriodMin * 60_000, input.now()), health);
}

export function feedsDueAt(input: CycleInput, feeds: readonly FeedDefinition[], sources = input.snapshot.sources): number[] {
  return feeds.map((feed) => feedDueAt(input, feed, sources));
}

function hasGrant(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url)] }).catch((cause: unknown) => {
    console.warn('permissions.contains failed:', cause);
    return false;
  });
}

export async function refreshFeed(input: CycleInput, feed: FeedDefinition): Promise<TaskOutcome> {
  const out = new Outcome(input);
  const id = `feed:${feed.id}` as const;
  if (!isDueNow(input, out.status(id), feedDueAt(input, feed))) return out.value;
  // An optional origin is fetched only while the grant holds; a revoked one is said so, not fetched.
  if (needsOptionalGrant(feed.url) && !(await hasGrant(feed.url))) {
    out.blocked(id, { kind: 'no-access', detail: `access to ${new URL(feed.url).host} was taken back in the browser`, at: input.now() });
    return out.value;
  }
  const previous = input.snapshot.stories.filter((s) => s.feedId === feed.id);
  const result = await readFeed(feed, { ...input.http, previous });
  if (!result.ok) {
    out.fail(id, result.error, feedsPolicy(input.settings));
    return out.value;
  }
  out.succeed(id);
  out.value.stories.push({ feedId: feed.id, stories: result.value.stories });
  return out.value;
}
