/**
 * The figure a new, edited or re-armed rule is checked against when it is set: the one on
 * screen for its subject, but only if the cycle would trust it. A stale figure, a quote the
 * latest read left out, the fallback's figures (unless allowed) or an index the portal marks as
 * not updated today would set the rule's status from a price that is not the market's: a rule
 * set "at or above 105" over a stale 100 while the market is at 106 would be armed, and fire on
 * the level the moment the portal answers. Null then, and the first trusted reading sets the
 * status without firing.
 */
import type { MarketState } from '../market-store';
import { readingOfIndex, readingOfQuote, type AlertRule, type Reading } from './rules';

export type AlertSubject = Pick<AlertRule, 'subject' | 'index'>;

export function trustedBaseline(subject: AlertSubject, market: MarketState | undefined, allowFallback: boolean): Reading | null {
  const presentation = market?.presentation;
  if (!market || !presentation || presentation.stale) return null;
  if (market.quoteSource === 'psx-terminal' && !allowFallback) return null;
  if (subject.index) {
    const index = market.indices[subject.subject];
    const readAt = market.sources['psx-home']?.lastOk ?? null;
    // Indices carry no time of their own: the home page's last good read is theirs.
    return index && index.staleDate === null && index.value > 0 && readAt !== null && market.quoteSource === 'psx-portal' ? readingOfIndex(index, readAt) : null;
  }
  const quote = market.quotes[subject.subject];
  if (!quote || quote.price <= 0 || presentation.heldQuotes?.[subject.subject] !== undefined) return null;
  return readingOfQuote(quote);
}
