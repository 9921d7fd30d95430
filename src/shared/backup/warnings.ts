/**
 * The import's warnings in words: what a file held that will not be imported, and why. Long
 * lists are cut so that a file of a thousand bad lines still gives a readable preview.
 */
import { malformedAlertsSentence } from './alerts';
import { malformedHoldingsSentence } from './holdings';
import type { ImportPlan, MalformedEntry } from './format';
import { counted, figure, joined, quotedPlace, text } from './i18n';
import type { ScreenedSymbols } from './symbols';

const MAX_LISTED_SYMBOLS = 20;
const MAX_LISTED_LINES = 10;

/** "A, B, C and 4 more". */
export function listed(items: string[], max: number): string {
  if (items.length <= max) return joined(items);
  return text().t('backup_and_more', { items: joined(items.slice(0, max)), count: figure(items.length - max) });
}

function place(plan: ImportPlan, entry: MalformedEntry): string {
  const position = figure(entry.position);
  const where = plan.kind === 'watchlist-csv' ? text().t('backup_place_line', { position }) : text().t('backup_place_entry', { position });
  return quotedPlace(where, entry.text);
}

/** One sentence per kind of problem: unknown symbols, malformed entries, malformed alerts and holdings, then the rest. */
export function describeWarnings(plan: ImportPlan): string[] {
  const { t } = text();
  const out: string[] = [];
  const unknown = plan.unknownSymbols;
  if (unknown.length === 1) {
    out.push(t('backup_unknown_symbol', { symbol: unknown[0] ?? '' }));
  } else if (unknown.length > 1) {
    out.push(counted('backup_unknown_symbols', unknown.length, { list: listed(unknown, MAX_LISTED_SYMBOLS) }));
  }
  const bad = plan.malformed.map((entry) => place(plan, entry));
  if (bad.length === 1) {
    out.push(t('backup_skipped_not_symbol', { place: bad[0] ?? '' }));
  } else if (bad.length > 1) {
    out.push(counted('backup_skipped_not_symbols', bad.length, { list: listed(bad, MAX_LISTED_LINES) }));
  }
  const badAlerts = malformedAlertsSentence(plan.alerts?.malformed ?? [], (items) => listed(items, MAX_LISTED_LINES));
  if (badAlerts) out.push(badAlerts);
  const badHoldings = malformedHoldingsSentence(plan, (items) => listed(items, MAX_LISTED_LINES));
  if (badHoldings) out.push(badHoldings);
  out.push(...plan.warnings);
  return out;
}

/** One sentence for a file none of whose lines can be imported as symbols, saying why. */
export function nothingImportable(screened: ScreenedSymbols): string {
  const reasons: string[] = [];
  const n = screened.malformed.length;
  const u = screened.unknownSymbols.length;
  if (n > 0) reasons.push(counted('backup_reason_lines_not_symbols', n));
  if (u > 0) reasons.push(counted('backup_reason_not_listed', u));
  return reasons.length === 0
    ? text().t('backup_no_symbols')
    : text().t('backup_no_symbol_importable', { reasons: joined(reasons) });
}
