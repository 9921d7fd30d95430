import { formatMoney } from '../../shared/holdings/money';
import type { PortfolioTotals } from '../../shared/holdings/pnl';
import { Gain } from './Gain';

interface PortfolioProps {
  /** The watchlist's holdings totalled (shared/holdings/pnl.ts); shown only when there is one. */
  totals: PortfolioTotals;
  /** Privacy mode: the section takes keyboard focus, which unblurs its figures as hover does. */
  privacy: boolean;
}

const holdingsWord = (n: number): string => (n === 1 ? '1 holding' : `${n} holdings`);

/** Portfolio totals under the indices: value, day P&L and %, total P&L and %. */
export function Portfolio({ totals, privacy }: PortfolioProps) {
  const { figures, noPrice } = totals;
  return (
    <section class="portfolio" aria-labelledby="portfolio-heading" tabIndex={privacy ? 0 : undefined}>
      <h2 id="portfolio-heading" class="section-title">
        Portfolio <span class="section-title__note">{holdingsWord(totals.count)}</span>
      </h2>
      {figures ? (
        <dl class="portfolio__figures">
          <div>
            <dt>Value</dt>
            <dd class="money num" data-figure="value">
              {formatMoney(figures.value)}
            </dd>
          </div>
          <div>
            <dt>Day P&amp;L</dt>
            <dd data-figure="day">
              <Gain units={figures.day} percent={figures.dayPercent} />
            </dd>
          </div>
          <div>
            <dt>Total P&amp;L</dt>
            <dd data-figure="total">
              <Gain units={figures.total} percent={figures.totalPercent} />
            </dd>
          </div>
        </dl>
      ) : (
        <p class="portfolio__note">No price yet for your holdings, so no totals.</p>
      )}
      {figures && noPrice.length > 0 && (
        <p class="portfolio__note">
          Left out, no price: {noPrice.join(', ')}.
        </p>
      )}
    </section>
  );
}
