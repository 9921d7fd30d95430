/**
 * The market's state as the extension acts on it: the portal's board state when it was read
 * recently (it knows holidays and special timetables), otherwise the timetable.
 */
import type { MarketPhase, MarketStatus } from './model';
import { timetableAt } from './session';

/** A board reading older than this no longer speaks for the market … */
export const BOARD_FRESH_MS = 5 * 60_000;
/**
 * … except a closed board, which stands until the next planned look (15 min on a holiday and
 * before a session): otherwise a holiday would read as "open" between two checks.
 */
export const CLOSED_BOARD_FRESH_MS = 20 * 60_000;

export interface MarketView {
  phase: MarketPhase;
  /** Where the phase came from. */
  basis: 'board' | 'timetable';
  /** The board says closed while the timetable says trading: a holiday or unscheduled close. */
  unscheduledClose: boolean;
  /** The board's own word, when the board is the basis. */
  label: string | null;
}

export function marketView(board: MarketStatus | null, boardReadAt: number | null, now: number): MarketView {
  const table = timetableAt(now);
  // Absolute difference: a UI's clock may lag the background's write by a few seconds.
  const freshFor = board?.phase === 'closed' ? CLOSED_BOARD_FRESH_MS : BOARD_FRESH_MS;
  const fresh = board !== null && boardReadAt !== null && Math.abs(now - boardReadAt) <= freshFor;
  if (fresh && board.phase !== 'unknown') {
    return { phase: board.phase, basis: 'board', unscheduledClose: board.phase === 'closed' && table.phase !== 'closed', label: board.label };
  }
  // An unknown board word (Halted, Suspended …) is shown as it is, but the timetable decides.
  return { phase: table.phase, basis: 'timetable', unscheduledClose: false, label: fresh ? board.label : null };
}

// The header's and the chip's words for a view are written per surface, in its language: i18n/market-words.ts.
