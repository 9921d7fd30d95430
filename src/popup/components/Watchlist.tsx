import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AlertRule, AlertsState, Reading } from '../../shared/alerts/rules';
import type { Holdings } from '../../shared/holdings/model';
import { holdingFigures } from '../../shared/holdings/pnl';
import type { Quote } from '../../shared/model';
import type { SeriesMap } from '../../shared/series';
import { MAX_WATCHLIST, type TimeZoneChoice, type WatchlistSort } from '../../shared/settings';
import type { Instrument } from '../../shared/symbol-directory';
import { sortedSymbols } from '../../shared/watchlist';
import { AlertForm } from './AlertForm';
import { HoldingForm } from './HoldingForm';
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
  /** The alerts as stored (undefined before the first read), and what their states are told with. */
  alerts?: AlertsState | undefined;
  /**
   * The figure a symbol's new or re-armed rule is checked against, read when it is saved: one
   * the cycle would trust, or null (then the first trusted reading sets the rule's status).
   */
  baselineOf?: (symbol: string) => Reading | null;
  now?: number;
  zone?: TimeZoneChoice;
  /** The watchlist's holdings (undefined before the first read: the buttons wait for it). */
  holdings?: Holdings | undefined;
  /** Only symbols the exchange lists in a KMI index are shown (issue 12); the list is unchanged. */
  shariahOnly?: boolean;
  onShariahOnly?: (on: boolean) => void;
}

const hiddenWords = (n: number): string => `${n} ${n === 1 ? 'symbol' : 'symbols'} hidden by the Shariah filter`;

export function Watchlist(props: WatchlistProps) {
  const { symbols, quotes, instruments, series, sort, caption } = props;
  const names = new Map(instruments.map((i) => [i.symbol, i.name]));
  const sorted = sortedSymbols(symbols, quotes, sort);
  // A symbol without data is hidden too: nothing says it is in a KMI index.
  const rows = props.shariahOnly ? sorted.filter((symbol) => quotes[symbol]?.shariah === true) : sorted;
  const hidden = sorted.length - rows.length;
  const listRef = useRef<HTMLUListElement>(null);
  // After a keyboard move or removal, focus follows the row (or its neighbour).
  const focusNext = useRef<string | null>(null);
  // After an alert form closes, focus goes back to its row's bell.
  const focusBell = useRef<string | null>(null);
  const [alertsFor, setAlertsFor] = useState<string | null>(null);
  // The same for the holdings form and its button.
  const focusHold = useRef<string | null>(null);
  const [holdingFor, setHoldingFor] = useState<string | null>(null);
  useEffect(() => {
    if (focusBell.current !== null) {
      const bell = listRef.current?.querySelector<HTMLElement>(`li[data-symbol="${CSS.escape(focusBell.current)}"] .quote__bell`);
      focusBell.current = null;
      bell?.focus();
    }
    if (focusHold.current !== null) {
      const button = listRef.current?.querySelector<HTMLElement>(`li[data-symbol="${CSS.escape(focusHold.current)}"] .quote__hold`);
      focusHold.current = null;
      button?.focus();
    }
    if (focusNext.current === null) return;
    const target = listRef.current?.querySelector<HTMLElement>(`li[data-symbol="${CSS.escape(focusNext.current)}"]`);
    focusNext.current = null;
    target?.focus();
  });
  const rulesOf = new Map<string, AlertRule[]>();
  for (const rule of props.alerts?.rules ?? []) {
    if (!rule.index) rulesOf.set(rule.subject, [...(rulesOf.get(rule.subject) ?? []), rule]);
  }
  const closeAlerts = (symbol: string): void => {
    focusBell.current = symbol;
    setAlertsFor(null);
  };
  const closeHolding = (symbol: string): void => {
    focusHold.current = symbol;
    setHoldingFor(null);
  };

  const move = (symbol: string, delta: -1 | 1): void => {
    focusNext.current = symbol;
    // Past the neighbour on screen: with the filter on, the symbols between are hidden ones.
    const neighbour = rows[rows.indexOf(symbol) + delta];
    props.onMove(symbol, neighbour === undefined ? symbols.indexOf(symbol) + delta : symbols.indexOf(neighbour));
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
        {props.onShariahOnly && symbols.length > 0 && (
          <label class="watchlist__filter" title="Symbols the exchange lists in a KMI index">
            <input type="checkbox" checked={props.shariahOnly === true} onChange={(e) => props.onShariahOnly?.((e.currentTarget as HTMLInputElement).checked)} />
            Shariah (KMI) only
          </label>
        )}
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
        <>
          {hidden > 0 && (
            <p class="watchlist__hidden" role="status">
              {hiddenWords(hidden)}
            </p>
          )}
          <ul class="quotes" ref={listRef} aria-label={sort === 'user' ? 'Watchlist; Alt+arrows move a symbol, Delete removes it' : 'Watchlist'}>
            {rows.map((symbol) => {
              const rules = rulesOf.get(symbol) ?? [];
              const open = alertsFor === symbol;
              const formId = `alert-form-${symbol}`;
              const holding = props.holdings?.[symbol];
              const holdingOpen = holdingFor === symbol;
              const holdingFormId = `holding-form-${symbol}`;
              return (
                <Fragment key={symbol}>
                  <QuoteRow
                    symbol={symbol}
                    quote={quotes[symbol]}
                    heldSince={props.heldSince?.[symbol]}
                    name={names.get(symbol)}
                    series={series[symbol]?.points ?? []}
                    reorderable={sort === 'user'}
                    onRemove={() => remove(symbol)}
                    onMove={(delta) => move(symbol, delta)}
                    onDropOnto={(dragged) => props.onMove(dragged, symbols.indexOf(symbol))}
                    alerts={{ count: rules.length, fired: rules.some((r) => r.status === 'fired'), open, formId, onToggle: () => setAlertsFor(open ? null : symbol) }}
                    holding={
                      props.holdings && {
                        holding,
                        figures: holding ? holdingFigures(holding, quotes[symbol]) : null,
                        open: holdingOpen,
                        formId: holdingFormId,
                        onToggle: () => setHoldingFor(holdingOpen ? null : symbol),
                      }
                    }
                  />
                  {open && (
                    <li class="alert-panel">
                      <AlertForm
                        id={formId}
                        subject={symbol}
                        index={false}
                        quote={quotes[symbol]}
                        baseline={() => props.baselineOf?.(symbol) ?? null}
                        rules={rules}
                        totalRules={props.alerts?.rules.length ?? 0}
                        now={props.now ?? Date.now()}
                        zone={props.zone ?? 'local'}
                        onClose={() => closeAlerts(symbol)}
                      />
                    </li>
                  )}
                  {holdingOpen && (
                    <li class="alert-panel">
                      <HoldingForm id={holdingFormId} symbol={symbol} holding={holding} onClose={() => closeHolding(symbol)} />
                    </li>
                  )}
                </Fragment>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
