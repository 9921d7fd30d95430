/**
 * The figure a new, edited or re-armed rule is checked against: the one the options page's
 * market view holds for the rule's subject, as the popup's form uses the price on its row. Null
 * when the view has none, and then the first trusted reading sets the rule's status. A draft
 * not yet saved has a subject too, so the same figure prefills the new-alert form.
 */
import { readingOfIndex, readingOfQuote } from '../shared/alerts/store';
import type { AlertRule, Reading } from '../shared/alerts/rules';
import type { MarketState } from '../shared/market-store';

/** What a rule is about: a symbol, or an index code. */
export type AlertSubject = Pick<AlertRule, 'subject' | 'index'>;

export function baselineFor(rule: AlertSubject, market: MarketState | undefined): Reading | null {
  if (!market) return null;
  if (rule.index) {
    const index = market.indices[rule.subject];
    // Indices carry no time of their own: the home page's last good read is theirs.
    return index ? readingOfIndex(index, market.sources['psx-home']?.lastOk ?? 0) : null;
  }
  const quote = market.quotes[rule.subject];
  return quote ? readingOfQuote(quote) : null;
}
