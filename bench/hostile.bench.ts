/**
 * The worst hostile input found for each parser (issue 10), against a live-size read for scale.
 * Each hostile body is the 2 MB the fetch allows: as much of the costliest kind of work as the
 * read's budget lets through (its size found here, so it follows the budgets in src/), the rest
 * plain text, which no budget limits but every 2 MB body costs. Compare within one run only.
 */
import { bench, describe } from 'vitest';
import { Budget, PAGE_BUDGET } from '../src/sources/dom';
import { parseFeedXml } from '../src/sources/feeds/parse-feed';
import { FEED_BUDGET, scanFeed } from '../src/sources/feeds/scan';
import { parseHomePage } from '../src/sources/psx/home-page';
import { parseMarketWatch, parseMarketWatchReading } from '../src/sources/psx/market-watch';
import { marketWatchPage } from './corpus';

const BODY = 2 * 1024 * 1024;
const source = { id: 'hostile', url: 'https://www.brecorder.com/feeds/hostile', name: 'Hostile' };

/** `template` with `@@` replaced by as many `unit`s as fill the 2 MB body. */
function fillBody(template: string, unit: string): string {
  const at = template.indexOf('@@');
  const count = Math.floor((BODY - template.length + 2) / unit.length);
  return `${template.slice(0, at)}${unit.repeat(count)}${template.slice(at + 2)}`;
}

/** The largest n in [0, max] whose input costs at most `limit` units. */
function largestWithin(cost: (n: number) => number, limit: number, max: number): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (cost(mid) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---- feeds -----------------------------------------------------------------------------------

/** 100 items (all that are read), each with `perItem` unknown elements carrying an attribute. */
const attributedItems = (perItem: number): string =>
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hostile</title>' +
  Array.from({ length: 100 }, (_, i) => `<item><title>Story ${i}${i === 0 ? '@@' : ''}</title>${'<x a="1"/>'.repeat(perItem)}<link>https://www.brecorder.com/news/${i}</link></item>`).join('') +
  '</channel></rss>';

const scanCost = (xml: string): number => {
  const budget = new Budget(Number.MAX_SAFE_INTEGER);
  scanFeed(xml, budget);
  return budget.spent;
};
const perItem = largestWithin((n) => scanCost(attributedItems(n).replace('@@', '')), FEED_BUDGET * 0.98, 1_000);
const worstFeed = fillBody(attributedItems(perItem), 'lorem ip');
const deepTitleFeed =
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hostile</title>' +
  `<item><title>${'&lt;b&gt;'.repeat(5_000)}Deep</title><link>https://www.brecorder.com/news/1</link></item></channel></rss>`;
const textTitleFeed = fillBody(
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hostile</title><item><title>@@</title><link>https://www.brecorder.com/news/1</link></item></channel></rss>',
  'lorem ip',
);

// ---- portal pages ----------------------------------------------------------------------------

/** One index of the carousel, so the page is accepted after all the work before it. */
const INDEX =
  '<div class="topIndices__item"><div class="topIndices__item__name">KSE100</div><div class="topIndices__item__val">171,208.54</div>' +
  '<div class="change__text--neg"><div class="topIndices__item__change">412.66</div><div class="topIndices__item__changep">(0.24%)</div></div></div>';
const flatElements = (n: number): string => `<html><body>${'<i>x</i>'.repeat(n)}<p>@@</p>${INDEX}</body></html>`;
const impliedCloses = (n: number): string => `<html><body>${'<p>'.repeat(n)}<b>@@</b>${INDEX}</body></html>`;
const pageCost = (html: string): number => {
  const budget = new Budget(Number.MAX_SAFE_INTEGER);
  parseHomePage(html, budget);
  return budget.spent;
};
const within = (make: (n: number) => string): number => largestWithin((n) => pageCost(make(n).replace('@@', '')), PAGE_BUDGET * 0.98, 200_000);
const worstPage = fillBody(flatElements(within(flatElements)), 'lorem ip');
const impliedPage = fillBody(impliedCloses(within(impliedCloses)), 'lorem ip');
const deepPage = `<html><body>${'<div>'.repeat(20_000)}</body></html>`;

const watch500 = marketWatchPage(500);

/** Each hostile input must end as designed: read within the budget, or refused for the reason given. */
function expectOutcome(result: { ok: true } | { ok: false; error: string }, outcome: 'read' | 'too deeply nested'): void {
  const seen = result.ok ? 'read' : result.error;
  if (!seen.includes(outcome)) throw new Error(`hostile bench input: expected ${outcome}, got ${seen}`);
}

describe('worst hostile feed', () => {
  bench(`2 MB: 100 items of ${perItem} attributed elements (the scan's budget), a 1.8 MB text title`, () => {
    expectOutcome(parseFeedXml(worstFeed, source), 'read');
  });
  bench('2 MB: one text title (no budget applies: the cost of any 2 MB feed)', () => {
    expectOutcome(parseFeedXml(textTitleFeed, source), 'read');
  });
  bench('45 KB: a title of 5,000 nested tags (issue 10)', () => {
    expectOutcome(parseFeedXml(deepTitleFeed, source), 'too deeply nested');
  });
});

describe('worst hostile portal page', () => {
  bench('2 MB: flat elements up to the page budget, then text and one index', () => {
    expectOutcome(parseHomePage(worstPage), 'read');
  });
  bench('2 MB: <p> after <p> (implied closes) up to the page budget, then text and one index', () => {
    expectOutcome(parseHomePage(impliedPage), 'read');
  });
  bench('98 KB: 20,000 nested elements (issue 10)', () => {
    expectOutcome(parseHomePage(deepPage), 'too deeply nested');
  });
});

const nestedTables = '<table>'.repeat(250_000);
const headerCells = `<table id="marketWatchTable"><thead><tr>${'<th>x</th>'.repeat(200_000)}`;

describe('worst hostile market watch', () => {
  bench('2 MB: nested tables (the page budget stops it)', () => {
    parseMarketWatchReading(nestedTables);
  });
  bench('2 MB: header cells (the page budget stops it)', () => {
    parseMarketWatchReading(headerCells);
  });
});

describe('for scale: a live-size read in the same run', () => {
  bench('market watch, 500 rows (350 KB)', () => {
    const result = parseMarketWatch(watch500);
    if (!result.ok) throw new Error('bench corpus did not parse');
  });
});
