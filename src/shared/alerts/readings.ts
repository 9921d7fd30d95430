/**
 * Which readings of a cycle alerts may be checked against. Only trusted ones: read in this
 * very cycle (a quote the latest read left out is an old one), not stale, a price above zero,
 * and not from the fallback source unless the user allowed it. Indices only from the portal's
 * home page read this cycle, and never one the portal marks as not updated today.
 *
 * And only while the regular session is open. Figures read while the market is closed are the
 * last session's, stamped with the time they were read: a laptop woken at 08:00 reads
 * yesterday's close, which would count as the first reading of a new day, fire on yesterday's
 * move and leave today's open uncompared. Pre-open and post-close figures are not the session's
 * trading either; the first reading of the session itself is compared with its open.
 */
import type { Snapshot, SourceId } from '../model';
import { readingKey } from './evaluate';
import { readingOfIndex, readingOfQuote, type AlertRule, type Reading } from './rules';

export interface ReadingsInput {
  snapshot: Pick<Snapshot, 'quotes' | 'indices' | 'quoteSource' | 'sources'>;
  /** Sources read successfully in this cycle. */
  fetched: readonly SourceId[];
  rules: readonly AlertRule[];
  /** The presentation's verdict on the figures. */
  stale: boolean;
  /** The regular session is open (the presentation's phase is `open`). */
  sessionOpen: boolean;
  allowFallback: boolean;
}

export function trustedReadings({ snapshot, fetched, rules, stale, sessionOpen, allowFallback }: ReadingsInput): Record<string, Reading> {
  const out: Record<string, Reading> = {};
  if (stale || !sessionOpen || rules.length === 0) return out;
  const onFallback = snapshot.quoteSource === 'psx-terminal';
  if (onFallback && !allowFallback) return out;
  const quoteSource: SourceId = onFallback ? 'psx-terminal' : 'psx-quotes';
  const quotesAt = fetched.includes(quoteSource) ? (snapshot.sources[quoteSource]?.lastOk ?? null) : null;
  // The fallback reads one index a cycle and cannot say which: its indices are not checked.
  const indicesAt = !onFallback && fetched.includes('psx-home') ? (snapshot.sources['psx-home']?.lastOk ?? null) : null;
  for (const rule of rules) {
    const key = readingKey(rule.subject, rule.index);
    if (out[key]) continue;
    if (rule.index) {
      const index = snapshot.indices[rule.subject];
      if (indicesAt !== null && index && index.staleDate === null && index.value > 0) out[key] = readingOfIndex(index, indicesAt);
    } else {
      const quote = snapshot.quotes[rule.subject];
      if (quotesAt !== null && quote && quote.price > 0 && quote.readAt === quotesAt) out[key] = readingOfQuote(quote, quotesAt);
    }
  }
  return out;
}
