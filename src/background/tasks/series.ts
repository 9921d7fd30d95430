/**
 * Intraday series for the watchlist's sparklines, only while the market trades: each symbol at
 * most once per 5 minutes, spread over the cycles (a 30-symbol list costs 6 requests a minute),
 * never for the whole list at once.
 */
import { isTrading } from '../../shared/market';
import { readSeries, writeSeries, type SeriesMap } from '../../shared/series';
import { readIntradaySeries } from '../../sources/psx/series';
import { fail, succeed, type CycleContext } from '../cycle-context';
import { SERIES_POLICY } from '../policies';
import { SERIES_PERIOD_MS } from '../schedule';
import { mayAsk } from '../source-status';

/** Enough symbols per one-minute cycle that the whole list turns over in five minutes. */
export function seriesBatch(watchlist: string[], series: SeriesMap, now: number, cyclesPerPeriod = 5): string[] {
  const stale = watchlist.filter((s) => {
    const fetchedAt = series[s]?.fetchedAt;
    return fetchedAt === undefined || fetchedAt > now || now - fetchedAt >= SERIES_PERIOD_MS;
  });
  stale.sort((a, b) => (series[a]?.fetchedAt ?? 0) - (series[b]?.fetchedAt ?? 0));
  return stale.slice(0, Math.max(1, Math.ceil(watchlist.length / cyclesPerPeriod)));
}

export async function refreshSeries(ctx: CycleContext, token: string | null): Promise<void> {
  // Only on a trading board the portal confirmed in this very cycle (which also gave the token).
  if (ctx.view.basis !== 'board' || !isTrading({ phase: ctx.view.phase, label: '' })) return;
  if (!mayAsk(ctx.snapshot.sources['psx-series'], ctx.now())) return;
  const series = await readSeries();
  const batch = seriesBatch(ctx.settings.watchlist, series, ctx.now());
  if (batch.length === 0) return;
  let failed = false;
  for (const symbol of batch) {
    const result = await readIntradaySeries(symbol, token, ctx.http);
    if (!result.ok) {
      // One failure (a rotated token, a retired route) ends the batch; the backoff spaces retries.
      fail(ctx, 'psx-series', result.error, SERIES_POLICY);
      failed = true;
      break;
    }
    series[symbol] = { fetchedAt: ctx.now(), points: result.value };
  }
  // Symbols that left the watchlist take their series with them.
  const kept = Object.fromEntries(Object.entries(series).filter(([s]) => ctx.settings.watchlist.includes(s)));
  await writeSeries(kept);
  if (!failed) succeed(ctx, 'psx-series');
}
