/**
 * The alert evaluation (src/shared/alerts/evaluate.ts): a rule fires on a crossing between two
 * trusted readings, never on a level; it fires once, and is re-armed by hand, by a hysteresis
 * margin or at the next session; a snooze holds it; the first reading of a PKT day compares
 * against that day's open; and a worker stopped between two ticks resumes from storage.
 *
 * All times are real PSX trading times in PKT (UTC+5): Tuesday 13 October 2026 onwards.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkRule, evaluateAlerts, readingKey } from '../../../src/shared/alerts/evaluate';
import type { AlertKind, AlertRule, AlertsState, AlertStatus, FiredAlert, Reading } from '../../../src/shared/alerts/rules';
import { alertsItem } from '../../../src/shared/alerts/store';
import { pktMidnight } from '../../../src/shared/session';

/** An instant of October 2026 given in PKT. */
const pkt = (day: number, h: number, m = 0): number => Date.UTC(2026, 9, day, h - 5, m);
/** PKT midnight of a day of October 2026. */
const midnight = (day: number): number => Date.UTC(2026, 9, day - 1, 19, 0);

const TUE = midnight(13);
const WED = midnight(14);
const FRI = midnight(16);

function rule(over: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'r1',
    subject: 'HUBC',
    index: false,
    kind: 'price-above',
    threshold: 100,
    rearm: 'manual',
    hysteresisPct: 0.5,
    status: 'armed',
    createdAt: pkt(13, 9, 30),
    checkedDay: TUE,
    firedAt: null,
    firedValue: null,
    snoozedUntil: null,
    ...over,
  };
}

/** A reading of HUBC (open 99, last close 98 unless told). */
function quote(price: number, at: number, over: Partial<Reading> = {}): Reading {
  return { subject: 'HUBC', index: false, price, changePercent: 0, volume: 100_000, open: 99, previousClose: 98, at, ...over };
}

/** A reading of an index: no volume, no open, no close. */
function index(value: number, at: number, code = 'KSE100'): Reading {
  return { subject: code, index: true, price: value, changePercent: 0, volume: null, open: null, previousClose: null, at };
}

/** A reading of HUBC whose figure for `kind` is `value` (the price stays 100 for change and volume rules). */
function figure(kind: AlertKind, value: number, at: number, over: Partial<Reading> = {}): Reading {
  switch (kind) {
    case 'price-above':
    case 'price-below':
      return quote(value, at, over);
    case 'change-above':
    case 'change-below':
      return quote(100, at, { changePercent: value, ...over });
    case 'volume-above':
      return quote(100, at, { volume: value, ...over });
  }
}

const idMaker = (): (() => string) => {
  let n = 0;
  return () => `f${++n}`;
};

interface Tick {
  status: AlertStatus[];
  fired: FiredAlert[];
}

/** Feeds the ticks through the evaluation, as the background does cycle after cycle. */
function replay(start: AlertRule | AlertRule[] | AlertsState, ticks: (Reading | Reading[])[]): { state: AlertsState; ticks: Tick[] } {
  let state: AlertsState = Array.isArray(start) ? { rules: start, fired: [] } : 'rules' in start ? start : { rules: [start], fired: [] };
  const newId = idMaker();
  const out: Tick[] = [];
  for (const tick of ticks) {
    const readings = Object.fromEntries((Array.isArray(tick) ? tick : [tick]).map((r) => [readingKey(r.subject, r.index), r]));
    const result = evaluateAlerts({ state, readings, newId });
    state = result.state;
    out.push({ status: state.rules.map((r) => r.status), fired: result.fired });
  }
  return { state, ticks: out };
}

/** The ticks (by position) at which something fired. */
const firingTicks = (ticks: Tick[]): number[] => ticks.flatMap((t, i) => (t.fired.length > 0 ? [i] : []));
const statuses = (ticks: Tick[]): AlertStatus[] => ticks.map((t) => t.status[0]!);

/** One reading a minute from Tuesday 10:00 PKT. */
const tuesday = (kind: AlertKind, values: number[]): Reading[] => values.map((v, i) => figure(kind, v, pkt(13, 10, i)));

describe('the calendar the tests use', () => {
  it('Tuesday 13 October 2026 10:00 PKT is 05:00 UTC, and PKT days start at 19:00 UTC', () => {
    expect(pkt(13, 10)).toBe(Date.parse('2026-10-13T05:00:00Z'));
    expect(new Date(pkt(13, 10)).getUTCDay()).toBe(2);
    expect(pktMidnight(pkt(13, 10))).toBe(TUE);
    expect(pktMidnight(pkt(14, 0, 30))).toBe(WED);
    expect(TUE).toBe(Date.parse('2026-10-12T19:00:00Z'));
  });
});

describe('readingKey', () => {
  it.each<[string, boolean, string]>([
    ['HUBC', false, 'symbol:HUBC'],
    ['KSE100', true, 'index:KSE100'],
    ['KSE100', false, 'symbol:KSE100'],
  ])('%s (index %s) → %s', (subject, isIndex, key) => {
    expect(readingKey(subject, isIndex)).toBe(key);
  });

  it('a symbol rule does not see an index reading of the same name, nor the other way round', () => {
    const { ticks } = replay([rule({ subject: 'KSE100', threshold: 60_000 }), rule({ id: 'r2', subject: 'KSE100', index: true, kind: 'price-below', threshold: 50_000 })], [index(61_000, pkt(13, 10)), quote(40_000, pkt(13, 10, 1), { subject: 'KSE100' })]);
    expect(ticks.map((t) => t.fired.map((f) => f.ruleId))).toEqual([[], []]);
  });
});

describe('crossings within a trading day', () => {
  interface Case {
    name: string;
    over: Partial<AlertRule>;
    values: number[];
    status: AlertStatus[];
    fires: number[];
  }
  const cases: Case[] = [
    { name: 'price-above: crossing up fires', over: {}, values: [99, 99.5, 100.2, 101], status: ['armed', 'armed', 'fired', 'fired'], fires: [2] },
    { name: 'price-above: reaching the line counts', over: {}, values: [99.99, 100], status: ['armed', 'fired'], fires: [1] },
    { name: 'price-above: a price going down never fires', over: {}, values: [99, 98, 95], status: ['armed', 'armed', 'armed'], fires: [] },
    { name: 'price-below: crossing down fires', over: { kind: 'price-below' }, values: [101, 100.5, 99.5, 98], status: ['armed', 'armed', 'fired', 'fired'], fires: [2] },
    { name: 'price-below: reaching the line counts', over: { kind: 'price-below' }, values: [100.01, 100], status: ['armed', 'fired'], fires: [1] },
    { name: 'price-below: a price going up never fires', over: { kind: 'price-below' }, values: [101, 102, 150], status: ['armed', 'armed', 'armed'], fires: [] },
    { name: 'manual: no second fire', over: {}, values: [99, 101, 99, 101, 95, 105], status: ['armed', 'fired', 'fired', 'fired', 'fired', 'fired'], fires: [1] },
    { name: 'no fire on a level: a rule set while true waits', over: { status: 'waiting' }, values: [101, 102, 100, 150], status: ['waiting', 'waiting', 'waiting', 'waiting'], fires: [] },
    { name: 'a waiting rule arms after one false reading, then fires', over: { status: 'waiting' }, values: [101, 99, 100.5], status: ['waiting', 'armed', 'fired'], fires: [2] },
    { name: 'change-above: day change reaching +3 %', over: { kind: 'change-above', threshold: 3 }, values: [1, 2.99, 3, 4], status: ['armed', 'armed', 'fired', 'fired'], fires: [2] },
    { name: 'change-above: a fall past −3 % does not fire it', over: { kind: 'change-above', threshold: 3 }, values: [1, -4], status: ['armed', 'armed'], fires: [] },
    { name: 'change-below: day change falling to −3 %', over: { kind: 'change-below', threshold: 3 }, values: [-1, -2.99, -3.5], status: ['armed', 'armed', 'fired'], fires: [2] },
    { name: 'change-below: a rise past +3 % does not fire it', over: { kind: 'change-below', threshold: 3 }, values: [-1, 4], status: ['armed', 'armed'], fires: [] },
    { name: 'volume-above: strictly above the line', over: { kind: 'volume-above', threshold: 1_000_000 }, values: [500_000, 1_000_000, 1_000_001], status: ['armed', 'armed', 'fired'], fires: [2] },
    { name: 'volume-above: set while above, it waits', over: { kind: 'volume-above', threshold: 1_000_000, status: 'waiting' }, values: [2_000_000, 3_000_000], status: ['waiting', 'waiting'], fires: [] },
    // Hysteresis: 0.5 % of 100 is 0.50, so the rule re-arms only below 99.50.
    { name: 'hysteresis: within the margin it stays fired; past it, re-armed; the next crossing fires', over: { rearm: 'hysteresis' }, values: [99, 100.2, 99.6, 100.1, 99.5, 99.49, 100], status: ['armed', 'fired', 'fired', 'fired', 'fired', 'armed', 'fired'], fires: [1, 6] },
    { name: 'manual, same prices: fires once', over: { rearm: 'manual' }, values: [99, 100.2, 99.6, 100.1, 99.5, 99.49, 100], status: ['armed', 'fired', 'fired', 'fired', 'fired', 'fired', 'fired'], fires: [1] },
    { name: 'daily, same prices: fires once that day', over: { rearm: 'daily' }, values: [99, 100.2, 99.6, 100.1, 99.5, 99.49, 100], status: ['armed', 'fired', 'fired', 'fired', 'fired', 'fired', 'fired'], fires: [1] },
    { name: 'hysteresis below the line: re-armed above 100.50', over: { kind: 'price-below', rearm: 'hysteresis' }, values: [101, 99.8, 100.4, 100.1, 100.6, 100], status: ['armed', 'fired', 'fired', 'fired', 'armed', 'fired'], fires: [1, 5] },
    { name: 'hysteresis of 2 %: re-armed below 98', over: { rearm: 'hysteresis', hysteresisPct: 2 }, values: [99, 100, 98.5, 99.9, 97.9, 100], status: ['armed', 'fired', 'fired', 'fired', 'armed', 'fired'], fires: [1, 5] },
    { name: 'hysteresis on change-above 3 %: re-armed below 2.5 %', over: { kind: 'change-above', threshold: 3, rearm: 'hysteresis' }, values: [2, 3.1, 2.6, 3.2, 2.4, 3], status: ['armed', 'fired', 'fired', 'fired', 'armed', 'fired'], fires: [1, 5] },
    { name: 'hysteresis on change-below 3 %: re-armed above −2.5 %', over: { kind: 'change-below', threshold: 3, rearm: 'hysteresis' }, values: [-2, -3.1, -2.6, -2.4, -3], status: ['armed', 'fired', 'fired', 'armed', 'fired'], fires: [1, 4] },
  ];

  it.each(cases)('$name', ({ over, values, status, fires }) => {
    const r = rule(over);
    const { ticks } = replay(r, tuesday(r.kind, values));
    expect(statuses(ticks)).toEqual(status);
    expect(firingTicks(ticks)).toEqual(fires);
    expect(ticks.every((t) => t.fired.length <= 1)).toBe(true);
  });

  it('the fired alert says what crossed, the price and when; the rule keeps the figure and time', () => {
    const { state, ticks } = replay(rule({ rearm: 'hysteresis' }), [quote(99, pkt(13, 10)), quote(100.25, pkt(13, 10, 1))]);
    expect(ticks[1]!.fired).toEqual([{ id: 'f1', ruleId: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 100, value: 100.25, price: 100.25, at: pkt(13, 10, 1), seen: false }]);
    expect(state.rules[0]).toEqual(rule({ rearm: 'hysteresis', status: 'fired', firedAt: pkt(13, 10, 1), firedValue: 100.25, checkedDay: TUE }));
    expect(state.fired).toEqual(ticks[1]!.fired);
  });

  it.each<[AlertKind, number, Partial<Reading>, number]>([
    ['change-above', 2.5, { changePercent: 2.75, price: 206.1 }, 2.75],
    ['change-below', 2.5, { changePercent: -2.75, price: 196.3 }, -2.75],
    ['volume-above', 1_000_000, { volume: 1_200_000, price: 203 }, 1_200_000],
  ])('%s: the value is the figure that crossed, the price the price at that moment', (kind, threshold, over, value) => {
    const r = rule({ kind, threshold });
    const { ticks } = replay(r, [quote(200, pkt(13, 11), { changePercent: 0, volume: 0 }), quote(200, pkt(13, 11, 1), over)]);
    expect(ticks[1]!.fired).toEqual([{ id: 'f1', ruleId: 'r1', subject: 'HUBC', index: false, kind, threshold, value, price: over.price, at: pkt(13, 11, 1), seen: false }]);
  });

  it('an index rule fires on the index crossing', () => {
    const r = rule({ subject: 'KSE100', index: true, threshold: 60_000 });
    const { ticks } = replay(r, [index(59_900, pkt(13, 10)), index(60_000, pkt(13, 10, 5))]);
    expect(ticks[1]!.fired).toEqual([{ id: 'f1', ruleId: 'r1', subject: 'KSE100', index: true, kind: 'price-above', threshold: 60_000, value: 60_000, price: 60_000, at: pkt(13, 10, 5), seen: false }]);
  });
});

describe('readings that say nothing', () => {
  it('a subject without a reading is not checked: the state is handed back as it was', () => {
    const state: AlertsState = { rules: [rule()], fired: [] };
    const newId = vi.fn(() => 'x');
    const result = evaluateAlerts({ state, readings: { 'symbol:OGDC': quote(500, pkt(13, 10), { subject: 'OGDC' }) }, newId });
    expect(result.state).toBe(state);
    expect(result.fired).toEqual([]);
    expect(newId).not.toHaveBeenCalled();
  });

  it.each<[string, AlertKind, Partial<Reading>]>([
    ['a price of 0', 'price-above', { price: 0 }],
    ['a negative price', 'price-below', { price: -1 }],
    ['a change that is not a number', 'change-above', { changePercent: Number.NaN }],
    ['no volume', 'volume-above', { volume: null }],
  ])('%s leaves the rule as it was', (_name, kind, over) => {
    const r = rule({ kind, threshold: 1, status: 'armed', checkedDay: TUE });
    expect(checkRule(r, quote(200, pkt(14, 10), { changePercent: 5, volume: 5_000_000, ...over }))).toBe(r);
  });

  it('a reading from a day before the rule last checked is ignored (a clock put back)', () => {
    const r = rule({ checkedDay: WED });
    expect(checkRule(r, quote(150, pkt(13, 15)))).toBe(r);
    const state: AlertsState = { rules: [r], fired: [] };
    const result = evaluateAlerts({ state, readings: { 'symbol:HUBC': quote(150, pkt(13, 15)) }, newId: idMaker() });
    expect(result).toEqual({ state, fired: [] });
    expect(result.state).toBe(state);
  });

  it('after an old reading, the next one of the checked day still compares with the last', () => {
    const { ticks } = replay(rule({ checkedDay: WED }), [quote(150, pkt(13, 15)), quote(101, pkt(14, 10))]);
    expect(firingTicks(ticks)).toEqual([1]);
  });
});

describe('the first reading a rule sees', () => {
  it.each<[AlertKind, number, AlertStatus]>([
    ['price-above', 101, 'waiting'],
    ['price-above', 99, 'armed'],
    ['price-below', 99, 'waiting'],
    ['change-above', 5, 'waiting'],
    ['volume-above', 2_000_000, 'waiting'],
  ])('%s at %s only sets the status (%s), and never fires', (kind, value, status) => {
    const threshold = kind === 'change-above' ? 3 : kind === 'volume-above' ? 1_000_000 : 100;
    const r = rule({ kind, threshold, checkedDay: null });
    const { state, ticks } = replay(r, [figure(kind, value, pkt(13, 10))]);
    expect(ticks[0]!.fired).toEqual([]);
    expect(state.rules[0]).toEqual({ ...r, status, checkedDay: TUE });
  });

  it('a rule created while already true fires only after one false reading', () => {
    const { ticks } = replay(rule({ checkedDay: null }), tuesday('price-above', [101, 103, 99, 100]));
    expect(statuses(ticks)).toEqual(['waiting', 'waiting', 'armed', 'fired']);
    expect(firingTicks(ticks)).toEqual([3]);
  });

  it('a rule created while false fires on the next crossing', () => {
    const { ticks } = replay(rule({ checkedDay: null }), tuesday('price-above', [99, 101]));
    expect(statuses(ticks)).toEqual(['armed', 'fired']);
  });
});

describe('the first reading of a new day compares against that day’s open', () => {
  interface Case {
    name: string;
    over: Partial<AlertRule>;
    reading: Reading;
    status: AlertStatus;
    fires: boolean;
  }
  const wed = pkt(14, 9, 35);
  const cases: Case[] = [
    { name: 'opened above the line (crossed overnight): waits', over: {}, reading: quote(101.5, wed, { open: 101 }), status: 'waiting', fires: false },
    { name: 'opened below, read above: crossed today, fires', over: {}, reading: quote(100.5, wed, { open: 99 }), status: 'fired', fires: true },
    { name: 'opened below, read below: armed', over: {}, reading: quote(99.5, wed, { open: 99 }), status: 'armed', fires: false },
    { name: 'no open known: only the status', over: {}, reading: quote(101.5, wed, { open: null }), status: 'waiting', fires: false },
    { name: 'an open of 0 is no open', over: {}, reading: quote(101.5, wed, { open: 0 }), status: 'waiting', fires: false },
    { name: 'waiting since yesterday, opened below, read below: armed', over: { status: 'waiting' }, reading: quote(99.5, wed, { open: 99 }), status: 'armed', fires: false },
    { name: 'waiting since yesterday, opened below, read above: fires', over: { status: 'waiting' }, reading: quote(100.5, wed, { open: 99 }), status: 'fired', fires: true },
    { name: 'price-below, opened below: waits', over: { kind: 'price-below' }, reading: quote(98, wed, { open: 99 }), status: 'waiting', fires: false },
    { name: 'price-below, opened above, read below: fires', over: { kind: 'price-below' }, reading: quote(99, wed, { open: 101 }), status: 'fired', fires: true },
    { name: 'change-above 3 %, opened +4 %: waits', over: { kind: 'change-above', threshold: 3 }, reading: quote(104.5, wed, { open: 104, previousClose: 100, changePercent: 4.5 }), status: 'waiting', fires: false },
    { name: 'change-above 3 %, opened +1 %, read +4 %: fires', over: { kind: 'change-above', threshold: 3 }, reading: quote(104, wed, { open: 101, previousClose: 100, changePercent: 4 }), status: 'fired', fires: true },
    { name: 'change-above 3 %, no last close: only the status', over: { kind: 'change-above', threshold: 3 }, reading: quote(104, wed, { open: 101, previousClose: null, changePercent: 4 }), status: 'waiting', fires: false },
    { name: 'change-below 3 %, opened −4 %: waits', over: { kind: 'change-below', threshold: 3 }, reading: quote(95.5, wed, { open: 96, previousClose: 100, changePercent: -4.5 }), status: 'waiting', fires: false },
    { name: 'change-below 3 %, opened −0.5 %, read −3.2 %: fires', over: { kind: 'change-below', threshold: 3 }, reading: quote(96.8, wed, { open: 99.5, previousClose: 100, changePercent: -3.2 }), status: 'fired', fires: true },
    { name: 'volume above 1M since yesterday: a day starts at 0, so 1.2M fires', over: { kind: 'volume-above', threshold: 1_000_000, status: 'waiting' }, reading: quote(100, wed, { volume: 1_200_000 }), status: 'fired', fires: true },
    { name: 'volume above 1M since yesterday, 800k today: armed', over: { kind: 'volume-above', threshold: 1_000_000, status: 'waiting' }, reading: quote(100, wed, { volume: 800_000 }), status: 'armed', fires: false },
    { name: 'volume, no open known: only the status', over: { kind: 'volume-above', threshold: 1_000_000, status: 'armed' }, reading: quote(100, wed, { volume: 1_200_000, open: null }), status: 'waiting', fires: false },
    { name: 'an index (no open) read above: only the status', over: { subject: 'KSE100', index: true, threshold: 60_000 }, reading: index(61_000, wed), status: 'waiting', fires: false },
    { name: 'an index waiting since yesterday, read below: armed', over: { subject: 'KSE100', index: true, threshold: 60_000, status: 'waiting' }, reading: index(59_000, wed), status: 'armed', fires: false },
    { name: 'Monday after Friday, opened above: waits', over: { checkedDay: FRI }, reading: quote(101.5, pkt(19, 9, 35), { open: 101 }), status: 'waiting', fires: false },
  ];

  it.each(cases)('$name', ({ over, reading, status, fires }) => {
    const r = rule(over);
    const { state, ticks } = replay(r, [reading]);
    expect(state.rules[0]!.status).toBe(status);
    expect(state.rules[0]!.checkedDay).toBe(pktMidnight(reading.at));
    expect(ticks[0]!.fired.length).toBe(fires ? 1 : 0);
  });

  it('yesterday’s last tick is not the previous reading', () => {
    // The same two prices within a day fire; across the night, with the day opening above, they do not.
    const sameDay = replay(rule({ checkedDay: null }), [quote(99, pkt(13, 15, 25)), quote(101, pkt(13, 15, 29), { open: 101 })]);
    expect(firingTicks(sameDay.ticks)).toEqual([1]);
    const overnight = replay(rule({ checkedDay: null }), [quote(99, pkt(13, 15, 25)), quote(101, pkt(14, 9, 35), { open: 101 }), quote(102, pkt(14, 9, 40), { open: 101 }), quote(99, pkt(14, 11), { open: 101 }), quote(100, pkt(14, 11, 5), { open: 101 })]);
    expect(statuses(overnight.ticks)).toEqual(['armed', 'waiting', 'waiting', 'armed', 'fired']);
    expect(firingTicks(overnight.ticks)).toEqual([4]);
  });

  it('an index’s first reading of a day only sets the status; the next one may fire', () => {
    const { ticks } = replay(rule({ subject: 'KSE100', index: true, threshold: 60_000 }), [index(59_000, pkt(13, 15)), index(61_000, pkt(14, 9, 35)), index(59_500, pkt(14, 10)), index(60_000, pkt(14, 10, 5))]);
    expect(statuses(ticks)).toEqual(['armed', 'waiting', 'armed', 'fired']);
    expect(firingTicks(ticks)).toEqual([3]);
  });
});

describe('daily re-arm', () => {
  /** Fired on Tuesday at 10:01 (100.5); Tuesday goes on under and over the line. */
  const tuesdayFired = (): Reading[] => [quote(99, pkt(13, 10)), quote(100.5, pkt(13, 10, 1)), quote(99, pkt(13, 11)), quote(101, pkt(13, 12))];

  it('a day that opens above the line does not fire; a later crossing that day does', () => {
    const { state, ticks } = replay(rule({ rearm: 'daily' }), [...tuesdayFired(), quote(102, pkt(14, 9, 35), { open: 101 }), quote(99, pkt(14, 10)), quote(100.5, pkt(14, 10, 5))]);
    expect(statuses(ticks)).toEqual(['armed', 'fired', 'fired', 'fired', 'waiting', 'armed', 'fired']);
    expect(firingTicks(ticks)).toEqual([1, 6]);
    expect(state.fired.map((f) => f.at)).toEqual([pkt(14, 10, 5), pkt(13, 10, 1)]);
    expect(state.rules[0]).toMatchObject({ status: 'fired', firedAt: pkt(14, 10, 5), firedValue: 100.5, checkedDay: WED });
  });

  it('a day that opens below and then crosses fires', () => {
    const { ticks } = replay(rule({ rearm: 'daily' }), [...tuesdayFired(), quote(99.5, pkt(14, 9, 35), { open: 99 }), quote(100.2, pkt(14, 9, 50), { open: 99 })]);
    expect(statuses(ticks)).toEqual(['armed', 'fired', 'fired', 'fired', 'armed', 'fired']);
    expect(firingTicks(ticks)).toEqual([1, 5]);
    expect(ticks[5]!.fired[0]).toMatchObject({ value: 100.2, at: pkt(14, 9, 50) });
  });

  it('a day that opens below and is above at its first reading fires on that reading', () => {
    // Re-armed by the new day, the open (99) below the line, the first reading (100.5) above:
    // a crossing today, and the rule's state says it fired then (firedAt Wednesday 09:35).
    const { state, ticks } = replay(rule({ rearm: 'daily' }), [...tuesdayFired(), quote(100.5, pkt(14, 9, 35), { open: 99 })]);
    expect(state.rules[0]).toMatchObject({ status: 'fired', firedAt: pkt(14, 9, 35), firedValue: 100.5 });
    // …so a notification is due for it, as for any firing.
    expect(ticks[4]!.fired).toEqual([{ id: 'f2', ruleId: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 100, value: 100.5, price: 100.5, at: pkt(14, 9, 35), seen: false }]);
    expect(state.fired).toHaveLength(2);
  });

  it('manual: the next day re-arms nothing', () => {
    const { state, ticks } = replay(rule({ rearm: 'manual' }), [...tuesdayFired(), quote(99.5, pkt(14, 9, 35), { open: 99 }), quote(101, pkt(14, 10))]);
    expect(statuses(ticks).slice(4)).toEqual(['fired', 'fired']);
    expect(firingTicks(ticks)).toEqual([1]);
    expect(state.rules[0]).toMatchObject({ firedAt: pkt(13, 10, 1), checkedDay: WED });
  });

  it('hysteresis: an open past the margin re-arms it; the next crossing fires', () => {
    const { ticks } = replay(rule({ rearm: 'hysteresis' }), [quote(99, pkt(13, 10)), quote(100.5, pkt(13, 10, 1)), quote(99.8, pkt(13, 15)), quote(99.2, pkt(14, 9, 35), { open: 98 }), quote(100.1, pkt(14, 10))]);
    expect(statuses(ticks)).toEqual(['armed', 'fired', 'fired', 'armed', 'fired']);
    expect(firingTicks(ticks)).toEqual([1, 4]);
  });

  it('hysteresis: an open past the margin and a first reading above the line fires on that reading', () => {
    const { state, ticks } = replay(rule({ rearm: 'hysteresis' }), [quote(99, pkt(13, 10)), quote(100.5, pkt(13, 10, 1)), quote(100.3, pkt(14, 9, 35), { open: 98 })]);
    expect(state.rules[0]).toMatchObject({ status: 'fired', firedAt: pkt(14, 9, 35), firedValue: 100.3 });
    expect(ticks[2]!.fired.map((f) => f.at)).toEqual([pkt(14, 9, 35)]);
  });

  it('hysteresis on an index (no open): today’s first reading past the margin re-arms it; the next crossing fires', () => {
    // The first reading of a day "only sets the status" for an index; a reading 1.7 % under the
    // line has cleared the 0.5 % margin, so the status it sets is armed.
    const r = rule({ subject: 'KSE100', index: true, threshold: 60_000, rearm: 'hysteresis' });
    const { ticks } = replay(r, [index(59_000, pkt(13, 10)), index(60_100, pkt(13, 11)), index(59_000, pkt(14, 9, 35)), index(60_500, pkt(14, 10))]);
    expect(statuses(ticks)).toEqual(['armed', 'fired', 'armed', 'fired']);
    expect(firingTicks(ticks)).toEqual([1, 3]);
  });

  it('an index fired yesterday: today’s first reading below arms it, the next crossing fires', () => {
    const r = rule({ subject: 'KSE100', index: true, threshold: 60_000, rearm: 'daily' });
    const { ticks } = replay(r, [index(59_000, pkt(13, 10)), index(60_100, pkt(13, 11)), index(59_000, pkt(14, 9, 35)), index(60_500, pkt(14, 10))]);
    expect(statuses(ticks)).toEqual(['armed', 'fired', 'armed', 'fired']);
    expect(firingTicks(ticks)).toEqual([1, 3]);
  });

  it('an index fired yesterday and above today: waits', () => {
    const r = rule({ subject: 'KSE100', index: true, threshold: 60_000, rearm: 'daily' });
    const { ticks } = replay(r, [index(59_000, pkt(13, 10)), index(60_100, pkt(13, 11)), index(61_000, pkt(14, 9, 35)), index(61_500, pkt(14, 10))]);
    expect(statuses(ticks)).toEqual(['armed', 'fired', 'waiting', 'waiting']);
    expect(firingTicks(ticks)).toEqual([1]);
  });

  it('fired on a Friday, re-armed on Monday', () => {
    const { ticks } = replay(rule({ rearm: 'daily', checkedDay: FRI }), [quote(99, pkt(16, 15)), quote(100.5, pkt(16, 15, 5)), quote(99.5, pkt(19, 9, 35), { open: 99 }), quote(100.5, pkt(19, 9, 40))]);
    expect(statuses(ticks)).toEqual(['armed', 'fired', 'armed', 'fired']);
    expect(firingTicks(ticks)).toEqual([1, 3]);
  });
});

describe('snooze', () => {
  const until = pkt(13, 11);

  it('nothing fires while snoozed; a crossing then leaves the rule waiting; after the snooze it fires only after a false reading', () => {
    const { state, ticks } = replay(rule({ snoozedUntil: until }), [quote(99, pkt(13, 10)), quote(101, pkt(13, 10, 30)), quote(102, pkt(13, 10, 45)), quote(103, pkt(13, 11)), quote(99, pkt(13, 11, 5)), quote(100, pkt(13, 11, 10))]);
    expect(statuses(ticks)).toEqual(['armed', 'waiting', 'waiting', 'waiting', 'armed', 'fired']);
    expect(firingTicks(ticks)).toEqual([5]);
    expect(state.rules[0]!.snoozedUntil).toBeNull();
  });

  it('the snooze lasts until its time, not a moment less', () => {
    const { state } = replay(rule({ snoozedUntil: until }), [quote(99, until - 1)]);
    expect(state.rules[0]!.snoozedUntil).toBe(until);
  });

  it('a crossing at or after the snooze’s end fires', () => {
    const { state, ticks } = replay(rule({ snoozedUntil: until }), [quote(99, pkt(13, 10, 30)), quote(101, until)]);
    expect(firingTicks(ticks)).toEqual([1]);
    expect(state.rules[0]).toMatchObject({ status: 'fired', snoozedUntil: null, firedAt: until });
  });

  it('a fired rule is re-armed when its snooze ends, and fires on the next crossing', () => {
    const fired = rule({ status: 'fired', firedAt: pkt(13, 9, 45), firedValue: 100.2, snoozedUntil: until });
    const { state, ticks } = replay(fired, [quote(99, pkt(13, 10, 30)), quote(101, pkt(13, 10, 40)), quote(99, until), quote(100.5, pkt(13, 11, 5))]);
    expect(statuses(ticks)).toEqual(['fired', 'fired', 'armed', 'fired']);
    expect(firingTicks(ticks)).toEqual([3]);
    expect(state.rules[0]).toMatchObject({ snoozedUntil: null, firedAt: pkt(13, 11, 5), firedValue: 100.5 });
  });

  it('a fired rule whose snooze ends above the line waits for a false reading', () => {
    const fired = rule({ status: 'fired', firedAt: pkt(13, 9, 45), firedValue: 100.2, snoozedUntil: until });
    const { ticks } = replay(fired, [quote(101, until), quote(102, pkt(13, 11, 5)), quote(99, pkt(13, 11, 10)), quote(101, pkt(13, 11, 15))]);
    expect(statuses(ticks)).toEqual(['waiting', 'waiting', 'armed', 'fired']);
    expect(firingTicks(ticks)).toEqual([3]);
  });

  it('a snoozed hysteresis rule re-arms past the margin, but a crossing while snoozed does not fire', () => {
    const fired = rule({ status: 'fired', rearm: 'hysteresis', firedAt: pkt(13, 9, 45), firedValue: 100.2, snoozedUntil: until });
    const { ticks } = replay(fired, [quote(99, pkt(13, 10, 30)), quote(101, pkt(13, 10, 40)), quote(101.5, pkt(13, 11, 5))]);
    expect(statuses(ticks)).toEqual(['armed', 'waiting', 'waiting']);
    expect(firingTicks(ticks)).toEqual([]);
  });

  it('snoozed until tomorrow’s session: Tuesday’s crossing waits, Wednesday compares with its open', () => {
    const { ticks } = replay(rule({ snoozedUntil: pkt(14, 9, 15) }), [quote(99, pkt(13, 10, 30)), quote(101, pkt(13, 11)), quote(99.5, pkt(14, 9, 35), { open: 99 }), quote(100.2, pkt(14, 9, 40))]);
    expect(statuses(ticks)).toEqual(['armed', 'waiting', 'armed', 'fired']);
    expect(firingTicks(ticks)).toEqual([3]);
  });

  it('a fired rule snoozed until tomorrow’s session: a day opening below and read above at once fires on that reading', () => {
    const fired = rule({ status: 'fired', firedAt: pkt(13, 10), firedValue: 100.5, snoozedUntil: pkt(14, 9, 15) });
    const { state, ticks } = replay(fired, [quote(100.5, pkt(14, 9, 35), { open: 99 })]);
    expect(state.rules[0]).toMatchObject({ status: 'fired', snoozedUntil: null, firedAt: pkt(14, 9, 35) });
    expect(ticks[0]!.fired.map((f) => [f.ruleId, f.at])).toEqual([['r1', pkt(14, 9, 35)]]);
  });
});

describe('a worker stopped between two ticks resumes from storage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(pkt(13, 10));
  });
  afterEach(() => vi.useRealTimers());

  type Modules = { store: typeof import('../../../src/shared/alerts/store'); evaluate: typeof import('../../../src/shared/alerts/evaluate') };

  /** A fresh worker: every module evaluated anew; only storage is left. */
  async function restart(): Promise<Modules> {
    vi.resetModules();
    return { store: await import('../../../src/shared/alerts/store'), evaluate: await import('../../../src/shared/alerts/evaluate') };
  }

  /** One refresh cycle of a worker: read the state, evaluate, write it back. */
  async function cycle(m: Modules, reading: Reading, newId: () => string): Promise<FiredAlert[]> {
    vi.setSystemTime(reading.at);
    const state = await m.store.alertsItem.get();
    const result = m.evaluate.evaluateAlerts({ state, readings: { [m.evaluate.readingKey(reading.subject, reading.index)]: reading }, newId });
    expect(await m.store.alertsItem.update(() => result.state)).toMatchObject({ ok: true });
    return result.fired;
  }

  it('the crossing between the last tick of one worker and the first of the next fires', async () => {
    await alertsItem.update(() => ({ rules: [rule({ checkedDay: null })], fired: [] }));
    const newId = idMaker();
    const first = await restart();
    expect(await cycle(first, quote(99, pkt(13, 10)), newId)).toEqual([]);
    const second = await restart();
    expect((await second.store.alertsItem.get()).rules[0]).toMatchObject({ status: 'armed', checkedDay: TUE });
    const fired = await cycle(second, quote(101, pkt(13, 10, 1)), newId);
    expect(fired.map((f) => [f.ruleId, f.value, f.at])).toEqual([['r1', 101, pkt(13, 10, 1)]]);
    const third = await restart();
    const stored = await third.store.alertsItem.get();
    expect(stored.rules[0]).toMatchObject({ status: 'fired', firedAt: pkt(13, 10, 1) });
    expect(stored.fired).toEqual(fired);
    // and no second fire on the next tick of yet another worker
    expect(await cycle(third, quote(102, pkt(13, 10, 2)), newId)).toEqual([]);
  });

  it('a snooze survives the restart: it is in the stored rule', async () => {
    await alertsItem.update(() => ({ rules: [rule({ snoozedUntil: pkt(13, 11) })], fired: [] }));
    const newId = idMaker();
    expect(await cycle(await restart(), quote(99, pkt(13, 10)), newId)).toEqual([]);
    expect(await cycle(await restart(), quote(101, pkt(13, 10, 30)), newId)).toEqual([]);
    const after = await restart();
    const stored = await after.store.alertsItem.get();
    expect(stored.rules[0]).toMatchObject({ status: 'waiting', snoozedUntil: pkt(13, 11), checkedDay: TUE });
    expect(await cycle(after, quote(102, pkt(13, 11, 5)), newId)).toEqual([]);
    expect((await alertsItem.get()).rules[0]).toMatchObject({ status: 'waiting', snoozedUntil: null });
    expect(await cycle(await restart(), quote(99, pkt(13, 11, 10)), newId)).toEqual([]);
    expect((await cycle(await restart(), quote(101, pkt(13, 11, 15)), newId)).map((f) => f.at)).toEqual([pkt(13, 11, 15)]);
  });
});

describe('several rules, and the log of fired alerts', () => {
  const old = (n: number): FiredAlert[] =>
    Array.from({ length: n }, (_, i) => ({ id: `old${i + 1}`, ruleId: 'gone', subject: 'MCB', index: false, kind: 'price-above', threshold: 1, value: 2, price: 2, at: pkt(12, 10) - i * 60_000, seen: true }));

  const RULES = [
    rule({ id: 'r1', subject: 'HUBC', threshold: 100 }),
    rule({ id: 'r2', subject: 'OGDC', kind: 'price-below', threshold: 50 }),
    rule({ id: 'r3', subject: 'HUBC', kind: 'change-above', threshold: 2 }),
    rule({ id: 'r4', subject: 'PSO', threshold: 10 }),
    rule({ id: 'r5', subject: 'LUCK', threshold: 500 }),
  ];
  const READINGS = [quote(101, pkt(13, 10), { changePercent: 2.5 }), quote(49, pkt(13, 10), { subject: 'OGDC' }), quote(9, pkt(13, 10), { subject: 'PSO' })];

  it('fires in rule order; the log lists them newest first, before the older ones, at most 50', () => {
    const { state, ticks } = replay({ rules: RULES, fired: old(49) }, [READINGS]);
    expect(ticks[0]!.fired.map((f) => [f.id, f.ruleId])).toEqual([
      ['f1', 'r1'],
      ['f2', 'r2'],
      ['f3', 'r3'],
    ]);
    expect(state.fired).toHaveLength(50);
    expect(state.fired.map((f) => f.id)).toEqual(['f3', 'f2', 'f1', ...old(47).map((f) => f.id)]);
    expect(state.rules.map((r) => [r.id, r.status])).toEqual([
      ['r1', 'fired'],
      ['r2', 'fired'],
      ['r3', 'fired'],
      ['r4', 'armed'],
      ['r5', 'armed'],
    ]);
    // A rule without a reading is the very same object.
    expect(state.rules[4]).toBe(RULES[4]);
  });

  it('a full log drops its oldest for each new one', () => {
    const { state } = replay({ rules: [rule()], fired: old(50) }, [quote(99, pkt(13, 10)), quote(101, pkt(13, 10, 1))]);
    expect(state.fired).toHaveLength(50);
    expect(state.fired[0]).toMatchObject({ id: 'f1', ruleId: 'r1', seen: false });
    expect(state.fired.slice(1).map((f) => f.id)).toEqual(old(49).map((f) => f.id));
  });

  it('firings of later ticks come first', () => {
    const { state } = replay([rule({ id: 'r1' }), rule({ id: 'r2', subject: 'OGDC', kind: 'price-below', threshold: 50 })], [quote(101, pkt(13, 10)), quote(49, pkt(13, 10, 5), { subject: 'OGDC' })]);
    expect(state.fired.map((f) => [f.id, f.ruleId, f.at])).toEqual([
      ['f2', 'r2', pkt(13, 10, 5)],
      ['f1', 'r1', pkt(13, 10)],
    ]);
  });

  it('two rules on one symbol read the same reading', () => {
    const { ticks } = replay([rule({ id: 'a', threshold: 100 }), rule({ id: 'b', threshold: 101 }), rule({ id: 'c', threshold: 102 })], [quote(101.5, pkt(13, 10))]);
    expect(ticks[0]!.fired.map((f) => f.ruleId)).toEqual(['a', 'b']);
    expect(ticks[0]!.status).toEqual(['fired', 'fired', 'armed']);
  });
});
