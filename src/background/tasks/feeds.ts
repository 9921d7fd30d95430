/** Headlines: each feed on its own cadence and backoff; a failed feed keeps its stories. */
import { DEFAULT_FEEDS, type FeedDefinition } from '../../shared/feeds';
import type { Story } from '../../shared/model';
import { readFeed } from '../../sources/feeds/read-feed';
import { fail, isDueNow, succeed, type CycleContext } from '../cycle-context';
import { feedsPolicy } from '../policies';
import { periodicDueAt, withBackoff } from '../schedule';

export function feedsDueAt(ctx: CycleContext, feeds: readonly FeedDefinition[] = DEFAULT_FEEDS): number[] {
  return feeds.map((feed) => {
    const health = ctx.snapshot.sources[`feed:${feed.id}`];
    return withBackoff(periodicDueAt(health, ctx.settings.feedsPeriodMin * 60_000, ctx.now()), health);
  });
}

export async function refreshFeeds(ctx: CycleContext, feeds: readonly FeedDefinition[] = DEFAULT_FEEDS): Promise<void> {
  const due = feedsDueAt(ctx, feeds);
  await Promise.all(
    feeds.map(async (feed, i) => {
      const id = `feed:${feed.id}` as const;
      if (!isDueNow(ctx, ctx.snapshot.sources[id], due[i] ?? 0)) return;
      const result = await readFeed(feed, ctx.http);
      if (!result.ok) {
        fail(ctx, id, result.error, feedsPolicy(ctx.settings));
        return;
      }
      succeed(ctx, id);
      ctx.snapshot.stories = replaceFeedStories(ctx.snapshot.stories, feed.id, result.value.stories);
    }),
  );
}

/** Newest first; stories without a date keep their place after the dated ones. */
export function replaceFeedStories(all: Story[], feedId: string, fresh: Story[]): Story[] {
  const others = all.filter((s) => s.feedId !== feedId);
  const sorted = [...fresh].sort((a, b) => (b.publishedAt ?? -Infinity) - (a.publishedAt ?? -Infinity));
  return [...others, ...sorted];
}
