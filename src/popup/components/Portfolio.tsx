import { formatMoney } from '../../shared/holdings/money';
import type { PortfolioTotals } from '../../shared/holdings/pnl';
import { Gain } from './Gain';
import { text } from '../rows-i18n';

interface PortfolioProps {
  /** The watchlist's holdings totalled (shared/holdings/pnl.ts); shown only when there is one. */
  totals: PortfolioTotals;
  /** Privacy mode: the section takes keyboard focus, which unblurs its figures as hover does. */
  privacy: boolean;
}

/** Portfolio totals under the indices: value, day P&L and %, total P&L and %. */
export function Portfolio({ totals, privacy }: PortfolioProps) {
  const { figures, noPrice, dayLeftOut } = totals;
  const { t, plural } = text();
  return (
    <section class="portfolio" aria-labelledby="portfolio-heading" tabIndex={privacy ? 0 : undefined}>
      <h2 id="portfolio-heading" class="section-title">
        {t('rows_portfolio')} <span class="section-title__note">{plural('rows_holdings_count', totals.count)}</span>
      </h2>
      {figures ? (
        <dl class="portfolio__figures">
          <div>
            <dt>{t('rows_value')}</dt>
            <dd class="money num" data-figure="value" dir="ltr">
              {formatMoney(figures.value)}
            </dd>
          </div>
          <div>
            <dt>{t('rows_day_pnl')}</dt>
            <dd data-figure="day">
              <Gain units={figures.day} percent={figures.dayPercent} />
            </dd>
          </div>
          <div>
            <dt>{t('rows_total_pnl')}</dt>
            <dd data-figure="total">
              <Gain units={figures.total} percent={figures.totalPercent} />
            </dd>
          </div>
        </dl>
      ) : (
        <p class="portfolio__note">{t('rows_no_totals')}</p>
      )}
      {figures && noPrice.length > 0 && (
        <p class="portfolio__note">{t('rows_left_out', { symbols: noPrice.join(t('rows_symbol_list_separator')) })}</p>
      )}
      {figures && dayLeftOut.length > 0 && (
        <p class="portfolio__note">{t('rows_day_left_out', { symbols: dayLeftOut.join(t('rows_symbol_list_separator')) })}</p>
      )}
    </section>
  );
}
