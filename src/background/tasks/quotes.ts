/**
 * Quotes and indices: the PSX portal first; PSX Terminal only after the portal has failed
 * three cycles in a row, and only until the portal answers again.
 */
import { isTrading, isTradingPhase } from '../../shared/market';
import { marketView } from '../../shared/market-view';
import type { IndexQuote, Quote } from '../../shared/model';
import { readPortal } from '../../sources/psx/portal';
import { readTerminal } from '../../sources/psx-terminal/terminal';
import { fail, isDueNow, succeed, type CycleContext } from '../cycle-context';
import { FALLBACK_AFTER_FAILURES, quotesPolicy } from '../policies';
import { portalDueAt, withBackoff, type QuotesClock } from '../schedule';
import { mayAsk } from '../source-status';

export const quotesClock = (ctx: CycleContext): QuotesClock => ({
  view: ctx.view,
  closingQuotesHeld: ctx.snapshot.closingQuotesHeld,
  quotesPeriodMs: ctx.settings.quotesPeriodSec * 1000,
  quotesNextTry: ctx.snapshot.sources['psx-quotes']?.nextTry ?? null,
});

/** Failures in a row of whichever portal request is failing. */
export function portalFailures(ctx: CycleContext): number {
  const { sources } = ctx.snapshot;
  return Math.max(sources['psx-home']?.failures ?? 0, sources['psx-quotes']?.failures ?? 0);
}

/** The token the portal handed out in this cycle, for the series requests that follow. */
export async function refreshQuotes(ctx: CycleContext): Promise<{ token: string | null }> {
  let token: string | null = null;
  const home = ctx.snapshot.sources['psx-home'];
  if (isDueNow(ctx, home, withBackoff(portalDueAt(home, quotesClock(ctx), ctx.now()), home))) {
    token = await readFromPortal(ctx);
  }
  const terminal = ctx.snapshot.sources['psx-terminal'];
  if (
    portalFailures(ctx) >= FALLBACK_AFTER_FAILURES &&
    isDueNow(ctx, terminal, withBackoff(portalDueAt(terminal, quotesClock(ctx), ctx.now()), terminal))
  ) {
    await readFromTerminal(ctx);
  }
  return { token };
}

async function readFromPortal(ctx: CycleContext): Promise<string | null> {
  const { snapshot } = ctx;
  const policy = quotesPolicy(ctx.settings);
  const reading = await readPortal({
    ...ctx.http,
    // The market watch keeps its own backoff and Retry-After even when the home page answers.
    wantQuotes: (market) => (isTrading(market) || !snapshot.closingQuotesHeld) && mayAsk(snapshot.sources['psx-quotes'], ctx.now()),
  });
  if (!reading.ok) {
    fail(ctx, 'psx-home', reading.error, policy);
    return null;
  }
  const { indices, market, asOf, quotes, quotesError, token } = reading.value;
  succeed(ctx, 'psx-home');
  snapshot.market = market;
  snapshot.marketReadAt = ctx.now();
  snapshot.marketAsOf = asOf ?? snapshot.marketAsOf;
  ctx.view = marketView(market, snapshot.marketReadAt, ctx.now());
  if (quotes !== null) {
    snapshot.quotes = bySymbol(quotes);
    snapshot.indices = mergeIndices(snapshot.indices, indices);
    snapshot.quoteSource = 'psx-portal';
    snapshot.closingQuotesHeld = !isTrading(market);
    succeed(ctx, 'psx-quotes');
  } else {
    // Indices from the portal are only mixed with portal quotes, never with the fallback's.
    if (snapshot.quoteSource === 'psx-portal') snapshot.indices = mergeIndices(snapshot.indices, indices);
    if (quotesError !== null) fail(ctx, 'psx-quotes', quotesError, policy);
    else if (isTrading(market)) snapshot.closingQuotesHeld = false;
  }
  return token;
}

async function readFromTerminal(ctx: CycleContext): Promise<void> {
  // One index per cycle, in turn: the fallback stays at two requests a cycle however many indices.
  const codes = ctx.settings.indices;
  const turn = codes.length === 0 ? [] : [codes[Math.floor(ctx.now() / 60_000) % codes.length] as string];
  const reading = await readTerminal(turn, ctx.http);
  if (!reading.ok) {
    fail(ctx, 'psx-terminal', reading.error, quotesPolicy(ctx.settings));
    return;
  }
  ctx.snapshot.quotes = bySymbol(reading.value.quotes);
  ctx.snapshot.indices = mergeIndices(ctx.snapshot.indices, reading.value.indices);
  ctx.snapshot.quoteSource = 'psx-terminal';
  // Like the portal's closing read: once the market has stopped, these are the closing figures.
  ctx.snapshot.closingQuotesHeld = !isTradingPhase(ctx.view.phase);
  // The fallback prints no "as of"; the figures are as of now.
  ctx.snapshot.marketAsOf = ctx.now();
  succeed(ctx, 'psx-terminal');
}

function bySymbol(quotes: Quote[]): Record<string, Quote> {
  return Object.fromEntries(quotes.map((q) => [q.symbol, q]));
}

/** Indices missing from this reading keep their last value rather than vanishing. */
function mergeIndices(previous: Record<string, IndexQuote>, fresh: IndexQuote[]): Record<string, IndexQuote> {
  return { ...previous, ...Object.fromEntries(fresh.map((q) => [q.code, q])) };
}
