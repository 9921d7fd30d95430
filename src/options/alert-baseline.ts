/**
 * The figures the options page's alert forms start from, out of its market view.
 *
 * - `baselineFor`: what a new, edited or re-armed rule is checked against, the shared rule
 *   (src/shared/alerts/baseline.ts) the popup's form uses too: the figure on screen only if the
 *   cycle would trust it (fresh, not held, not the fallback's unless allowed), else null.
 * - `shownReading`: the figure on screen, trusted or not, for what the threshold box starts with
 *   only; it never sets a rule's status.
 */
import type { AlertSubject } from '../shared/alerts/baseline';
import { readingOfIndex, readingOfQuote, type Reading } from '../shared/alerts/rules';
import type { MarketState } from '../shared/market-store';

export { trustedBaseline as baselineFor, type AlertSubject } from '../shared/alerts/baseline';

export function shownReading(subject: AlertSubject, market: MarketState | undefined): Reading | null {
  if (!market) return null;
  if (subject.index) {
    const index = market.indices[subject.subject];
    return index ? readingOfIndex(index, market.sources['psx-home']?.lastOk ?? 0) : null;
  }
  const quote = market.quotes[subject.subject];
  return quote ? readingOfQuote(quote) : null;
}
