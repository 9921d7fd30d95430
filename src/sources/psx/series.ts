/**
 * `GET https://dps.psx.com.pk/timeseries/int/SYM`: today's trades, newest first,
 * `[epochSecondsUTC, price, volume]`. Token-gated like every portal data route.
 */
import type { SourceError } from '../../shared/model';
import { err, ok, type Result } from '../../shared/result';
import { downsample, type SeriesPoint } from '../../shared/series';
import { fetchText, type FetchTextOptions } from '../http';
import { dataRequestHeaders, PORTAL_ORIGIN } from './portal';

export const seriesUrl = (symbol: string): string => `${PORTAL_ORIGIN}/timeseries/int/${encodeURIComponent(symbol)}`;

/** Oldest first, downsampled; `status: 1` with empty `data` is "no series", not an error. */
export function parseIntradaySeries(json: unknown): Result<SeriesPoint[], string> {
  const body = json as { status?: unknown; data?: unknown } | null;
  if (body === null || typeof body !== 'object' || !Array.isArray(body.data)) return err('no data array');
  const points: SeriesPoint[] = [];
  // The portal lists trades newest first; reversed, same-second trades keep their real order
  // through the stable sort below, so the series ends on the latest trade.
  for (const row of [...(body.data as unknown[])].reverse()) {
    if (!Array.isArray(row)) continue;
    const [t, price] = row as unknown[];
    if (typeof t === 'number' && typeof price === 'number' && Number.isFinite(t) && Number.isFinite(price)) {
      points.push([t * 1000, price]);
    }
  }
  points.sort((a, b) => a[0] - b[0]);
  return ok(downsample(points));
}

export async function readIntradaySeries(
  symbol: string,
  token: string | null,
  options: FetchTextOptions = {},
): Promise<Result<SeriesPoint[], SourceError>> {
  const now = options.now ?? Date.now;
  const response = await fetchText(seriesUrl(symbol), { ...options, headers: dataRequestHeaders(token) });
  if (!response.ok) return response;
  let json: unknown;
  try {
    json = JSON.parse(response.value.text);
  } catch {
    return err({ kind: 'parse', detail: `series ${symbol}: not JSON`, at: now() });
  }
  const parsed = parseIntradaySeries(json);
  return parsed.ok ? parsed : err({ kind: 'parse', detail: `series ${symbol}: ${parsed.error}`, at: now() });
}
