/**
 * Today's intraday series per watchlist symbol, for sparklines: at most 60 points each, kept in
 * `storage.local` apart from the snapshot so the popup's first read stays small.
 */
import { browser } from './browser';

/** `[epochMs, price]`, oldest first. */
export type SeriesPoint = [number, number];

export interface SymbolSeries {
  /** The PKT session day (`2026-10-14`) the series belongs to; yesterday's is replaced. */
  day: string;
  fetchedAt: number;
  /** Empty when the portal has no series for the symbol (an unknown symbol): not an error. */
  points: SeriesPoint[];
}

export const SERIES_KEY = 'series';
export const MAX_SERIES_POINTS = 60;

export type SeriesMap = Record<string, SymbolSeries>;

export function normaliseSeries(raw: unknown): SeriesMap {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as SeriesMap) : {};
}

/** The calendar date in Pakistan (UTC+5, no daylight saving) of an instant. */
export function pktDate(at: number): string {
  return new Date(at + 5 * 3_600_000).toISOString().slice(0, 10);
}

export async function readSeries(): Promise<SeriesMap> {
  return normaliseSeries((await browser.storage.local.get(SERIES_KEY))[SERIES_KEY]);
}

export async function writeSeries(series: SeriesMap): Promise<void> {
  await browser.storage.local.set({ [SERIES_KEY]: series });
}

/**
 * At most `max` points, evenly spaced in time: each bucket keeps its last trade, so the
 * sparkline ends on the last price and keeps the day's shape.
 */
export function downsample(points: SeriesPoint[], max = MAX_SERIES_POINTS): SeriesPoint[] {
  if (points.length <= max) return points;
  const first = points[0]![0];
  const span = points[points.length - 1]![0] - first || 1;
  const buckets = new Map<number, SeriesPoint>();
  for (const p of points) buckets.set(Math.min(max - 1, Math.floor(((p[0] - first) / span) * max)), p);
  return [...buckets.values()];
}
