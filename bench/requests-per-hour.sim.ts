/**
 * Requests per hour over a simulated open day and a closed day: the real refresh cycle, woken
 * at the times it plans itself (its own alarm), with every source answered from fixtures.
 * Run by `npm run bench`; the table it prints is the figure in BENCHMARKS.md.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { refresh } from '../src/background/refresh';
import { LATEST_NEWS_FEED, WORLD_FEED } from '../src/shared/feeds';
import { BUSINESS_RECORDER_WATCHLIST } from '../src/shared/settings';
import { HOME_URL, MARKET_WATCH_URL } from '../src/sources/psx/portal';
import { seriesUrl } from '../src/sources/psx/series';
import { SYMBOLS_URL } from '../src/sources/psx/symbols';

const fixture = (name: string): string => readFileSync(path.resolve('test/fixtures', name), 'utf8');
const HOUR = 3_600_000;
const home = fixture('psx/home.html');
const boardFor = (state: string): string => home.replace('<div>Open</div>', `<div>${state}</div>`);

/** The board as the portal would show it on a normal day, from the PKT wall clock. */
function boardAt(at: number, open: boolean): string {
  if (!open) return boardFor('Closed');
  const minutes = ((at / 60_000 + 5 * 60) % (24 * 60) + 24 * 60) % (24 * 60);
  if (minutes >= 9 * 60 + 15 && minutes < 9 * 60 + 30) return boardFor('Pre-Open');
  if (minutes >= 9 * 60 + 30 && minutes < 15 * 60 + 30) return boardFor('Open');
  if (minutes >= 15 * 60 + 30 && minutes < 15 * 60 + 45) return boardFor('Post-Close');
  return boardFor('Closed');
}

async function simulateDay(dayStartUtc: number, open: boolean): Promise<{ perHour: number[]; byRoute: Record<string, number>; wakes: number; bytes: number }> {
  fakeBrowser.reset();
  const perHour = Array.from({ length: 24 }, () => 0);
  // Bytes received: the fixture bodies as served (UTF-8). The market-watch fixture holds the 30
  // watchlist rows (22 KB); the live page lists every symbol, ~500 rows, so its share is larger.
  let bytes = 0;
  const byRoute: Record<string, number> = {};
  let now = dayStartUtc;
  const bodies: Record<string, () => string> = {
    [MARKET_WATCH_URL]: () => fixture('psx/market-watch.html'),
    [WORLD_FEED.url]: () => fixture('feeds/world.xml'),
    [LATEST_NEWS_FEED.url]: () => fixture('feeds/latest-news.xml'),
    [SYMBOLS_URL]: () => fixture('psx/symbols.json'),
    ...Object.fromEntries(BUSINESS_RECORDER_WATCHLIST.map((s) => [seriesUrl(s), () => fixture('psx/psx-timeseries-int-HUBC.json')])),
  };
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = String(input);
    perHour[Math.floor((now - dayStartUtc) / HOUR)]! += 1;
    const route = url.includes('/timeseries/') ? 'timeseries/int/*' : url.replace(/^https:\/\/[^/]+/, '');
    byRoute[route] = (byRoute[route] ?? 0) + 1;
    const body = url === HOME_URL ? boardAt(now, open) : bodies[url]?.();
    bytes += body === undefined ? 0 : Buffer.byteLength(body, 'utf8');
    return body === undefined ? new Response('', { status: 404 }) : new Response(body);
  }) as typeof fetch;
  const deps = { fetchImpl, now: () => now, random: () => 0.5 };

  await refresh('startup', deps);
  let wakes = 1;
  while (now < dayStartUtc + 24 * HOUR) {
    const alarm = await fakeBrowser.alarms.get('refresh');
    now = Math.max(now + 1, alarm?.scheduledTime ?? now + 15 * 60_000);
    if (now >= dayStartUtc + 24 * HOUR) break;
    await refresh('alarm', deps);
    wakes += 1;
  }
  return { perHour, byRoute, wakes, bytes };
}

it('requests per hour, open day and closed day', async () => {
  // Wednesday 14 October 2026 from 00:00 PKT (19:00 UTC the day before), and the Saturday after.
  const open = await simulateDay(Date.UTC(2026, 9, 13, 19, 0), true);
  const closed = await simulateDay(Date.UTC(2026, 9, 16, 19, 0), false);
  const rows = open.perHour.map((n, h) => `${String(h).padStart(2, '0')}:00 PKT  open day ${String(n).padStart(4)}   closed day ${String(closed.perHour[h]).padStart(4)}`);
  console.log(['Requests per hour (all sources):', ...rows].join('\n'));
  console.log('Open day by route:', open.byRoute);
  console.log('Closed day by route:', closed.byRoute);
  const total = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  console.log(`Totals: open day ${total(open.perHour)}, closed day ${total(closed.perHour)}`);
  console.log(`Worker wakes: open day ${open.wakes}, closed day ${closed.wakes}`);
  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
  console.log(`Bytes received (bodies): open day ${kb(open.bytes)}, closed day ${kb(closed.bytes)}`);
  // A closed day wakes the worker only for the headlines (every 10 min), not every 30 s.
  expect(closed.wakes).toBeLessThanOrEqual(24 * 6 + 2);
  // No quote request on a closed day beyond the first look at the board and its closing figures.
  expect(closed.byRoute['/market-watch']).toBe(1);
  expect(closed.byRoute['timeseries/int/*']).toBeUndefined();
  // Two simulated days of real cycles: seconds, more on a busy machine (the default is 5 s).
}, 120_000);
