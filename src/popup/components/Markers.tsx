/**
 * A symbol's marks from the exchange (issue 12): a circuit lock, ex-entitlement tags and the
 * Shariah (KMI) flag. Each says what it means in words (visible, or in its title and for screen
 * readers); colour is only a second cue. Shared by the watchlist rows and the Market view.
 */
import { formatPrice } from '../../shared/format';
import { circuitBand, lockState, type LockState } from '../../shared/market/circuit';
import type { Entitlement, Quote } from '../../shared/model';
import { text, type RowsKey } from '../rows-i18n';

const ENTITLEMENT_KEYS: Readonly<Record<Entitlement, RowsKey>> = { XD: 'rows_ex_dividend', XB: 'rows_ex_bonus', XR: 'rows_ex_right' };

/** The words for an ex-entitlement tag ("ex-dividend"), in the display language. */
export const entitlementWords = (e: Entitlement): string => text().t(ENTITLEMENT_KEYS[e]);

/** The marks in words, for a row's accessible name: "upper lock, ex-dividend, Shariah compliant". */
export function describeMarks(quote: Quote | undefined): string[] {
  if (!quote) return [];
  const lock = lockState(quote);
  const t = text().t;
  return [
    ...(lock ? [t(lock === 'upper' ? 'rows_lock_upper_name' : 'rows_lock_lower_name')] : []),
    ...(quote.entitlements ?? []).map(entitlementWords),
    ...(quote.shariah ? [t('rows_shariah_short')] : []),
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
  const { t } = text();
  const band = circuitBand(previousClose);
  // A rounded band may sit a tick inside the exchange's own limit: then the title names none.
  const limit = band && !band.rounded ? formatPrice(lock === 'upper' ? band.upper : band.lower) : null;
  const title =
    lock === 'upper'
      ? limit ? t('rows_limit_upper_at', { limit }) : t('rows_limit_upper')
      : limit ? t('rows_limit_lower_at', { limit }) : t('rows_limit_lower');
  return (
    <span class={`mark mark--lock mark--${lock}`} data-lock={lock} title={title}>
      {t(lock === 'upper' ? 'rows_lock_upper' : 'rows_lock_lower')}
    </span>
  );
}

interface EntitlementTagsProps {
  entitlements: readonly Entitlement[] | undefined;
}

/**
 * `XD ex-dividend`: the exchange's code, and beside it, visible, what it means (a reader does
 * not have to hover to learn it). The words are read by screen readers; the code is not, so
 * the tag is not said twice.
 */
export function EntitlementTags({ entitlements }: EntitlementTagsProps) {
  if (!entitlements || entitlements.length === 0) return null;
  return (
    <>
      {entitlements.map((e) => {
        const words = entitlementWords(e);
        return (
          <span key={e} class="mark mark--ex" data-entitlement={e} title={words}>
            <span class="mark__code" aria-hidden="true" dir="ltr">
              {e}
            </span>{' '}
            <span class="mark__words">{words}</span>
          </span>
        );
      })}
    </>
  );
}

/** A small "S" beside the symbol: the exchange lists it in a KMI index. */
export function ShariahMark() {
  const { t } = text();
  return (
    <span class="mark mark--shariah" data-shariah="" title={t('rows_shariah_title')}>
      <span aria-hidden="true">{t('rows_shariah_letter')}</span>
      <span class="sr-only">{t('rows_shariah_words')}</span>
    </span>
  );
}
