/**
 * storage.local stays bounded: a simulated month of refresh cycles, with new stories every
 * cycle, feeds added and removed, symbols added and removed and a feed down for days, ends
 * well under a stated bound and stops growing. A refused write of the stories is pruned,
 * retried once and recorded, and the cycle still plans its next wake.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_ALARM } from '../../../src/background/alarm';
import { refresh } from '../../../src/background/refresh';
import { feedIdFor, WORLD_FEED } from '../../../src/shared/feeds';
import { storiesItem } from '../../../src/shared/market-store';
import { BUSINESS_RECORDER_WATCHLIST } from '../../../src/shared/settings';
import { readSettings, updateSettings } from '../../../src/shared/settings-items';
import { storageHealthItem, storageNotice } from '../../../src/shared/storage/storage-health';
import { MAX_STORIES } from '../../../src/shared/stories';
import { HOME_URL, MARKET_WATCH_URL, PORTAL_ORIGIN } from '../../../src/sources/psx/portal';
import { SYMBOLS_URL } from '../../../src/sources/psx/symbols';
import { storageFaults } from '../fake-storage';
import { readFixture } from '../fixtures';
import { dump, storage, undeclared } from './support';

const MIN = 60_000;
const DAY = 24 * 3_600_000;
/** Thursday 1 October 2026, 00:00 UTC. */
const START = Date.UTC(2026, 9, 1);
/** The cycles of a day, in minutes after midnight UTC (PKT − 5 h): pre-open, morning, noon, close, evening. */
const CYCLES_UTC_MIN = [4 * 60 + 20, 6 * 60, 8 * 60, 10 * 60 + 40, 13 * 60];
/** The stated bound for storage.local, however long the extension runs. */
const LOCAL_BOUND = 1024 * 1024;
const STORIES_PER_FEED_READ = 15;

const home = readFixture('psx/home.html');
const closedHome = home.replace('<div class="markets__item__stat__label">State</div><div>Open</div>', '<div class="markets__item__stat__label">State</div><div>Closed</div>');
const watch = readFixture('psx/market-watch.html');
const series = readFixture('psx/psx-timeseries-int-HUBC.json');
const symbols = readFixture('psx/symbols.json');

const isWeekend = (at: number): boolean => [0, 6].includes(new Date(at).getUTCDay());

/** A feed with new stories each cycle: every title, link and guid unseen before. */
function rss(url: string, cycle: number, at: number): string {
  const slug = url.replace(/[^a-z0-9]+/g, '-');
  const items = Array.from({ length: STORIES_PER_FEED_READ }, (_, k) => {
    const n = `${String(cycle).padStart(4, '0')}-${String(k).padStart(2, '0')}`;
    return (
      `<item><title>Story ${n} of ${slug}: KSE-100 moves as the rupee, oil and the budget weigh on trading</title>` +
      `<link>https://www.example.com/news/${slug}/${n}</link><guid isPermaLink="false">${slug}-${n}</guid>` +
      `<pubDate>${new Date(at - k * MIN).toUTCString()}</pubDate><description>${'Body text. '.repeat(30)}</description></item>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${slug}</title><link>${url}</link>${items.join('')}</channel></rss>`;
}

/** The network for one cycle: the portal from fixtures, every feed with fresh stories, `down` answering 503. */
function network(cycle: number, at: number, down: ReadonlySet<string> = new Set()): typeof fetch {
  const answer = (body: string, status = 200): Promise<Response> => Promise.resolve(new Response(body, { status }));
  return ((input: RequestInfo | URL): Promise<Response> => {
    const url = String(input);
    if (down.has(url)) return answer('unavailable', 503);
    if (url === HOME_URL) return answer(isWeekend(at) ? closedHome : home);
    if (url === MARKET_WATCH_URL) return answer(watch);
    if (url === SYMBOLS_URL) return answer(symbols);
    if (url.startsWith(`${PORTAL_ORIGIN}/timeseries/int/`)) return answer(series);
    if (url.includes('/feeds/') || url.endsWith('/rss')) return answer(rss(url, cycle, at));
    return Promise.reject(new TypeError('Failed to fetch'));
  }) as typeof fetch;
}

const customFeed = (day: number) => {
  const url = `https://news-${day}.example.com/rss`;
  return { id: feedIdFor(url), url, name: `news-${day}.example.com`, title: `News ${day}` };
};

/** What the user changes on day `d`: a feed added every third day (at most three of their own), symbols in and out. */
async function editsOfDay(d: number): Promise<void> {
  const result = await updateSettings((s) => {
    let feeds = s.feeds;
    if (d % 3 === 0) {
      feeds = [...feeds, customFeed(d)];
      const own = feeds.filter((f) => f.id.startsWith('user-'));
      if (own.length > 3) feeds = feeds.filter((f) => f.id !== own[0]!.id);
    }
    const out = BUSINESS_RECORDER_WATCHLIST[d % 30]!;
    const back = BUSINESS_RECORDER_WATCHLIST[(d + 10) % 30]!;
    let watchlist = s.watchlist.filter((x) => x !== out && x !== `NEW${d - 3}`);
    if (!watchlist.includes(back)) watchlist = [...watchlist, back];
    // A symbol the market watch does not list: no quote, never a crash.
    watchlist = [...watchlist, `NEW${d}`];
    return { ...s, feeds, watchlist };
  });
  expect(result.ok).toBe(true);
}

async function cycleAt(cycle: number, at: number, down?: ReadonlySet<string>): Promise<void> {
  vi.setSystemTime(at);
  await refresh('alarm', { fetchImpl: network(cycle, at, down), now: () => at, random: () => 0.5 });
}

const localBytes = (): Promise<number> => storage.local.getBytesInUse(null);

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  // The user granted each feed's site when adding it (the options page asks).
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a simulated month', () => {
  it(`keeps storage.local under ${LOCAL_BOUND / 1024} KB, and it stops growing`, async () => {
    const daily: number[] = [];
    let cycle = 0;
    for (let d = 0; d < 30; d++) {
      await editsOfDay(d);
      // The world feed is down from day 10 to day 12: failures, backoff, diagnostics.
      const down = d >= 10 && d <= 12 ? new Set([WORLD_FEED.url]) : undefined;
      for (const minutes of CYCLES_UTC_MIN) await cycleAt(cycle++, START + d * DAY + minutes * MIN, down);
      daily.push(await localBytes());
    }
    const areas = await dump();
    const sizes = Object.fromEntries(Object.entries(areas.local).map(([k, v]) => [k, JSON.stringify(v).length]));
    // The bound, with the sizes in the message should it ever be broken.
    expect(Math.max(...daily), JSON.stringify(sizes)).toBeLessThan(LOCAL_BOUND);
    // It stops growing: over the last ten days it moves by less than 5 % (a leak of a kilobyte
    // a day would move it by a quarter), and never above day 20's size by more than that.
    const last = daily.slice(20);
    const spread = Math.max(...last) - Math.min(...last);
    expect(spread, JSON.stringify({ daily, sizes })).toBeLessThanOrEqual(0.05 * Math.max(...last));
    expect(Math.max(...last), JSON.stringify({ daily, sizes })).toBeLessThanOrEqual(daily[19]! * 1.05);
    // Nothing undeclared accumulates either.
    expect(undeclared(areas)).toEqual([]);
    expect((await storiesItem.get()).length).toBeLessThanOrEqual(MAX_STORIES);
    // Stories only of the feeds configured now, quotes and health only for what is shown now.
    const settings = await readSettings();
    const feedIds = new Set(settings.feeds.map((f) => f.id));
    expect((await storiesItem.get()).every((s) => feedIds.has(s.feedId))).toBe(true);
    const market = (areas.local['market'] as { value: { quotes: Record<string, unknown>; sources: Record<string, unknown> } }).value;
    expect(Object.keys(market.quotes).every((s) => settings.watchlist.includes(s) || s === settings.badge)).toBe(true);
    expect(Object.keys(market.sources).filter((id) => id.startsWith('feed:')).every((id) => feedIds.has(id.slice(5)))).toBe(true);
    // storage.session too: the series only of the symbols still listed.
    const seriesKeys = Object.keys((areas.session['series'] as { value: Record<string, unknown> } | undefined)?.value ?? {});
    expect(seriesKeys.every((s) => settings.watchlist.includes(s))).toBe(true);
  }, 120_000);
});

describe('storage.local refusing the stories', () => {
  /** Wednesday 14 October 2026, 11:42 PKT: the market is open. */
  const T0 = Date.UTC(2026, 9, 14, 6, 42);

  /** Refuses the next `times` writes that carry the stories, as a full disk would; counts the attempts. */
  function refuseStories(times: number): { refused: () => number; attempts: () => number } {
    let left = times;
    let attempts = 0;
    const set = storage.local.set.bind(storage.local);
    vi.spyOn(storage.local, 'set').mockImplementation((items) => {
      if ('stories' in items) attempts += 1;
      if (left > 0 && 'stories' in items) {
        left -= 1;
        storageFaults.failNext('local', 'set');
      }
      return set(items);
    });
    return { refused: () => times - left, attempts: () => attempts };
  }

  const plannedWake = async (): Promise<number | undefined> => (await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime;

  beforeEach(async () => {
    // A first cycle fills the news: two feeds, 15 stories each.
    await cycleAt(0, T0 - 10 * MIN);
    expect((await storiesItem.get()).length).toBe(2 * STORIES_PER_FEED_READ);
  });

  it('once: the newest half is kept, the refusal is recorded, and the next wake is planned', async () => {
    const fault = refuseStories(1);
    await cycleAt(1, T0);
    // Refused, then retried once with the pruned copy.
    expect([fault.refused(), fault.attempts()]).toEqual([1, 2]);
    const stories = await storiesItem.get();
    expect(stories.length).toBe(STORIES_PER_FEED_READ);
    // The newest half: sorted newest first, cut after the first half.
    expect(Math.min(...stories.map((s) => s.publishedAt ?? 0))).toBeGreaterThanOrEqual(T0 - (STORIES_PER_FEED_READ / 2 + 1) * MIN);
    const health = await storageHealthItem.get();
    expect(health.localRefused).toMatchObject({ key: 'stories', at: T0 });
    expect(health.localRefused?.reason).toMatch(/QUOTA_BYTES quota exceeded/);
    expect(await plannedWake()).toBe(T0 + MIN);
  });

  it('even after pruning: recorded, the rest written, and the next wake planned', async () => {
    const before = await storiesItem.get();
    const fault = refuseStories(2);
    await cycleAt(1, T0);
    // Refused, retried once pruned, refused again: no third try.
    expect([fault.refused(), fault.attempts()]).toEqual([2, 2]);
    // The stories stay as they were; the market view was written all the same.
    expect(await storiesItem.get()).toEqual(before);
    const market = (await dump()).local['market'] as { value: { updatedAt: number } };
    expect(market.value.updatedAt).toBe(T0);
    const health = await storageHealthItem.get();
    expect(health.localRefused).toMatchObject({ key: 'stories', at: T0 });
    expect(health.localRefused?.reason).toMatch(/after pruning/);
    expect(storageNotice(health, [])).toMatch(/^The browser refused to save stories \(/);
    expect(await plannedWake()).toBe(T0 + MIN);
  });

  it('a later cycle that saves the stories in full clears the record, so no page says it any more', async () => {
    refuseStories(2);
    await cycleAt(1, T0);
    expect((await storageHealthItem.get()).localRefused).not.toBeNull();
    // Ten minutes on, the disk has room again and the feeds are due.
    await cycleAt(2, T0 + 10 * MIN);
    const health = await storageHealthItem.get();
    expect(health.localRefused).toBeNull();
    expect(storageNotice(health, [])).toBeNull();
  });
});
