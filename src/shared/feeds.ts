/**
 * Feed definitions: the two Business Recorder feeds by default, plus any RSS or Atom feed the
 * user adds in the options page (each behind an optional host permission for its origin).
 */
import { safeHttpUrl } from './links';
import { jsonBytes, keepWithinBytes } from './storage/size';

export interface FeedDefinition {
  id: string;
  url: string;
  /** Shown beside each story ("Business Recorder"). */
  name: string;
  /** The popup section's heading ("World"). */
  title: string;
}

export const WORLD_FEED: FeedDefinition = {
  id: 'world',
  url: 'https://www.brecorder.com/feeds/world',
  name: 'Business Recorder',
  title: 'World',
};

export const LATEST_NEWS_FEED: FeedDefinition = {
  id: 'latest-news',
  url: 'https://www.brecorder.com/feeds/latest-news',
  name: 'Business Recorder',
  title: 'Latest news',
};

export const DEFAULT_FEEDS: readonly FeedDefinition[] = [WORLD_FEED, LATEST_NEWS_FEED];
export const MAX_FEEDS = 12;
/**
 * Sync holds 8 KB an item: the feed list stays within this much JSON (checked when adding). At
 * least the 7,920 bytes 0.1.0's single `settings` item could give its feeds, so none it kept is
 * dropped by the migration (it was 7,000: test/fixtures/storage/0.1.0/feeds-at-quota.json); the
 * `feeds` item still fits its quota (test/unit/storage/quota.test.ts).
 */
export const FEEDS_BYTES = 7_950;

/** Whether a list of feeds fits its sync item; adding a feed that would not is refused. */
export function feedsFit(feeds: readonly FeedDefinition[]): boolean {
  return feeds.length <= MAX_FEEDS && jsonBytes(feeds) <= FEEDS_BYTES;
}

/** Origins granted at install (manifest host_permissions); other feeds need an optional grant. */
export const BUILT_IN_FEED_ORIGINS = ['https://www.brecorder.com'];

const FEED_ID = /^[a-z0-9-]{1,40}$/;

/** A feed outside the built-in origins is read only with an optional grant the user can revoke. */
export function needsOptionalGrant(url: string): boolean {
  try {
    return !BUILT_IN_FEED_ORIGINS.includes(new URL(url).origin);
  } catch {
    return true;
  }
}

/** A stable id for a user's feed, from its URL (so adding the same feed twice is caught). */
export function feedIdFor(url: string): string {
  let hash = 0x811c9dc5;
  for (const ch of url) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return `user-${hash.toString(36)}`;
}

/** The permission pattern for one feed's origin. */
export function originPattern(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/*`;
}

/** Field-by-field validation of stored feeds; an unusable entry is dropped, never trusted. */
export function normaliseFeeds(raw: unknown): FeedDefinition[] {
  if (!Array.isArray(raw)) return [...DEFAULT_FEEDS];
  const out: FeedDefinition[] = [];
  for (const item of raw as Partial<Record<keyof FeedDefinition, unknown>>[]) {
    // storage.sync holds 8 KB per item: a feed address over 500 characters is not kept. The
    // limit applies to the normalised address, which is what is stored and read back next
    // time: checked on the raw text only, an address that grows when percent-encoded was kept
    // once and dropped by the next read (test/unit/storage/quota.test.ts).
    const normalised = typeof item?.url === 'string' && item.url.length <= 500 ? safeHttpUrl(item.url) : null;
    const url = normalised !== null && normalised.length <= 500 ? normalised : null;
    const id = typeof item?.id === 'string' && FEED_ID.test(item.id) ? item.id : null;
    if (url === null || id === null || out.some((f) => f.id === id || f.url === url)) continue;
    // Control characters would cost six bytes each in sync's JSON; a name has no use for them.
    const text = (v: unknown, fallback: string): string => {
      const clean = typeof v === 'string' ? v.replace(/[\u0000-\u001f\u007f]/g, ' ').trim() : '';
      return clean !== '' ? clean.slice(0, 80) : fallback;
    };
    out.push({ id, url, name: text(item.name, new URL(url).hostname), title: text(item.title, new URL(url).hostname) });
    if (out.length === MAX_FEEDS) break;
  }
  return keepWithinBytes(out, FEEDS_BYTES, 'oldest');
}
