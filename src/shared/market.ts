/** Facts about the board state that both the background and the UIs rely on. */
import type { MarketPhase, MarketStatus } from './model';

const TRADING_PHASES: ReadonlySet<MarketPhase> = new Set(['pre-open', 'open', 'post-close']);

/** True while prices can still move: pre-open, the session itself and post-close. */
export function isTradingPhase(phase: MarketPhase): boolean {
  return TRADING_PHASES.has(phase);
}

/** The same, for a board reading that may not exist yet. */
export function isTrading(market: MarketStatus | null): boolean {
  return market !== null && isTradingPhase(market.phase);
}
