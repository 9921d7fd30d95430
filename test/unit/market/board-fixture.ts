/**
 * The issue-12 market-watch fixture as the background stores it: parsed, every quote stamped
 * with the read's time, in the `board` session item's shape. The expected answers come from the
 * fixture's generator (test/fixtures/psx/make-market-watch-entitlements.mjs), not from our code.
 */
import type { Entitlement, Quote } from '../../../src/shared/model';
import { parseMarketWatchReading } from '../../../src/sources/psx/market-watch';
import { readFixture } from '../fixtures';

export interface ExpectedMover {
  symbol: string;
  price: number;
  change: number;
  changePercent: number;
  volume: number | null;
}

export interface ExpectedEntitlements {
  symbols: { symbol: string; entitlements: Entitlement[]; shariah: boolean; lock: 'upper' | 'lower' | null }[];
  breadth: { advancers: number; decliners: number; unchanged: number; volume: number; noVolume: number };
  movers: { gainers: ExpectedMover[]; losers: ExpectedMover[]; active: ExpectedMover[] };
  directory: string[];
  futures: string[];
}

export const EXPECTED = JSON.parse(readFixture('psx/expected-entitlements.json')) as ExpectedEntitlements;

/** Wednesday 14 October 2026, 11:42 PKT. */
export const READ_AT = Date.UTC(2026, 9, 14, 6, 42);

export function fixtureBoard(name = 'psx/market-watch-entitlements.html', readAt = READ_AT): Record<string, Quote> {
  const reading = parseMarketWatchReading(readFixture(name));
  if (!reading.ok) throw new Error(reading.error);
  return Object.fromEntries(reading.value.quotes.map((q) => [q.symbol, { ...q, readAt }]));
}
