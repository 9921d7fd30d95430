/**
 * Today's intraday series per watchlist symbol, for sparklines: at most 60 points each, kept in
 * `storage.local` apart from the snapshot so the popup's first read stays small.
 */
import { browser } from './browser';
import { PKT_OFFSET_MS, pktMidnight } from './session';

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
  return new Date(at + PKT_OFFSET_MS).toISOString().slice(0, 10);
}

export async function readSeries(): Promise<SeriesMap> {
  return normaliseSeries((await browser.storage.local.get(SERIES_KEY))[SERIES_KEY]);
}

export async function writeSeries(series: SeriesMap): Promise<void> {
  await browser.storage.local.set({ [SERIES_KEY]: series });
}

/** The trading window a day's series lives in: 09:15 to 16:45 PKT (Friday's late close). */
const WINDOW_START_MS = (9 * 60 + 15) * 60_000;
const WINDOW_MS = 7.5 * 3_600_000;

/**
 * At most `max` points: the first and the last, and between them one point (the last trade)
 * per fixed slice of the day's trading window. The slices are anchored to the clock, not to
 * the data, so thinning an already thinned series again (as every appended price does) changes
 * nothing that was already there: the start of the day never creeps later.
 */
export function downsample(points: SeriesPoint[], max = MAX_SERIES_POINTS): SeriesPoint[] {
  if (points.length <= max) return points;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const origin = pktMidnight(first[0]) + WINDOW_START_MS;
  const slices = max - 2;
  const width = WINDOW_MS / slices;
  const kept = new Map<number, SeriesPoint>();
  for (const p of points.slice(1, -1)) {
    kept.set(Math.min(slices - 1, Math.max(0, Math.floor((p[0] - origin) / width))), p);
  }
  return [first, ...[...kept.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p), last];
}
