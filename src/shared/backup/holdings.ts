/**
 * The holdings in a backup (issue 12): `data.holdings` of a version-2 file, one entry per
 * symbol, `{ symbol, quantity, averagePrice }`, A–Z. Every holding is written, also those of
 * symbols no longer in the watchlist (they are the user's data; holdings/store.ts).
 *
 * Importing merges, and the file wins per symbol: a holding in the file replaces the user's
 * for that symbol (the file is what the user chose to bring in, and a statement's figures are
 * newer than a hand-typed one), and the user's holdings of symbols the file does not name are
 * kept. The preview says which symbols are replaced. Pure; the write is in apply.ts.
 */
import { averageProblem, holdingFrom, MAX_HOLDINGS, normaliseHoldings, quantityProblem, sameHolding, type Holding, type Holdings } from '../holdings/model';
import { IMPORT_REASONS, joinReasons } from '../holdings/validate';
import { normaliseSettings, type Settings } from '../settings';
import { isSymbol } from '../symbol';
import { clip, type ImportedHoldings, type ImportPlan, type KnownSymbols } from './format';
import { counted, figure, joined, quotedPlace, text } from './i18n';

/** One entry of `data.holdings`. */
export interface HoldingEntry extends Holding {
  symbol: string;
}

export function holdingsData(stored: Holdings): HoldingEntry[] {
  // Validated first, so a backup never carries a holding an import would refuse.
  const holdings = normaliseHoldings(stored);
  return Object.keys(holdings)
    .sort()
    .flatMap((symbol) => {
      const holding = holdings[symbol];
      return holding ? [{ symbol, quantity: holding.quantity, averagePrice: holding.averagePrice }] : [];
    });
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const shown = (value: unknown): string => clip(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));

export const unreadableHoldings = (): string => text().t('backup_holdings_unreadable');
export const notASymbol = (): string => text().t('backup_reason_not_symbol');

/** Why a JSON entry is no holding, in the preview's words. */
function reasonOf(raw: unknown): string {
  if (!isRecord(raw)) return text().t('backup_reason_not_holding');
  const symbol = typeof raw['symbol'] === 'string' ? raw['symbol'].trim().toUpperCase() : '';
  if (!isSymbol(symbol)) return notASymbol();
  const reasons: string[] = [];
  const quantity = raw['quantity'];
  const average = raw['averagePrice'];
  const q = quantity === undefined ? 'missing' : typeof quantity === 'number' ? quantityProblem(quantity) : 'not-number';
  const a = average === undefined ? 'missing' : typeof average === 'number' ? averageProblem(average) : 'not-number';
  if (q) reasons.push(IMPORT_REASONS.quantity[q]);
  if (a) reasons.push(IMPORT_REASONS.averagePrice[a]);
  return reasons.length > 0 ? joinReasons(reasons) : text().t('backup_reason_not_holding');
}

/** Collects checked entries: a repeated symbol keeps its last, with a warning; unknown symbols are set aside. */
export class HoldingsCollector {
  readonly out: ImportedHoldings = { entries: [], malformed: [] };
  readonly unknownSymbols: string[] = [];
  readonly warnings: string[] = [];
  private readonly repeated = new Set<string>();

  constructor(private readonly known: KnownSymbols) {}

  bad(position: number, text: string, reason: string): void {
    this.out.malformed.push({ position, text: clip(text), reason });
  }

  add(symbol: string, holding: Holding): void {
    if (this.known.symbols !== null && !this.known.symbols.has(symbol)) {
      if (!this.unknownSymbols.includes(symbol)) this.unknownSymbols.push(symbol);
      return;
    }
    const at = this.out.entries.findIndex((e) => e.symbol === symbol);
    if (at !== -1) {
      this.repeated.add(symbol);
      this.out.entries.splice(at, 1);
    }
    this.out.entries.push({ symbol, holding });
  }

  /** The collected holdings, the file's last MAX_HOLDINGS dropped with a warning. */
  done(what: 'line' | 'entry'): { holdings: ImportedHoldings; unknownSymbols: string[]; warnings: string[] } {
    const warnings = [...this.warnings];
    if (this.repeated.size > 0) {
      warnings.push(text().t(what === 'line' ? 'backup_repeated_lines' : 'backup_repeated_entries', { symbols: joined([...this.repeated]) }));
    }
    const { entries } = this.out;
    if (entries.length > MAX_HOLDINGS) {
      warnings.push(text().t('backup_too_many_holdings', { count: figure(entries.length), max: figure(MAX_HOLDINGS) }));
    }
    return { holdings: { entries: entries.slice(0, MAX_HOLDINGS), malformed: this.out.malformed }, unknownSymbols: this.unknownSymbols, warnings };
  }
}

/**
 * A version-2 file's `data.holdings`. Never fails: an unreadable section is a warning (the
 * rest imports and the user's holdings stay); a bad entry is skipped and listed with its place
 * and reason. An entry is taken only as it is: a value the validator would change is refused.
 */
export function checkHoldings(raw: unknown, known: KnownSymbols): { holdings?: ImportedHoldings; unknownSymbols: string[]; warnings: string[] } {
  if (!Array.isArray(raw)) return { unknownSymbols: [], warnings: [unreadableHoldings()] };
  const collect = new HoldingsCollector(known);
  raw.forEach((entry: unknown, i) => {
    const symbol = isRecord(entry) && typeof entry['symbol'] === 'string' ? entry['symbol'].trim().toUpperCase() : '';
    const holding = isSymbol(symbol) ? holdingFrom(entry) : null;
    if (holding) collect.add(symbol, holding);
    else collect.bad(i + 1, shown(entry), reasonOf(entry));
  });
  return collect.done('entry');
}

/** What merging a file's holdings into the user's does. */
export interface HoldingsMerge {
  holdings: Holdings;
  /** Symbols the user held nothing of. */
  added: string[];
  /** Symbols whose holding the file's replaces. */
  replaced: string[];
  /** Symbols the file gives exactly as the user has them. */
  unchanged: string[];
  /** New symbols that did not fit under MAX_HOLDINGS (the file's last ones). */
  leftOut: string[];
}

export function mergeHoldings(current: Holdings, entries: ImportedHoldings['entries']): HoldingsMerge {
  const holdings: Holdings = { ...current };
  const merge: HoldingsMerge = { holdings, added: [], replaced: [], unchanged: [], leftOut: [] };
  let count = Object.keys(holdings).length;
  for (const { symbol, holding } of entries) {
    const mine = Object.hasOwn(holdings, symbol) ? holdings[symbol] : undefined;
    if (mine && sameHolding(mine, holding)) merge.unchanged.push(symbol);
    else if (mine) {
      merge.replaced.push(symbol);
      holdings[symbol] = holding;
    } else if (count >= MAX_HOLDINGS) merge.leftOut.push(symbol);
    else {
      merge.added.push(symbol);
      holdings[symbol] = holding;
      count += 1;
    }
  }
  return merge;
}

/** The sentence for holdings left out by the cap, or null when all fitted. */
export function holdingsLeftOutWarning(leftOut: readonly string[]): string | null {
  if (leftOut.length === 0) return null;
  const shown = joined(leftOut.slice(0, 20));
  const list = leftOut.length > 20 ? text().t('backup_and_more', { items: shown, count: figure(leftOut.length - 20) }) : shown;
  return counted('backup_holdings_left_out', leftOut.length, { max: figure(MAX_HOLDINGS), list });
}

/** What the preview says of the file's holdings. */
export interface HoldingsPreview {
  text: string;
  /** Holdings the import adds or replaces: 0 means it changes none. */
  changes: number;
  warnings: string[];
}

/** The watchlist after a holdings CSV's additions: the settings rules, so the preview and the import agree. */
export function withWatchlistAdds(current: Settings, adds: readonly string[] | undefined): Settings {
  if (!adds || adds.length === 0) return current;
  return normaliseSettings({ ...current, watchlist: [...current.watchlist, ...adds.filter((s) => !current.watchlist.includes(s))] });
}

/**
 * The file's holdings against the user's, from the same merge the import does; null for a
 * file without holdings. `settings` are the user's now: a holdings CSV's symbols that do not
 * fit in the watchlist are named (their holdings are kept, but not shown).
 */
export function describeHoldings(current: Holdings, settings: Settings, plan: ImportPlan): HoldingsPreview | null {
  if (!plan.holdings) return null;
  const inFile = plan.holdings.entries.length;
  const merge = mergeHoldings(current, plan.holdings.entries);
  const changes = merge.added.length + merge.replaced.length;
  const { t } = text();
  let sentence: string;
  if (inFile === 0) sentence = t(plan.holdings.malformed.length > 0 ? 'backup_holdings_none_importable' : 'backup_holdings_none');
  else {
    const parts: string[] = [];
    if (merge.added.length > 0) parts.push(counted('backup_holdings_new', merge.added.length));
    if (merge.replaced.length > 0) parts.push(counted('backup_holdings_replacing', merge.replaced.length, { symbols: joined(merge.replaced) }));
    if (merge.unchanged.length > 0) parts.push(counted('backup_holdings_same', merge.unchanged.length));
    sentence = counted('backup_holdings_in_file', inFile, { parts: joined(parts) });
    if (Object.keys(current).length > 0) sentence += ` ${t('backup_holdings_others_kept')}`;
  }
  const warnings: string[] = [];
  const leftOut = holdingsLeftOutWarning(merge.leftOut);
  if (leftOut) warnings.push(leftOut);
  const after = withWatchlistAdds(settings, plan.watchlistAdds);
  const missing = (plan.watchlistAdds ?? []).filter((s) => !after.watchlist.includes(s));
  if (missing.length > 0) {
    warnings.push(counted('backup_watchlist_full', missing.length, { symbols: joined(missing) }));
  }
  return { text: sentence, changes, warnings };
}

/** The malformed holdings in one sentence, as the watchlist's are (warnings.ts). */
export function malformedHoldingsSentence(plan: ImportPlan, listed: (items: string[]) => string): string | null {
  const malformed = plan.holdings?.malformed ?? [];
  const { t } = text();
  const where = (position: number): string => t(plan.kind === 'holdings-csv' ? 'backup_place_line' : 'backup_place_holding', { position: figure(position) });
  const bad = malformed.map((entry) => t('backup_place_reason', { place: quotedPlace(where(entry.position), entry.text), reason: entry.reason }));
  if (bad.length === 0) return null;
  if (bad.length === 1) return t('backup_skipped', { place: bad[0] ?? '' });
  return counted('backup_skipped_not_holdings', bad.length, { list: listed(bad) });
}
