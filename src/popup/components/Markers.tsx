/**
 * A symbol's marks from the exchange (issue 12): a circuit lock, ex-entitlement tags and the
 * Shariah (KMI) flag. Each says what it means in words (visible, or in its title and for screen
 * readers); colour is only a second cue. Shared by the watchlist rows and the Market view.
 */
import { formatPrice } from '../../shared/format';
import { circuitBand, lockState, type LockState } from '../../shared/market/circuit';
import type { Entitlement, Quote } from '../../shared/model';

/** The words for each ex-entitlement tag. */
export const ENTITLEMENT_WORDS: Readonly<Record<Entitlement, string>> = { XD: 'ex-dividend', XB: 'ex-bonus', XR: 'ex-right' };

export const SHARIAH_TITLE = 'Shariah (KMI)';
export const SHARIAH_WORDS = 'Shariah compliant (KMI index member)';

/** The marks in words, for a row's accessible name: "upper lock, ex-dividend, Shariah compliant". */
export function describeMarks(quote: Quote | undefined): string[] {
  if (!quote) return [];
  const lock = lockState(quote);
  return [
    ...(lock ? [`${lock} lock`] : []),
    ...(quote.entitlements ?? []).map((e) => ENTITLEMENT_WORDS[e]),
    ...(quote.shariah ? ['Shariah compliant'] : []),
  ];
}

interface LockBadgeProps {
  /** 'upper' or 'lower' (lockState); nothing is drawn for null. */
  lock: LockState;
  /** The quote's LDCP, for the limit named in the title. */
  previousClose: number | null;
}

/** "Upper lock" / "Lower lock" in words, coloured as a rise or a fall. */
export function LockBadge({ lock, previousClose }: LockBadgeProps) {
  if (lock === null) return null;
  const band = circuitBand(previousClose);
  // A rounded band may sit a tick inside the exchange's own limit: then the title names none.
  const limit = band && !band.rounded ? formatPrice(lock === 'upper' ? band.upper : band.lower) : null;
  return (
    <span class={`mark mark--lock mark--${lock}`} data-lock={lock} title={`At the day's ${lock} price limit${limit ? ` (${limit})` : ''}`}>
      {lock === 'upper' ? 'Upper lock' : 'Lower lock'}
    </span>
  );
}

interface EntitlementTagsProps {
  entitlements: readonly Entitlement[] | undefined;
}

/** `XD` shown, "ex-dividend" on hover and for screen readers. */
export function EntitlementTags({ entitlements }: EntitlementTagsProps) {
  if (!entitlements || entitlements.length === 0) return null;
  return (
    <>
      {entitlements.map((e) => (
        <span key={e} class="mark mark--ex" data-entitlement={e} title={ENTITLEMENT_WORDS[e]}>
          <span aria-hidden="true">{e}</span>
          <span class="sr-only">{ENTITLEMENT_WORDS[e]}</span>
        </span>
      ))}
    </>
  );
}

/** A small "S" beside the symbol: the exchange lists it in a KMI index. */
export function ShariahMark() {
  return (
    <span class="mark mark--shariah" data-shariah="" title={SHARIAH_TITLE}>
      <span aria-hidden="true">S</span>
      <span class="sr-only">{SHARIAH_WORDS}</span>
    </span>
  );
}
