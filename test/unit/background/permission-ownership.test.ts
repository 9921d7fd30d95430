/**
 * The bar and a feed on the same site share one origin grant; each gives back only what no one
 * else still needs.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeFeed } from '../../../src/options/feed-actions';
import { switchBarOff, switchBarOn } from '../../../src/shared/bar-access';
import { claimOrigins, permissionOwnersItem } from '../../../src/shared/permission-owners';
import type { FeedDefinition } from '../../../src/shared/feeds';
import { readSettings, updateSettings } from '../../../src/shared/settings-items';

const SITE = 'https://news.example/*';
const FEED: FeedDefinition = { id: 'user-news', url: 'https://news.example/rss', name: 'news.example', title: 'News' };

/** The browser's grants, as it keeps them; the fake browser has no permissions model. */
function grants(): Set<string> {
  const granted = new Set<string>();
  Object.assign(fakeBrowser.permissions, {
    request: vi.fn(({ origins }: { origins: string[] }) => {
      origins.forEach((o) => granted.add(o));
      return Promise.resolve(true);
    }),
    remove: vi.fn(({ origins }: { origins: string[] }) => Promise.resolve(origins.map((o) => granted.delete(o)).some(Boolean))),
    contains: vi.fn(({ origins }: { origins: string[] }) => Promise.resolve(origins.every((o) => granted.has(o)))),
    getAll: vi.fn(() => Promise.resolve({ origins: [...granted], permissions: [] })),
  });
  return granted;
}

async function withFeed(granted: Set<string>): Promise<void> {
  granted.add(SITE);
  await updateSettings((s) => ({ ...s, feeds: [...s.feeds, FEED] }));
  await claimOrigins([SITE], `feed:${FEED.id}`);
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('permission ownership', () => {
  it('switching the bar off keeps the access a feed on that site needs', async () => {
    const granted = grants();
    await withFeed(granted);
    expect(await switchBarOn([SITE])).toBe(true);
    await switchBarOff();
    expect(granted.has(SITE)).toBe(true);
    expect(await permissionOwnersItem.get()).toEqual({ [SITE]: [`feed:${FEED.id}`] });
  });

  it('removing the feed keeps the bar on that site', async () => {
    const granted = grants();
    await withFeed(granted);
    await switchBarOn([SITE]);
    await removeFeed(FEED.id, await readSettings());
    expect(granted.has(SITE)).toBe(true);
    expect((await readSettings()).showBar).toBe(true);
    expect(await permissionOwnersItem.get()).toEqual({ [SITE]: ['bar'] });
  });

  it('the last owner gives the grant back', async () => {
    const granted = grants();
    await withFeed(granted);
    await removeFeed(FEED.id, await readSettings());
    expect(granted.has(SITE)).toBe(false);
  });

  it('a feed added before owners were recorded (0.1.0) still keeps its site when the bar goes', async () => {
    const granted = grants();
    granted.add(SITE);
    await updateSettings((s) => ({ ...s, feeds: [...s.feeds, FEED] }));
    await switchBarOn([SITE]);
    await switchBarOff();
    expect(granted.has(SITE)).toBe(true);
  });
});

describe('the background checks a feed’s grant before fetching it', async () => {
  const { refresh } = await import('../../../src/background/refresh');
  const { marketItem } = await import('../../../src/shared/market-store');
  const { fakeFetch } = await import('../fake-fetch');
  const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>A story</title><link>https://news.example/a</link></item></channel></rss>';

  it('asks nothing of a site whose access was taken back, says so, and reads it once granted again', async () => {
    const granted = grants();
    await updateSettings((s) => ({ ...s, feeds: [FEED] }));
    const { fetch, calls } = fakeFetch({ [FEED.url]: [{ body: RSS }] });
    const at = Date.UTC(2026, 9, 14, 6, 42);
    await refresh('install', { fetchImpl: fetch, now: () => at, random: () => 0.5 });
    expect(calls.map((c) => c.url)).not.toContain(FEED.url);
    const status = (await marketItem.get()).sources[`feed:${FEED.id}`];
    expect(status?.lastError?.kind).toBe('no-access');
    // No backoff: the next cycle after the grant reads it.
    expect(status?.nextTry).toBeNull();
    granted.add(SITE);
    await refresh('user', { fetchImpl: fetch, now: () => at + 60_000, random: () => 0.5 });
    expect(calls.map((c) => c.url)).toContain(FEED.url);
    expect((await marketItem.get()).sources[`feed:${FEED.id}`]?.state).toBe('ok');
  });
});
