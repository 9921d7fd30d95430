import { useEffect, useRef } from 'preact/hooks';
import type { Quote } from '../../shared/model';
import type { SeriesMap } from '../../shared/series';
import { MAX_WATCHLIST, type WatchlistSort } from '../../shared/settings';
import type { Instrument } from '../../shared/symbol-directory';
import { sortedSymbols } from '../../shared/watchlist';
import { QuoteRow } from './QuoteRow';
import { SymbolSearch } from './SymbolSearch';

interface WatchlistProps {
  /** Symbols in the user's order. */
  symbols: string[];
  /** Latest quotes by symbol. */
  quotes: Record<string, Quote>;
  /** For quotes the latest read left out: when they were read, as shown ("11:41"). */
  heldSince?: Record<string, string>;
  /** The instrument directory, for names and search. */
  instruments: Instrument[];
  /** Today's series by symbol, for sparklines. */
  series: SeriesMap;
  sort: WatchlistSort;
  /** Caption beside the heading: "Last close" when the market is not trading. */
  caption: string;
  onSort: (sort: WatchlistSort) => void;
  onAdd: (symbol: string) => void;
  onRemove: (symbol: string) => void;
  /** Moves a symbol to an index of the user's order. */
  onMove: (symbol: string, to: number) => void;
  onRestore: () => void;
}

export function Watchlist(props: WatchlistProps) {
  const { symbols, quotes, instruments, series, sort, caption } = props;
  const names = new Map(instruments.map((i) => [i.symbol, i.name]));
  const rows = sortedSymbols(symbols, quotes, sort);
  const listRef = useRef<HTMLUListElement>(null);
  // After a keyboard move or removal, focus follows the row (or its neighbour).
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    const target = listRef.current?.querySelector<HTMLElement>(`li[data-symbol="${CSS.escape(focusNext.current)}"]`);
    focusNext.current = null;
    target?.focus();
  });

  const move = (symbol: string, delta: -1 | 1): void => {
    focusNext.current = symbol;
    props.onMove(symbol, symbols.indexOf(symbol) + delta);
  };
  const remove = (symbol: string): void => {
    const at = rows.indexOf(symbol);
    focusNext.current = rows[at + 1] ?? rows[at - 1] ?? null;
    props.onRemove(symbol);
  };

  return (
    <section class="watchlist" aria-labelledby="watchlist-heading">
      <div class="watchlist__head">
        <h2 id="watchlist-heading" class="section-title">
          Watchlist <span class="section-title__note">{caption}</span>
        </h2>
        <label class="watchlist__sort">
          <span class="sr-only">Sort watchlist</span>
          <select value={sort} onChange={(e) => props.onSort((e.currentTarget as HTMLSelectElement).value as WatchlistSort)}>
            <option value="user">My order</option>
            <option value="change">% change</option>
            <option value="symbol">A–Z</option>
          </select>
        </label>
      </div>
      <SymbolSearch instruments={instruments} taken={symbols} full={symbols.length >= MAX_WATCHLIST} onAdd={props.onAdd} />
      {symbols.length === 0 ? (
        <div class="empty">
          <p>Your watchlist is empty.</p>
          <button type="button" class="button" onClick={props.onRestore}>
            Restore the Business Recorder list
          </button>
        </div>
      ) : (
        <ul class="quotes" ref={listRef} aria-label={sort === 'user' ? 'Watchlist; Alt+arrows move a symbol, Delete removes it' : 'Watchlist'}>
          {rows.map((symbol) => (
            <QuoteRow
              key={symbol}
              symbol={symbol}
              quote={quotes[symbol]}
              heldSince={props.heldSince?.[symbol]}
              name={names.get(symbol)}
              series={series[symbol]?.points ?? []}
              reorderable={sort === 'user'}
              onRemove={() => remove(symbol)}
              onMove={(delta) => move(symbol, delta)}
              onDropOnto={(dragged) => props.onMove(dragged, symbols.indexOf(symbol))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
