import { directionOf, formatPrice, formatVolume } from '../../shared/format';
import { numberFormat } from '../../shared/i18n/display';
import type { Holding } from '../../shared/holdings/model';
import type { Figures } from '../../shared/holdings/pnl';
import { lockState } from '../../shared/market/circuit';
import type { Quote } from '../../shared/model';
import type { SeriesPoint } from '../../shared/series';
import { Change } from './Change';
import { HoldingFigures } from './HoldingFigures';
import { describeMarks, EntitlementTags, LockBadge, ShariahMark } from './Markers';
import { Sparkline } from './Sparkline';
import { text } from '../rows-i18n';

interface QuoteRowProps {
  /** The watchlist symbol, shown even when there is no quote for it. */
  symbol: string;
  /** Its latest quote, or undefined when no source listed it. */
  quote: Quote | undefined;
  /** Company name from the symbol directory, when known. */
  name: string | undefined;
  /** When a quote the latest read left out was read ("11:41"): it is shown with its age. */
  heldSince?: string | undefined;
  /** Today's intraday series for the sparkline. */
  series: readonly SeriesPoint[];
  /** Reordering (drag, Alt+↑/↓) only makes sense in the user's own order. */
  reorderable: boolean;
  onRemove: () => void;
  /** Moves the row by one place (keyboard), from the element that had focus (the row or a control in it) … */
  onMove: (delta: -1 | 1, from: HTMLElement) => void;
  /** … or onto another row (drag and drop). */
  onDropOnto: (dragged: string) => void;
  /** The symbol's alerts, for the bell. */
  alerts?: RowAlerts;
  /** The symbol's holding, for its button and, when there is one, the row's money line. */
  holding?: RowHolding;
}

export interface RowHolding {
  /** The holding stored, or undefined (then the row looks as it does without holdings). */
  holding: Holding | undefined;
  /** Its figures at the row's quote; null when the quote gives no price. */
  figures: Figures | null;
  /** Its form is open, with this id. */
  open: boolean;
  formId: string;
  onToggle: () => void;
}

export interface RowAlerts {
  /** How many rules the symbol has, and whether one of them has fired. */
  count: number;
  fired: boolean;
  /** Its form is open, with this id. */
  open: boolean;
  formId: string;
  onToggle: () => void;
}

/** The row before or after, skipping what is not a row (an open alert form). */
function siblingRow(row: HTMLElement, up: boolean): HTMLElement | null {
  let next = up ? row.previousElementSibling : row.nextElementSibling;
  while (next && !next.classList.contains('quote')) next = up ? next.previousElementSibling : next.nextElementSibling;
  return next as HTMLElement | null;
}

const COMPANY_PAGE = 'https://dps.psx.com.pk/company/';

/** A bell drawn, not an emoji: a machine without an emoji font showed an empty box. */
function BellIcon() {
  return (
    <svg aria-hidden="true" class="quote__bell-icon" viewBox="0 0 16 16" width="13" height="13" focusable="false">
      <path fill="currentColor" d="M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v2.8l1.2 1.6a.6.6 0 0 1-.5 1H2.8a.6.6 0 0 1-.5-1l1.2-1.6V7.5A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1zM6.3 13.9h3.4a1.7 1.7 0 0 1-3.4 0z" />
    </svg>
  );
}

/** A wallet drawn, as the bell is. */
function WalletIcon() {
  return (
    <svg aria-hidden="true" class="quote__hold-icon" viewBox="0 0 16 16" width="13" height="13" focusable="false">
      <path fill="currentColor" d="M2.5 3.5h9a1 1 0 0 1 1 1v1h.5a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1h-.5v1a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1zm7 4a1 1 0 0 0 0 2h4v-2z" />
    </svg>
  );
}

const QUANTITY: Intl.NumberFormatOptions = { maximumFractionDigits: 4 };
const quantityWords = (value: number): string => numberFormat(QUANTITY).format(value);

/** Where keys are text being typed, not commands for the row (an inline form's boxes, should one ever sit inside it). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function QuoteRow({ symbol, quote, name, heldSince, series, reorderable, onRemove, onMove, onDropOnto, alerts, holding }: QuoteRowProps) {
  // On the row, and on anything in it (the symbol's link, a button): the keys bubble up here.
  const onKeyDown = (event: KeyboardEvent): void => {
    if (typing(event.target) || event.ctrlKey || event.metaKey) return;
    const own = event.target === event.currentTarget;
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onRemove();
    } else if (event.altKey && reorderable && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      onMove(event.key === 'ArrowUp' ? -1 : 1, event.target as HTMLElement);
    } else if (own && !event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      siblingRow(event.currentTarget as HTMLElement, event.key === 'ArrowUp')?.focus();
    }
  };
  const direction = quote ? directionOf(quote.change) : 'unchanged';
  const fired = alerts?.fired === true;
  const stateId = `bell-state-${symbol}`;
  const held = holding?.holding;
  const holdStateId = `hold-state-${symbol}`;
  // Issue 12: the exchange's marks, in the row's name too, as the row is what a reader focuses.
  const lock = quote ? lockState(quote) : null;
  const marks = describeMarks(quote);
  const marked = lock !== null || (quote?.entitlements?.length ?? 0) > 0;
  const { t, plural } = text();
  const separator = t('rows_separator');
  return (
    <li
      class={fired ? 'quote quote--alerted' : 'quote'}
      data-symbol={symbol}
      tabIndex={0}
      aria-label={[symbol, ...(name ? [name] : []), ...marks].join(separator)}
      title={quote?.volume != null ? t('rows_volume_title', { volume: formatVolume(quote.volume) }) : undefined}
      draggable={reorderable}
      onKeyDown={onKeyDown}
      onDragStart={(e) => e.dataTransfer?.setData('text/plain', symbol)}
      onDragOver={(e) => reorderable && e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const dragged = e.dataTransfer?.getData('text/plain');
        if (dragged && dragged !== symbol) onDropOnto(dragged);
      }}
    >
      <span class="quote__id">
        <span class="quote__line">
          <a class="quote__symbol" href={`${COMPANY_PAGE}${encodeURIComponent(symbol)}`} target="_blank" rel="noopener noreferrer" title={name} dir="ltr">
            {symbol}
            {name && (
              <span class="sr-only" dir="auto">
                {separator}
                {name}
              </span>
            )}
          </a>
          {quote?.shariah && <ShariahMark />}
        </span>
        {/* Locks and entitlements are rare: only a marked row grows a second line. */}
        {quote && marked && (
          <span class="quote__marks">
            <LockBadge lock={lock} previousClose={quote.previousClose} />
            <EntitlementTags entitlements={quote.entitlements} />
          </span>
        )}
        {fired && <span class="quote__fired">{t('rows_alert_fired')}</span>}
      </span>
      <span class={`quote__spark change--${direction}`}>
        <Sparkline points={series} />
      </span>
      {quote ? (
        <>
          <span class="quote__price num" dir="ltr">
            {formatPrice(quote.price)}
            {heldSince && (
              <small class="quote__held" dir="auto">
                {' '}
                {t('rows_held_from', { time: heldSince })}
              </small>
            )}
          </span>
          <Change change={quote.change} percent={quote.changePercent} />
        </>
      ) : (
        <>
          <span class="quote__price num quote__missing" aria-label={t('rows_no_data')}>
            —
          </span>
          <span />
        </>
      )}
      {alerts ? (
        <button
          type="button"
          class={alerts.count > 0 ? 'quote__bell quote__bell--set' : 'quote__bell'}
          aria-label={t('rows_alerts_for', { symbol })}
          aria-describedby={stateId}
          aria-expanded={alerts.open ? 'true' : 'false'}
          aria-controls={alerts.open ? alerts.formId : undefined}
          onClick={alerts.onToggle}
        >
          <BellIcon />
          {alerts.count > 0 && (
            <span class="quote__bell-count" aria-hidden="true" dir="ltr">
              {alerts.count}
            </span>
          )}
          <span id={stateId} class="sr-only">
            {alerts.count === 0 ? t('rows_no_alerts') : plural('rows_alert_count', alerts.count)}
            {fired ? t('rows_bell_fired') : ''}
          </span>
        </button>
      ) : (
        <span />
      )}
      {holding ? (
        <button
          type="button"
          class={held ? 'quote__hold quote__hold--set' : 'quote__hold'}
          aria-label={t('rows_holdings_for', { symbol })}
          aria-describedby={holdStateId}
          aria-expanded={holding.open ? 'true' : 'false'}
          aria-controls={holding.open ? holding.formId : undefined}
          onClick={holding.onToggle}
        >
          <WalletIcon />
          <span id={holdStateId} class="sr-only">
            {held ? t('rows_holding_state', { quantity: quantityWords(held.quantity), price: quantityWords(held.averagePrice) }) : t('rows_no_holding')}
          </span>
        </button>
      ) : (
        <span />
      )}
      {/* In the tab order and the accessibility tree at all times; only drawn faintly until the row is hovered or focused. */}
      <button type="button" class="quote__remove" onClick={onRemove} aria-label={t('rows_remove', { symbol })}>
        <span aria-hidden="true">×</span>
      </button>
      {held && <HoldingFigures figures={holding.figures} />}
    </li>
  );
}
