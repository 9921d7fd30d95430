/**
 * The holdings the badge counts when it shows the portfolio's day % (issue 12): read only for
 * that setting, limited to the watchlist as the popup's totals are. Undefined when they could
 * not be read, so the badge shows no figure rather than a portfolio of nothing.
 */
import { watchedHoldings, type Holdings } from '../shared/holdings/model';
import { holdingsItem } from '../shared/holdings/store';
import { BADGE_PORTFOLIO, type Settings } from '../shared/settings';

export async function badgeHoldings(settings: Pick<Settings, 'badge' | 'watchlist'>): Promise<Holdings | undefined> {
  if (settings.badge !== BADGE_PORTFOLIO) return undefined;
  try {
    const state = await holdingsItem.getState();
    if (state.unreadable) {
      console.warn('holdings unreadable for the badge:', state.unreadable);
      return undefined;
    }
    return watchedHoldings(state.value, settings.watchlist);
  } catch (cause) {
    console.warn('holdings unreadable for the badge:', cause);
    return undefined;
  }
}
