/**
 * The toolbar badge, as pure data: at most four characters of % change (`+2.1`, `-0.3`,
 * `+12`), green or red, grey when the market is closed or the figure is stale; the title lists
 * the indices and the time of the data.
 */
import { formatClock, formatPrice } from '../shared/format';
import type { Snapshot } from '../shared/model';
import type { TimeZoneChoice } from '../shared/settings';

export const BADGE_COLOURS = { up: '#0a7d32', down: '#c62828', muted: '#6b7280' } as const;

export interface BadgeView {
  text: string;
  colour: string;
  title: string;
}

/** `+2.1`, `-0.3`, `+12`, `0.0`; never more than four characters. */
export function badgePercent(percent: number): string {
  const abs = Math.abs(percent);
  const sign = percent > 0 ? '+' : percent < 0 ? '-' : '';
  if (abs >= 100) return `${sign}99`.slice(0, 4);
  const digits = abs >= 9.95 ? Math.round(abs).toString() : abs.toFixed(1);
  if (digits === '0.0') return '0.0';
  return `${sign}${digits}`.slice(0, 4);
}

export function badgeView(
  snapshot: Snapshot,
  subject: string,
  indexCodes: string[],
  { trading, stale, zone }: { trading: boolean; stale: boolean; zone: TimeZoneChoice },
): BadgeView {
  const index = snapshot.indices[subject];
  const quote = snapshot.quotes[subject];
  const percent = index?.changePercent ?? quote?.changePercent ?? null;
  const parts = indexCodes
    .map((code) => snapshot.indices[code])
    .filter((q) => q !== undefined)
    .map((q) => `${q.code} ${formatPrice(q.value)} (${q.changePercent >= 0 ? '+' : ''}${q.changePercent.toFixed(2)}%)`);
  const asOf = snapshot.marketAsOf ?? snapshot.sources['psx-home']?.lastOk ?? null;
  const title = [
    'PSX market',
    ...parts,
    asOf !== null ? `as of ${formatClock(asOf, zone)}${zone === 'Asia/Karachi' ? ' PKT' : ''}${stale ? ' (stale)' : ''}` : null,
  ]
    .filter((p): p is string => p !== null)
    .join('\n');
  if (subject === 'off' || percent === null) return { text: '', colour: BADGE_COLOURS.muted, title };
  const colour = !trading || stale ? BADGE_COLOURS.muted : percent > 0 ? BADGE_COLOURS.up : percent < 0 ? BADGE_COLOURS.down : BADGE_COLOURS.muted;
  return { text: badgePercent(percent), colour, title };
}
