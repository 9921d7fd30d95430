/**
 * The production Chrome build in Debian Chromium, with every source URL answered from
 * fixtures: what a user sees in the popup, that hostile feed items stay text, and that a
 * reopened popup draws from storage without asking the network.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ExtensionSession, waitForPrices } from './support/chromium';
import { expectedWatchlist, tradingDayFixtures, URLS } from './support/fixtures';

// The README's screenshots come from chromium-popup.test.ts; this one is for looking at a run.
const SCREENSHOTS = path.resolve('test-results');

interface RowView {
  symbol: string;
  price: string;
  shown: string;
  spoken: string;
  direction: string;
}

async function readRows(page: Page): Promise<RowView[]> {
  return page.$$eval('li.quote', (rows) =>
    rows.map((row) => ({
      symbol: row.getAttribute('data-symbol') ?? '',
      price: row.querySelector('.quote__price')?.textContent ?? '',
      shown: row.querySelector('.change > [aria-hidden="true"]')?.textContent ?? '',
      spoken: row.querySelector('.change .sr-only')?.textContent ?? '',
      direction: [...(row.querySelector('.change')?.classList ?? [])].find((c) => c.startsWith('change--'))?.slice(8) ?? '',
    })),
  );
}

describe('Chromium: the popup on a trading day', () => {
  let session: ExtensionSession;
  let popup: Page;

  beforeAll(async () => {
    session = await launchChromiumWithExtension(tradingDayFixtures());
    popup = await session.openPopup();
    // The install-time refresh fills storage; the popup follows it without a reload.
    await waitForPrices(popup);
    await popup.locator('.story').first().waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows all 30 default symbols with the fixture price, change and percent exactly', async () => {
    const rows = await readRows(popup);
    const expected = expectedWatchlist();
    expect(rows.map((r) => r.symbol)).toEqual(expected.map((e) => e.symbol));
    for (const [i, want] of expected.entries()) {
      const row = rows[i];
      const arrow = want.direction === 'up' ? '▲ ' : want.direction === 'down' ? '▼ ' : '';
      expect(row, want.symbol).toMatchObject({
        price: want.price,
        shown: `${arrow}${want.change} (${want.percent})`,
        direction: want.direction,
      });
      const words =
        want.direction === 'unchanged'
          ? 'Unchanged'
          : `${want.direction === 'up' ? 'Increased' : 'Decreased'} by ${want.change}, ${want.percent.replace('%', '')} percent`;
      expect(row?.spoken, want.symbol).toBe(words);
    }
    // The futures row HUBC-OCT (250.05) shares the table; the regular market must win.
    expect(rows.find((r) => r.symbol === 'HUBC')?.price).toBe('202.71');
  });

  it('shows KSE-100 and KSE-30 with thousands separators', async () => {
    const indices = await popup.$$eval('li.index', (items) =>
      items.map((i) => ({
        code: i.getAttribute('data-code'),
        value: i.querySelector('.index__value')?.textContent,
        shown: i.querySelector('.change > [aria-hidden="true"]')?.textContent,
      })),
    );
    expect(indices).toEqual([
      { code: 'KSE100', value: '171,208.54', shown: '▼ 412.66 (0.24%)' },
      { code: 'KSE30', value: '51,930.77', shown: '▼ 160.02 (0.31%)' },
    ]);
    await expect(popup.locator('.market-state').textContent()).resolves.toBe('Market open');
  });

  it('lists the world stories as links that open in a new tab', async () => {
    const world = popup.locator('section.stories').first();
    const links = await world.locator('a.story__title').evaluateAll((as) =>
      as.map((a) => ({ text: a.textContent, href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })),
    );
    expect(links.slice(0, 3)).toEqual([
      {
        text: 'Oil steadies as traders weigh OPEC+ output plans',
        href: 'https://www.brecorder.com/news/40390117/oil-steadies-as-traders-weigh-opec-output-plans',
        target: '_blank',
        rel: 'noopener noreferrer',
      },
      expect.objectContaining({ text: 'Lavrov says EU \u2018failing\u2019 to push Russia out of Central Asia' }),
      expect.objectContaining({ text: 'Markets & money: Asia stocks mixed' }),
    ]);
    await expect(world.locator('.story__meta').first().textContent()).resolves.toMatch(/^Business Recorder · \d+ (min|hr|days?) ago$/);
  });

  it('keeps hostile feed items inert: markup shows as text, script links are not links', async () => {
    const world = popup.locator('section.stories').first();
    const hostile = await world.locator('.story__title').evaluateAll((nodes) =>
      nodes.slice(3).map((n) => ({ tag: n.tagName, text: n.textContent, children: n.children.length })),
    );
    expect(hostile).toEqual([
      { tag: 'SPAN', text: 'Gold climbs on rate bets', children: 0 },
      { tag: 'SPAN', text: 'Rupee holds steady in interbank', children: 0 },
    ]);
    const page = await popup.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
      title: document.title,
    }));
    expect(page.images).toBe(0);
    expect(page.scripts.every((src) => src !== null && src.startsWith('/assets/'))).toBe(true);
    expect(page.hrefs.every((href) => href.startsWith('https://'))).toBe(true);
    expect(page.title).toBe('PSX market');
  });

  it('sends the request token from the home page on the market-watch request', () => {
    const watch = session.requests.find((r) => r.url === URLS.marketWatch);
    expect(watch?.headers['x-req-id']).toBe('q7Xv2LmR9tKp4WzN8bYc3HdF');
    expect(watch?.headers['x-requested-with']).toBe('XMLHttpRequest');
    // One request per source per cycle, never one per symbol for the whole list: the intraday
    // series are the one per-symbol route, and one symbol is asked per cycle.
    const portal = session.requests.map((r) => r.url).filter((u) => u.startsWith('https://dps.psx.com.pk/'));
    // The directory is fetched beside the portal, so only the portal's own order is fixed.
    expect(portal.filter((u) => !u.includes('/timeseries/')).sort()).toEqual([URLS.home, URLS.marketWatch, URLS.symbols].sort());
    expect(portal.indexOf(URLS.home)).toBeLessThan(portal.indexOf(URLS.marketWatch));
    expect(portal.filter((u) => u.includes('/timeseries/int/'))).toHaveLength(1);
  });

  it('takes a full-page screenshot of the popup', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await popup.screenshot({ path: path.join(SCREENSHOTS, 'popup-chromium.png'), fullPage: true });
  });

  it('draws a reopened popup from storage without any request', async () => {
    await popup.close();
    const before = session.requests.length;
    const again = await session.openPopup();
    await again.locator('li.quote[data-symbol="HUBC"] .quote__price').filter({ hasText: '202.71' }).waitFor({ timeout: 2_000 });
    await again.waitForTimeout(1_000);
    expect(session.requests.slice(before)).toEqual([]);
    popup = again;
  });
});
