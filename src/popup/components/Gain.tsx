import { describeGain, formatGain, formatSignedPercent, moneyDirection } from '../../shared/holdings/money';

interface GainProps {
  /** The gain (or loss, below 0) in 1/10,000 PKR, exact (shared/holdings/pnl.ts). */
  units: bigint;
  /** Its percentage, when it has one; null leaves it out rather than print 0. */
  percent?: number | null;
}

/** `▲ +3,115.00 (+5.82%)`: arrow, sign and colour, and the same in words for screen readers. */
export function Gain({ units, percent = null }: GainProps) {
  const direction = moneyDirection(units);
  return (
    <span class={`money gain change--${direction}`}>
      <span aria-hidden="true" dir="ltr">
        {formatGain(units)}
        {percent !== null && ` (${formatSignedPercent(percent)})`}
      </span>
      <span class="sr-only">{describeGain(units, percent)}</span>
    </span>
  );
}
