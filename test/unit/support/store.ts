/**
 * Puts data in storage the way the background does, for UI tests: the market view with the
 * presentation the background would compute, and the stories.
 */
import { marketState } from '../../../src/background/publish';
import { marketItem, storiesItem } from '../../../src/shared/market-store';
import type { Snapshot } from '../../../src/shared/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';

export async function storeSnapshot(snapshot: Snapshot, settings: Settings = DEFAULT_SETTINGS, now = Date.now()): Promise<void> {
  const state = marketState(snapshot, { ...settings, watchlist: [...new Set([...settings.watchlist, ...Object.keys(snapshot.quotes)])] }, now);
  await marketItem.update(() => state);
  await storiesItem.update(() => snapshot.stories);
}
