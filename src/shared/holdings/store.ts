/**
 * Where the holdings live and the only ways they change. One `storage.local` item, by symbol.
 *
 * Local, never sync: what a user holds and paid is financial data, and it stays on this device
 * unless the user exports it (the options page's backup and CSV). storage.sync would copy it
 * to the browser vendor's servers and every signed-in device.
 *
 * Removing a symbol from the watchlist keeps its holding: an edit of the watchlist never costs
 * the user other data, and adding the symbol back brings the figures back. A holding whose
 * symbol is not in the watchlist is only not shown (nor totalled, nor counted by the badge);
 * it is in the backup and the CSV export, and Clear in its form removes it.
 */
import { err, ok, type Result } from '../result';
import { defineItem } from '../storage/item';
import { isSymbol } from '../symbol';
import { averageProblem, MAX_HOLDINGS, normaliseHoldings, quantityProblem, type Holding, type Holdings } from './model';
import { common } from '../i18n/common';
import { refusalText } from '../storage/refusal-words';
import { sentences } from '../i18n/sentences';

export const holdingsItem = defineItem<Holdings>({
  area: 'local',
  key: 'holdings',
  version: 1,
  normalise: normaliseHoldings,
});

export type HoldingEditError = { kind: 'invalid' | 'full' | 'storage'; message: string };

/** An edit's outcome inside the update: the new holdings, or why there are none. */
type Change = { holdings: Holdings } | { problem: HoldingEditError };

async function edit(change: (current: Holdings) => Change): Promise<Result<Holdings, HoldingEditError>> {
  const seen: { problem?: HoldingEditError } = {};
  const written = await holdingsItem.update((current) => {
    const next = change(current);
    if ('problem' in next) {
      seen.problem = next.problem;
      return current;
    }
    return next.holdings;
  });
  if (seen.problem) return err(seen.problem);
  if (!written.ok) return err({ kind: 'storage', message: common().t('holding_not_saved', { detail: refusalText(written.error) }) });
  return ok(written.value);
}

/** Sets (adds or replaces) one symbol's holding; the form has checked it, and so does this. */
export function setHolding(symbol: string, holding: Holding): Promise<Result<Holdings, HoldingEditError>> {
  if (!isSymbol(symbol)) return Promise.resolve(err({ kind: 'invalid', message: sentences().t('sentence_holding_not_symbol', { symbol }) }));
  if (quantityProblem(holding.quantity) !== null || averageProblem(holding.averagePrice) !== null) {
    return Promise.resolve(err({ kind: 'invalid', message: sentences().t('sentence_holding_invalid') }));
  }
  const clean: Holding = { quantity: holding.quantity, averagePrice: holding.averagePrice };
  return edit((current) => {
    if (!Object.hasOwn(current, symbol) && Object.keys(current).length >= MAX_HOLDINGS) {
      return { problem: { kind: 'full', message: sentences().t('sentence_holdings_full', { max: MAX_HOLDINGS }) } };
    }
    return { holdings: { ...current, [symbol]: clean } };
  });
}

/** Removes one symbol's holding; clearing one that is not there changes nothing and is no error. */
export function clearHolding(symbol: string): Promise<Result<Holdings, HoldingEditError>> {
  return edit((current) => {
    if (!Object.hasOwn(current, symbol)) return { holdings: current };
    const { [symbol]: _gone, ...rest } = current;
    return { holdings: rest };
  });
}
