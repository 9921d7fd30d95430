/**
 * Today's intraday series per watchlist symbol, for sparklines: at most 60 points each. Kept in
 * `storage.session`: they change every quotes cycle, and content scripts are not sent
 * storage.session's changes, so the bar's tabs never receive them. After a browser restart
 * each series is fetched again (0.1.0 kept them in storage.local; the migration drops that copy).
 */
import { defineItem } from './storage/item';
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

const isPoint = (p: unknown): p is SeriesPoint =>
  Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);

export function normaliseSeries(raw: unknown): SeriesMap {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: SeriesMap = {};
  for (const [symbol, value] of Object.entries(raw as Record<string, unknown>).slice(0, 200)) {
    const s = value as Partial<Record<keyof SymbolSeries, unknown>> | null;
    if (typeof s?.day !== 'string' || typeof s.fetchedAt !== 'number' || !Array.isArray(s.points)) continue;
    out[symbol] = { day: s.day, fetchedAt: s.fetchedAt, points: s.points.filter(isPoint).slice(-MAX_SERIES_POINTS) };
  }
  return out;
}

export const seriesItem = defineItem<SeriesMap>({
  area: 'session',
  key: SERIES_KEY,
  version: 1,
  normalise: normaliseSeries,
});

/** 0.1.0's copy in storage.local, dropped by the migration. */
export const LEGACY_SERIES_KEY = SERIES_KEY;

/** The calendar date in Pakistan (UTC+5, no daylight saving) of an instant. */
export function pktDate(at: number): string {
  return new Date(at + PKT_OFFSET_MS).toISOString().slice(0, 10);
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
