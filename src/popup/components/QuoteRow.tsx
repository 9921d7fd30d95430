import { directionOf, formatPrice, formatVolume } from '../../shared/format';
import type { Quote } from '../../shared/model';
import type { SeriesPoint } from '../../shared/series';
import { Change } from './Change';
import { Sparkline } from './Sparkline';

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
  /** Moves the row by one place (keyboard) … */
  onMove: (delta: -1 | 1) => void;
  /** … or onto another row (drag and drop). */
  onDropOnto: (dragged: string) => void;
}

const COMPANY_PAGE = 'https://dps.psx.com.pk/company/';

export function QuoteRow({ symbol, quote, name, heldSince, series, reorderable, onRemove, onMove, onDropOnto }: QuoteRowProps) {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.target !== event.currentTarget) return; // keys typed on the row's own link or button
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onRemove();
    } else if (event.altKey && reorderable && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      onMove(event.key === 'ArrowUp' ? -1 : 1);
    } else if (!event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const row = event.currentTarget as HTMLElement;
      const next = (event.key === 'ArrowUp' ? row.previousElementSibling : row.nextElementSibling) as HTMLElement | null;
      next?.focus();
    }
  };
  const direction = quote ? directionOf(quote.change) : 'unchanged';
  return (
    <li
      class="quote"
      data-symbol={symbol}
      tabIndex={0}
      aria-label={`${symbol}${name ? `, ${name}` : ''}`}
      title={quote?.volume != null ? `Volume ${formatVolume(quote.volume)}` : undefined}
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
      <a class="quote__symbol" href={`${COMPANY_PAGE}${encodeURIComponent(symbol)}`} target="_blank" rel="noopener noreferrer" title={name}>
        {symbol}
        {name && <span class="sr-only">, {name}</span>}
      </a>
      <span class={`quote__spark change--${direction}`}>
        <Sparkline points={series} />
      </span>
      {quote ? (
        <>
          <span class="quote__price num">
            {formatPrice(quote.price)}
            {heldSince && <small class="quote__held"> (from {heldSince})</small>}
          </span>
          <Change change={quote.change} percent={quote.changePercent} />
        </>
      ) : (
        <>
          <span class="quote__price num quote__missing" aria-label="No data">
            —
          </span>
          <span />
        </>
      )}
      <button type="button" class="quote__remove" onClick={onRemove} aria-label={`Remove ${symbol}`} tabIndex={-1}>
        ×
      </button>
    </li>
  );
}
