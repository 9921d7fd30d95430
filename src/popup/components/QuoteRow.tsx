import { formatPrice, formatVolume } from '../../shared/format';
import type { Quote } from '../../shared/model';
import { Change } from './Change';

interface QuoteRowProps {
  /** The watchlist symbol, shown even when there is no quote for it. */
  symbol: string;
  /** Its latest quote, or undefined when the market watch did not list it. */
  quote: Quote | undefined;
}

export function QuoteRow({ symbol, quote }: QuoteRowProps) {
  return (
    <li class="quote" data-symbol={symbol} title={quote?.volume != null ? `Volume ${formatVolume(quote.volume)}` : undefined}>
      <span class="quote__symbol">{symbol}</span>
      {quote ? (
        <>
          <span class="quote__price num">{formatPrice(quote.price)}</span>
          <Change change={quote.change} percent={quote.changePercent} />
        </>
      ) : (
        <span class="quote__price num quote__missing" aria-label="No data">
          —
        </span>
      )}
    </li>
  );
}
