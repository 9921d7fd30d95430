import { browser } from '../../shared/browser';
import { countdownText } from '../../shared/countdown';
import { formatClock, formatWhen } from '../../shared/format';
import type { Presentation } from '../../shared/presentation';
import type { TimeZoneChoice } from '../../shared/settings';

interface HeaderProps {
  /** What to say about the data (state, time of the figures, freshness, source), decided by the background. */
  presentation: Presentation | null;
  now: number;
  zone: TimeZoneChoice;
  /** True while a refresh asked for from this popup is under way. */
  refreshing: boolean;
  onRefresh: () => void;
}

export function Header({ presentation, now, zone, refreshing, onRefresh }: HeaderProps) {
  const asOf = presentation?.asOf ?? null;
  const marketLabel = presentation?.marketLabel ?? null;
  const stale = presentation?.stale === true;
  // Both zones on hover: the portal speaks PKT, the user may live elsewhere.
  const hover = asOf === null ? undefined : `${formatClock(asOf, 'Asia/Karachi')} PKT · ${formatClock(asOf, 'local')} your time`;
  return (
    <header class="header">
      <h1 class="header__title">PSX</h1>
      {marketLabel && <span class={`market-state market-state--${presentation?.phase ?? 'unknown'}`}>{marketLabel}</span>}
      {/* A countdown whose moment has passed waits for the next cycle's, rather than saying "in 1 min" for ever. */}
      {presentation?.countdown && presentation.countdown.at > now && (
        <span class="header__countdown" data-countdown={presentation.countdown.kind}>
          <time dateTime={new Date(presentation.countdown.at).toISOString()}>{countdownText(presentation.countdown, now, zone)}</time>
        </span>
      )}
      {asOf !== null && (
        <span class="header__asof" title={hover}>
          as of <time dateTime={new Date(asOf).toISOString()}>{formatWhen(asOf, now, zone)}</time>
          {zone === 'Asia/Karachi' && ' PKT'}
          {stale && <span class="header__stale"> · not fresh</span>}
        </span>
      )}
      {presentation && (
        <span class="header__source" data-source={presentation.source}>
          {presentation.sourceName}
        </span>
      )}
      <button type="button" class="header__refresh" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      <button type="button" class="header__options" onClick={() => void browser.runtime.openOptionsPage()} aria-label="Options" title="Options">
        ⚙
      </button>
    </header>
  );
}
