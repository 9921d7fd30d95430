/**
 * The alert model's pure parts (src/shared/alerts/rules.ts): the figure each kind looks at,
 * the conditions and their hysteresis, the status of a rule set on screen, the thresholds the
 * form accepts, stored data normalised rule by rule, and what the surfaces show of it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndexQuote, Quote } from '../../../src/shared/model';
import { formatThreshold } from '../../../src/shared/alerts/describe';
import {
  alertsFacts,
  conditionCleared,
  conditionHolds,
  DEFAULT_HYSTERESIS_PCT,
  emptyAlerts,
  HIGHLIGHT_MS,
  MAX_FIRED_LOG,
  MAX_RULES,
  metricOf,
  normaliseAlerts,
  readingOfIndex,
  readingOfQuote,
  statusFor,
  thresholdProblem,
  type AlertKind,
  type AlertRule,
  type AlertStatus,
  type FiredAlert,
} from '../../../src/shared/alerts/rules';

/** Tuesday 13 October 2026, 10:00 PKT. */
const T = Date.UTC(2026, 9, 13, 5, 0);
/** PKT midnight of that Tuesday. */
const TUE = Date.UTC(2026, 9, 12, 19, 0);

const RULE: AlertRule = {
  id: 'r1',
  subject: 'HUBC',
  index: false,
  kind: 'price-above',
  threshold: 210,
  rearm: 'hysteresis',
  hysteresisPct: 0.5,
  status: 'fired',
  createdAt: T - 3_600_000,
  checkedDay: TUE,
  firedAt: T,
  firedValue: 210.5,
  snoozedUntil: null,
};

const FIRED: FiredAlert = { id: 'f1', ruleId: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 210, value: 210.5, price: 210.5, at: T, seen: false };

describe('constants', () => {
  it('are the ones the issue names', () => {
    expect(MAX_RULES).toBe(200);
    expect(MAX_FIRED_LOG).toBe(50);
    expect(DEFAULT_HYSTERESIS_PCT).toBe(0.5);
    expect(HIGHLIGHT_MS).toBe(60_000);
    expect(emptyAlerts()).toEqual({ rules: [], fired: [] });
  });
});

describe('metricOf', () => {
  const figures = { price: 202.71, changePercent: -1.25, volume: 1_445_702 };
  it.each<[AlertKind, Partial<typeof figures>, number | null]>([
    ['price-above', {}, 202.71],
    ['price-below', {}, 202.71],
    ['price-above', { price: 0 }, null],
    ['price-below', { price: -1 }, null],
    ['price-above', { price: Number.NaN }, null],
    ['change-above', {}, -1.25],
    ['change-below', {}, -1.25],
    ['change-above', { changePercent: 0 }, 0],
    ['change-below', { changePercent: Number.NaN }, null],
    ['change-above', { changePercent: Number.POSITIVE_INFINITY }, null],
    ['volume-above', {}, 1_445_702],
    ['volume-above', { volume: 0 }, 0],
  ])('%s of %j → %s', (kind, over, expected) => {
    expect(metricOf(kind, { ...figures, ...over })).toBe(expected);
  });

  it('volume-above of a reading without a volume → null', () => {
    expect(metricOf('volume-above', { price: 1, changePercent: 0, volume: null })).toBeNull();
  });
});

describe('conditionHolds', () => {
  it.each<[AlertKind, number, number, boolean]>([
    // price rises to or above
    ['price-above', 100, 99.99, false],
    ['price-above', 100, 100, true],
    ['price-above', 100, 100.01, true],
    // price falls to or below
    ['price-below', 100, 100.01, false],
    ['price-below', 100, 100, true],
    ['price-below', 100, 99.99, true],
    // day change reaches +N %
    ['change-above', 3, 2.99, false],
    ['change-above', 3, 3, true],
    ['change-above', 3, 7.5, true],
    ['change-above', 3, -4, false],
    // day change falls to −N %
    ['change-below', 3, -2.99, false],
    ['change-below', 3, -3, true],
    ['change-below', 3, -7.5, true],
    ['change-below', 3, 4, false],
    // volume strictly above
    ['volume-above', 1_000_000, 999_999, false],
    ['volume-above', 1_000_000, 1_000_000, false],
    ['volume-above', 1_000_000, 1_000_001, true],
  ])('%s %s at %s → %s', (kind, threshold, value, expected) => {
    expect(conditionHolds({ kind, threshold }, value)).toBe(expected);
  });
});

describe('conditionCleared (hysteresis)', () => {
  it.each<[AlertKind, number, number, number, boolean]>([
    // 0.5 % of 100 is 0.50: above the line it clears below 99.50
    ['price-above', 100, 0.5, 99.9, false],
    ['price-above', 100, 0.5, 99.51, false],
    ['price-above', 100, 0.5, 99.5, false],
    ['price-above', 100, 0.5, 99.49, true],
    ['price-above', 100, 2, 98.5, false],
    ['price-above', 100, 2, 97.99, true],
    // below the line it clears above 100.50
    ['price-below', 100, 0.5, 100.2, false],
    ['price-below', 100, 0.5, 100.49, false],
    ['price-below', 100, 0.5, 100.51, true],
    // a day change clears by that many percentage points
    ['change-above', 3, 0.5, 2.6, false],
    ['change-above', 3, 0.5, 2.49, true],
    ['change-below', 3, 0.5, -2.6, false],
    ['change-below', 3, 0.5, -2.49, true],
    // volume
    ['volume-above', 1_000_000, 0.5, 996_000, false],
    ['volume-above', 1_000_000, 0.5, 995_000, true],
    ['volume-above', 1_000_000, 0.5, 0, true],
  ])('%s %s, margin %s %%, at %s → %s', (kind, threshold, hysteresisPct, value, expected) => {
    expect(conditionCleared({ kind, threshold, hysteresisPct }, value)).toBe(expected);
  });
});

describe('statusFor', () => {
  it.each<[AlertKind, number, number | null, AlertStatus]>([
    ['price-above', 100, 101, 'waiting'],
    ['price-above', 100, 100, 'waiting'],
    ['price-above', 100, 99, 'armed'],
    ['price-below', 100, 99, 'waiting'],
    ['price-below', 100, 101, 'armed'],
    ['change-above', 2, 2.5, 'waiting'],
    ['change-below', 2, -2.5, 'waiting'],
    ['change-below', 2, 2.5, 'armed'],
    ['volume-above', 1000, 1001, 'waiting'],
    ['volume-above', 1000, 1000, 'armed'],
    ['price-above', 100, null, 'armed'],
    ['change-below', 2, null, 'armed'],
  ])('%s %s on screen %s → %s', (kind, threshold, value, expected) => {
    expect(statusFor({ kind, threshold }, value)).toBe(expected);
  });
});

describe('thresholdProblem', () => {
  const ABOVE_0 = 'Enter a number above 0.';
  const SHARES_ABOVE_0 = 'Enter a number of shares above 0.';
  it.each<[AlertKind, number, string | null]>([
    ['price-above', 100, null],
    ['price-above', 0.0001, null],
    ['price-below', 202.7125, null],
    ['price-above', 1_000_000, null],
    ['price-above', 0, ABOVE_0],
    ['price-below', -5, ABOVE_0],
    ['price-above', Number.NaN, ABOVE_0],
    ['price-above', Number.POSITIVE_INFINITY, ABOVE_0],
    ['price-above', 1_000_000.0001, 'Enter at most 1,000,000.'],
    ['price-below', 2_000_000, 'Enter at most 1,000,000.'],
    ['price-above', 100.12345, 'Use at most 4 decimals.'],
    ['price-below', 0.00001, 'Use at most 4 decimals.'],
    ['change-above', 2.5, null],
    ['change-below', 1.15, null],
    ['change-above', 100, null],
    ['change-above', 0.01, null],
    ['change-above', 0, ABOVE_0],
    ['change-below', -3, ABOVE_0],
    ['change-above', 100.01, 'Enter at most 100.'],
    ['change-above', 2.555, 'Use at most 2 decimals.'],
    ['change-below', 0.001, 'Use at most 2 decimals.'],
    ['volume-above', 1_000_000, null],
    ['volume-above', 1, null],
    ['volume-above', 10_000_000_000, null],
    ['volume-above', 0, SHARES_ABOVE_0],
    ['volume-above', -100, SHARES_ABOVE_0],
    ['volume-above', Number.NaN, SHARES_ABOVE_0],
    ['volume-above', 10_000_000_001, 'Enter at most 10,000,000,000.'],
    ['volume-above', 1.5, 'Enter a whole number of shares.'],
    ['volume-above', 1000.1, 'Enter a whole number of shares.'],
  ])('%s %s → %j', (kind, value, expected) => {
    expect(thresholdProblem(kind, value)).toBe(expected);
  });
});

describe('readingOfQuote and readingOfIndex', () => {
  const HUBC: Quote = { symbol: 'HUBC', price: 202.71, change: 0.84, changePercent: 0.42, previousClose: 201.87, open: 202.05, high: 204.4, low: 201.1, volume: 1_445_702, readAt: T };
  it('a quote keeps its figures and its own read time', () => {
    expect(readingOfQuote(HUBC)).toEqual({ subject: 'HUBC', index: false, price: 202.71, changePercent: 0.42, volume: 1_445_702, open: 202.05, previousClose: 201.87, at: T });
  });
  it('a quote stamped with another time, or none', () => {
    expect(readingOfQuote(HUBC, T + 5).at).toBe(T + 5);
    const { readAt: _dropped, ...unstamped } = HUBC;
    expect(readingOfQuote(unstamped).at).toBe(0);
  });
  it('an index has no volume, open or close, and the given time', () => {
    const kse: IndexQuote = { code: 'KSE100', value: 171_623.45, change: -412.2, changePercent: -0.24, staleDate: null };
    expect(readingOfIndex(kse, T)).toEqual({ subject: 'KSE100', index: true, price: 171_623.45, changePercent: -0.24, volume: null, open: null, previousClose: null, at: T });
  });
});

describe('normaliseAlerts', () => {
  const rule = (over: Record<string, unknown> = {}): Record<string, unknown> => ({ ...RULE, ...over });
  const ids = (raw: unknown): string[] => normaliseAlerts(raw).rules.map((r) => r.id);

  it.each([undefined, null, 42, 'alerts', [], { rules: 'r1', fired: {} }, { rules: null }])('%j → empty', (raw) => {
    expect(normaliseAlerts(raw)).toEqual({ rules: [], fired: [] });
  });

  it('keeps a well-formed state as it is', () => {
    const state = { rules: [RULE, { ...RULE, id: 'r2', subject: 'KSE100', index: true, kind: 'price-below', threshold: 60_000, rearm: 'daily', status: 'armed', checkedDay: null, firedAt: null, firedValue: null, snoozedUntil: T + 3_600_000 }], fired: [FIRED] };
    expect(normaliseAlerts(structuredClone(state))).toEqual(state);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an empty id', { id: '' }],
    ['an id with a space', { id: 'r 1' }],
    ['an id with an underscore', { id: 'r_1' }],
    ['an id of 41 characters', { id: 'a'.repeat(41) }],
    ['a numeric id', { id: 7 }],
    ['no id', { id: undefined }],
    ['a lower-case subject', { subject: 'hubc' }],
    ['an empty subject', { subject: '' }],
    ['a subject with a space', { subject: 'HU BC' }],
    ['a subject starting with a dash', { subject: '-HUBC' }],
    ['a numeric subject', { subject: 100 }],
    ['an unknown kind', { kind: 'price-equals' }],
    ['no kind', { kind: undefined }],
    ['a threshold of 0', { threshold: 0 }],
    ['a negative threshold', { threshold: -210 }],
    ['a threshold as text', { threshold: '210' }],
    ['a NaN threshold', { threshold: Number.NaN }],
    ['a price threshold with 5 decimals', { threshold: 210.12345 }],
    ['a price threshold too big', { threshold: 1_000_001 }],
    ['a change threshold too big', { kind: 'change-above', threshold: 150 }],
    ['a fractional volume', { kind: 'volume-above', threshold: 1000.5 }],
    ['an index with a volume rule', { subject: 'KSE100', index: true, kind: 'volume-above', threshold: 1_000_000 }],
  ])('drops a rule with %s, and only that one', (_name, over) => {
    const raw = { rules: [rule({ id: 'good-1' }), rule({ id: 'bad', ...over }), rule({ id: 'good-2', subject: 'OGDC' })], fired: [] };
    expect(ids(raw)).toEqual(['good-1', 'good-2']);
  });

  it.each([null, 'r1', 42, [RULE]])('drops a rule entry that is not an object (%j)', (entry) => {
    expect(ids({ rules: [rule({ id: 'a' }), entry, rule({ id: 'b' })] })).toEqual(['a', 'b']);
  });

  it('keeps a volume rule on a symbol', () => {
    expect(normaliseAlerts({ rules: [rule({ kind: 'volume-above', threshold: 1_000_000 })] }).rules[0]).toMatchObject({ kind: 'volume-above', threshold: 1_000_000, index: false });
  });

  it('keeps the first of two rules with the same id', () => {
    const state = normaliseAlerts({ rules: [rule({ threshold: 210 }), rule({ threshold: 220 }), rule({ id: 'r2' })] });
    expect(state.rules.map((r) => [r.id, r.threshold])).toEqual([
      ['r1', 210],
      ['r2', 210],
    ]);
  });

  it('fills what is missing or malformed with defaults, field by field', () => {
    const raw = { id: 'r9', subject: 'PSO', kind: 'change-below', threshold: 2.5, rearm: 'weekly', hysteresisPct: 0, status: 'ringing', createdAt: 'yesterday', checkedDay: Number.NaN, firedAt: '1', firedValue: null, index: 'yes' };
    expect(normaliseAlerts({ rules: [raw] }).rules).toEqual([
      { id: 'r9', subject: 'PSO', index: false, kind: 'change-below', threshold: 2.5, rearm: 'manual', hysteresisPct: 0.5, status: 'armed', createdAt: 0, checkedDay: null, firedAt: null, firedValue: null, snoozedUntil: null },
    ]);
  });

  it.each<[unknown, number]>([
    [0.5, 0.5],
    [2, 2],
    [10, 10],
    [0.01, 0.01],
    [0, 0.5],
    [-1, 0.5],
    [10.5, 0.5],
    [Number.NaN, 0.5],
    ['1', 0.5],
    [undefined, 0.5],
  ])('hysteresisPct %j → %s', (given, expected) => {
    expect(normaliseAlerts({ rules: [rule({ hysteresisPct: given })] }).rules[0]?.hysteresisPct).toBe(expected);
  });

  it.each<[unknown, AlertStatus]>([
    ['armed', 'armed'],
    ['waiting', 'waiting'],
    ['fired', 'fired'],
    ['FIRED', 'armed'],
    [undefined, 'armed'],
  ])('status %j → %s', (given, expected) => {
    expect(normaliseAlerts({ rules: [rule({ status: given })] }).rules[0]?.status).toBe(expected);
  });

  it('keeps at most 200 rules, the first ones', () => {
    const many = Array.from({ length: 205 }, (_, i) => rule({ id: `r${i}` }));
    const state = normaliseAlerts({ rules: many });
    expect(state.rules).toHaveLength(200);
    expect(state.rules[0]?.id).toBe('r0');
    expect(state.rules[199]?.id).toBe('r199');
  });

  it('counts only the rules it keeps towards the 200', () => {
    const bad = Array.from({ length: 10 }, (_, i) => rule({ id: `bad${i}`, threshold: 0 }));
    const dup = Array.from({ length: 5 }, () => rule({ id: 'r0' }));
    const good = Array.from({ length: 200 }, (_, i) => rule({ id: `r${i}` }));
    const state = normaliseAlerts({ rules: [...bad, rule({ id: 'r0' }), ...dup, ...good.slice(1)] });
    expect(state.rules).toHaveLength(200);
    expect(state.rules.at(-1)?.id).toBe('r199');
  });

  it.each<[string, Record<string, unknown>]>([
    ['a bad id', { id: 'f 1' }],
    ['a bad rule id', { ruleId: '' }],
    ['a bad subject', { subject: 'hubc' }],
    ['an unknown kind', { kind: 'price' }],
    ['no threshold', { threshold: undefined }],
    ['a value as text', { value: '210.5' }],
    ['a NaN price', { price: Number.NaN }],
    ['no time', { at: null }],
  ])('drops a fired alert with %s, and only that one', (_name, over) => {
    const state = normaliseAlerts({ fired: [{ ...FIRED, id: 'f1' }, { ...FIRED, id: 'bad', ...over }, { ...FIRED, id: 'f2' }] });
    expect(state.fired.map((f) => f.id)).toEqual(['f1', 'f2']);
  });

  it('reads seen and index as true only when they are true', () => {
    const state = normaliseAlerts({ fired: [{ ...FIRED, id: 'a', seen: true, index: true }, { ...FIRED, id: 'b', seen: 'yes', index: 1 }] });
    expect(state.fired.map((f) => [f.id, f.seen, f.index])).toEqual([
      ['a', true, true],
      ['b', false, false],
    ]);
  });

  it('keeps the 50 newest fired alerts (the first ones)', () => {
    const fired = Array.from({ length: 60 }, (_, i) => ({ ...FIRED, id: `f${i}`, at: T - i * 1000 }));
    const state = normaliseAlerts({ fired });
    expect(state.fired).toHaveLength(50);
    expect(state.fired[0]?.id).toBe('f0');
    expect(state.fired[49]?.id).toBe('f49');
  });
});

describe('alertsFacts', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T);
  });
  afterEach(() => vi.useRealTimers());

  const fired = (id: string, subject: string, at: number, seen = false, index = false): FiredAlert => ({ ...FIRED, id, subject, at, seen, index });

  it('nothing fired: nothing to show', () => {
    expect(alertsFacts(emptyAlerts(), Date.now())).toEqual({ unseen: 0, highlight: {} });
  });

  it('counts the unseen, and highlights symbols (not indices) for a minute after they fired', () => {
    const now = Date.now();
    const state = {
      rules: [],
      fired: [
        fired('a', 'HUBC', now - 10_000, true),
        fired('b', 'HUBC', now - 30_000),
        fired('c', 'KSE100', now - 5_000, false, true),
        fired('d', 'OGDC', now - 59_999),
        fired('e', 'PSO', now - 60_000),
        fired('f', 'LUCK', now - 61_000),
        fired('g', 'MCB', now - 3_600_000, true),
      ],
    };
    expect(alertsFacts(state, now)).toEqual({
      unseen: 5,
      highlight: { HUBC: T + 50_000, OGDC: T + 1 },
    });
  });

  it('an alert fired just now is highlighted until a minute later', () => {
    expect(alertsFacts({ rules: [], fired: [fired('a', 'HUBC', T)] }, T)).toEqual({ unseen: 1, highlight: { HUBC: T + 60_000 } });
  });

  it.each<[number, Record<string, number>]>([
    [T + 59_999, { HUBC: T + 60_000 }],
    [T + 60_000, {}],
    [T + 3_600_000, {}],
  ])('at %s the highlight is %j', (now, highlight) => {
    vi.setSystemTime(now);
    expect(alertsFacts({ rules: [], fired: [fired('a', 'HUBC', T, true)] }, Date.now())).toEqual({ unseen: 0, highlight });
  });
});

describe('formatThreshold', () => {
  it.each<[AlertKind, number, string]>([
    ['price-above', 113, '113.00'],
    ['price-below', 99.995, '99.995'],
    ['price-above', 1234.5678, '1,234.5678'],
    ['change-above', 3, '+3.00 %'],
    ['change-below', 2.5, '−2.50 %'],
    ['volume-above', 1_000_000, '1,000,000 shares'],
  ])('%s %s is written %s: a price line keeps the decimals it has, never rounded to another line', (kind, threshold, text) => {
    expect(formatThreshold(kind, threshold)).toBe(text);
  });
});
