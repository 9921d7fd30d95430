import type { Quote } from '../../shared/model';
import { QuoteRow } from './QuoteRow';

interface WatchlistProps {
  /** Symbols in the user's order. */
  symbols: string[];
  /** Latest quotes by symbol. */
  quotes: Record<string, Quote>;
  /** Caption above the rows: "Live", "Last close", … */
  caption: string;
}

export function Watchlist({ symbols, quotes, caption }: WatchlistProps) {
  return (
    <section class="watchlist" aria-labelledby="watchlist-heading">
      <h2 id="watchlist-heading" class="section-title">
        Watchlist <span class="section-title__note">{caption}</span>
      </h2>
      {symbols.length === 0 ? (
        <p class="empty">Your watchlist is empty.</p>
      ) : (
        <ul class="quotes">
          {symbols.map((symbol) => (
            <QuoteRow key={symbol} symbol={symbol} quote={quotes[symbol]} />
          ))}
        </ul>
      )}
    </section>
  );
}
