/**
 * The Market view (issue 12): top 10 gainers, losers and most active of the regular board, each
 * with a button that adds the symbol to the watchlist. The movers are computed here from the
 * `board` session item, never stored in the market view (shared/market/movers.ts). The board is
 * read only while this view is mounted, i.e. while its tab is selected, so it costs the
 * watchlist's first frame nothing.
 */
import { useMemo } from 'preact/hooks';
import { formatPrice } from '../../shared/format';
import { boardItem } from '../../shared/market-store';
import { lockState } from '../../shared/market/circuit';
import { topMovers, type Mover } from '../../shared/market/movers';
import type { Quote } from '../../shared/model';
import { MAX_WATCHLIST } from '../../shared/settings';
import { useItem } from '../../ui/hooks/useItem';
import { numberFormat } from '../../shared/i18n/display';
import { text, type PopupKey } from '../i18n';
import { EntitlementTags, LockBadge, ShariahMark } from './Markers';
import { MoverChange } from './MoverChange';

interface MarketViewProps {
  /** The user's watchlist: a symbol on it shows "In watchlist" instead of an add button. */
  watchlist: readonly string[];
  /** Adds through the popup's one edit path (addSymbol). */
  onAdd: (symbol: string) => void;
}

/** `7.41M`, in Urdu `74.1 لاکھ`. */
const COMPACT_VOLUME: Intl.NumberFormatOptions = { notation: 'compact', maximumFractionDigits: 2 };

/** What the view says before the whole board was ever read, in the page's language. */
export const noBoardText = (): string => text().t('popup_no_board');

const SECTIONS: readonly { list: 'gainers' | 'losers' | 'active'; title: PopupKey }[] = [
  { list: 'gainers', title: 'popup_market_gainers' },
  { list: 'losers', title: 'popup_market_losers' },
  { list: 'active', title: 'popup_market_active' },
];

export function MarketView({ watchlist, onAdd }: MarketViewProps) {
  const board = useItem(boardItem);
  const movers = useMemo(() => (board ? topMovers(board.quotes) : null), [board]);
  const { t } = text();
  if (board === undefined) {
    return (
      <p class="notice notice--loading" role="status">
        {t('popup_loading')}
      </p>
    );
  }
  if (!movers || movers.gainers.length + movers.losers.length + movers.active.length === 0) {
    return <p class="empty market__empty">{noBoardText()}</p>;
  }
  const full = watchlist.length >= MAX_WATCHLIST;
  return (
    <div class="market">
      {SECTIONS.map(({ list, title }) => (
        <section key={list} class="market__section" data-list={list} aria-labelledby={`market-${list}`}>
          <h2 id={`market-${list}`} class="section-title">
            {t(title)}
          </h2>
          {movers[list].length === 0 ? (
            <p class="empty">{t('popup_market_none')}</p>
          ) : (
            <ol class={`movers movers--${list}`}>
              {movers[list].map((m) => (
                <MoverRow key={m.symbol} mover={m} quote={board.quotes[m.symbol]} showVolume={list === 'active'} watched={watchlist.includes(m.symbol)} full={full} onAdd={onAdd} />
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}

interface MoverRowProps {
  mover: Mover;
  /** Its board quote, for the exchange's marks (lock, ex-entitlement, Shariah). */
  quote: Quote | undefined;
  /** Most active: the volume is the figure that ranks it. */
  showVolume: boolean;
  watched: boolean;
  /** The watchlist holds MAX_WATCHLIST symbols already. */
  full: boolean;
  onAdd: (symbol: string) => void;
}

function MoverRow({ mover, quote, showVolume, watched, full, onAdd }: MoverRowProps) {
  const { symbol } = mover;
  // aria-disabled rather than disabled: a disabled button drops keyboard focus to the page the
  // moment it is pressed; this one keeps it, says "In watchlist", and does nothing more.
  const refused = watched || full;
  const { t, plural } = text();
  return (
    <li class="mover" data-symbol={symbol}>
      <span class="mover__id">
        <span class="mover__symbol" dir="ltr">
          {symbol}
        </span>
        {quote?.shariah && <ShariahMark />}
        {quote && <LockBadge lock={lockState(quote)} previousClose={quote.previousClose} />}
        <EntitlementTags entitlements={quote?.entitlements} />
      </span>
      <span class="mover__price" dir="ltr">
        {formatPrice(mover.price)}
      </span>
      <MoverChange change={mover.change} percent={mover.changePercent} />
      {showVolume && (
        <span class="mover__volume" title={mover.volume === null ? undefined : plural('popup_mover_volume_title', mover.volume)}>
          {mover.volume !== null && (
            <>
              <span aria-hidden="true">{numberFormat(COMPACT_VOLUME).format(mover.volume)}</span>
              <span class="sr-only">{plural('popup_mover_volume', mover.volume)}</span>
            </>
          )}
        </span>
      )}
      <button
        type="button"
        class="mover__add"
        aria-disabled={refused ? 'true' : undefined}
        title={full && !watched ? t('popup_mover_full_title', { max: MAX_WATCHLIST }) : undefined}
        onClick={() => !refused && onAdd(symbol)}
      >
        {watched ? (
          <>
            {t('popup_mover_in_watchlist')}
            <span class="sr-only">{t('popup_mover_symbol_suffix', { symbol })}</span>
          </>
        ) : full ? (
          <>
            {t('popup_mover_list_full')}
            <span class="sr-only">{t('popup_mover_not_added', { symbol })}</span>
          </>
        ) : (
          <>
            <span aria-hidden="true">{t('popup_mover_add')}</span>
            <span class="sr-only">{t('popup_mover_add_named', { symbol })}</span>
          </>
        )}
      </button>
    </li>
  );
}
