import { formatClock, formatVolume } from '../../shared/format';
import { numberFormat } from '../../shared/i18n/display';
import type { MarketBreadth } from '../../shared/market/breadth';
import type { TimeZoneChoice } from '../../shared/settings';
import { text } from '../i18n';

interface BreadthStripProps {
  /** The regular board's breadth, as the background stored it with the market view. */
  breadth: MarketBreadth;
  /** For the time of the read, on hover. */
  zone: TimeZoneChoice;
}

/** `412.5M`, in Urdu `41.3 کروڑ`. */
const COMPACT: Intl.NumberFormatOptions = { notation: 'compact', maximumFractionDigits: 1 };

/**
 * Market breadth under the indices (issue 12): a bar of advancers, unchanged and decliners in
 * proportion, and `▲ 212 ▼ 160 ■ 40 · Vol 412.5M`. The bar is decoration (colour only, so hidden
 * from screen readers); the arrows and squares carry the meaning on screen, words say it aloud.
 * Not personal, so privacy mode leaves it readable.
 */
export function BreadthStrip({ breadth, zone }: BreadthStripProps) {
  const { advancers, decliners, unchanged, volume, noVolume } = breadth;
  const total = advancers + decliners + unchanged;
  if (total === 0) return null;
  const { t, plural } = text();
  const clauses = [t('popup_breadth_counts', { advancers, decliners, unchanged })];
  if (volume !== null) {
    clauses.push(plural('popup_breadth_volume', volume));
    if (noVolume > 0) clauses.push(plural('popup_breadth_no_volume', noVolume));
  }
  const words = clauses.join(t('popup_clause_separator'));
  return (
    <section class="breadth" aria-label={t('popup_breadth_name')} title={t('popup_breadth_title', { time: formatClock(breadth.at, zone) })}>
      <div class="breadth__bar" aria-hidden="true">
        {/* Flex grow in proportion to the counts; a zero count draws nothing. */}
        <span class="breadth__part breadth__part--up" style={{ flexGrow: advancers }} />
        <span class="breadth__part breadth__part--same" style={{ flexGrow: unchanged }} />
        <span class="breadth__part breadth__part--down" style={{ flexGrow: decliners }} />
      </div>
      <p class="breadth__figures">
        <span aria-hidden="true">
          <span class="breadth__count change--up" data-count="advancers" dir="ltr">▲ {formatVolume(advancers)}</span>{' '}
          <span class="breadth__count change--down" data-count="decliners" dir="ltr">▼ {formatVolume(decliners)}</span>{' '}
          <span class="breadth__count change--unchanged" data-count="unchanged" dir="ltr">■ {formatVolume(unchanged)}</span>
          {volume !== null && (
            <span class="breadth__volume" data-count="volume">
              {' · '}
              {t('popup_breadth_vol', { volume: numberFormat(COMPACT).format(volume) })}
            </span>
          )}
        </span>
        <span class="sr-only">{words}</span>
      </p>
    </section>
  );
}
