/**
 * A symbol's price limits for the day, and whether it sits at one: "Upper lock" / "Lower lock"
 * (issue 12).
 *
 * The rule: since 22 July 2024, security-wise circuit breakers on PSX are 10 % of LDCP or Re 1,
 * whichever is higher, either way, for Regular and Futures market symbols (PSX notice to
 * investors of 21 May 2024, raising them by 0.5 % a fortnight from 7.5 % starting 27 May 2024;
 * reported by ProPakistani and Mettis Global, 21 May 2024). Square-up markets were left as they
 * were; the extension reads only the regular market.
 *
 * Rounding: the notice gives no rounding, and we found no PSX text that does. The allowance is
 * rounded DOWN to the tick (PKR 0.01), so both limits are rounded inward and the band is never
 * wider than the rule allows. Should the exchange round its limit outward or to the nearest tick
 * instead, its limit is at most one tick beyond ours; `lockState` accepts a price at either, so
 * a locked symbol is marked whichever way the exchange rounds.
 */
import type { Quote } from '../model';

/** PKR 0.01, the price step. */
export const TICK = 0.01;
/** The percentage of LDCP a price may move either way in a day. */
export const CIRCUIT_PERCENT = 10;
/** … or this many rupees, whichever is higher (it decides below an LDCP of Rs 10). */
export const CIRCUIT_MIN_RUPEES = 1;

const PAISA_PER_TICK = 1;
const PAISA_PER_RUPEE = 100;

export interface CircuitBand {
  upper: number;
  lower: number;
  /**
   * The rule's exact limit fell between two ticks and was rounded inward, so the exchange's own
   * limit may be one tick further out. False for a band the data gave, and for exact limits.
   */
  rounded: boolean;
}

export type LockState = 'upper' | 'lower' | null;

/** The band from LDCP under the rule above; null without an LDCP above zero. */
export function circuitBand(previousClose: number | null): CircuitBand | null {
  if (previousClose === null || !Number.isFinite(previousClose) || previousClose <= 0) return null;
  // In whole paisa, so 201.87 × 10 % is 2018 paisa and a tenth, not a float a hair off it.
  const ldcp = Math.round(previousClose * PAISA_PER_RUPEE);
  if (ldcp < PAISA_PER_TICK) return null;
  const byPercent = (ldcp * CIRCUIT_PERCENT) / 100;
  const allowance = Math.max(Math.floor(byPercent), CIRCUIT_MIN_RUPEES * PAISA_PER_RUPEE);
  const rounded = allowance === Math.floor(byPercent) && !Number.isInteger(byPercent);
  const upper = ldcp + allowance;
  // A price is at least one tick: below an LDCP of Re 1 the rupee allowance would pass zero.
  const lower = Math.max(ldcp - allowance, PAISA_PER_TICK);
  return { upper: upper / PAISA_PER_RUPEE, lower: lower / PAISA_PER_RUPEE, rounded };
}

/**
 * 'upper' or 'lower' when the price sits at that limit (within half a tick; for a rounded band,
 * also at the tick beyond it); null inside the band, without an LDCP, and beyond the band,
 * where the price says the exchange's band is not this one (a corporate action, another rule)
 * and claiming a lock would be a guess. A band the data gives wins over the rule's.
 */
export function lockState(quote: Pick<Quote, 'price' | 'previousClose'>, band: Pick<CircuitBand, 'upper' | 'lower'> | null = null): LockState {
  const rule = band === null ? circuitBand(quote.previousClose) : null;
  const limits = band ?? rule;
  if (limits === null || !Number.isFinite(quote.price)) return null;
  const slack = rule?.rounded === true ? TICK : 0;
  const half = TICK / 2;
  // A hair over half a tick: 202.71 − 202.705 is not exactly 0.005 in binary.
  const near = half + 1e-9;
  if (quote.price >= limits.upper - near && quote.price <= limits.upper + slack + near) return 'upper';
  if (quote.price <= limits.lower + near && quote.price >= limits.lower - slack - near) return 'lower';
  return null;
}
