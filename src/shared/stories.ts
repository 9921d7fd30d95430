/**
 * Stories across feeds: one copy of each story however many feeds carry it (matched by guid,
 * then link, then normalised title, the earlier feed in the user's order keeping it), at most
 * 50 per feed and 100 in all, and nothing older than a week on screen.
 */
import type { Story } from './model';

export const MAX_STORIES = 100;
export const MAX_STORY_AGE_MS = 7 * 24 * 3_600_000;

/** Lowercase letters and digits of any script, single-spaced: "Oil, steadies!" ≡ "oil steadies". */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function keysOf(story: Story): string[] {
  const keys: string[] = [];
  if (story.guid) keys.push(`guid:${story.guid}`);
  if (story.link) keys.push(`link:${story.link}`);
  const title = normaliseTitle(story.title);
  if (title !== '') keys.push(`title:${title}`);
  return keys;
}

/** Replaces one feed's stories, then de-duplicates across feeds and caps the total. */
export function mergeFeedStories(all: readonly Story[], feedId: string, fresh: readonly Story[], feedOrder: readonly string[]): Story[] {
  const rank = (s: Story): number => {
    const i = feedOrder.indexOf(s.feedId);
    return i === -1 ? feedOrder.length : i;
  };
  const candidates = [...all.filter((s) => s.feedId !== feedId), ...fresh]
    // Feeds that are no longer configured take their stories with them.
    .filter((s) => feedOrder.includes(s.feedId))
    .sort((a, b) => rank(a) - rank(b) || (b.publishedAt ?? 0) - (a.publishedAt ?? 0));
  const taken = new Set<string>();
  const kept: Story[] = [];
  for (const story of candidates) {
    const keys = keysOf(story);
    if (keys.some((k) => taken.has(k))) continue;
    keys.forEach((k) => taken.add(k));
    kept.push(story);
  }
  return kept.sort((a, b) => (b.publishedAt ?? 0) - (a.publishedAt ?? 0)).slice(0, MAX_STORIES);
}

/** One feed's stories for the popup: newest first, none older than a week. */
export function storiesToShow(all: readonly Story[], feedId: string, now: number, limit = 8): Story[] {
  return all
    .filter((s) => s.feedId === feedId && (s.publishedAt === null || now - s.publishedAt <= MAX_STORY_AGE_MS))
    .sort((a, b) => (b.publishedAt ?? 0) - (a.publishedAt ?? 0))
    .slice(0, limit);
}
