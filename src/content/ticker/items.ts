/**
 * What the bar says, as plain data: a chip with the market state and the time of the data,
 * then the indices, the watchlist in the Business Recorder format and the latest stories.
 * Pure, so the wording is unit-tested; the DOM is built from it with textContent only.
 */
import { ARROWS, directionOf, formatAbsChange, formatAbsPercent, formatPrice, formatWhen, type Direction } from '../../shared/format';
import { safeHttpUrl } from '../../shared/links';
import type { MarketState } from '../../shared/market-store';
import type { Story } from '../../shared/model';
import type { Presentation } from '../../shared/presentation';
import type { Settings } from '../../shared/settings';
import { storiesToShow } from '../../shared/stories';
import { barStateWord, text } from './i18n';

/** What the bar reads from storage: the market view and the stories. */
export interface BarData {
  market: MarketState;
  stories: Story[];
}

export type BarItem =
  | { kind: 'quote'; key: string; symbol: string; price: string; change: string; direction: Direction; alerted?: true }
  | { kind: 'story'; key: string; title: string; href: string | null };

/** "Closed · 15:31 PKT": the state and the time of the data, always in view; all from the presentation. */
export function chipText(presentation: Presentation | null, settings: Settings, now: number): string {
  if (presentation === null) return text().t('bar_market');
  const { asOf, stale } = presentation;
  // The bar's own words (i18n.ts): the shared catalogue would not fit in its budget.
  const stateWord = barStateWord(presentation);
  if (asOf === null) return stale ? text().t('bar_chip_stale', { state: stateWord }) : stateWord;
  // Another day's figures carry their date, and stale figures say so: old never passes as live.
  const when = settings.timeZone === 'Asia/Karachi' ? `${formatWhen(asOf, now, 'Asia/Karachi')} PKT` : formatWhen(asOf, now);
  return text().t(stale ? 'bar_chip_when_stale' : 'bar_chip_when', { state: stateWord, when });
}

/** When the bar next needs redrawing on its own: the end of the soonest alert highlight. */
export function nextHighlightChange(market: MarketState, now: number): number | null {
  const ends = Object.values(market.presentation?.alerts?.highlight ?? {}).filter((until) => until > now);
  return ends.length > 0 ? Math.min(...ends) : null;
}

export function barItems({ market, stories }: BarData, settings: Settings, now: number): BarItem[] {
  const items: BarItem[] = [];
  const highlight = market.presentation?.alerts?.highlight ?? {};
  for (const code of [...settings.indices, ...settings.watchlist]) {
    const q = market.indices[code] ?? market.quotes[code];
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
      // A symbol whose alert just fired stands out for a minute (the presentation says until when).
      ...((highlight[code] ?? 0) > now && !(code in market.indices) ? { alerted: true as const } : {}),
    });
  }
  const firstFeed = settings.feeds[0];
  if (firstFeed) {
    for (const story of storiesToShow(stories, firstFeed.id, now, 5)) {
      items.push({ kind: 'story', key: `s:${story.id}`, title: story.title, href: safeHttpUrl(story.link) });
    }
  }
  return items;
}
