/**
 * Profit and loss, exact (issue 12). Everything is counted in integers, as BigInt, in one unit:
 * 1/10,000 PKR ("units"). A price or a change is turned into paisa once, from the number the
 * source gave (rounded to the nearest paisa, symmetrically about 0), and a paisa is 100 units;
 * an average price has at most four decimals, so it is a whole number of units. Then
 *
 *   market value = quantity × price           day P&L   = quantity × change
 *   cost         = quantity × average price   total P&L = market value − cost
 *   day %        = day P&L ÷ (market value − day P&L)   (the value at the last close)
 *   total %      = total P&L ÷ cost
 *
 * are exact, and so is any sum of them: 10^10 shares × 10^6 paisa is past 2^53 already, and a
 * float sum of a hundred holdings drifts by paisa. Only a percentage is a ratio, rounded once
 * to 10^-6 % (well past what is shown). A holding without a usable quote contributes nothing
 * and is counted as "no price": never as a zero value, which would be a made-up loss.
 */
import type { Quote } from '../model';
import { pktMidnight } from '../session';
import { averageUnits, type Holding, type Holdings } from './model';

/** 1/10,000 PKR per paisa. */
export const UNITS_PER_PAISA = 100n;

/** A price or change in paisa, rounded once; null for what is not a finite, safely countable number. */
export function toPaisa(amount: number): bigint | null {
  if (!Number.isFinite(amount)) return null;
  const paisa = Math.round(Math.abs(amount) * 100);
  if (!Number.isSafeInteger(paisa)) return null;
  return BigInt(amount < 0 ? -paisa : paisa);
}

/** `n / d` rounded to the nearest integer, halves away from zero; `d` > 0. */
export function roundDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < d) return q;
  return n < 0n ? q - 1n : q + 1n;
}

/** Units rounded to whole paisa, for display. */
export const unitsToPaisa = (units: bigint): bigint => roundDiv(units, UNITS_PER_PAISA);

const PERCENT_SCALE = 1_000_000n;

/** `part ÷ whole` in percent, rounded once to 10^-6 %; null when the whole is not above 0. */
export function percentOf(part: bigint, whole: bigint): number | null {
  if (whole <= 0n) return null;
  return Number(roundDiv(part * 100n * PERCENT_SCALE, whole)) / Number(PERCENT_SCALE);
}

/** What one holding comes to at one quote, every money figure in units. */
export interface Figures {
  value: bigint;
  day: bigint;
  cost: bigint;
  total: bigint;
  /** Null when the value at the last close is not above 0 (no close to compare with). */
  dayPercent: number | null;
  totalPercent: number | null;
}

/** The quote's price and change in paisa, or null when it gives no usable price. */
function priceOf(quote: Quote | undefined): { price: bigint; change: bigint } | null {
  if (!quote) return null;
  const price = toPaisa(quote.price);
  const change = toPaisa(quote.change);
  if (price === null || change === null || price <= 0n) return null;
  return { price, change };
}

function figures(value: bigint, day: bigint, cost: bigint): Figures {
  const total = value - cost;
  return { value, day, cost, total, dayPercent: percentOf(day, value - day), totalPercent: percentOf(total, cost) };
}

/** One holding's figures, or null when its quote is missing or has no usable price. */
export function holdingFigures(holding: Holding, quote: Quote | undefined): Figures | null {
  const priced = priceOf(quote);
  if (!priced) return null;
  const quantity = BigInt(holding.quantity);
  return figures(quantity * priced.price * UNITS_PER_PAISA, quantity * priced.change * UNITS_PER_PAISA, quantity * BigInt(averageUnits(holding.averagePrice)));
}

export interface PortfolioTotals {
  /** Holdings totalled over (those given: the popup and the badge give the watchlist's). */
  count: number;
  /** Of those, the ones with a price, which the figures are the sum of. */
  priced: number;
  /** The others, by symbol: left out of every figure, not counted as zero. */
  noPrice: string[];
  /**
   * Priced holdings whose quote is held from an earlier trading day than the others (a symbol the
   * latest read left out: suspended, or dropped as unreadable): in the value and the total P&L at
   * that last good price, but not in the day P&L or day %, since that day's change is not today's.
   */
  dayLeftOut: string[];
  /** Null when no holding has a price: there is nothing to say, and zero would be false. */
  figures: Figures | null;
}

export function portfolioTotals(holdings: Holdings, quotes: Readonly<Record<string, Quote>>): PortfolioTotals {
  let value = 0n;
  let day = 0n;
  let dayValue = 0n;
  let cost = 0n;
  let priced = 0;
  const noPrice: string[] = [];
  const dayLeftOut: string[] = [];
  const symbols = Object.keys(holdings);
  // The day of the freshest read among these quotes: a quote read on an earlier day was held.
  const reads = symbols.map((s) => quotes[s]?.readAt).filter((t): t is number => t !== undefined);
  const today = reads.length > 0 ? pktMidnight(Math.max(...reads)) : null;
  for (const symbol of symbols) {
    const holding = holdings[symbol];
    const quote = quotes[symbol];
    const one = holding ? holdingFigures(holding, quote) : null;
    if (!one) {
      noPrice.push(symbol);
      continue;
    }
    priced += 1;
    value += one.value;
    cost += one.cost;
    if (today !== null && quote?.readAt !== undefined && pktMidnight(quote.readAt) < today) dayLeftOut.push(symbol);
    else {
      day += one.day;
      dayValue += one.value;
    }
  }
  if (priced === 0) return { count: symbols.length, priced, noPrice, dayLeftOut, figures: null };
  const all = figures(value, day, cost);
  // The day % is over the holdings the day P&L is over: their value at the last close.
  return { count: symbols.length, priced, noPrice, dayLeftOut, figures: { ...all, dayPercent: percentOf(day, dayValue - day) } };
}
