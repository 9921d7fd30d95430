/**
 * What the bar says, as plain data: a chip with the market state and the time of the data,
 * then the indices, the watchlist in the Business Recorder format and the latest stories.
 * Pure, so the wording is unit-tested; the DOM is built from it with textContent only.
 */
import { ARROWS, directionOf, formatAbsChange, formatAbsPercent, formatPrice, formatWhen, type Direction } from '../../shared/format';
import { safeHttpUrl } from '../../shared/links';
import { marketView } from '../../shared/market-view';
import type { Snapshot } from '../../shared/model';
import type { Settings } from '../../shared/settings';
import { storiesToShow } from '../../shared/stories';

export type BarItem =
  | { kind: 'quote'; key: string; symbol: string; price: string; change: string; direction: Direction }
  | { kind: 'story'; key: string; title: string; href: string | null };

const STATE_WORDS: Record<string, string> = {
  open: 'Open',
  'pre-open': 'Pre-open',
  'post-close': 'Post-close',
  closed: 'Closed',
  unknown: 'Market',
};

/** "Closed · 15:31 PKT": the state and the time of the data, always in view. */
export function chipText(snapshot: Snapshot, settings: Settings, now: number): string {
  const view = marketView(snapshot.market, snapshot.marketReadAt, now);
  const asOf = snapshot.marketAsOf ?? snapshot.sources['psx-quotes']?.lastOk ?? null;
  const state = view.unscheduledClose ? 'Closed' : (STATE_WORDS[view.phase] ?? 'Market');
  if (asOf === null) return state;
  // Another day's figures carry their date, and a failing source says so: old never passes as live.
  const when = settings.timeZone === 'Asia/Karachi' ? `${formatWhen(asOf, now, 'Asia/Karachi')} PKT` : formatWhen(asOf, now);
  const stale = snapshot.sources[snapshot.quoteSource === 'psx-terminal' ? 'psx-terminal' : 'psx-quotes']?.state === 'failing';
  return `${state} · ${when}${stale ? ' · stale' : ''}`;
}

export function barItems(snapshot: Snapshot, settings: Settings, now: number): BarItem[] {
  const items: BarItem[] = [];
  for (const code of [...settings.indices, ...settings.watchlist]) {
    const q = snapshot.indices[code] ?? snapshot.quotes[code];
    if (!q) continue;
    const price = 'price' in q ? q.price : q.value;
    const direction = directionOf(q.change);
    const arrow = ARROWS[direction];
    items.push({
      kind: 'quote',
      key: `q:${code}`,
      symbol: code,
      price: formatPrice(price),
      change: `${arrow ? `${arrow} ` : ''}${formatAbsChange(q.change)} (${formatAbsPercent(q.changePercent)})`,
      direction,
    });
  }
  const firstFeed = settings.feeds[0];
  if (firstFeed) {
    for (const story of storiesToShow(snapshot.stories, firstFeed.id, now, 5)) {
      items.push({ kind: 'story', key: `s:${story.id}`, title: story.title, href: safeHttpUrl(story.link) });
    }
  }
  return items;
}
