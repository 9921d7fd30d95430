/**
 * The import's warnings in words: what a file held that will not be imported, and why. Long
 * lists are cut so that a file of a thousand bad lines still gives a readable preview.
 */
import { malformedAlertsSentence } from './alerts';
import { malformedHoldingsSentence } from './holdings';
import type { ImportPlan, MalformedEntry } from './format';
import type { ScreenedSymbols } from './symbols';

const MAX_LISTED_SYMBOLS = 20;
const MAX_LISTED_LINES = 10;

/** "A, B, C and 4 more". */
function listed(items: string[], max: number): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

function place(plan: ImportPlan, entry: MalformedEntry): string {
  const where = plan.kind === 'watchlist-csv' ? `line ${entry.position}` : `watchlist entry ${entry.position}`;
  return entry.text === '' ? where : `${where} (“${entry.text}”)`;
}

/** One sentence per kind of problem: unknown symbols, malformed entries, malformed alerts and holdings, then the rest. */
export function describeWarnings(plan: ImportPlan): string[] {
  const out: string[] = [];
  const unknown = plan.unknownSymbols;
  if (unknown.length === 1) {
    out.push(`${unknown[0] ?? ''} is not listed on PSX, so it is not imported.`);
  } else if (unknown.length > 1) {
    out.push(`${unknown.length} symbols are not listed on PSX, so they are not imported: ${listed(unknown, MAX_LISTED_SYMBOLS)}.`);
  }
  const bad = plan.malformed.map((entry) => place(plan, entry));
  if (bad.length === 1) {
    out.push(`Skipped ${bad[0] ?? ''}: not a symbol.`);
  } else if (bad.length > 1) {
    out.push(`Skipped ${bad.length} entries that are not symbols: ${listed(bad, MAX_LISTED_LINES)}.`);
  }
  const badAlerts = malformedAlertsSentence(plan.alerts?.malformed ?? [], (items) => listed(items, MAX_LISTED_LINES));
  if (badAlerts) out.push(badAlerts);
  const badHoldings = malformedHoldingsSentence(plan, (items) => listed(items, MAX_LISTED_LINES));
  if (badHoldings) out.push(badHoldings);
  out.push(...plan.warnings);
  return out;
}

/** One sentence for a file none of whose symbols can be imported, saying why. */
export function nothingImportable(screened: ScreenedSymbols, what: string): string {
  const reasons: string[] = [];
  const n = screened.malformed.length;
  const u = screened.unknownSymbols.length;
  if (n > 0) reasons.push(n === 1 ? `1 ${what} is not a symbol` : `${n} ${what}s are not symbols`);
  if (u > 0) reasons.push(u === 1 ? '1 symbol is not listed on PSX' : `${u} symbols are not listed on PSX`);
  return reasons.length === 0
    ? 'This file lists no symbols.'
    : `No symbol in this file can be imported (${reasons.join(', ')}).`;
}
