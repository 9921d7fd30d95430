/**
 * Which readings of a refresh cycle alerts may be checked against (src/shared/alerts/readings.ts):
 * never stale figures, a zero or missing price, a quote the latest read left out, fallback-source
 * data unless the user allowed it, or an index the portal marks as not updated today.
 */
import { describe, expect, it } from 'vitest';
import { trustedReadings, type ReadingsInput } from '../../../src/shared/alerts/readings';
import type { AlertRule } from '../../../src/shared/alerts/rules';
import type { IndexQuote, Quote, SourceId, SourceStatus } from '../../../src/shared/model';

/** Tuesday 13 October 2026, 10:00 PKT. */
const T = Date.UTC(2026, 9, 13, 5, 0);
const TUE = Date.UTC(2026, 9, 12, 19, 0);
/** The portal's market watch and home page, read in this cycle a few seconds apart. */
const QUOTES_AT = T;
const HOME_AT = T - 4_000;
const TERMINAL_AT = T - 2_000;

const ok = (lastOk: number): SourceStatus => ({ state: 'ok', attemptedAt: lastOk, lastOk, lastError: null, failures: 0, nextTry: null });

const q = (symbol: string, price: number, readAt: number | undefined, over: Partial<Quote> = {}): Quote => ({
  symbol,
  price,
  change: 0.84,
  changePercent: 0.42,
  previousClose: 201.87,
  open: 202.05,
  high: 204.4,
  low: 201.1,
  volume: 1_445_702,
  ...(readAt === undefined ? {} : { readAt }),
  ...over,
});

const ix = (code: string, value: number, staleDate: string | null = null): IndexQuote => ({ code, value, change: -412.2, changePercent: -0.24, staleDate });

const rule = (subject: string, index = false, over: Partial<AlertRule> = {}): AlertRule => ({
  id: `${index ? 'i' : 's'}-${subject}`,
  subject,
  index,
  kind: 'price-above',
  threshold: 1,
  rearm: 'manual',
  hysteresisPct: 0.5,
  status: 'armed',
  createdAt: T - 3_600_000,
  checkedDay: TUE,
  firedAt: null,
  firedValue: null,
  snoozedUntil: null,
  ...over,
});

const QUOTES: Record<string, Quote> = {
  HUBC: q('HUBC', 202.71, QUOTES_AT),
  // Left out of the latest read: the price on screen is an older one.
  OGDC: q('OGDC', 320.29, QUOTES_AT - 60_000),
  ZERO: q('ZERO', 0, QUOTES_AT),
  NEG: q('NEG', -3, QUOTES_AT),
  NOTIME: q('NOTIME', 50, undefined),
  TERM: q('TERM', 77.7, TERMINAL_AT),
};

const INDICES: Record<string, IndexQuote> = {
  KSE100: ix('KSE100', 171_623.45),
  KSE30: ix('KSE30', 52_001.1, '12-10-2026'),
  ALLSHR: ix('ALLSHR', 0),
};

const RULES: AlertRule[] = [
  rule('HUBC'),
  rule('HUBC', false, { id: 'second-hubc', kind: 'price-below' }),
  rule('OGDC'),
  rule('ZERO'),
  rule('NEG'),
  rule('NOTIME'),
  rule('TERM'),
  rule('MISSING'),
  rule('KSE100', true),
  rule('KSE100', true, { id: 'second-kse', kind: 'change-below' }),
  rule('KSE30', true),
  rule('ALLSHR', true),
  rule('KSE50', true),
  // A symbol rule named like an index, an index rule named like a symbol: neither is there.
  rule('KSE100'),
  rule('HUBC', true),
];

function input(over: Partial<ReadingsInput> & { quoteSource?: 'psx-portal' | 'psx-terminal' } = {}): ReadingsInput {
  const { quoteSource = 'psx-portal', ...rest } = over;
  return {
    snapshot: {
      quotes: QUOTES,
      indices: INDICES,
      quoteSource,
      sources: { 'psx-quotes': ok(QUOTES_AT), 'psx-home': ok(HOME_AT), 'psx-terminal': ok(TERMINAL_AT) },
    },
    fetched: ['psx-home', 'psx-quotes'],
    rules: RULES,
    stale: false,
    sessionOpen: true,
    allowFallback: false,
    ...rest,
  };
}

const HUBC_READING = { subject: 'HUBC', index: false, price: 202.71, changePercent: 0.42, volume: 1_445_702, open: 202.05, previousClose: 201.87, at: QUOTES_AT };
const KSE100_READING = { subject: 'KSE100', index: true, price: 171_623.45, changePercent: -0.24, volume: null, open: null, previousClose: null, at: HOME_AT };

describe('trustedReadings', () => {
  it('a normal cycle: only fresh quotes above zero and indices updated today, each once', () => {
    expect(trustedReadings(input())).toEqual({ 'symbol:HUBC': HUBC_READING, 'index:KSE100': KSE100_READING });
  });

  it('a quote is stamped with when it was read, an index with the home page’s read time', () => {
    const readings = trustedReadings(input());
    expect(readings['symbol:HUBC']?.at).toBe(QUOTES_AT);
    expect(readings['index:KSE100']?.at).toBe(HOME_AT);
  });

  it.each<[string, Partial<ReadingsInput> & { quoteSource?: 'psx-portal' | 'psx-terminal' }, string[]]>([
    ['stale figures: nothing', { stale: true }, []],
    // The last session's figures read while the market is closed (a laptop woken at 08:00), or in pre-open or post-close.
    ['the regular session not open: nothing', { sessionOpen: false }, []],
    ['stale figures on the fallback, allowed: nothing', { stale: true, quoteSource: 'psx-terminal', allowFallback: true, fetched: ['psx-terminal'] }, []],
    ['no rules: nothing', { rules: [] }, []],
    ['the fallback source, not allowed: nothing', { quoteSource: 'psx-terminal', fetched: ['psx-terminal', 'psx-home'] }, []],
    ['the fallback source, allowed: its fresh quotes, no indices', { quoteSource: 'psx-terminal', allowFallback: true, fetched: ['psx-terminal', 'psx-home'] }, ['symbol:TERM']],
    ['the fallback source, allowed, but not read this cycle: nothing', { quoteSource: 'psx-terminal', allowFallback: true, fetched: ['psx-home', 'psx-quotes'] }, []],
    ['the portal, with allowFallback on: the same as without', { allowFallback: true }, ['symbol:HUBC', 'index:KSE100']],
    ['the portal, but the fallback was what was read: no quotes', { fetched: ['psx-home', 'psx-terminal'] }, ['index:KSE100']],
    ['the market watch not read this cycle: indices only', { fetched: ['psx-home'] }, ['index:KSE100']],
    ['the home page not read this cycle: quotes only', { fetched: ['psx-quotes'] }, ['symbol:HUBC']],
    ['nothing read this cycle: nothing', { fetched: [] }, []],
    ['only the feeds read: nothing', { fetched: ['feed:world', 'psx-symbols'] as SourceId[] }, []],
  ])('%s', (_name, over, keys) => {
    expect(Object.keys(trustedReadings(input(over))).sort()).toEqual([...keys].sort());
  });

  it('the fallback’s quotes are stamped with the fallback’s read time', () => {
    expect(trustedReadings(input({ quoteSource: 'psx-terminal', allowFallback: true, fetched: ['psx-terminal'] }))).toEqual({
      'symbol:TERM': { subject: 'TERM', index: false, price: 77.7, changePercent: 0.42, volume: 1_445_702, open: 202.05, previousClose: 201.87, at: TERMINAL_AT },
    });
  });

  it.each<[string, Record<string, Quote>]>([
    ['a price of 0', { HUBC: q('HUBC', 0, QUOTES_AT) }],
    ['a negative price', { HUBC: q('HUBC', -1, QUOTES_AT) }],
    ['a price that is not a number', { HUBC: q('HUBC', Number.NaN, QUOTES_AT) }],
    ['no quote at all', {}],
    ['a quote held from an earlier read', { HUBC: q('HUBC', 202.71, QUOTES_AT - 1) }],
    ['a quote read later than the source says (not this read)', { HUBC: q('HUBC', 202.71, QUOTES_AT + 1) }],
    ['a quote without a read time', { HUBC: q('HUBC', 202.71, undefined) }],
  ])('%s: no reading', (_name, quotes) => {
    const readings = trustedReadings({ ...input({ rules: [rule('HUBC')] }), snapshot: { ...input().snapshot, quotes } });
    expect(readings).toEqual({});
  });

  it.each<[string, Record<string, IndexQuote>]>([
    ['an index marked as not updated today', { KSE100: ix('KSE100', 171_623.45, '12-10-2026') }],
    ['an index at 0', { KSE100: ix('KSE100', 0) }],
    ['no index at all', {}],
  ])('%s: no reading', (_name, indices) => {
    const readings = trustedReadings({ ...input({ rules: [rule('KSE100', true)] }), snapshot: { ...input().snapshot, indices } });
    expect(readings).toEqual({});
  });

  it('the market watch read without a status of its own: no quotes', () => {
    const base = input();
    const readings = trustedReadings({ ...base, snapshot: { ...base.snapshot, sources: { 'psx-home': ok(HOME_AT) } } });
    expect(Object.keys(readings)).toEqual(['index:KSE100']);
  });

  it('the home page read without a status of its own: no indices', () => {
    const base = input();
    const readings = trustedReadings({ ...base, snapshot: { ...base.snapshot, sources: { 'psx-quotes': ok(QUOTES_AT) } } });
    expect(Object.keys(readings)).toEqual(['symbol:HUBC']);
  });

  it('a source that never delivered (lastOk null): nothing from it', () => {
    const base = input();
    const never: SourceStatus = { ...ok(0), lastOk: null };
    const readings = trustedReadings({ ...base, snapshot: { ...base.snapshot, sources: { 'psx-quotes': never, 'psx-home': never } } });
    expect(readings).toEqual({});
  });

  it('only subjects some rule names are read', () => {
    expect(trustedReadings(input({ rules: [rule('KSE100', true)] }))).toEqual({ 'index:KSE100': KSE100_READING });
    expect(trustedReadings(input({ rules: [rule('HUBC')] }))).toEqual({ 'symbol:HUBC': HUBC_READING });
  });
});
