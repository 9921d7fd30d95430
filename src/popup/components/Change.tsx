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
    <span class={`change change--${direction}`}>
      <span aria-hidden="true" dir="ltr">
        {ARROWS[direction] && <span class="change__arrow">{ARROWS[direction]} </span>}
        <span class="change__abs">{formatAbsChange(change)}</span>{' '}
        <span class="change__pct">({formatAbsPercent(percent)})</span>
      </span>
      <span class="sr-only">{describeChange(change, percent)}</span>
    </span>
  );
}
