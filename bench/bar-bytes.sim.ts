/**
 * Bytes sent to each tab showing the ticker bar, per quotes cycle, with a 500-row market watch.
 *
 * The bar's content script listens to `storage.onChanged`; the browser sends such a listener
 * every change of `storage.local` and `storage.sync` (the old and the new value of each changed
 * key), and none of `storage.session`, which content scripts cannot access. So the cost of one
 * cycle to every tab showing the bar is modelled as: for each change of area `local` or `sync`,
 * the UTF-8 bytes of `JSON.stringify(oldValue)` plus those of `JSON.stringify(newValue)` (an
 * absent value counts 0). What goes to `storage.session` is counted apart: written, not sent.
 *
 * The real refresh cycle runs through a trading day (Wednesday 14 October 2026, from 09:00 PKT,
 * woken by its own alarm) with every source answered from fixtures; the market watch has 500
 * rows whose prices and volumes move with every read, so every cycle really writes. The 20 quotes
 * cycles from 13:00 PKT are measured, once the series backfill of even a 100-symbol list is done.
 * Run by `npm run bench`; the table it prints is the figure in BENCHMARKS.md.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { expect, it } from 'vitest';
import { refresh, type RefreshDeps } from '../src/background/refresh';
import { LATEST_NEWS_FEED, WORLD_FEED } from '../src/shared/feeds';
import { BUSINESS_RECORDER_WATCHLIST, MAX_WATCHLIST } from '../src/shared/settings';
import { updateSettings } from '../src/shared/settings-items';
import { HOME_URL, MARKET_WATCH_URL } from '../src/sources/psx/portal';
import { seriesUrl } from '../src/sources/psx/series';
import { SYMBOLS_URL } from '../src/sources/psx/symbols';
import { fakeFetch, type Answer } from '../test/unit/fake-fetch';
import { readFixture } from '../test/unit/fixtures';

const MINUTE = 60_000;
const KB = 1024;
/** The issue's budget for the default watchlist: at most 10 KB per cycle to each tab. */
const BUDGET_BYTES = 10 * KB;
const ROWS = 500;
const MEASURED_CYCLES = 20;
/** Wall-clock time in Pakistan (UTC+5) on Wednesday 14 October 2026. */
const pkt = (hour: number, minute = 0): number => Date.UTC(2026, 9, 14, hour - 5, minute);
const DAY_START = pkt(9, 0);
const MEASURE_FROM = pkt(13, 0);
const GIVE_UP_AT = pkt(15, 0);

// ---------------------------------------------------------------------------------------------
// The portal: a 500-row market watch whose prices move, and the board by the PKT timetable.

interface Row {
  symbol: string;
  /** As it appears in the page (already escaped). */
  title: string;
  ldcp: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

const marketWatchFixture = readFixture('psx/market-watch.html');
const BODY_START = marketWatchFixture.indexOf('<tbody class="tbl__body">') + '<tbody class="tbl__body">'.length;
const BODY_END = marketWatchFixture.indexOf('</tbody>');

/** The fixture's rows (the Business Recorder 30 and a futures contract), read back into numbers. */
function fixtureRows(): Row[] {
  const rows: Row[] = [];
  for (const [html] of marketWatchFixture.slice(BODY_START, BODY_END).matchAll(/<tr>[\s\S]*?<\/tr>/g)) {
    const symbol = /data-search="([^"]+)"/.exec(html)?.[1];
    const title = /data-title="([^"]*)"/.exec(html)?.[1];
    const n = [...html.matchAll(/<td class="right[^"]*" data-order="([^"]+)"/g)].map((m) => Number(m[1]));
    const [ldcp, open, high, low, close, , , volume] = n;
    if (symbol === undefined || title === undefined || n.length !== 8 || n.some((v) => !Number.isFinite(v))) {
      throw new Error(`unreadable fixture row: ${html.slice(0, 80)}`);
    }
    rows.push({ symbol, title, ldcp: ldcp!, open: open!, high: high!, low: low!, close: close!, volume: volume! });
  }
  return rows;
}

/** The fixture's rows, then copies of them under new symbols (S0000, S0001, …) up to `count`. */
function marketRows(count: number): Row[] {
  const base = fixtureRows();
  const rows = [...base];
  for (let i = 0; rows.length < count; i++) {
    const template = base[i % base.length]!;
    rows.push({ ...template, symbol: syntheticSymbol(i), title: `Synthetic Company ${i} Limited` });
  }
  return rows;
}

const syntheticSymbol = (i: number): string => `S${String(i).padStart(4, '0')}`;

// The cell format of test/fixtures/psx/make-market-watch.mjs, which wrote the fixture.
const round2 = (n: number): number => Math.round(n * 100) / 100;
const groups = (s: string): string => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const money = (n: number): string => {
  const [i = '0', f = '00'] = Math.abs(n).toFixed(2).split('.');
  return `${n < 0 ? '-' : ''}${groups(i)}.${f}`;
};
const signClass = (n: number): string => (n > 0 ? ' change__text--pos' : n < 0 ? ' change__text--neg' : '');
const icon = (n: number): string => (n > 0 ? '<i class="icon-up-dir"></i> ' : n < 0 ? '<i class="icon-down-dir"></i> ' : '');

function rowHtml(r: Row): string {
  const change = round2(r.close - r.ldcp);
  const pct = (change / r.ldcp) * 100;
  const num = (v: number): string => `<td class="right" data-order="${v}">${money(v)}</td>`;
  return `<tr>
  <td data-search="${r.symbol}" data-order="${r.symbol}"><a class="tbl__symbol" href="/company/${r.symbol}" data-title="${r.title}"><strong>${r.symbol}</strong></a></td>
  <td>0816</td><td>ALLSHR,KSE100</td>
  ${num(r.ldcp)}${num(r.open)}${num(r.high)}${num(r.low)}${num(r.close)}
  <td class="right${signClass(change)}" data-order="${change}">${icon(change)}${money(change)}</td>
  <td class="right${signClass(change)}" data-order="${pct}">${icon(change)}${money(pct)}%</td>
  <td class="right" data-order="${r.volume}">${groups(String(r.volume))}</td>
</tr>`;
}

/** The market watch at its `tick`-th read: every row's price differs from the read before. */
function marketWatchPage(rows: readonly Row[], tick: number): string {
  const body = rows.map((r, i) => {
    // -5…+5 paisa around the fixture's price; (7·tick) mod 11 differs from one tick to the next.
    const close = round2(Math.max(0.01, r.close + 0.01 * (((tick * 7 + i * 3) % 11) - 5)));
    return rowHtml({ ...r, close, high: Math.max(r.high, close), low: Math.min(r.low, close), volume: r.volume + tick * 1_000 + i });
  });
  return `${marketWatchFixture.slice(0, BODY_START)}\n${body.join('\n')}\n${marketWatchFixture.slice(BODY_END)}`;
}

const home = readFixture('psx/home.html');
const boardFor = (state: string): string => home.replace('<div>Open</div>', `<div>${state}</div>`);

/** The board as the portal would show it on a normal day, from the PKT wall clock. */
function boardAt(at: number): string {
  const minutes = (((at / MINUTE + 5 * 60) % (24 * 60)) + 24 * 60) % (24 * 60);
  if (minutes >= 9 * 60 + 15 && minutes < 9 * 60 + 30) return boardFor('Pre-Open');
  if (minutes >= 9 * 60 + 30 && minutes < 15 * 60 + 30) return boardFor('Open');
  if (minutes >= 15 * 60 + 30 && minutes < 15 * 60 + 45) return boardFor('Post-Close');
  return boardFor('Closed');
}

// ---------------------------------------------------------------------------------------------
// The tab's view of storage.

interface Change {
  oldValue?: unknown;
  newValue?: unknown;
}

const encoder = new TextEncoder();
const jsonBytes = (value: unknown): number => (value === undefined ? 0 : encoder.encode(JSON.stringify(value)).length);

interface CycleBytes {
  /** Sent to each tab showing the bar (local and sync changes, old and new value), by key. */
  toTab: Record<string, number>;
  /** New values written to storage.session, by key: never sent to a content script. */
  session: Record<string, number>;
}

const total = (byKey: Record<string, number>): number => Object.values(byKey).reduce((a, b) => a + b, 0);

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Simulated {
  /** The measured quotes cycles. */
  quotes: CycleBytes[];
  /** Wakes in the same window that read no quotes (a feed due on its own): sent to tabs too. */
  others: CycleBytes[];
}

async function simulate(watchlist: readonly string[], rows: readonly Row[]): Promise<Simulated> {
  fakeBrowser.reset();
  let now = DAY_START;
  await updateSettings((s) => ({ ...s, watchlist: [...watchlist] }));

  let tick = 0;
  const scripted: Record<string, Answer[]> = {
    [WORLD_FEED.url]: [{ body: readFixture('feeds/world.xml') }],
    [LATEST_NEWS_FEED.url]: [{ body: readFixture('feeds/latest-news.xml') }],
    [SYMBOLS_URL]: [{ body: readFixture('psx/symbols.json') }],
    ...Object.fromEntries(watchlist.map((s) => [seriesUrl(s), [{ body: readFixture('psx/psx-timeseries-int-HUBC.json') }]])),
  };
  const scriptedFetch = fakeFetch(scripted).fetch;
  const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === HOME_URL) return Promise.resolve(new Response(boardAt(now)));
    if (url === MARKET_WATCH_URL) return Promise.resolve(new Response(marketWatchPage(rows, tick++)));
    return scriptedFetch(input, init);
  }) as typeof fetch;
  const deps: RefreshDeps = { fetchImpl, now: () => now, random: () => 0.5 };

  // What one tab's listener receives, as the bar subscribes (src/content/ticker/bar.iife.ts).
  let cycle: CycleBytes = { toTab: {}, session: {} };
  const add = (byKey: Record<string, number>, key: string, bytes: number): void => {
    byKey[key] = (byKey[key] ?? 0) + bytes;
  };
  fakeBrowser.storage.onChanged.addListener((changes: Record<string, Change>, area: string) => {
    for (const [key, change] of Object.entries(changes)) {
      if (area === 'local' || area === 'sync') add(cycle.toTab, `${area}:${key}`, jsonBytes(change.oldValue) + jsonBytes(change.newValue));
      else if (area === 'session') add(cycle.session, key, jsonBytes(change.newValue));
    }
  });
  // Change events are delivered on a later task, after the write's promise settled.
  const delivered = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

  const measured: CycleBytes[] = [];
  const others: CycleBytes[] = [];
  await refresh('startup', deps);
  while (measured.length < MEASURED_CYCLES) {
    const alarm = await fakeBrowser.alarms.get('refresh');
    now = Math.max(now + 1, alarm?.scheduledTime ?? now + MINUTE);
    if (now >= GIVE_UP_AT) throw new Error(`only ${measured.length} quotes cycles before 15:00 PKT`);
    await delivered();
    cycle = { toTab: {}, session: {} };
    const summary = await refresh('alarm', deps);
    await delivered();
    if (now >= MEASURE_FROM) (summary.fetched.includes('psx-quotes') ? measured : others).push(cycle);
  }
  return { quotes: measured, others };
}

function describe(label: string, { quotes: cycles, others }: Simulated): { line: string; median: number; max: number } {
  const toTab = cycles.map((c) => total(c.toTab));
  const session = cycles.map((c) => total(c.session));
  const keys = [...new Set(cycles.flatMap((c) => Object.keys(c.toTab)))].sort();
  const sessionKeys = [...new Set(cycles.flatMap((c) => Object.keys(c.session)))].sort();
  const byKey = (pick: (c: CycleBytes) => Record<string, number>, k: string): string =>
    `${k} ${median(cycles.map((c) => pick(c)[k] ?? 0)).toLocaleString('en')}`;
  const line =
    `${label.padEnd(22)} to each tab: median ${median(toTab).toLocaleString('en').padStart(9)} B, max ${Math.max(...toTab).toLocaleString('en').padStart(9)} B` +
    `   storage.session written: median ${median(session).toLocaleString('en').padStart(9)} B, max ${Math.max(...session).toLocaleString('en').padStart(9)} B\n` +
    `${''.padEnd(22)} median by key, to each tab: ${keys.map((k) => byKey((c) => c.toTab, k)).join(', ') || 'none'}; session: ${
      sessionKeys.map((k) => byKey((c) => c.session, k)).join(', ') || 'none'
    }\n` +
    `${''.padEnd(22)} other wakes in the window (no quotes read): ${others.length}${others.length ? `, to each tab ${others.map((c) => total(c.toTab).toLocaleString('en')).join(', ')} B` : ''}`;
  return { line, median: median(toTab), max: Math.max(...toTab) };
}

it('bytes sent to each tab showing the bar, per quotes cycle, 500-row market watch', async () => {
  const rows = marketRows(ROWS);
  const longList = [...BUSINESS_RECORDER_WATCHLIST, ...Array.from({ length: MAX_WATCHLIST - BUSINESS_RECORDER_WATCHLIST.length }, (_, i) => syntheticSymbol(i))];
  expect(rows).toHaveLength(ROWS);
  expect(longList.every((s) => rows.some((r) => r.symbol === s))).toBe(true);

  const byDefault = describe(`${BUSINESS_RECORDER_WATCHLIST.length} symbols (default)`, await simulate(BUSINESS_RECORDER_WATCHLIST, rows));
  const byLong = describe(`${longList.length} symbols`, await simulate(longList, rows));
  const met = byDefault.max <= BUDGET_BYTES;
  console.log(
    [
      `Bytes sent to each tab showing the bar, per quotes cycle (${ROWS}-row market watch, ${MEASURED_CYCLES} quotes cycles from 13:00 PKT):`,
      'model: per change of storage.local or storage.sync, UTF-8 bytes of JSON.stringify(oldValue) + JSON.stringify(newValue);',
      '       storage.session changes are not sent to content scripts (counted apart: UTF-8 bytes of JSON.stringify(newValue)).',
      byDefault.line,
      byLong.line,
      `Budget ≤ ${BUDGET_BYTES.toLocaleString('en')} B (10 KB) per cycle for the default list: ${met ? 'met' : 'NOT met'} (max ${byDefault.max.toLocaleString('en')} B).`,
    ].join('\n'),
  );
  // Prices move every read, so every measured cycle changes what the bar shows.
  expect(byDefault.median).toBeGreaterThan(0);
}, 300_000);
