/**
 * Quotes and indices: the PSX portal first; PSX Terminal only after the portal has failed
 * three cycles in a row, and only until the portal answers again.
 */
import { isTrading, isTradingPhase } from '../../shared/market';
import { marketView } from '../../shared/market-view';
import type { IndexQuote, Quote } from '../../shared/model';
import { readPortal } from '../../sources/psx/portal';
import { directoryItem } from '../../shared/symbol-directory';
import { readTerminal } from '../../sources/psx-terminal/terminal';
import { isDueNow, Outcome, type CycleInput, type TaskOutcome } from '../cycle-context';
import { FALLBACK_AFTER_FAILURES, quotesPolicy } from '../policies';
import { portalDueAt, withBackoff, type QuotesClock } from '../schedule';
import { mayAsk } from '../source-status';

type Sources = CycleInput['snapshot']['sources'];

export const quotesClock = (input: CycleInput, view = input.view, closingQuotesHeld = input.snapshot.closingQuotesHeld, sources: Sources = input.snapshot.sources): QuotesClock => ({
  view,
  closingQuotesHeld,
  quotesPeriodMs: input.settings.quotesPeriodSec * 1000,
  quotesNextTry: sources['psx-quotes']?.nextTry ?? null,
});

/** Failures in a row of whichever portal request is failing. */
export function portalFailures(sources: Sources): number {
  return Math.max(sources['psx-home']?.failures ?? 0, sources['psx-quotes']?.failures ?? 0);
}

/** The portal, then the fallback if the portal has failed often enough; one outcome for both. */
export async function refreshQuotes(input: CycleInput): Promise<TaskOutcome> {
  const out = new Outcome(input);
  const home = out.status('psx-home');
  if (isDueNow(input, home, withBackoff(portalDueAt(home, quotesClock(input), input.now()), home))) {
    await readFromPortal(input, out);
  }
  const sources: Sources = { ...input.snapshot.sources, ...out.value.statuses };
  const terminal = sources['psx-terminal'];
  const view = out.value.data.market !== undefined ? marketView(out.value.data.market, out.value.data.marketReadAt ?? null, input.now()) : input.view;
  if (portalFailures(sources) >= FALLBACK_AFTER_FAILURES && isDueNow(input, terminal, withBackoff(portalDueAt(terminal, quotesClock(input, view, input.snapshot.closingQuotesHeld, sources), input.now()), terminal))) {
    await readFromTerminal(input, out, view.phase);
  }
  return out.value;
}

async function readFromPortal(input: CycleInput, out: Outcome): Promise<void> {
  const { snapshot } = input;
  const policy = quotesPolicy(input.settings);
  const reading = await readPortal({
    ...input.http,
    // The market watch keeps its own backoff and Retry-After even when the home page answers.
    wantQuotes: (market) => (isTrading(market) || !snapshot.closingQuotesHeld) && mayAsk(snapshot.sources['psx-quotes'], input.now()),
    knownSymbols,
  });
  if (!reading.ok) {
    out.fail('psx-home', reading.error, policy);
    return;
  }
  const { indices, market, asOf, quotes, quotesError, quotesDropped, token } = reading.value;
  if (quotesDropped > 0) out.value.dropped = { ...out.value.dropped, 'psx-quotes': quotesDropped };
  out.value.token = token;
  out.succeed('psx-home');
  out.set({ market, marketReadAt: input.now(), marketAsOf: asOf ?? snapshot.marketAsOf });
  if (quotes !== null) {
    const at = input.now();
    out.set({
      quotes: withHeldQuotes(snapshot.quotes, quotes, input.settings.watchlist, at),
      indices: mergeIndices(snapshot.indices, indices),
      quoteSource: 'psx-portal',
      closingQuotesHeld: !isTrading(market),
    });
    out.succeed('psx-quotes', at);
  } else {
    // Indices from the portal are only mixed with portal quotes, never with the fallback's.
    if (snapshot.quoteSource === 'psx-portal') out.set({ indices: mergeIndices(snapshot.indices, indices) });
    if (quotesError !== null) out.fail('psx-quotes', quotesError, policy);
    else if (isTrading(market)) out.set({ closingQuotesHeld: false });
  }
}

async function readFromTerminal(input: CycleInput, out: Outcome, phase: CycleInput['view']['phase']): Promise<void> {
  // One index per cycle, in turn: the fallback stays at two requests a cycle however many indices.
  const codes = input.settings.indices;
  const turn = codes.length === 0 ? [] : [codes[Math.floor(input.now() / 60_000) % codes.length] as string];
  const reading = await readTerminal(turn, input.http);
  if (!reading.ok) {
    out.fail('psx-terminal', reading.error, quotesPolicy(input.settings));
    return;
  }
  if (reading.value.dropped > 0) out.value.dropped = { ...out.value.dropped, 'psx-terminal': reading.value.dropped };
  const at = input.now();
  out.set({
    quotes: withHeldQuotes(input.snapshot.quotes, reading.value.quotes, input.settings.watchlist, at),
    indices: mergeIndices(input.snapshot.indices, reading.value.indices),
    quoteSource: 'psx-terminal',
    // Like the portal's closing read: once the market has stopped, these are the closing figures.
    closingQuotesHeld: !isTradingPhase(phase),
    // The fallback prints no "as of"; the figures are as of now.
    marketAsOf: at,
  });
  out.succeed('psx-terminal', at);
}

/**
 * The instrument directory as a lookup, read from storage only in a cycle that reads the market
 * watch. Without it (not yet fetched, unreadable) every row is still read; only a marker glued to
 * a symbol printed without its raw value stays part of it until the directory arrives.
 */
async function knownSymbols(): Promise<((symbol: string) => boolean) | undefined> {
  const read = await directoryItem.getState().then(
    (state) => state.value,
    (cause: unknown) => {
      console.warn('symbol directory unreadable; glued entitlement markers are not split this cycle:', cause);
      return null;
    },
  );
  if (!read || read.instruments.length === 0) return undefined;
  const symbols = new Set(read.instruments.map((i) => i.symbol));
  return (symbol) => symbols.has(symbol);
}

/**
 * The new reading, stamped with when it was read; a watchlist symbol missing from it keeps its
 * last good quote with that older stamp (the popup shows its age) rather than vanishing.
 */
export function withHeldQuotes(previous: Readonly<Record<string, Quote>>, fresh: Quote[], watchlist: readonly string[], now: number): Record<string, Quote> {
  const out: Record<string, Quote> = Object.fromEntries(fresh.map((q) => [q.symbol, { ...q, readAt: now }]));
  for (const symbol of watchlist) {
    const held = previous[symbol];
    if (!out[symbol] && held) out[symbol] = held;
  }
  return out;
}

/** Indices missing from this reading keep their last value rather than vanishing. */
function mergeIndices(previous: Readonly<Record<string, IndexQuote>>, fresh: IndexQuote[]): Record<string, IndexQuote> {
  return { ...previous, ...Object.fromEntries(fresh.map((q) => [q.code, q])) };
}
