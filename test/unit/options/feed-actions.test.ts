import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addFeed, moveFeed, removeFeed } from '../../../src/options/feed-actions';
import type { MessageName } from '../../../src/shared/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { readSettings } from '../../../src/shared/settings-items';

const FEED = 'https://example.com/news/rss.xml';
type Reply = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * The fake browser's permissions API is not modelled, and its sendMessage cannot carry a
 * promised reply: both are scripted here, and every call is recorded.
 */
function script({ contains = false, grant = true, check }: { contains?: boolean; grant?: boolean; check: Reply }) {
  const calls: { request: unknown[]; remove: unknown[]; messages: MessageName[] } = { request: [], remove: [], messages: [] };
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(contains as never);
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(((p: unknown) => {
    calls.request.push(p);
    return Promise.resolve(grant);
  }) as never);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(((p: unknown) => {
    calls.remove.push(p);
    return Promise.resolve(true);
  }) as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((m: { type: MessageName }) => {
    calls.messages.push(m.type);
    return Promise.resolve(m.type === 'checkFeed' ? check : { ok: true, value: { fetched: [], failed: [] } });
  }) as never);
  return calls;
}

const settings = (): Settings => ({ ...DEFAULT_SETTINGS, feeds: [...DEFAULT_SETTINGS.feeds] });

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('adding a feed', () => {
  it('asks for that origin only, checks the feed through the background, saves it and refreshes', async () => {
    const calls = script({ check: { ok: true, value: { title: 'Example News', stories: 12 } } });
    const outcome = await addFeed(`  ${FEED} `, settings());
    expect(outcome).toMatchObject({ ok: true, feed: { url: FEED, title: 'Example News', name: 'example.com' } });
    expect(calls.request).toEqual([{ origins: ['https://example.com/*'] }]);
    expect(calls.messages).toEqual(['checkFeed', 'refreshNow']);
    expect((await readSettings()).feeds.map((f) => f.url)).toEqual([...DEFAULT_SETTINGS.feeds.map((f) => f.url), FEED]);
  });

  it('stops when the permission is denied, and saves nothing', async () => {
    const calls = script({ grant: false, check: { ok: true, value: { title: 'x', stories: 1 } } });
    const outcome = await addFeed(FEED, settings());
    expect(outcome).toMatchObject({ ok: false, reason: 'denied' });
    expect(calls.messages).toEqual([]);
    expect((await readSettings()).feeds).toHaveLength(2);
  });

  it('gives the permission back when the address is not a feed', async () => {
    const calls = script({ check: { ok: false, error: 'That address does not serve an RSS or Atom feed.' } });
    const outcome = await addFeed(FEED, settings());
    expect(outcome).toEqual({ ok: false, reason: 'not-a-feed', message: 'That address does not serve an RSS or Atom feed.' });
    expect(calls.remove).toEqual([{ origins: ['https://example.com/*'] }]);
    expect((await readSettings()).feeds).toHaveLength(2);
  });

  it('asks from the click even for an origin already held (no prompt then), and does not take it back', async () => {
    const calls = script({ contains: true, check: { ok: false, error: 'nope' } });
    await addFeed(FEED, settings());
    // Requested in the same task as contains: Firefox refuses a request made after an await.
    expect(calls.request).toEqual([{ origins: ['https://example.com/*'] }]);
    expect(calls.remove).toEqual([]);
  });

  it.each([
    ['javascript:alert(1)', 'invalid-url'],
    ['not a url', 'invalid-url'],
    ['https://www.brecorder.com/feeds/world', 'duplicate'],
  ])('refuses %s before asking anything', async (url, reason) => {
    const calls = script({ check: { ok: true, value: { title: null, stories: 0 } } });
    expect(await addFeed(url, settings())).toMatchObject({ ok: false, reason });
    expect(calls.request).toEqual([]);
    expect(calls.messages).toEqual([]);
  });
});

describe('removing and reordering', () => {
  it('removes a user feed and the host access it alone needed', async () => {
    const calls = script({ check: { ok: true, value: { title: 'Example', stories: 1 } } });
    await addFeed(FEED, settings());
    const withFeed = await readSettings();
    const id = withFeed.feeds[2]!.id;
    await removeFeed(id, withFeed);
    expect((await readSettings()).feeds.map((f) => f.id)).toEqual(['world', 'latest-news']);
    expect(calls.remove).toEqual([{ origins: ['https://example.com/*'] }]);
  });

  it('keeps the built-in Business Recorder access when a default feed is removed', async () => {
    const calls = script({ check: { ok: true, value: { title: null, stories: 0 } } });
    await removeFeed('world', settings());
    expect((await readSettings()).feeds.map((f) => f.id)).toEqual(['latest-news']);
    expect(calls.remove).toEqual([]);
  });

  it.each([
    ['latest-news', -1, ['latest-news', 'world']],
    ['world', 1, ['latest-news', 'world']],
    ['world', -1, ['world', 'latest-news']],
  ] as const)('moves %s by %i', async (id, delta, order) => {
    await moveFeed(id, delta);
    expect((await readSettings()).feeds.map((f) => f.id)).toEqual(order);
  });
});
