/** Headlines: each feed on its own cadence and backoff; a failed feed keeps its stories. */
import type { FeedDefinition } from '../../shared/feeds';
import { mergeFeedStories } from '../../shared/stories';
import { readFeed } from '../../sources/feeds/read-feed';
import { fail, isDueNow, succeed, type CycleContext } from '../cycle-context';
import { feedsPolicy } from '../policies';
import { periodicDueAt, withBackoff } from '../schedule';

export function feedsDueAt(ctx: CycleContext, feeds: readonly FeedDefinition[]): number[] {
  return feeds.map((feed) => {
    const health = ctx.snapshot.sources[`feed:${feed.id}`];
    return withBackoff(periodicDueAt(health, ctx.settings.feedsPeriodMin * 60_000, ctx.now()), health);
  });
}

export async function refreshFeeds(ctx: CycleContext, feeds: readonly FeedDefinition[]): Promise<void> {
  const due = feedsDueAt(ctx, feeds);
  await Promise.all(
    feeds.map(async (feed, i) => {
      const id = `feed:${feed.id}` as const;
      if (!isDueNow(ctx, ctx.snapshot.sources[id], due[i] ?? 0)) return;
      const previous = ctx.snapshot.stories.filter((s) => s.feedId === feed.id);
      const result = await readFeed(feed, { ...ctx.http, previous });
      if (!result.ok) {
        fail(ctx, id, result.error, feedsPolicy(ctx.settings));
        return;
      }
      succeed(ctx, id);
      ctx.snapshot.stories = mergeFeedStories(ctx.snapshot.stories, feed.id, result.value.stories, feeds.map((f) => f.id));
    }),
  );
}
