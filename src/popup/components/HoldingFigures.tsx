import { formatMoney } from '../../shared/holdings/money';
import type { Figures } from '../../shared/holdings/pnl';
import { Gain } from './Gain';

interface HoldingFiguresProps {
  /** The holding's figures at the row's quote, or null when the quote gives no price. */
  figures: Figures | null;
}

/** The row's second line for a symbol the user holds: market value, day P&L, total P&L. */
export function HoldingFigures({ figures }: HoldingFiguresProps) {
  if (!figures) {
    // Without a price there is no value: said, not shown as 0.00.
    return <span class="quote__holding quote__holding--none">No price: value and P&L not known</span>;
  }
  return (
    <span class="quote__holding">
      <span class="holding__figure">
        <span class="holding__label">Value</span> <span class="money num">{formatMoney(figures.value)}</span>
      </span>
      <span class="holding__figure">
        <span class="holding__label">Day</span> <Gain units={figures.day} />
      </span>
      <span class="holding__figure">
        <span class="holding__label">Total</span> <Gain units={figures.total} percent={figures.totalPercent} />
      </span>
    </span>
  );
}
