/**
 * What alerts add to a quotes cycle: the check of 200 rules (the most a user may have) over a
 * 500-row board, against the parse of that board, which every quotes cycle does anyway.
 * Compare within one run only: these machines are shared and noisy.
 */
import { bench, describe } from 'vitest';
import { evaluateAlerts } from '../src/shared/alerts/evaluate';
import { trustedReadings } from '../src/shared/alerts/readings';
import { MAX_RULES, type AlertRule, type AlertsState } from '../src/shared/alerts/rules';
import type { Quote, Snapshot } from '../src/shared/model';
import { pktMidnight } from '../src/shared/session';
import { parseMarketWatch } from '../src/sources/psx/market-watch';
import { marketWatchPage } from './corpus';

const watch500 = marketWatchPage(500);
const parsed = parseMarketWatch(watch500);
if (!parsed.ok) throw new Error('bench corpus did not parse');
const AT = Date.UTC(2026, 9, 14, 6, 42);
const quotes: Record<string, Quote> = Object.fromEntries(parsed.value.map((q) => [q.symbol, { ...q, readAt: AT }]));
const symbols = Object.keys(quotes);
const kinds = ['price-above', 'price-below', 'change-above', 'change-below', 'volume-above'] as const;

// 200 rules over 100 symbols, half of them on the line's far side so that some fire each run.
const rules: AlertRule[] = Array.from({ length: MAX_RULES }, (_, i) => {
  const quote = quotes[symbols[i % 100]!]!;
  const kind = kinds[i % kinds.length]!;
  const threshold = kind.startsWith('price') ? Number((quote.price * (i % 2 ? 1.01 : 0.99)).toFixed(2)) : kind === 'volume-above' ? 1_000 : 1;
  return { id: `r-${i}`, subject: quote.symbol, index: false, kind, threshold, rearm: 'hysteresis', hysteresisPct: 0.5, status: 'armed', createdAt: AT - 60_000, checkedDay: pktMidnight(AT), firedAt: null, firedValue: null, snoozedUntil: null };
});
const state: AlertsState = { rules, fired: [] };
const snapshot: Pick<Snapshot, 'quotes' | 'indices' | 'quoteSource' | 'sources'> = {
  quotes,
  indices: {},
  quoteSource: 'psx-portal',
  sources: { 'psx-quotes': { state: 'ok', attemptedAt: AT, lastOk: AT, lastError: null, failures: 0, nextTry: null } },
};
let id = 0;

describe('alerts per quotes cycle', () => {
  bench('check 200 rules over a 500-row board', () => {
    const readings = trustedReadings({ snapshot, fetched: ['psx-quotes'], rules, stale: false, sessionOpen: true, allowFallback: false });
    evaluateAlerts({ state, readings, newId: () => `f-${id++}` });
  });
  bench('parse of the 500-row market watch (done every quotes cycle)', () => {
    parseMarketWatch(watch500);
  });
});
