/**
 * Holdings as data (issue 12): for a watchlist symbol, optionally, how many shares the user
 * holds and the average price paid for them. Both are needed for a holding: without the
 * average there is no cost, and a total P&L shown against a made-up cost would be a lie.
 *
 * The limits are what the arithmetic (pnl.ts) and the exchange allow: whole shares (PSX trades
 * no fractions), at most 10 billion of them, and an average in PKR above 0 with at most four
 * decimals (brokers' statements print four), at most 1,000,000 PKR a share. Pure; the stored
 * item and its edits are in store.ts, the reading of typed text in validate.ts.
 */
import { isSymbol } from '../symbol';

export interface Holding {
  /** Whole shares, 1 to MAX_QUANTITY. */
  quantity: number;
  /** PKR per share, above 0, at most four decimals, at most MAX_AVERAGE_PRICE. */
  averagePrice: number;
}

/** By symbol. A symbol with no holding has no entry (never a zero quantity). */
export type Holdings = Record<string, Holding>;

export const MAX_QUANTITY = 10_000_000_000;
export const MAX_AVERAGE_PRICE = 1_000_000;
/** Decimals an average price may have; the arithmetic works in 1/10,000 PKR. */
export const AVERAGE_DECIMALS = 4;
/**
 * Holdings are kept when their symbol leaves the watchlist (user data is never thrown away
 * by another edit), so the list can outgrow the watchlist's 100: a cap keeps it bounded.
 */
export const MAX_HOLDINGS = 500;

/** What is wrong with a quantity or an average price; words for it are in validate.ts. */
export type FieldProblem = 'missing' | 'not-number' | 'fraction' | 'too-small' | 'too-large' | 'too-precise';

export function quantityProblem(value: number): FieldProblem | null {
  if (!Number.isFinite(value)) return 'not-number';
  if (!Number.isInteger(value)) return 'fraction';
  if (value < 1) return 'too-small';
  if (value > MAX_QUANTITY) return 'too-large';
  return null;
}

/** The average in 1/10,000 PKR; exact for every value with four decimals up to the cap. */
export const averageUnits = (averagePrice: number): number => Math.round(averagePrice * 10 ** AVERAGE_DECIMALS);

export function averageProblem(value: number): FieldProblem | null {
  if (!Number.isFinite(value)) return 'not-number';
  if (value <= 0) return 'too-small';
  // The nearest double to n / 10^4 is what parsing the four-decimal text gives, so a value
  // with more decimals is the only one that does not come back from its units.
  if (averageUnits(value) / 10 ** AVERAGE_DECIMALS !== value) return 'too-precise';
  if (value > MAX_AVERAGE_PRICE) return 'too-large';
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A holding as stored or as a file gives it, or null when either field is not valid. */
export function holdingFrom(raw: unknown): Holding | null {
  if (!isRecord(raw)) return null;
  const { quantity, averagePrice } = raw;
  if (typeof quantity !== 'number' || typeof averagePrice !== 'number') return null;
  if (quantityProblem(quantity) !== null || averageProblem(averagePrice) !== null) return null;
  return { quantity, averagePrice };
}

/**
 * Field-by-field validation of whatever storage holds; never throws. A holding that is not
 * valid is dropped on its own (it cannot be shown, and no edit wrote it); the others stay.
 */
export function normaliseHoldings(raw: unknown): Holdings {
  if (!isRecord(raw)) return {};
  const out: Holdings = {};
  let count = 0;
  for (const [key, value] of Object.entries(raw)) {
    const symbol = key.trim().toUpperCase();
    const holding = holdingFrom(value);
    if (!isSymbol(symbol) || holding === null || Object.hasOwn(out, symbol)) continue;
    out[symbol] = holding;
    if (++count === MAX_HOLDINGS) break;
  }
  return out;
}

/**
 * The holdings the popup shows and totals, and the badge counts: those of watchlist symbols,
 * in the watchlist's order. The others are kept in storage, not shown.
 */
export function watchedHoldings(holdings: Holdings, watchlist: readonly string[]): Holdings {
  const out: Holdings = {};
  for (const symbol of watchlist) {
    const holding = holdings[symbol];
    if (holding) out[symbol] = holding;
  }
  return out;
}

export const sameHolding = (a: Holding | undefined, b: Holding | undefined): boolean =>
  a !== undefined && b !== undefined && a.quantity === b.quantity && a.averagePrice === b.averagePrice;
