/** The source URLs the extension really fetches, answered with files from test/fixtures. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FixtureTable } from './chromium';

const FIXTURES = path.resolve('test/fixtures');

export const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

export const URLS = {
  home: 'https://dps.psx.com.pk/',
  marketWatch: 'https://dps.psx.com.pk/market-watch',
  world: 'https://www.brecorder.com/feeds/world',
  latestNews: 'https://www.brecorder.com/feeds/latest-news',
} as const;

const rss = 'application/rss+xml; charset=utf-8';

/** A normal trading day: the sample home page, the 30-symbol market watch, both feeds. */
export function tradingDayFixtures(): FixtureTable {
  return {
    [URLS.home]: { body: fixture('psx/home.html') },
    [URLS.marketWatch]: { body: fixture('psx/market-watch.html') },
    [URLS.world]: { body: fixture('feeds/world.xml'), contentType: rss },
    [URLS.latestNews]: { body: fixture('feeds/latest-news.xml'), contentType: rss },
  };
}

export interface ExpectedQuote {
  symbol: string;
  price: string;
  change: string;
  percent: string;
  direction: 'up' | 'down' | 'unchanged';
}

export const expectedWatchlist = (): ExpectedQuote[] =>
  JSON.parse(fixture('psx/expected-watchlist.json')) as ExpectedQuote[];
