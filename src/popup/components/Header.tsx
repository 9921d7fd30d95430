import { browser } from '../../shared/browser';
import { countdownText } from '../../shared/countdown';
import { formatClock, formatWhen, zoneSuffix } from '../../shared/format';
import { marketLabelText, sourceNameText } from '../../shared/i18n/market-words';
import type { Presentation } from '../../shared/presentation';
import type { TimeZoneChoice } from '../../shared/settings';
import { text, withElements } from '../i18n';

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
  const marketLabel = presentation ? marketLabelText(presentation) : null;
  const stale = presentation?.stale === true;
  // Both zones on hover: the portal speaks PKT, the user may live elsewhere.
  const { t } = text();
  const hover = asOf === null ? undefined : t('popup_asof_hover', { pkt: formatClock(asOf, 'Asia/Karachi'), local: formatClock(asOf, 'local') });
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
          {/* The zone goes with the time: "as of 11:42 PKT", "11:42 PKT تک". */}
          {withElements('popup_as_of', {
            time: (
              <>
                <time dateTime={new Date(asOf).toISOString()}>{formatWhen(asOf, now, zone)}</time>
                {zoneSuffix(zone)}
              </>
            ),
          })}
          {stale && <span class="header__stale"> · {t('popup_not_fresh')}</span>}
        </span>
      )}
      {presentation && (
        <span class="header__source" data-source={presentation.source}>
          {sourceNameText(presentation.source)}
        </span>
      )}
      <button type="button" class="header__refresh" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
        {refreshing ? t('popup_refreshing') : t('popup_refresh')}
      </button>
      <button type="button" class="header__options" onClick={() => void browser.runtime.openOptionsPage()} aria-label={t('popup_options')} title={t('popup_options')}>
        ⚙
      </button>
    </header>
  );
}
