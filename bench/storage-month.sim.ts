/**
 * Bytes held in each storage area after a simulated month of refresh cycles, key by key, with the
 * same figures after day 1 beside them.
 *
 * The real refresh cycle runs over 30 days of the PKT calendar (Thursday 1 to Friday 30 October
 * 2026: 22 trading days, Monday to Friday 09:30–15:30 PKT with pre-open from 09:15 and post-close
 * to 15:45, no holidays), woken at the times it plans itself (its own `browser.alarms` wake), as
 * the other sims are. Every source is answered from fixtures (test/fixtures/psx/*, feeds/*): the
 * board by the PKT wall clock, the market watch, the symbol directory, an intraday series per
 * symbol, the two default feeds. Before the first cycle a 30-symbol watchlist (the Business
 * Recorder list, in the user's own order), a few alerts and holdings are set through their store
 * modules, as the options page sets them, and copied to storage.sync as the worker does on start.
 *
 * Cycles run: a month of every wake (the computer never asleep) is about 11,800 real cycles
 * (11,819 measured: 483 a trading day, 144 a closed one), about 170 s on a 2-core machine, over
 * the ~90 s budget. So the computer is awake 09:00–10:30 and 15:00–17:00 PKT every day and asleep
 * otherwise: while awake every wake the cycle plans runs, at its own cadence (quotes every 60 s in
 * the session, feeds every 10 min); a wake planned while asleep fires once on waking, as Chrome
 * fires a missed alarm. Every day still sees its pre-open, open, close and post-close, so every
 * daily change (closing figures, daily re-arm, the fired log, the series of a new day) happens.
 * 2,783 cycles run (117 on day 1; the figure is printed), about 60 s. `STORAGE_MONTH_FULL=1`
 * runs every wake instead: measured, it gave the same storage.local and storage.sync figures key
 * for key, and a smaller storage.session `series` (23.0 KB against 32.0 KB here).
 *
 * A value's size is `JSON.stringify(value).length` of what the fake keeps (canonical JSON, keys
 * sorted): UTF-16 code units, without the key's own bytes that `getBytesInUse` adds. Run by
 * `npm run bench`; the lines starting `storage after a month:` are the figure in BENCHMARKS.md.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { REFRESH_ALARM } from '../src/background/alarm';
import { refresh, type RefreshDeps } from '../src/background/refresh';
import { addRule } from '../src/shared/alerts/store';
import { LATEST_NEWS_FEED, WORLD_FEED } from '../src/shared/feeds';
import { setHolding } from '../src/shared/holdings/store';
import { BUSINESS_RECORDER_WATCHLIST } from '../src/shared/settings';
import { SETTINGS_ITEMS, updateSettings } from '../src/shared/settings-items';
import { createSyncFlusher } from '../src/shared/storage/sync-flush';
import { HOME_URL, MARKET_WATCH_URL } from '../src/sources/psx/portal';
import { seriesUrl } from '../src/sources/psx/series';
import { SYMBOLS_URL } from '../src/sources/psx/symbols';
import { installFakeStorage } from '../test/unit/fake-storage';
import { readFixture } from '../test/unit/fixtures';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DAYS = 30;
const KB = 1024;
const LOCAL_QUOTA = 10 * KB * KB;
const SYNC_ITEM_QUOTA = 8 * KB;
/** Thursday 1 October 2026, 00:00 PKT (19:00 UTC the day before). */
const MONTH_START = Date.UTC(2026, 8, 30, 19, 0);
const MONTH_END = MONTH_START + DAYS * DAY;
/** When the computer is awake, in minutes after midnight PKT: [from, to). */
const AWAKE: readonly (readonly [number, number])[] = process.env['STORAGE_MONTH_FULL'] === '1' ? [[0, 24 * 60]] : [[9 * 60, 10 * 60 + 30], [15 * 60, 17 * 60]];

const storage = installFakeStorage(fakeBrowser);

// ---------------------------------------------------------------------------------------------
// The sources, from fixtures (read once).

const home = readFixture('psx/home.html');
const boardFor = (state: string): string => home.replace('<div>Open</div>', `<div>${state}</div>`);
const BOARDS = { open: boardFor('Open'), preOpen: boardFor('Pre-Open'), postClose: boardFor('Post-Close'), closed: boardFor('Closed') };
const BODIES: Record<string, string> = {
  [MARKET_WATCH_URL]: readFixture('psx/market-watch.html'),
  [WORLD_FEED.url]: readFixture('feeds/world.xml'),
  [LATEST_NEWS_FEED.url]: readFixture('feeds/latest-news.xml'),
  [SYMBOLS_URL]: readFixture('psx/symbols.json'),
  ...Object.fromEntries(BUSINESS_RECORDER_WATCHLIST.map((s) => [seriesUrl(s), readFixture('psx/psx-timeseries-int-HUBC.json')])),
};

/** Minutes after midnight PKT, and whether that PKT day is Monday to Friday. */
function pktClock(at: number): { minutes: number; weekday: boolean } {
  const pkt = new Date(at + 5 * 60 * MINUTE);
  return { minutes: pkt.getUTCHours() * 60 + pkt.getUTCMinutes(), weekday: pkt.getUTCDay() >= 1 && pkt.getUTCDay() <= 5 };
}

/** The board as the portal would show it, from the PKT wall clock and calendar. */
function boardAt(at: number): string {
  const { minutes, weekday } = pktClock(at);
  if (!weekday) return BOARDS.closed;
  if (minutes >= 9 * 60 + 15 && minutes < 9 * 60 + 30) return BOARDS.preOpen;
  if (minutes >= 9 * 60 + 30 && minutes < 15 * 60 + 30) return BOARDS.open;
  if (minutes >= 15 * 60 + 30 && minutes < 15 * 60 + 45) return BOARDS.postClose;
  return BOARDS.closed;
}

/** When a wake planned for `at` happens: then if the computer is awake, else as it next wakes. */
function wakeAt(at: number): number {
  const midnight = at - pktClock(at).minutes * MINUTE - (at % MINUTE);
  for (let day = 0; day < 2; day++) {
    for (const [from, to] of AWAKE) {
      const start = midnight + day * DAY + from * MINUTE;
      const end = midnight + day * DAY + to * MINUTE;
      if (at < end) return Math.max(at, start);
    }
  }
  throw new Error('no awake window');
}

// ---------------------------------------------------------------------------------------------
// What is stored, key by key.

type Area = 'local' | 'sync' | 'session';
const AREAS: readonly Area[] = ['local', 'sync', 'session'];
type Sizes = Record<Area, Record<string, number>>;

async function sizes(): Promise<Sizes> {
  const out = {} as Sizes;
  for (const area of AREAS) {
    const items = await storage[area].get(null);
    out[area] = Object.fromEntries(Object.entries(items).map(([key, value]) => [key, JSON.stringify(value).length]));
  }
  return out;
}

const total = (byKey: Record<string, number>): number => Object.values(byKey).reduce((a, b) => a + b, 0);
const n = (x: number): string => x.toLocaleString('en');

function report(day1: Sizes, month: Sizes, cycles: { day1: number; month: number; tradingDays: number }, seconds: number): string[] {
  const lines = [
    `storage after a month: ${DAYS} PKT days (${cycles.tradingDays} trading), ${n(cycles.month)} real refresh cycles (${n(cycles.day1)} on day 1), ${BUSINESS_RECORDER_WATCHLIST.length}-symbol watchlist; ${seconds.toFixed(1)} s`,
    `storage after a month: size = JSON.stringify(value).length per key; "day 1" = after the first PKT day (a trading day)`,
  ];
  for (const area of AREAS) {
    const keys = [...new Set([...Object.keys(day1[area]), ...Object.keys(month[area])])].sort((a, b) => (month[area][b] ?? 0) - (month[area][a] ?? 0) || a.localeCompare(b));
    lines.push(`storage after a month: storage.${area.padEnd(7)} total ${n(total(month[area])).padStart(9)} B (day 1 ${n(total(day1[area])).padStart(9)} B), ${keys.length} keys`);
    for (const key of keys) {
      lines.push(`storage after a month:   ${area}:${key.padEnd(24)} ${n(month[area][key] ?? 0).padStart(9)} B   day 1 ${n(day1[area][key] ?? 0).padStart(9)} B`);
    }
  }
  const all = (s: Sizes): number => AREAS.reduce((sum, area) => sum + total(s[area]), 0);
  lines.push(`storage after a month: all areas total ${n(all(month))} B (day 1 ${n(all(day1))} B)`);
  return lines;
}

// ---------------------------------------------------------------------------------------------

const quiet = { info: console.info, warn: console.warn };
beforeAll(() => {
  // The cycle's own notes (feeds, alerts) would drown the figure; not spies, which would keep
  // every call of the month.
  console.info = () => undefined;
  console.warn = () => undefined;
});
afterAll(() => {
  Object.assign(console, quiet);
  vi.useRealTimers();
});

it('storage held per area and key after a simulated month', async () => {
  const started = performance.now();
  // The user starts the browser on the first morning.
  let now = wakeAt(MONTH_START);
  // Date.now() follows the simulated clock: storage.sync's write-rate windows read it.
  vi.setSystemTime(now);

  // The user's set-up, through the store modules, before the first cycle.
  // The 30 symbols in the user's own order (held ones first) and Pakistan time: both differ from
  // the defaults, so storage.sync holds them (a default is not written).
  const held = ['HUBC', 'OGDC', 'PPL', 'MLCF', 'TRG'];
  const watchlist = [...held, ...BUSINESS_RECORDER_WATCHLIST.filter((s) => !held.includes(s))];
  expect((await updateSettings((s) => ({ ...s, watchlist, timeZone: 'Asia/Karachi' }))).ok).toBe(true);
  const rules = [
    { subject: 'HUBC', index: false, kind: 'price-above', threshold: 1, rearm: 'daily' },
    { subject: 'OGDC', index: false, kind: 'price-below', threshold: 1, rearm: 'manual' },
    { subject: 'PPL', index: false, kind: 'volume-above', threshold: 1_000, rearm: 'hysteresis', hysteresisPct: 1 },
    { subject: 'KSE100', index: true, kind: 'change-above', threshold: 5, rearm: 'daily' },
    { subject: 'TRG', index: false, kind: 'change-below', threshold: 50, rearm: 'manual' },
  ] as const;
  for (const rule of rules) expect((await addRule(rule, null, now)).ok, rule.subject).toBe(true);
  const holdings: Record<string, [number, number]> = { HUBC: [500, 120.5], OGDC: [1_000, 95.25], PPL: [250, 80], MLCF: [2_000, 40.1], TRG: [300, 65.75] };
  for (const [symbol, [quantity, averagePrice]] of Object.entries(holdings)) expect((await setHolding(symbol, { quantity, averagePrice })).ok).toBe(true);
  // The edits wait under `pending:` in storage.local until the worker copies them (it does on start).
  await createSyncFlusher(SETTINGS_ITEMS, () => now).flushNow();

  const fetchImpl = ((input: RequestInfo | URL) => {
    const url = String(input);
    const body = url === HOME_URL ? boardAt(now) : BODIES[url];
    return Promise.resolve(body === undefined ? new Response('', { status: 404 }) : new Response(body));
  }) as typeof fetch;
  const deps: RefreshDeps = { fetchImpl, now: () => now, random: () => 0.5 };
  // Change events are delivered on a later task: let them run between cycles, not pile up.
  // (setImmediate, not a 1 ms timer: the event loop passes its timers phase either way.)
  const delivered = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  await refresh('startup', deps);
  let cycles = 1;
  let day1: Sizes | null = null;
  let day1Cycles = 0;
  for (;;) {
    const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
    const next = wakeAt(Math.max(now + 1, alarm?.scheduledTime ?? now + 15 * MINUTE));
    if (day1 === null && next >= MONTH_START + DAY) {
      await delivered();
      day1 = await sizes();
      day1Cycles = cycles;
    }
    if (next >= MONTH_END) break;
    now = next;
    vi.setSystemTime(now);
    await refresh('alarm', deps);
    cycles += 1;
    await delivered();
  }
  await delivered();
  const month = await sizes();
  const tradingDays = Array.from({ length: DAYS }, (_, d) => pktClock(MONTH_START + d * DAY + 12 * 60 * MINUTE).weekday).filter(Boolean).length;
  const seconds = (performance.now() - started) / 1000;
  console.log(report(day1!, month, { day1: day1Cycles, month: cycles, tradingDays }, seconds).join('\n'));

  // Sanity only, not timing.
  for (const area of ['local', 'sync'] as const) expect(total(month[area]), area).toBeGreaterThan(0);
  expect(total(day1!.local)).toBeGreaterThan(0);
  expect(await storage.local.getBytesInUse(null)).toBeLessThan(LOCAL_QUOTA);
  for (const [key, bytes] of Object.entries(month.sync)) expect(bytes + key.length, `sync:${key}`).toBeLessThan(SYNC_ITEM_QUOTA);
  // A month of trading woke the worker every trading day, well past the day-1 count.
  expect(cycles).toBeGreaterThan(day1Cycles * 10);
}, 300_000);
