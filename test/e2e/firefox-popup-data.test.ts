/**
 * The production Firefox build (an unchanged copy of dist/firefox) in Firefox ESR, with the
 * sources' real https URLs answered from the same fixtures as Chromium's e2e, through the
 * loopback fixture proxy (support/firefox-fixtures.ts): the popup shows the fixture quotes,
 * the indices and the Business Recorder stories.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedWatchlist, tradingDayFixtures, URLS } from './support/fixtures';
import { launchFirefoxWithFixtures, POPUP_PATH, type FirefoxSession } from './support/firefox-session';

type PopupView = {
  quotes: { symbol: string; price: string; shown: string; direction: string }[];
  indices: { code: string; value: string; shown: string }[];
  marketState: string;
  stories: { text: string; href: string | null; target: string | null; rel: string | null; meta: string }[];
};

const READ_POPUP = `
  const text = (el) => (el?.textContent ?? '').trim();
  return {
    quotes: Array.from(document.querySelectorAll('li.quote'), (row) => ({
      symbol: row.getAttribute('data-symbol') ?? '',
      price: text(row.querySelector('.quote__price')),
      shown: text(row.querySelector('.change > [aria-hidden="true"]')),
      direction: [...(row.querySelector('.change')?.classList ?? [])].find((c) => c.startsWith('change--'))?.slice(8) ?? '',
    })),
    indices: Array.from(document.querySelectorAll('li.index'), (i) => ({
      code: i.getAttribute('data-code') ?? '',
      value: text(i.querySelector('.index__value')),
      shown: text(i.querySelector('.change > [aria-hidden="true"]')),
    })),
    marketState: text(document.querySelector('.market-state')),
    stories: Array.from(document.querySelector('section.stories')?.querySelectorAll('li.story') ?? [], (li) => {
      const a = li.querySelector('a.story__title');
      return {
        text: text(li.querySelector('.story__title')),
        href: a?.getAttribute('href') ?? null,
        target: a?.getAttribute('target') ?? null,
        rel: a?.getAttribute('rel') ?? null,
        meta: text(li.querySelector('.story__meta')),
      };
    }),
  };
`;

describe('Firefox ESR: the popup on a trading day, from fixtures', () => {
  let session: FirefoxSession;
  let view: PopupView;

  beforeAll(async () => {
    session = await launchFirefoxWithFixtures(tradingDayFixtures());
    await session.openExtensionPage(POPUP_PATH);
    // The install-time refresh fills storage; the popup follows it without a reload.
    view = await session.until<PopupView>(
      READ_POPUP,
      (v) => v.quotes.some((q) => q.symbol === 'WTL' && /\d/.test(q.price)) && v.stories.length > 0 && v.indices.length > 0,
      'the popup never showed prices, indices and stories',
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows all 30 default symbols with the fixture price, change and percent exactly', () => {
    const expected = expectedWatchlist();
    expect(view.quotes.map((q) => q.symbol)).toEqual(expected.map((e) => e.symbol));
    for (const [i, want] of expected.entries()) {
      const arrow = want.direction === 'up' ? '▲ ' : want.direction === 'down' ? '▼ ' : '';
      expect(view.quotes[i], want.symbol).toEqual({
        symbol: want.symbol,
        price: want.price,
        shown: `${arrow}${want.change} (${want.percent})`,
        direction: want.direction,
      });
    }
    expect(view.quotes.find((q) => q.symbol === 'HUBC')).toMatchObject({ price: '202.71', shown: '▲ 0.84 (0.42%)' });
  });

  it('shows KSE-100 and KSE-30 with thousands separators', () => {
    expect(view.indices).toEqual([
      { code: 'KSE100', value: '171,208.54', shown: '▼ 412.66 (0.24%)' },
      { code: 'KSE30', value: '51,930.77', shown: '▼ 160.02 (0.31%)' },
    ]);
    expect(view.marketState).toBe('Market open');
  });

  it('lists the Business Recorder stories as links that open in a new tab, hostile items as text', () => {
    expect(view.stories[0]).toEqual({
      text: 'Oil steadies as traders weigh OPEC+ output plans',
      href: 'https://www.brecorder.com/news/40390117/oil-steadies-as-traders-weigh-opec-output-plans',
      target: '_blank',
      rel: 'noopener noreferrer',
      meta: expect.stringMatching(/^Business Recorder · \d+ (min|hr|days?) ago$/) as unknown as string,
    });
    expect(view.stories.slice(3).map((s) => ({ text: s.text, href: s.href }))).toEqual([
      { text: 'Gold climbs on rate bets', href: null },
      { text: 'Rupee holds steady in interbank', href: null },
    ]);
  });

  it('fetched the real source URLs, the request token included, through the fixture proxy', () => {
    const watch = session.proxy.requests.find((r) => r.url === URLS.marketWatch);
    expect(watch?.headers['x-req-id']).toBe('q7Xv2LmR9tKp4WzN8bYc3HdF');
    const urls = session.proxy.requests.map((r) => r.url);
    for (const url of [URLS.home, URLS.marketWatch, URLS.symbols, URLS.world, URLS.latestNews]) expect(urls).toContain(url);
  });

  it('takes a screenshot of the popup', async () => {
    const png = await session.firefox.client.takeScreenshot();
    const dir = path.resolve('test-results');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'firefox-popup-data.png'), Buffer.from(png, 'base64'));
  });
});
