/**
 * Adding, removing and reordering feeds. Adding asks for host access to the feed's origin
 * only (an optional permission), has the background fetch the feed once to prove it is one,
 * and gives the permission back if it is not.
 */
import { browser } from '../shared/browser';
import { BUILT_IN_FEED_ORIGINS, feedIdFor, feedsFit, MAX_FEEDS, originPattern, type FeedDefinition } from '../shared/feeds';
import { safeHttpUrl } from '../shared/links';
import { sendMessage } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import { updateSettings } from '../shared/settings-items';

export type AddFeedOutcome =
  | { ok: true; feed: FeedDefinition }
  | { ok: false; reason: 'invalid-url' | 'duplicate' | 'too-many' | 'denied' | 'not-a-feed'; message: string };

const isBuiltIn = (url: string): boolean => BUILT_IN_FEED_ORIGINS.includes(new URL(url).origin);

/**
 * Must be called straight from a click: the permission prompt needs the user's gesture, so
 * nothing is awaited before it.
 */
export async function addFeed(rawUrl: string, settings: Settings): Promise<AddFeedOutcome> {
  const url = safeHttpUrl(rawUrl.trim());
  if (url === null || url.length > 500) return { ok: false, reason: 'invalid-url', message: 'Enter an http or https address (at most 500 characters).' };
  if (settings.feeds.some((f) => f.url === url)) return { ok: false, reason: 'duplicate', message: 'That feed is already in the list.' };
  if (settings.feeds.length >= MAX_FEEDS) return { ok: false, reason: 'too-many', message: `At most ${MAX_FEEDS} feeds.` };
  // The list is one sync item of at most 8 KB: a feed whose address would not fit is refused
  // now, with a reason, rather than dropped later. The title is not known yet: reserve 80 characters.
  const probe: FeedDefinition = { id: feedIdFor(url), url, name: new URL(url).hostname, title: 'x'.repeat(80) };
  if (!feedsFit([...settings.feeds, probe])) {
    return { ok: false, reason: 'too-many', message: 'The feed list is full: its addresses use all the space your browser syncs. Remove a feed first.' };
  }

  const origins = [originPattern(url)];
  // Both calls start in the click itself: Firefox refuses a request made after an await. Asking
  // for an origin already held resolves at once, without a prompt.
  const builtIn = isBuiltIn(url);
  const held = builtIn ? Promise.resolve(true) : browser.permissions.contains({ origins }).catch(() => false);
  const asked = builtIn ? Promise.resolve(true) : browser.permissions.request({ origins }).catch(() => false);
  const askedNow = !(await held);
  const granted = await asked;
  if (!granted) return { ok: false, reason: 'denied', message: `Access to ${new URL(url).host} was not granted, so the feed cannot be read.` };

  const check = await sendMessage('checkFeed', { url });
  if (!check.ok) {
    if (askedNow) await browser.permissions.remove({ origins }).catch(() => false);
    return { ok: false, reason: 'not-a-feed', message: check.error };
  }
  const host = new URL(url).hostname;
  const feed: FeedDefinition = { id: feedIdFor(url), url, name: host, title: (check.value.title ?? host).slice(0, 80) };
  // The check took time: apply the addition to the settings as they are now.
  const saved = await updateSettings((current) => ({ ...current, feeds: [...current.feeds.filter((f) => f.url !== url), feed] }));
  if (!saved.ok || !saved.value.feeds.some((f) => f.url === url)) {
    return { ok: false, reason: 'too-many', message: saved.ok ? 'The feed list is full. Remove a feed first.' : `The feed could not be saved: ${saved.error.detail}.` };
  }
  void sendMessage('refreshNow', {});
  return { ok: true, feed };
}

/** Removes a feed, and the host access it alone needed. */
export async function removeFeed(id: string, settings: Settings): Promise<void> {
  const feed = settings.feeds.find((f) => f.id === id);
  if (!feed) return;
  const saved = await updateSettings((current) => ({ ...current, feeds: current.feeds.filter((f) => f.id !== id) }));
  const feeds = saved.ok ? saved.value.feeds : settings.feeds.filter((f) => f.id !== id);
  const origin = originPattern(feed.url);
  const stillNeeded = isBuiltIn(feed.url) || feeds.some((f) => originPattern(f.url) === origin);
  if (!stillNeeded) await browser.permissions.remove({ origins: [origin] }).catch(() => false);
}

export async function moveFeed(id: string, delta: -1 | 1): Promise<void> {
  await updateSettings((current) => {
    const feeds = [...current.feeds];
    const from = feeds.findIndex((f) => f.id === id);
    const to = from + delta;
    if (from === -1 || to < 0 || to >= feeds.length) return current;
    [feeds[from], feeds[to]] = [feeds[to]!, feeds[from]!];
    return { ...current, feeds };
  });
}
