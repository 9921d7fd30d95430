import { ARROWS, describeChange, directionOf, formatAbsChange, formatAbsPercent } from '../../shared/format';

interface MoverChangeProps {
  /** Absolute change; its sign picks arrow, sign and colour. */
  change: number;
  /** Change in percent (5.82 for 5.82 %). */
  percent: number;
}

const SIGNS = { up: '+', down: '-', unchanged: '' } as const;

/**
 * `▲ +1.00 (+11.76%)` for the Market view: arrow and sign as well as colour, words for screen
 * readers. Its own class, not `.change`: the whole market's figures are not the user's, so
 * privacy mode does not blur them.
 */
export function MoverChange({ change, percent }: MoverChangeProps) {
  const direction = directionOf(change);
  const sign = SIGNS[direction];
  return (
    // Left to right in either language (the arrow, then the signed figures), so it lines up
    // at the cell's end as the price does.
    <span class={`mover__change change--${direction}`} dir="ltr">
      <span aria-hidden="true">
        {ARROWS[direction] && `${ARROWS[direction]} `}
        {sign}
        {formatAbsChange(change)} ({sign}
        {formatAbsPercent(percent)})
      </span>
      <span class="sr-only" dir="auto">
        {describeChange(change, percent)}
      </span>
    </span>
  );
}
