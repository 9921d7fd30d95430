/**
 * Parse time of each source at live size. Compare figures within one run only: these machines
 * are shared and noisy, so absolute times vary between runs.
 */
import { Parser } from 'htmlparser2';
import { bench, describe } from 'vitest';
import { parseFeedXml } from '../src/sources/feeds/parse-feed';
import { parseHomePage } from '../src/sources/psx/home-page';
import { parseMarketWatch } from '../src/sources/psx/market-watch';
import { feedXml, homePage, marketWatchPage } from './corpus';

const watch500 = marketWatchPage(500);
const feed100 = feedXml(100);
const home = homePage();
const world = { id: 'world', url: 'https://www.brecorder.com/feeds/world', name: 'Business Recorder' };

describe('parsers', () => {
  bench('market watch, 500 rows', () => {
    const result = parseMarketWatch(watch500);
    if (!result.ok || result.value.length !== 500) throw new Error('bench corpus did not parse');
  });
  // The floor: htmlparser2's tokenizer over the same page with no work done per tag.
  bench('market watch, 500 rows: tokenizer alone', () => {
    new Parser({}, { decodeEntities: true }).end(watch500);
  });
  bench('feed, 100 items', () => {
    const result = parseFeedXml(feed100, world);
    if (!result.ok || result.value.stories.length !== 50) throw new Error('bench corpus did not parse');
  });
  bench('home page', () => {
    if (!parseHomePage(home).ok) throw new Error('bench corpus did not parse');
  });
});
