import { formatWhen } from '../../shared/format';
import type { MarketStatus } from '../../shared/model';
import type { TimeZoneChoice } from '../../shared/settings';

interface HeaderProps {
  /** The regular market's board state, or null before the first reading. */
  market: MarketStatus | null;
  /** Time of the figures shown (the portal's own stamp, else when they were fetched). */
  asOf: number | null;
  now: number;
  zone: TimeZoneChoice;
  /** True while a refresh asked for from this popup is under way. */
  refreshing: boolean;
  onRefresh: () => void;
}

const PHASE_LABELS: Record<MarketStatus['phase'], string> = {
  'pre-open': 'Pre-open',
  open: 'Market open',
  'post-close': 'Post-close',
  closed: 'Market closed',
  unknown: 'Market',
};

export function Header({ market, asOf, now, zone, refreshing, onRefresh }: HeaderProps) {
  const label = market ? (market.phase === 'unknown' ? `Market: ${market.label}` : PHASE_LABELS[market.phase]) : null;
  return (
    <header class="header">
      <h1 class="header__title">PSX</h1>
      {label && <span class={`market-state market-state--${market?.phase ?? 'unknown'}`}>{label}</span>}
      {asOf !== null && (
        <span class="header__asof">
          as of <time dateTime={new Date(asOf).toISOString()}>{formatWhen(asOf, now, zone)}</time>
          {zone === 'Asia/Karachi' && ' PKT'}
        </span>
      )}
      <button type="button" class="header__refresh" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
    </header>
  );
}
