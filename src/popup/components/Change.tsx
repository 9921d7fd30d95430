import { ARROWS, describeChange, directionOf, formatAbsChange, formatAbsPercent } from '../../shared/format';

interface ChangeProps {
  /** Absolute change; its sign picks the arrow and colour. */
  change: number;
  /** Change in percent (5.82 for 5.82 %). */
  percent: number;
}

/** `▲ 6.23 (5.82%)`, coloured, with the same fact in words for screen readers. */
export function Change({ change, percent }: ChangeProps) {
  const direction = directionOf(change);
  return (
    // Left to right as a whole in either language, so a column of changes lines up on the last
    // digit at the cell's end; the words for screen readers keep their own direction.
    <span class={`change change--${direction}`} dir="ltr">
      <span aria-hidden="true">
        {ARROWS[direction] && <span class="change__arrow">{ARROWS[direction]} </span>}
        <span class="change__abs">{formatAbsChange(change)}</span>{' '}
        <span class="change__pct">({formatAbsPercent(percent)})</span>
      </span>
      <span class="sr-only" dir="auto">
        {describeChange(change, percent)}
      </span>
    </span>
  );
}
