/**
 * Intraday series for the watchlist's sparklines, only while the market trades. Each symbol's
 * series is read from the portal once per session day (one symbol per cycle, so the backfill
 * is spread out); after that, every cycle appends the price it read from the market watch
 * anyway. The sparklines stay minute-fresh for no extra request, instead of costing six
 * requests a minute for a 30-symbol list.
 */
import { isTradingPhase } from '../../shared/market';
import { pktDate, seriesItem, type SeriesMap } from '../../shared/series';
import { downsample } from '../../shared/series';
import { readIntradaySeries } from '../../sources/psx/series';
import { Outcome, type CycleInput, type TaskOutcome } from '../cycle-context';
import { SERIES_POLICY } from '../policies';
import { mayAsk } from '../source-status';

/**
 * The symbols still lacking today's series, oldest first, `perCycle` at a time: one by default,
 * so the series route costs one request a cycle however long the list is.
 */
export function seriesBatch(watchlist: string[], series: SeriesMap, now: number, perCycle = 1): string[] {
  const today = pktDate(now);
  const missing = watchlist.filter((s) => series[s]?.day !== today);
  missing.sort((a, b) => (series[a]?.fetchedAt ?? 0) - (series[b]?.fetchedAt ?? 0));
  return missing.slice(0, Math.max(1, perCycle));
}

/** Appends this cycle's market-watch prices to today's series. */
export function appendPrices(series: SeriesMap, prices: Record<string, number>, now: number): void {
  const today = pktDate(now);
  for (const [symbol, price] of Object.entries(prices)) {
    const entry = series[symbol];
    if (!entry || entry.day !== today) continue;
    const last = entry.points[entry.points.length - 1];
    if (last && last[0] >= now) continue;
    entry.points = downsample([...entry.points, [now, price]]);
  }
}

/**
 * `quotesRead`: the market watch was read in this cycle, so its prices extend the series. The
 * series come back in the outcome; the cycle writes them with everything else.
 */
export async function refreshSeries(input: CycleInput, token: string | null, quotesRead: boolean): Promise<TaskOutcome> {
  const out = new Outcome(input);
  // Only on a trading board the portal confirmed in this very cycle (which also gave the token).
  if (input.view.basis !== 'board' || !isTradingPhase(input.view.phase)) return out.value;
  const { watchlist } = input.settings;
  const series = structuredClone(await seriesItem.get());
  const now = input.now();
  if (quotesRead) {
    const prices = Object.fromEntries(
      watchlist.map((s) => [s, input.snapshot.quotes[s]?.price]).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
    appendPrices(series, prices, now);
  }
  const batch = mayAsk(out.status('psx-series'), now) ? seriesBatch([...watchlist], series, now) : [];
  let failed = false;
  for (const symbol of batch) {
    const result = await readIntradaySeries(symbol, token, input.http);
    if (!result.ok) {
      // One failure (a rotated token, a retired route) ends the batch; the backoff spaces retries.
      out.fail('psx-series', result.error, SERIES_POLICY);
      failed = true;
      break;
    }
    series[symbol] = { day: pktDate(now), fetchedAt: now, points: result.value };
  }
  // Symbols that left the watchlist take their series with them.
  out.value.series = Object.fromEntries(Object.entries(series).filter(([s]) => watchlist.includes(s)));
  if (batch.length > 0 && !failed) out.succeed('psx-series');
  return out.value;
}
