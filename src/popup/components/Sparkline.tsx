import type { SeriesPoint } from '../../shared/series';
import { sparklinePath } from '../../shared/sparkline';

interface SparklineProps {
  /** Today's series, oldest first; fewer than two points draws nothing. */
  points: readonly SeriesPoint[];
  width?: number;
  height?: number;
}

/** Decoration only: the row's words already say how the symbol moved. */
export function Sparkline({ points, width = 56, height = 18 }: SparklineProps) {
  const d = sparklinePath(points, width, height);
  return (
    <svg class="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      {d && <path d={d} fill="none" stroke="currentColor" stroke-width="1.25" stroke-linejoin="round" stroke-linecap="round" />}
    </svg>
  );
}
