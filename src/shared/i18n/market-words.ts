/**
 * The market's state in words, rendered by each surface in its page's language from the facts
 * the background stores in the presentation (phase, board, hasReading, source). Nothing here is
 * stored: the words follow the display language, so a popup in Urdu and a bar in English read
 * the same stored presentation each in its own words.
 */
import type { MarketView } from '../market-view';
import type { MarketPhase, QuoteSource } from '../model';
import { common, type CommonKey } from './common';
import { LATEST_NEWS_FEED, WORLD_FEED } from '../feeds';

/** What the words are made of: the board's part of the market view, without its phase. */
export type BoardFacts = Pick<MarketView, 'basis' | 'unscheduledClose' | 'label'>;

/** The facts the words read; `board` and `hasReading` may be absent in a presentation stored by an older version. */
export interface MarketFacts {
  phase: MarketPhase;
  board?: BoardFacts | null;
  hasReading?: boolean;
  trading: boolean;
}

const LABEL_KEYS: Record<MarketPhase, CommonKey> = {
  open: 'market_label_open',
  'pre-open': 'market_label_pre_open',
  'post-close': 'market_label_post_close',
  closed: 'market_label_closed',
  unknown: 'market_label_unknown',
};

const STATE_KEYS: Record<MarketPhase, CommonKey> = {
  open: 'market_state_open',
  'pre-open': 'market_state_pre_open',
  'post-close': 'market_state_post_close',
  closed: 'market_state_closed',
  unknown: 'market_state_unknown',
};

const SOURCE_KEYS: Record<QuoteSource, CommonKey> = { 'psx-portal': 'source_psx_portal', 'psx-terminal': 'source_psx_terminal' };

/** An unknown board word (Halted, Suspended …) is data: shown as PSX wrote it, in any language. */
const boardWord = (board: BoardFacts | null | undefined): string | null => (board?.basis === 'timetable' && board.label ? board.label : null);

/** The header's words for a market view: "Market open", "Closed today (holiday?)", "Market: Halted". */
export function viewLabelText(view: BoardFacts & { phase: MarketPhase }): string {
  if (view.unscheduledClose) return common().t('market_label_holiday');
  const word = boardWord(view);
  if (word !== null) return common().t('market_label_board', { label: word });
  return common().t(LABEL_KEYS[view.phase] ?? 'market_label_unknown');
}

/** What the popup's header says of the market; null before any reading of it. */
export function marketLabelText(p: MarketFacts): string | null {
  if (p.hasReading !== true) return null;
  return viewLabelText({ phase: p.phase, basis: p.board?.basis ?? 'timetable', unscheduledClose: p.board?.unscheduledClose === true, label: p.board?.label ?? null });
}

/**
 * One word for the bar's chip, saying what the header says: an unknown board word the header
 * shows ("Market: Halted") is shown here too, not the timetable's "Open".
 */
export function stateWordText(p: MarketFacts): string {
  if (p.board?.unscheduledClose === true) return common().t('market_state_closed');
  return boardWord(p.board) ?? common().t(STATE_KEYS[p.phase] ?? 'market_state_unknown');
}

/** Over the watchlist: "Last close" once the market has stopped, else empty. */
export function captionText(p: MarketFacts): string {
  return p.hasReading === true && !p.trading ? common().t('market_caption_last_close') : '';
}

/** "PSX data portal", "PSX Terminal". */
export function sourceNameText(source: QuoteSource): string {
  return common().t(SOURCE_KEYS[source] ?? 'source_psx_portal');
}

/**
 * A feed's title as the page shows it: the two built-in Business Recorder feeds by their names in
 * the page's language (their stored titles are the publisher's English ones); any other feed by
 * the title it gave itself.
 */
export function feedTitleText(feed: { id: string; title: string }): string {
  if (feed.id === WORLD_FEED.id && feed.title === WORLD_FEED.title) return common().t('feed_world');
  if (feed.id === LATEST_NEWS_FEED.id && feed.title === LATEST_NEWS_FEED.title) return common().t('feed_latest_news');
  return feed.title;
}
