import { formatClock, formatVolume } from '../../shared/format';
import type { MarketBreadth } from '../../shared/market/breadth';
import type { TimeZoneChoice } from '../../shared/settings';

interface BreadthStripProps {
  /** The regular board's breadth, as the background stored it with the market view. */
  breadth: MarketBreadth;
  /** For the time of the read, on hover. */
  zone: TimeZoneChoice;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const symbolsWord = (n: number): string => (n === 1 ? '1 symbol' : `${formatVolume(n)} symbols`);

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
  const volumeNote = noVolume > 0 ? `; ${symbolsWord(noVolume)} without a volume left out` : '';
  const words =
    `${formatVolume(advancers)} advancing, ${formatVolume(decliners)} declining, ${formatVolume(unchanged)} unchanged` +
    (volume === null ? '' : `; volume ${formatVolume(volume)} shares${volumeNote}`);
  return (
    <section class="breadth" aria-label="Market breadth" title={`Regular market, read at ${formatClock(breadth.at, zone)}`}>
      <div class="breadth__bar" aria-hidden="true">
        {/* Flex grow in proportion to the counts; a zero count draws nothing. */}
        <span class="breadth__part breadth__part--up" style={{ flexGrow: advancers }} />
        <span class="breadth__part breadth__part--same" style={{ flexGrow: unchanged }} />
        <span class="breadth__part breadth__part--down" style={{ flexGrow: decliners }} />
      </div>
      <p class="breadth__figures">
        <span aria-hidden="true">
          <span class="breadth__count change--up" data-count="advancers">▲ {formatVolume(advancers)}</span>{' '}
          <span class="breadth__count change--down" data-count="decliners">▼ {formatVolume(decliners)}</span>{' '}
          <span class="breadth__count change--unchanged" data-count="unchanged">■ {formatVolume(unchanged)}</span>
          {volume !== null && (
            <span class="breadth__volume" data-count="volume">
              {' · '}Vol {compact.format(volume)}
            </span>
          )}
        </span>
        <span class="sr-only">{words}</span>
      </p>
    </section>
  );
}
