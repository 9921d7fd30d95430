/**
 * The SVG path of a sparkline: time on x, price on y, inside a `width`×`height` box with a
 * pixel of padding so the stroke is not clipped. Inline SVG, no chart library.
 */
import type { SeriesPoint } from './series';

export function sparklinePath(points: readonly SeriesPoint[], width: number, height: number): string | null {
  if (points.length < 2) return null;
  const times = points.map((p) => p[0]);
  const prices = points.map((p) => p[1]);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const lo = Math.min(...prices);
  const hi = Math.max(...prices);
  const pad = 1;
  const x = (t: number): number => (t1 === t0 ? width / 2 : pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad));
  // A flat day draws a line through the middle rather than dividing by zero.
  const y = (p: number): number => (hi === lo ? height / 2 : pad + (1 - (p - lo) / (hi - lo)) * (height - 2 * pad));
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p[0]).toFixed(1)} ${y(p[1]).toFixed(1)}`).join(' ');
}
