/**
 * The compact quote rows with issue 12's markers, and the market view's breadth: what is stored,
 * what older rows read as, and what a malformed value comes to.
 */
import { describe, expect, it } from 'vitest';
import type { MarketBreadth } from '../../../src/shared/market/breadth';
import { boardItem, decodeBreadth, decodeQuote, encodeQuote, marketItem, normaliseMarket } from '../../../src/shared/market-store';
import type { Quote } from '../../../src/shared/model';
import { browser } from '../../../src/shared/browser';
import { fixtureBoard, READ_AT } from './board-fixture';

const HUBC: Quote = { symbol: 'HUBC', price: 202.71, change: 0.84, changePercent: 0.42, previousClose: 201.87, open: 202.05, high: 204.4, low: 201.1, volume: 1445702, readAt: READ_AT };
/** The row as every build before issue 12 wrote it. */
const OLD_ROW = [202.71, 0.84, 0.42, 201.87, 202.05, 204.4, 201.1, 1445702, READ_AT];

describe('encodeQuote / decodeQuote with markers', () => {
  it('a quote without markers is stored exactly as before', () => {
    expect(encodeQuote(HUBC)).toEqual(OLD_ROW);
  });

  it('a row stored before issue 12 reads as before: no markers', () => {
    expect(decodeQuote('HUBC', OLD_ROW)).toEqual(HUBC);
    expect(decodeQuote('HUBC', OLD_ROW.slice(0, 8))).toEqual({ ...HUBC, readAt: undefined });
  });

  it.each<[string, Partial<Quote>, number]>([
    ['XD', { entitlements: ['XD'] }, 1],
    ['XB', { entitlements: ['XB'] }, 2],
    ['XR', { entitlements: ['XR'] }, 4],
    ['XD XB XR', { entitlements: ['XD', 'XB', 'XR'] }, 7],
    ['Shariah', { shariah: true }, 8],
    ['XB and Shariah', { entitlements: ['XB'], shariah: true }, 10],
  ])('%s is one number after the nine figures, and reads back', (_name, marks, bits) => {
    const quote = { ...HUBC, ...marks };
    const row = encodeQuote(quote);
    expect(row).toEqual([...OLD_ROW, bits]);
    expect(decodeQuote('HUBC', JSON.parse(JSON.stringify(row)))).toEqual(quote);
  });

  it('a build without issue 12 reads the first nine values of a marked row unchanged', () => {
    expect(encodeQuote({ ...HUBC, entitlements: ['XD'], shariah: true }).slice(0, 9)).toEqual(OLD_ROW);
  });

  it('marks written without a read time keep the read-time slot empty', () => {
    const { readAt: _readAt, ...noTime } = HUBC;
    expect(encodeQuote({ ...noTime, entitlements: ['XR'] })).toEqual([...OLD_ROW.slice(0, 8), null, 4]);
  });

  it.each<[string, unknown]>([
    ['a string', 'XD'],
    ['a list', ['XD']],
    ['an object', { XD: true }],
    ['null', null],
    ['zero', 0],
    ['negative', -1],
    ['a fraction', 1.5],
    ['NaN', Number.NaN],
    ['too large for a set of ours', 2 ** 40],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('a malformed marker (%s) is dropped, the quote kept', (_name, marks) => {
    expect(decodeQuote('HUBC', [...OLD_ROW, marks])).toEqual(HUBC);
  });

  it('bits a later build adds are passed over; the ones we know are kept', () => {
    expect(decodeQuote('HUBC', [...OLD_ROW, 16 | 32 | 1])).toEqual({ ...HUBC, entitlements: ['XD'] });
    // And values after the marks (a later build's) are ignored.
    expect(decodeQuote('HUBC', [...OLD_ROW, 8, 'later', 42])).toEqual({ ...HUBC, shariah: true });
  });

  it('the object form 0.1.0 stored reads as before', () => {
    const { symbol: _s, ...fields } = HUBC;
    expect(decodeQuote('HUBC', fields)).toEqual(HUBC);
  });

  it('the object form keeps valid markers and drops malformed ones (an update normalises objects)', () => {
    expect(decodeQuote('HUBC', { ...HUBC, entitlements: ['XB', 'XD'], shariah: true })).toEqual({ ...HUBC, entitlements: ['XD', 'XB'], shariah: true });
    expect(decodeQuote('HUBC', { ...HUBC, entitlements: ['XZ', 7, null], shariah: 'yes' })).toEqual(HUBC);
    expect(decodeQuote('HUBC', { ...HUBC, entitlements: 'XD' })).toEqual(HUBC);
  });
});

describe('the board item keeps the markers', () => {
  it('round-trips the fixture board through storage.session', async () => {
    const quotes = fixtureBoard();
    expect(Object.values(quotes).some((q) => q.entitlements)).toBe(true);
    await boardItem.update(() => ({ quotes, readAt: READ_AT }));
    expect(await boardItem.get()).toEqual({ quotes, readAt: READ_AT });
  });

  it('stays within a few hundred bytes of the board without them', async () => {
    const quotes = fixtureBoard();
    const bare = Object.fromEntries(Object.entries(quotes).map(([s, { entitlements: _e, shariah: _sh, ...q }]) => [s, q]));
    const size = (board: Record<string, Quote>): number => JSON.stringify(boardItem.spec.encode?.({ quotes: board, readAt: READ_AT })).length;
    const marked = Object.values(quotes).filter((q) => q.entitlements || q.shariah).length;
    // ",N" or ",NN" per marked row, nothing for the others.
    expect(size(quotes) - size(bare)).toBeLessThanOrEqual(3 * marked);
  });

  it('is readable from storage.session by an extension page: no access level restricts it', async () => {
    // storage.session defaults to trusted contexts (the worker and extension pages, not content
    // scripts); the popup reads the board for its movers as it reads the series (issue 12).
    await boardItem.update(() => ({ quotes: fixtureBoard(), readAt: READ_AT }));
    const stored = await browser.storage.session.get('board');
    expect(stored['board']).toBeDefined();
  });
});

describe('the market view keeps the breadth', () => {
  const BREADTH: MarketBreadth = { advancers: 20, decliners: 12, unchanged: 3, volume: 253288641, noVolume: 1, at: READ_AT };

  it('stored as one short row, read back as the object', async () => {
    const view = { ...normaliseMarket(undefined), breadth: BREADTH };
    expect((marketItem.spec.encode?.(view) as { breadth: unknown }).breadth).toEqual([20, 12, 3, 253288641, 1, READ_AT]);
    await marketItem.update(() => view);
    expect((await marketItem.get()).breadth).toEqual(BREADTH);
  });

  it('a market view stored before issue 12 has no breadth, and no key for it', () => {
    expect('breadth' in normaliseMarket({ quotes: {}, updatedAt: READ_AT })).toBe(false);
  });

  it.each<[string, unknown, MarketBreadth | undefined]>([
    ['the row', [20, 12, 3, 253288641, 1, READ_AT], BREADTH],
    ['no volume known', [1, 0, 0, null, 1, READ_AT], { advancers: 1, decliners: 0, unchanged: 0, volume: null, noVolume: 1, at: READ_AT }],
    ['a negative count', [-1, 12, 3, 100, 1, READ_AT], undefined],
    ['a fractional count', [1.5, 12, 3, 100, 1, READ_AT], undefined],
    ['a volume that is not a number', [20, 12, 3, '100', 1, READ_AT], undefined],
    ['a missing time', [20, 12, 3, 100, 1], undefined],
    ['a time that is not a number', [20, 12, 3, 100, 1, 'now'], undefined],
    ['the object form (an update hands the item its value, not the row)', { ...BREADTH }, BREADTH],
    ['the object form with a count missing', { ...BREADTH, unchanged: undefined }, undefined],
    ['nothing', undefined, undefined],
  ])('%s → %j', (_name, raw, expected) => {
    expect(decodeBreadth(raw)).toEqual(expected);
  });
});
