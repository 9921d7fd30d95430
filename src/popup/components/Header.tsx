import { browser } from '../../shared/browser';
import { formatClock, formatWhen } from '../../shared/format';
import type { QuoteSource } from '../../shared/model';
import type { TimeZoneChoice } from '../../shared/settings';

interface HeaderProps {
  /** What the market is doing, in words ("Market open", "Closed today (holiday?)"); null before any reading. */
  marketLabel: string | null;
  /** The phase, for colour only. */
  phase: string;
  /** Time of the figures shown (the portal's own stamp, else when they were fetched). */
  asOf: number | null;
  /** Which source the figures come from. */
  source: QuoteSource;
  now: number;
  zone: TimeZoneChoice;
  /** True while a refresh asked for from this popup is under way. */
  refreshing: boolean;
  onRefresh: () => void;
}

const SOURCE_NAMES: Record<QuoteSource, string> = { 'psx-portal': 'PSX data portal', 'psx-terminal': 'PSX Terminal' };

export function Header({ marketLabel, phase, asOf, source, now, zone, refreshing, onRefresh }: HeaderProps) {
  // Both zones on hover: the portal speaks PKT, the user may live elsewhere.
  const hover = asOf === null ? undefined : `${formatClock(asOf, 'Asia/Karachi')} PKT · ${formatClock(asOf, 'local')} your time`;
  return (
    <header class="header">
      <h1 class="header__title">PSX</h1>
      {marketLabel && <span class={`market-state market-state--${phase}`}>{marketLabel}</span>}
      {asOf !== null && (
        <span class="header__asof" title={hover}>
          as of <time dateTime={new Date(asOf).toISOString()}>{formatWhen(asOf, now, zone)}</time>
          {zone === 'Asia/Karachi' && ' PKT'}
        </span>
      )}
      <span class="header__source" data-source={source}>
        {SOURCE_NAMES[source]}
      </span>
      <button type="button" class="header__refresh" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      <button type="button" class="header__options" onClick={() => void browser.runtime.openOptionsPage()} aria-label="Options" title="Options">
        ⚙
      </button>
    </header>
  );
}
