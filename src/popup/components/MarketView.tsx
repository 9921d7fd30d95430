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
import { EntitlementTags, LockBadge, ShariahMark } from './Markers';
import { MoverChange } from './MoverChange';

interface MarketViewProps {
  /** The user's watchlist: a symbol on it shows "In watchlist" instead of an add button. */
  watchlist: readonly string[];
  /** Adds through the popup's one edit path (addSymbol). */
  onAdd: (symbol: string) => void;
}

const volumeFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compactVolume = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });

export const NO_BOARD = 'The whole market is read with the next refresh.';

const SECTIONS = [
  { list: 'gainers', title: 'Top gainers' },
  { list: 'losers', title: 'Top losers' },
  { list: 'active', title: 'Most active' },
] as const;

export function MarketView({ watchlist, onAdd }: MarketViewProps) {
  const board = useItem(boardItem);
  const movers = useMemo(() => (board ? topMovers(board.quotes) : null), [board]);
  if (board === undefined) {
    return (
      <p class="notice notice--loading" role="status">
        Loading…
      </p>
    );
  }
  if (!movers || movers.gainers.length + movers.losers.length + movers.active.length === 0) {
    return <p class="empty market__empty">{NO_BOARD}</p>;
  }
  const full = watchlist.length >= MAX_WATCHLIST;
  return (
    <div class="market">
      {SECTIONS.map(({ list, title }) => (
        <section key={list} class="market__section" data-list={list} aria-labelledby={`market-${list}`}>
          <h2 id={`market-${list}`} class="section-title">
            {title}
          </h2>
          {movers[list].length === 0 ? (
            <p class="empty">None today.</p>
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
  return (
    <li class="mover" data-symbol={symbol}>
      <span class="mover__id">
        <span class="mover__symbol">{symbol}</span>
        {quote?.shariah && <ShariahMark />}
        {quote && <LockBadge lock={lockState(quote)} previousClose={quote.previousClose} />}
        <EntitlementTags entitlements={quote?.entitlements} />
      </span>
      <span class="mover__price">{formatPrice(mover.price)}</span>
      <MoverChange change={mover.change} percent={mover.changePercent} />
      {showVolume && (
        <span class="mover__volume" title={mover.volume === null ? undefined : `Volume ${volumeFormat.format(mover.volume)} shares`}>
          {mover.volume !== null && (
            <>
              <span aria-hidden="true">{compactVolume.format(mover.volume)}</span>
              <span class="sr-only">volume {volumeFormat.format(mover.volume)} shares</span>
            </>
          )}
        </span>
      )}
      <button
        type="button"
        class="mover__add"
        aria-disabled={refused ? 'true' : undefined}
        title={full && !watched ? `The watchlist holds at most ${MAX_WATCHLIST} symbols` : undefined}
        onClick={() => !refused && onAdd(symbol)}
      >
        {watched ? (
          <>
            In watchlist<span class="sr-only">: {symbol}</span>
          </>
        ) : full ? (
          <>
            List full<span class="sr-only">: {symbol} not added</span>
          </>
        ) : (
          <>
            <span aria-hidden="true">+ Add</span>
            <span class="sr-only">Add {symbol} to watchlist</span>
          </>
        )}
      </button>
    </li>
  );
}
