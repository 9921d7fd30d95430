/**
 * The breadth in the market view (issue 12): counted by the background from the full board when
 * it has one, kept when it has not, and never counted from the watchlist alone.
 */
import { describe, expect, it } from 'vitest';
import { marketState, publish, republish } from '../../../src/background/publish';
import { marketBreadth, type MarketBreadth } from '../../../src/shared/market/breadth';
import { boardItem, marketItem } from '../../../src/shared/market-store';
import { emptySnapshot, type Quote, type Snapshot } from '../../../src/shared/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { EXPECTED, fixtureBoard, READ_AT } from './board-fixture';

const settings: Settings = { ...DEFAULT_SETTINGS, watchlist: ['HUBC', 'KEL'] };
const NOW = READ_AT + 5_000;
const FIXTURE_BREADTH: MarketBreadth = { ...EXPECTED.breadth, at: READ_AT };
const snapshot = (quotes: Record<string, Quote>): Snapshot => ({ ...emptySnapshot(), quotes });
const older = (at: number): MarketBreadth => ({ advancers: 1, decliners: 1, unchanged: 1, volume: 3, noVolume: 0, at });

describe('marketState', () => {
  it('without a breadth basis (the badge, the presentation) adds none', () => {
    expect('breadth' in marketState(snapshot(fixtureBoard()), settings, NOW)).toBe(false);
  });

  it('counts the board it is given, not the watchlist quotes it shows', () => {
    const view = marketState(snapshot(fixtureBoard()), settings, NOW, undefined, { board: fixtureBoard() });
    expect(view.breadth).toEqual(FIXTURE_BREADTH);
    expect(Object.keys(view.quotes)).toEqual(['HUBC', 'KEL']);
  });

  it('a watchlist quote held from an older read is not counted', () => {
    const board = { ...fixtureBoard(), GONE: { ...(fixtureBoard()['HUBC'] as Quote), symbol: 'GONE', change: -5, readAt: READ_AT - 60_000 } };
    expect(marketState(snapshot(board), settings, NOW, undefined, { board }).breadth).toEqual(FIXTURE_BREADTH);
  });

  it('keeps the breadth shown when there is no board to count', () => {
    const previous = older(READ_AT - 60_000);
    expect(marketState(snapshot({}), settings, NOW, undefined, { previous }).breadth).toEqual(previous);
  });

  it('the newer of the board\'s and the one shown wins', () => {
    const board = fixtureBoard();
    expect(marketState(snapshot(board), settings, NOW, undefined, { board, previous: older(READ_AT - 1) }).breadth).toEqual(FIXTURE_BREADTH);
    expect(marketState(snapshot(board), settings, NOW, undefined, { board, previous: older(READ_AT + 60_000) }).breadth).toEqual(older(READ_AT + 60_000));
  });
});

describe('publish', () => {
  it('writes the breadth with the market view when the board was read, and no movers', async () => {
    await publish(snapshot(fixtureBoard()), settings, NOW, { boardRead: true });
    const view = await marketItem.get();
    expect(view.breadth).toEqual(FIXTURE_BREADTH);
    expect(Object.keys(view).sort()).not.toContain('movers');
  });

  it('a cycle without a board read keeps the breadth, rather than counting the watchlist', async () => {
    await publish(snapshot(fixtureBoard()), settings, NOW, { boardRead: true });
    // After a browser restart the session board is gone: the snapshot holds the watchlist only.
    const watchlistOnly = Object.fromEntries(Object.entries(fixtureBoard(undefined, READ_AT + 60_000)).filter(([s]) => settings.watchlist.includes(s)));
    await publish(snapshot(watchlistOnly), settings, NOW + 60_000, { boardRead: false });
    expect((await marketItem.get()).breadth).toEqual(FIXTURE_BREADTH);
  });

  it('the breadth costs the market view a few dozen bytes', async () => {
    await publish(snapshot(fixtureBoard()), settings, NOW, { boardRead: true });
    const withBreadth = JSON.stringify(marketItem.spec.encode?.(await marketItem.get()));
    const { breadth: _b, ...without } = await marketItem.get();
    expect(withBreadth.length - JSON.stringify(marketItem.spec.encode?.(without)).length).toBeLessThan(60);
  });
});

describe('republish', () => {
  it('fills the breadth from the board item when the market view has none (after an update)', async () => {
    await boardItem.update(() => ({ quotes: fixtureBoard(), readAt: READ_AT }));
    const shown = await republish(NOW);
    expect(shown?.view.breadth).toEqual(FIXTURE_BREADTH);
    expect((await marketItem.get()).breadth).toEqual(FIXTURE_BREADTH);
  });

  it('keeps a newer breadth a cycle stored after the board was read', async () => {
    await boardItem.update(() => ({ quotes: fixtureBoard(), readAt: READ_AT }));
    const newer = older(READ_AT + 60_000);
    await marketItem.update((m) => ({ ...m, breadth: newer }));
    expect((await republish(NOW))?.view.breadth).toEqual(newer);
  });

  it('without a board keeps what the view shows', async () => {
    const previous = older(READ_AT);
    await marketItem.update((m) => ({ ...m, breadth: previous }));
    expect((await republish(NOW))?.view.breadth).toEqual(previous);
  });

  it('counts what marketBreadth counts', async () => {
    const quotes = fixtureBoard();
    await boardItem.update(() => ({ quotes, readAt: READ_AT }));
    expect((await republish(NOW))?.view.breadth).toEqual(marketBreadth(quotes, READ_AT));
  });
});
