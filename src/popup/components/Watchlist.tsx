import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AlertRule, AlertsState, Reading } from '../../shared/alerts/rules';
import type { Holdings } from '../../shared/holdings/model';
import { holdingFigures } from '../../shared/holdings/pnl';
import type { Quote, QuoteSource } from '../../shared/model';
import type { SeriesMap } from '../../shared/series';
import { MAX_WATCHLIST, type TimeZoneChoice, type WatchlistSort } from '../../shared/settings';
import type { Instrument } from '../../shared/symbol-directory';
import { sortedSymbols } from '../../shared/watchlist';
import { AlertForm } from './AlertForm';
import { HoldingForm } from './HoldingForm';
import { QuoteRow } from './QuoteRow';
import { SymbolSearch } from './SymbolSearch';
import { text } from '../rows-i18n';

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
  /**
   * Where the figures come from (the presentation's `source`): the fallback, PSX Terminal, has
   * no LISTED IN column, so no Shariah flags; the filter then says so and hides nothing.
   */
  source?: QuoteSource | undefined;
}

/** The control in a row that had focus when it was moved, to give focus back to after the move. */
const ROW_CONTROLS = ['quote__symbol', 'quote__bell', 'quote__hold', 'quote__remove'] as const;

export function Watchlist(props: WatchlistProps) {
  const { symbols, quotes, instruments, series, sort, caption } = props;
  const names = new Map(instruments.map((i) => [i.symbol, i.name]));
  const sorted = sortedSymbols(symbols, quotes, sort);
  // The fallback source says nothing of Shariah compliance: filtering on it would hide every row.
  const flagless = props.shariahOnly === true && props.source === 'psx-terminal';
  // A symbol without data is hidden too: nothing says it is in a KMI index.
  const rows = props.shariahOnly && !flagless ? sorted.filter((symbol) => quotes[symbol]?.shariah === true) : sorted;
  const hidden = sorted.length - rows.length;
  const listRef = useRef<HTMLUListElement>(null);
  // After a keyboard move or removal, focus follows the row (or its neighbour), on the control
  // that had it when there was one; after the last row goes, the Add symbol box.
  const focusNext = useRef<string | null>(null);
  const focusControl = useRef<string | null>(null);
  /**
   * A moved row's focus is kept until the row is drawn at its new place: the move may be drawn a
   * render after the one that follows the key, and moving a focused node in the DOM blurs it.
   */
  const moving = useRef<{ symbol: string; to: number; control: string | null; until: number } | null>(null);
  const focusSearch = useRef(false);
  const searchRef = useRef<HTMLInputElement>(null);
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
    if (focusSearch.current) {
      focusSearch.current = false;
      searchRef.current?.focus();
    }
    const pending = moving.current;
    if (pending !== null) {
      const list = listRef.current;
      const target = list?.querySelector<HTMLElement>(`li[data-symbol="${CSS.escape(pending.symbol)}"]`);
      const placed = list ? [...list.querySelectorAll('li.quote')].indexOf(target as Element) === pending.to : false;
      if (placed || Date.now() > pending.until) moving.current = null;
      // Only while focus is still on the row or lost (the blur of the move), never taken from elsewhere.
      const active = document.activeElement;
      if (target && (active === null || active === document.body || target.contains(active))) {
        ((pending.control !== null ? target.querySelector<HTMLElement>(`.${pending.control}`) : null) ?? target).focus();
      }
    }
    if (focusNext.current === null) return;
    const target = listRef.current?.querySelector<HTMLElement>(`li[data-symbol="${CSS.escape(focusNext.current)}"]`);
    const control = focusControl.current !== null ? target?.querySelector<HTMLElement>(`.${focusControl.current}`) : null;
    focusNext.current = null;
    focusControl.current = null;
    (control ?? target)?.focus();
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

  const move = (symbol: string, delta: -1 | 1, from?: HTMLElement): void => {
    focusNext.current = symbol;
    focusControl.current = ROW_CONTROLS.find((c) => from?.classList.contains(c)) ?? null;
    // Past the neighbour on screen: with the filter on, the symbols between are hidden ones.
    const neighbour = rows[rows.indexOf(symbol) + delta];
    moving.current = neighbour === undefined ? null : { symbol, to: rows.indexOf(symbol) + delta, control: focusControl.current, until: Date.now() + 2000 };
    props.onMove(symbol, neighbour === undefined ? symbols.indexOf(symbol) + delta : symbols.indexOf(neighbour));
  };
  const remove = (symbol: string): void => {
    const at = rows.indexOf(symbol);
    focusNext.current = rows[at + 1] ?? rows[at - 1] ?? null;
    focusControl.current = null;
    focusSearch.current = focusNext.current === null;
    props.onRemove(symbol);
  };

  const { t, plural } = text();
  return (
    <section class="watchlist" aria-labelledby="watchlist-heading">
      <div class="watchlist__head">
        <h2 id="watchlist-heading" class="section-title">
          {t('rows_watchlist')} <span class="section-title__note">{caption}</span>
        </h2>
        {props.onShariahOnly && symbols.length > 0 && (
          <label class="watchlist__filter" title={t('rows_filter_title')}>
            <input type="checkbox" checked={props.shariahOnly === true} onChange={(e) => props.onShariahOnly?.((e.currentTarget as HTMLInputElement).checked)} />
            {t('rows_filter')}
          </label>
        )}
        <label class="watchlist__sort">
          <span class="sr-only">{t('rows_sort_label')}</span>
          <select value={sort} onChange={(e) => props.onSort((e.currentTarget as HTMLSelectElement).value as WatchlistSort)}>
            <option value="user">{t('rows_sort_user')}</option>
            <option value="change">{t('rows_sort_change')}</option>
            <option value="symbol">{t('rows_sort_symbol')}</option>
          </select>
        </label>
      </div>
      <SymbolSearch inputRef={searchRef} instruments={instruments} taken={symbols} full={symbols.length >= MAX_WATCHLIST} onAdd={props.onAdd} />
      {symbols.length === 0 ? (
        <div class="empty">
          <p>{t('rows_empty')}</p>
          <button type="button" class="button" onClick={props.onRestore}>
            {t('rows_restore')}
          </button>
        </div>
      ) : (
        <>
          {flagless && (
            <p class="watchlist__hidden watchlist__flagless" role="status">
              {t('rows_no_shariah_flags')}
            </p>
          )}
          {hidden > 0 && (
            <p class="watchlist__hidden" role="status">
              {plural('rows_hidden', hidden)}
            </p>
          )}
          <ul class="quotes" ref={listRef} aria-label={sort === 'user' ? t('rows_list_reorder') : t('rows_watchlist')}>
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
                    onMove={(delta, from) => move(symbol, delta, from)}
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
