/**
 * Adding, removing and reordering feeds. Adding asks for host access to the feed's origin
 * only (an optional permission), has the background fetch the feed once to prove it is one,
 * and gives the permission back if it is not.
 *
 * Feeds are read over https only. An `http:` address is tried as https (same host and path):
 * if the site serves the feed there, the https address is what is saved; if not, the feed is
 * refused with a sentence saying why. Addresses on this machine or a private network are
 * refused before anything is asked.
 */
import { browser } from '../shared/browser';
import { BUILT_IN_FEED_ORIGINS, feedIdFor, feedsFit, MAX_FEEDS, originPattern, type FeedDefinition } from '../shared/feeds';
import { isPrivateHost, safeHttpUrl } from '../shared/links';
import { claimOrigins, releaseOrigins } from '../shared/permission-owners';
import { sendMessage } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import { updateSettings } from '../shared/settings-items';
import { text } from './i18n';
import { refusalText } from '../shared/storage/refusal-words';

export type AddFeedOutcome =
  | { ok: true; feed: FeedDefinition }
  | { ok: false; reason: 'invalid-url' | 'private-address' | 'insecure' | 'duplicate' | 'too-many' | 'denied' | 'not-a-feed'; message: string };

const isBuiltIn = (url: string): boolean => BUILT_IN_FEED_ORIGINS.includes(new URL(url).origin);

/**
 * Must be called straight from a click: the permission prompt needs the user's gesture, so
 * nothing is awaited before it.
 */
export async function addFeed(rawUrl: string, settings: Settings): Promise<AddFeedOutcome> {
  const { t } = text();
  const typed = safeHttpUrl(rawUrl.trim());
  if (typed === null || typed.length > 500) return { ok: false, reason: 'invalid-url', message: t('options_feed_invalid_url', { max: 500 }) };
  // Only the https address is ever asked for, checked and saved.
  const upgraded = new URL(typed).protocol === 'http:';
  const url = upgraded ? asHttps(typed) : typed;
  if (url.length > 500) return { ok: false, reason: 'invalid-url', message: t('options_feed_invalid_url', { max: 500 }) };
  if (isPrivateHost(new URL(url).hostname)) {
    return { ok: false, reason: 'private-address', message: t('options_feed_private', { host: new URL(url).hostname }) };
  }
  if (settings.feeds.some((f) => f.url === url)) return { ok: false, reason: 'duplicate', message: t('options_feed_duplicate') };
  if (settings.feeds.length >= MAX_FEEDS) return { ok: false, reason: 'too-many', message: t('options_feed_too_many', { max: MAX_FEEDS }) };
  // The list is one sync item of at most 8 KB: a feed whose address would not fit is refused
  // now, with a reason, rather than dropped later. The title is not known yet: reserve 80 characters.
  const probe: FeedDefinition = { id: feedIdFor(url), url, name: new URL(url).hostname, title: 'x'.repeat(80) };
  if (!feedsFit([...settings.feeds, probe])) {
    return { ok: false, reason: 'too-many', message: t('options_feed_list_full_sync') };
  }

  const origins = [originPattern(url)];
  // Both calls start in the click itself: Firefox refuses a request made after an await. Asking
  // for an origin already held resolves at once, without a prompt.
  const builtIn = isBuiltIn(url);
  const held = builtIn ? Promise.resolve(true) : browser.permissions.contains({ origins }).catch(() => false);
  const asked = builtIn ? Promise.resolve(true) : browser.permissions.request({ origins }).catch(() => false);
  const askedNow = !(await held);
  const granted = await asked;
  if (!granted) return { ok: false, reason: 'denied', message: t('options_feed_denied', { host: new URL(url).host }) };

  const check = await sendMessage('checkFeed', { url });
  if (!check.ok) {
    if (askedNow) await browser.permissions.remove({ origins }).catch(() => false);
    if (upgraded) {
      const message = t('options_feed_insecure', { host: new URL(url).host, error: check.error });
      return { ok: false, reason: 'insecure', message };
    }
    return { ok: false, reason: 'not-a-feed', message: check.error };
  }
  const host = new URL(url).hostname;
  const feed: FeedDefinition = { id: feedIdFor(url), url, name: host, title: (check.value.title ?? host).slice(0, 80) };
  // The check took time: apply the addition to the settings as they are now. An http entry for
  // the same address (saved by an older version, never read now) gives way to the https one.
  const saved = await updateSettings((current) => ({ ...current, feeds: [...current.feeds.filter((f) => f.url !== url && f.url !== typed), feed] }));
  if (!saved.ok || !saved.value.feeds.some((f) => f.url === url)) {
    return { ok: false, reason: 'too-many', message: saved.ok ? t('options_feed_list_full') : t('options_feed_not_saved', { detail: refusalText(saved.error) }) };
  }
  if (!isBuiltIn(url)) await claimOrigins(origins, `feed:${feed.id}`);
  void sendMessage('refreshNow', {});
  return { ok: true, feed };
}

/** The same address over https (an explicit port is kept; the default one goes with http). */
function asHttps(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = 'https:';
  return url.href;
}

/** Removes a feed, and the host access it alone needed. */
export async function removeFeed(id: string, settings: Settings): Promise<void> {
  const feed = settings.feeds.find((f) => f.id === id);
  if (!feed) return;
  const saved = await updateSettings((current) => ({ ...current, feeds: current.feeds.filter((f) => f.id !== id) }));
  // Not removed (a newer version's list, an unreadable one): the feed stays, and so does its access.
  if (!saved.ok) {
    console.warn('feed not removed:', saved.error.detail);
    return;
  }
  const feeds = saved.value.feeds;
  if (isBuiltIn(feed.url)) return;
  const origin = originPattern(feed.url);
  // Another feed on the same site keeps it; so does the bar's grant (permission-owners.ts).
  const sibling = feeds.find((f) => originPattern(f.url) === origin);
  if (sibling) await claimOrigins([origin], `feed:${sibling.id}`);
  await releaseOrigins([origin], `feed:${feed.id}`);
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
