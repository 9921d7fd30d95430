/**
 * A hostile World feed in the production Chrome build (a private copy of dist/chrome): beside an
 * ordinary item, one item's title nests 5,000 `<b>` elements, as escaped HTML (`&lt;b&gt;` ×
 * 5,000 + text + `&lt;/b&gt;` × 5,000, a 95 KB feed) in one run and inside a CDATA section (35 KB)
 * in the other. Over several alarm cycles whose market watch changes HUBC's price, the quotes
 * must keep coming, whatever the feed does.
 *
 * What the feed does depends on the build's title reader, so the test reads the stored health of
 * `feed:world` after the install cycle and asserts one of two concrete outcomes:
 * - failing: the popup names the World feed, and the feed is asked no more often than its
 *   backoff allows (not at all while `nextTry` is ahead; exactly once when its time is made to
 *   pass by moving the stored times back, then not again within the new backoff);
 * - read: the titles were reduced to plain text, and no markup, no `<b>` element and no escaped
 *   tag reaches the popup or the stored stories, and the popup still answers.
 * Anything else (no health at all, an unknown state) fails the test.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, launchChromiumWithExtension, type ExtensionSession, type FixtureTable } from './support/chromium';
import { fixture, tradingDayFixtures, URLS } from './support/fixtures';
import { extensionWorker, runAlarmCycle } from './support/worker';

const SCREENSHOTS = path.resolve('test-results');
const DEPTH = 5_000;
const HEADLINE = 'Hostile headline survives';
const ORDINARY = 'Ordinary world story stays plain';
const FEED_PERIOD_MS = 10 * 60_000;
const CYCLES_WITHIN_BACKOFF = 3;

/** The slice of the worker's `chrome` global used here (these callbacks run inside the worker). */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

interface Health {
  state: string;
  attemptedAt: number | null;
  failures: number;
  nextTry: number | null;
  lastError: { kind: string; detail?: string } | null;
}

interface StoredStory {
  feedId: string;
  title: string;
}

type Variant = 'escaped' | 'cdata';

/** One title nesting DEPTH `<b>` elements, as the feed writes it inside `<title>`. */
function hostileTitle(variant: Variant): string {
  if (variant === 'escaped') return `${'&lt;b&gt;'.repeat(DEPTH)}${HEADLINE}${'&lt;/b&gt;'.repeat(DEPTH)}`;
  return `<![CDATA[${'<b>'.repeat(DEPTH)}${HEADLINE}${'</b>'.repeat(DEPTH)}]]>`;
}

/** An RSS 2.0 World feed dated an hour ago: one item with the hostile title, one ordinary. */
function hostileFeed(variant: Variant): string {
  const date = new Date(Date.now() - 3_600_000).toUTCString();
  const item = (n: number, title: string): string =>
    `<item><title>${title}</title><link>https://www.brecorder.com/news/4049${n}/story-${n}</link>` +
    `<pubDate>${date}</pubDate><guid>https://www.brecorder.com/news/4049${n}</guid></item>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0"><channel><title>Business Recorder - World</title><link>https://www.brecorder.com/world</link>',
    '<description>Business Recorder world news</description>',
    item(1, hostileTitle(variant)),
    item(2, ORDINARY),
    '</channel></rss>',
  ].join('\n');
}

/**
 * The sample market watch with HUBC at `price`, its change and % change following (the build
 * cross-checks a row's change against current − LDCP and drops a row that disagrees).
 */
function marketWatchAt(price: number): string {
  const body = fixture('psx/market-watch.html');
  const start = body.indexOf('<td data-search="HUBC" data-order="HUBC">');
  const end = body.indexOf('</tr>', start);
  if (start < 0 || end < 0) throw new Error('the market-watch fixture has no HUBC row');
  const row = body.slice(start, end);
  const ldcp = 201.87;
  const change = Math.round((price - ldcp) * 100) / 100;
  const percent = (change / ldcp) * 100;
  const cells: [string, string][] = [
    ['data-order="202.71">202.71', `data-order="${price}">${price.toFixed(2)}`],
    ['data-order="0.84"><i class="icon-up-dir"></i> 0.84', `data-order="${change}"><i class="icon-up-dir"></i> ${change.toFixed(2)}`],
    ['data-order="0.4161093773220389"><i class="icon-up-dir"></i> 0.42%', `data-order="${percent}"><i class="icon-up-dir"></i> ${percent.toFixed(2)}%`],
  ];
  let changed = row;
  for (const [from, to] of cells) {
    if (!changed.includes(from)) throw new Error(`the HUBC row no longer has ${from}`);
    changed = changed.replace(from, to);
  }
  return body.slice(0, start) + changed + body.slice(end);
}

function fixturesFor(variant: Variant, hubc: number): FixtureTable {
  return {
    ...tradingDayFixtures(),
    [URLS.marketWatch]: { body: marketWatchAt(hubc) },
    [URLS.world]: { body: hostileFeed(variant), contentType: 'application/rss+xml; charset=utf-8' },
  };
}

/** `feed:world` as the background stored it in the market view, or undefined. */
async function worldHealth(session: ExtensionSession): Promise<Health | undefined> {
  const worker = await extensionWorker(session);
  return worker.evaluate(async () => {
    const market = (await chrome.storage.local.get('market'))['market'] as { value?: { sources?: Record<string, unknown> } } | undefined;
    return market?.value?.sources?.['feed:world'] as Health | undefined;
  });
}

async function storedStories(session: ExtensionSession): Promise<StoredStory[]> {
  const worker = await extensionWorker(session);
  return worker.evaluate(async () => {
    const stories = (await chrome.storage.local.get('stories'))['stories'] as { value?: StoredStory[] } | undefined;
    return stories?.value ?? [];
  });
}

/**
 * Makes the World feed's backoff run out, as if its time had passed: its `nextTry` and its last
 * attempt move back by the time still to wait (and a second more). Nothing else is touched.
 */
async function letWorldBackoffPass(session: ExtensionSession): Promise<void> {
  const worker = await extensionWorker(session);
  await worker.evaluate(async () => {
    const { market } = (await chrome.storage.local.get('market')) as {
      market?: { value: { sources: Record<string, { attemptedAt: number | null; nextTry: number | null } | undefined> } };
    };
    const health = market?.value.sources['feed:world'];
    if (!market || !health || health.nextTry === null) throw new Error('feed:world has no backoff to let pass');
    const shift = health.nextTry - Date.now() + 1_000;
    health.nextTry -= shift;
    if (health.attemptedAt !== null) health.attemptedAt -= shift;
    await chrome.storage.local.set({ market });
  });
}

const worldRequests = (session: ExtensionSession): number => session.requests.filter((r) => r.url === URLS.world).length;

/** Waits, by polling storage, until the install cycle has stored a health for `feed:world`. */
async function installCycleDone(session: ExtensionSession): Promise<Health> {
  let health: Health | undefined;
  await expect
    .poll(
      async () => {
        health = await worldHealth(session);
        return health?.attemptedAt ?? null;
      },
      { timeout: 30_000, interval: 100 },
    )
    .not.toBeNull();
  if (!health) throw new Error('no feed:world health');
  return health;
}

/** No markup of the hostile titles anywhere in the popup: not as elements, not as text. */
async function expectNoMarkup(popup: Page): Promise<void> {
  expect(await popup.locator('.stories b').count()).toBe(0);
  const text = await popup.locator('body').innerText();
  for (const fragment of ['<b', '</b', '&lt;', '&gt;', 'CDATA']) expect(text).not.toContain(fragment);
  // Only the popup's own elements inside the story sections, and titles that are text alone.
  const tags = await popup.locator('.stories *').evaluateAll((elements) => [...new Set(elements.map((e) => e.localName))].sort());
  expect(tags.filter((t) => !['a', 'button', 'div', 'h2', 'li', 'p', 'span', 'ul'].includes(t))).toEqual([]);
  const titles = await popup.locator('.story__title').evaluateAll((elements) => elements.map((e) => ({ children: e.children.length, text: e.textContent ?? '' })));
  for (const title of titles) {
    expect(title.children).toBe(0);
    expect(title.text).not.toMatch(/[<>]|&lt;|&gt;|&amp;lt;/);
  }
}

/** The popup still answers input: the World section collapses and opens again. */
async function expectResponsive(popup: Page): Promise<void> {
  const toggle = popup.locator('#stories-world');
  await toggle.click({ timeout: 5_000 });
  await popup.locator('#stories-world[aria-expanded="false"]').waitFor({ timeout: 5_000 });
  await toggle.click({ timeout: 5_000 });
  await popup.locator('#stories-world[aria-expanded="true"]').waitFor({ timeout: 5_000 });
}

describe('Chromium: a World feed whose titles nest 5,000 tags', () => {
  let buildCopy: string;
  let session: ExtensionSession | undefined;

  beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // A private copy: dist/ may be rebuilt by others while this file runs.
    buildCopy = mkdtempSync(path.join(tmpdir(), 'psx-e2e-hostile-feed-build-'));
    cpSync(CHROME_BUILD, buildCopy, { recursive: true });
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  afterAll(() => {
    rmSync(buildCopy, { recursive: true, force: true });
  });

  it.each<Variant>(['escaped', 'cdata'])('keeps quotes coming and the feed in check (%s titles)', async (variant) => {
    // 5,000 levels each way: about 95 KB of escaped tags, or 35 KB of them in CDATA.
    expect(hostileFeed(variant).length).toBeGreaterThan(7 * DEPTH);
    let hubc = 202.71;
    session = await launchChromiumWithExtension(fixturesFor(variant, hubc), buildCopy);
    const s = session;
    const installed = await installCycleDone(s);
    const popup = await s.openPopup();
    const price = popup.locator('li.quote[data-symbol="HUBC"] .quote__price');
    await price.filter({ hasText: '202.71' }).waitFor();

    /** One alarm cycle with HUBC at a new price; the popup must show it. */
    const cycle = async (): Promise<void> => {
      hubc = Math.round((hubc + 1.25) * 100) / 100;
      s.setFixtures(fixturesFor(variant, hubc));
      const snapshot = await runAlarmCycle(s);
      expect(snapshot?.quotes['HUBC']?.[0]).toBe(hubc);
      await price.filter({ hasText: hubc.toFixed(2) }).waitFor({ timeout: 10_000 });
    };

    if (installed.state === 'failing') {
      // Outcome 1: the feed fails (a `parse` failure of the too-deep title, as read today).
      expect(installed.lastError?.kind).toBe('parse');
      expect(installed.failures).toBe(1);
      expect(worldRequests(s)).toBe(1);
      const firstTry = installed.nextTry;
      if (firstTry === null) throw new Error('a failing feed:world has no nextTry');
      // The first retry waits the feed's period, ±20 %.
      expect(firstTry - (installed.attemptedAt ?? 0)).toBeGreaterThanOrEqual(0.8 * FEED_PERIOD_MS - 1);
      expect(firstTry - (installed.attemptedAt ?? 0)).toBeLessThanOrEqual(1.2 * FEED_PERIOD_MS + 1);
      const notice = popup.locator('.notice--feeds-failing');
      await notice.filter({ hasText: /^“World” feed could not be read/ }).waitFor();

      for (let i = 0; i < CYCLES_WITHIN_BACKOFF; i++) {
        await cycle();
        const health = await worldHealth(s);
        expect(Date.now()).toBeLessThan(firstTry);
        expect(health?.nextTry).toBe(firstTry);
        expect(health?.failures).toBe(1);
        expect(worldRequests(s)).toBe(1);
      }
      expect(await notice.textContent()).toMatch(/^“World” feed could not be read/);

      await letWorldBackoffPass(s);
      await cycle();
      expect(worldRequests(s)).toBe(2);
      const again = await worldHealth(s);
      expect(again?.state).toBe('failing');
      expect(again?.lastError?.kind).toBe(installed.lastError?.kind);
      expect(again?.failures).toBe(2);
      const secondTry = again?.nextTry ?? null;
      if (secondTry === null) throw new Error('feed:world has no nextTry after its second failure');
      expect(secondTry).toBeGreaterThan(Date.now());

      // Within the new, doubled backoff: quotes again, the feed not.
      await cycle();
      expect(worldRequests(s)).toBe(2);
      expect((await worldHealth(s))?.nextTry).toBe(secondTry);
      await notice.filter({ hasText: /^“World” feed could not be read/ }).waitFor();
    } else if (installed.state === 'ok') {
      // Outcome 2: the titles were reduced to plain text (possibly shortened, or empty).
      expect(installed.lastError).toBeNull();
      expect(worldRequests(s)).toBeGreaterThanOrEqual(1);
      await popup.locator('#stories-world-list .story__title').filter({ hasText: ORDINARY }).waitFor();
      for (let i = 0; i < CYCLES_WITHIN_BACKOFF + 1; i++) {
        await cycle();
        expect((await worldHealth(s))?.state).toBe('ok');
        await expectNoMarkup(popup);
        await expectResponsive(popup);
      }
      expect(await popup.locator('.notice--feeds-failing').count()).toBe(0);
      const world = (await storedStories(s)).filter((story) => story.feedId === 'world');
      expect(world.length).toBeGreaterThanOrEqual(1);
      for (const story of world) {
        expect(story.title.length).toBeLessThanOrEqual(300);
        expect(story.title).not.toMatch(/[<>]|&lt;|&gt;|CDATA/);
      }
    } else {
      throw new Error(`feed:world is neither failing nor ok after the install cycle: ${JSON.stringify(installed)}`);
    }

    // Whichever outcome: no markup in the popup, and it still answers.
    await expectNoMarkup(popup);
    await expectResponsive(popup);
    await popup.screenshot({ path: path.join(SCREENSHOTS, `popup-hostile-feed-${variant}.png`), fullPage: true });
  });
});
