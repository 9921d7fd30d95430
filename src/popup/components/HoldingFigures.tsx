import { formatMoney } from '../../shared/holdings/money';
import type { Figures } from '../../shared/holdings/pnl';
import { Gain } from './Gain';
import { text } from '../rows-i18n';

interface HoldingFiguresProps {
  /** The holding's figures at the row's quote, or null when the quote gives no price. */
  figures: Figures | null;
}

/** The row's second line for a symbol the user holds: market value, day P&L, total P&L. */
export function HoldingFigures({ figures }: HoldingFiguresProps) {
  const { t } = text();
  if (!figures) {
    // Without a price there is no value: said, not shown as 0.00.
    return <span class="quote__holding quote__holding--none">{t('rows_no_price')}</span>;
  }
  return (
    <span class="quote__holding">
      <span class="holding__figure">
        <span class="holding__label">{t('rows_value')}</span>{' '}
        <span class="money num" dir="ltr">
          {formatMoney(figures.value)}
        </span>
      </span>
      <span class="holding__figure">
        <span class="holding__label">{t('rows_day')}</span> <Gain units={figures.day} />
      </span>
      <span class="holding__figure">
        <span class="holding__label">{t('rows_total')}</span> <Gain units={figures.total} percent={figures.totalPercent} />
      </span>
    </span>
  );
}
