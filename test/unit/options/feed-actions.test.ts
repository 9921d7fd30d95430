import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addFeed, moveFeed, removeFeed } from '../../../src/options/feed-actions';
import type { MessageName } from '../../../src/shared/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { readSettings, updateSettings } from '../../../src/shared/settings-items';

const FEED = 'https://example.com/news/rss.xml';
type Reply = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * The fake browser's permissions API is not modelled, and its sendMessage cannot carry a
 * promised reply: both are scripted here, and every call is recorded.
 */
function script({ contains = false, grant = true, check }: { contains?: boolean; grant?: boolean; check: Reply }) {
  const calls: { request: unknown[]; remove: unknown[]; messages: MessageName[]; checked: unknown[] } = { request: [], remove: [], messages: [], checked: [] };
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(contains as never);
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(((p: unknown) => {
    calls.request.push(p);
    return Promise.resolve(grant);
  }) as never);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(((p: unknown) => {
    calls.remove.push(p);
    return Promise.resolve(true);
  }) as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((m: { type: MessageName; payload: unknown }) => {
    calls.messages.push(m.type);
    if (m.type === 'checkFeed') calls.checked.push(m.payload);
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

describe('adding a feed over https only', () => {
  const HTTP_FEED = 'http://example.com/news/rss.xml';

  it('tries an http address as https first, and keeps https when the site serves the feed there', async () => {
    const calls = script({ check: { ok: true, value: { title: 'Example News', stories: 3 } } });
    const outcome = await addFeed(HTTP_FEED, settings());
    expect(outcome).toMatchObject({ ok: true, feed: { url: FEED, title: 'Example News' } });
    // access to the https origin only: the http one is never read
    expect(calls.request).toEqual([{ origins: ['https://example.com/*'] }]);
    expect(calls.checked).toEqual([{ url: FEED }]);
    expect((await readSettings()).feeds.map((f) => f.url)).toEqual([...DEFAULT_SETTINGS.feeds.map((f) => f.url), FEED]);
  });

  it('refuses an http feed with a sentence when the site does not serve it over https, and gives the access back', async () => {
    const calls = script({ check: { ok: false, error: 'The feed could not be fetched (Failed to fetch).' } });
    const outcome = await addFeed(HTTP_FEED, settings());
    expect(outcome).toEqual({
      ok: false,
      reason: 'insecure',
      message: 'Feeds are read over https only, and example.com does not serve this feed over https: The feed could not be fetched (Failed to fetch).',
    });
    expect(calls.checked).toEqual([{ url: FEED }]);
    expect(calls.remove).toEqual([{ origins: ['https://example.com/*'] }]);
    expect((await readSettings()).feeds).toHaveLength(2);
  });

  it('keeps an explicit port when trying https', async () => {
    const calls = script({ check: { ok: false, error: 'nope' } });
    await addFeed('http://example.com:8080/rss', settings());
    expect(calls.checked).toEqual([{ url: 'https://example.com:8080/rss' }]);
  });

  it('replaces an http entry saved by an older version with the https one', async () => {
    script({ check: { ok: true, value: { title: 'Example News', stories: 3 } } });
    const old = { id: 'user-old', url: HTTP_FEED, name: 'example.com', title: 'Example' };
    expect((await updateSettings((s) => ({ ...s, feeds: [...s.feeds, old] }))).ok).toBe(true);
    const withOld = await readSettings();
    expect(withOld.feeds.map((f) => f.url)).toContain(HTTP_FEED);
    await addFeed(HTTP_FEED, withOld);
    expect((await readSettings()).feeds.map((f) => f.url)).toEqual([...DEFAULT_SETTINGS.feeds.map((f) => f.url), FEED]);
  });

  it('an https address already in the list is a duplicate, typed as http or https', async () => {
    const calls = script({ check: { ok: true, value: { title: 'x', stories: 1 } } });
    const withFeed: Settings = { ...settings(), feeds: [...settings().feeds, { id: 'user-x', url: FEED, name: 'example.com', title: 'x' }] };
    expect(await addFeed(HTTP_FEED, withFeed)).toMatchObject({ ok: false, reason: 'duplicate' });
    expect(await addFeed(FEED, withFeed)).toMatchObject({ ok: false, reason: 'duplicate' });
    expect(calls.request).toEqual([]);
  });

  it.each([
    ['https://127.0.0.1/rss', '127.0.0.1'],
    ['http://192.168.1.20/feed.xml', '192.168.1.20'],
    ['https://localhost:8443/rss', 'localhost'],
    ['https://[::1]/rss', '[::1]'],
    ['http://0x7f.1/rss', '127.0.0.1'],
  ])('refuses %s (this computer or a private network) before asking anything', async (url, host) => {
    const calls = script({ check: { ok: true, value: { title: 'x', stories: 1 } } });
    expect(await addFeed(url, settings())).toEqual({
      ok: false,
      reason: 'private-address',
      message: `${host} is on this computer or a private network; feeds are read only from public sites.`,
    });
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
