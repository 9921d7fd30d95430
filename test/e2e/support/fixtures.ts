/** The source URLs the extension really fetches, answered with files from test/fixtures. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FixtureTable } from './chromium';

const FIXTURES = path.resolve('test/fixtures');

export const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

export const URLS = {
  home: 'https://dps.psx.com.pk/',
  marketWatch: 'https://dps.psx.com.pk/market-watch',
  symbols: 'https://dps.psx.com.pk/symbols',
  terminalMarket: 'https://psxterminal.com/api/market-data?market=REG',
  terminalKse100: 'https://psxterminal.com/api/ticks/IDX/KSE100',
  world: 'https://www.brecorder.com/feeds/world',
  latestNews: 'https://www.brecorder.com/feeds/latest-news',
} as const;

const rss = 'application/rss+xml; charset=utf-8';

/**
 * The feed fixtures are dated 14 October 2026, and the popup hides stories older than a week:
 * served, they are moved to yesterday (PKT) so the test does not depend on today's date.
 */
function recentFeed(name: string): string {
  const yesterday = new Date(Date.now() + 5 * 3_600_000 - 24 * 3_600_000);
  const day = yesterday.toUTCString().slice(0, 16); // "Thu, 26 Nov 2026"
  return fixture(name).replaceAll('Wed, 14 Oct 2026', day);
}

export const BR30 = [
  'BAFL', 'BIPL', 'BOP', 'CNERGY', 'DFML', 'DGKC', 'FABL', 'FCCL', 'FFL', 'GGL', 'HBL', 'HUBC', 'HUMNL', 'KEL', 'LOTCHEM',
  'MLCF', 'OGDC', 'PAEL', 'PIBTL', 'PIOC', 'PPL', 'PRL', 'SILK', 'SNGP', 'SSGC', 'TELE', 'TPLP', 'TRG', 'UNITY', 'WTL',
];
export const seriesUrl = (symbol: string): string => `https://dps.psx.com.pk/timeseries/int/${symbol}`;
const json = 'application/json';

/** A normal trading day: the sample home page, the 30-symbol market watch, both feeds. */
export function tradingDayFixtures(): FixtureTable {
  return {
    [URLS.home]: { body: fixture('psx/home.html') },
    [URLS.marketWatch]: { body: fixture('psx/market-watch.html') },
    [URLS.symbols]: { body: fixture('psx/symbols.json'), contentType: json },
    ...Object.fromEntries(BR30.map((s) => [seriesUrl(s), { body: fixture('psx/psx-timeseries-int-HUBC.json'), contentType: json }])),
    [URLS.world]: { body: recentFeed('feeds/world.xml'), contentType: rss },
    [URLS.latestNews]: { body: recentFeed('feeds/latest-news.xml'), contentType: rss },
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
