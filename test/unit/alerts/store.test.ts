/**
 * The alerts' storage item and its edits (src/shared/alerts/store.ts), against the in-memory
 * fake browser: a rule set on screen is checked against the figure the form showed, at most 200
 * rules, edits and re-arms start afresh, and "until tomorrow's session" follows the timetable.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlertRule, AlertsState, FiredAlert, Reading } from '../../../src/shared/alerts/rules';
import {
  addRule,
  alertsItem,
  draftProblem,
  editRule,
  markSeen,
  rearmRule,
  removeRule,
  snoozeRule,
  SNOOZE_HOUR_MS,
  untilTomorrowsSession,
  type RuleDraft,
} from '../../../src/shared/alerts/store';
import { storage } from '../storage/support';

/** An instant of October 2026 given in PKT (UTC+5). */
const pkt = (day: number, h: number, m = 0): number => Date.UTC(2026, 9, day, h - 5, m);
/** Tuesday 13 October 2026, 10:00 PKT. */
const T = pkt(13, 10);
/** PKT midnight of that Tuesday, and of the Monday before. */
const TUE = Date.UTC(2026, 9, 12, 19, 0);
const MON = Date.UTC(2026, 9, 11, 19, 0);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const reading = (price: number, at: number, over: Partial<Reading> = {}): Reading => ({ subject: 'HUBC', index: false, price, changePercent: 1.2, volume: 800_000, open: 99, previousClose: 98, at, ...over });

const DRAFT: RuleDraft = { subject: 'HUBC', index: false, kind: 'price-above', threshold: 100, rearm: 'manual' };

function stored(over: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'r1',
    subject: 'HUBC',
    index: false,
    kind: 'price-above',
    threshold: 100,
    rearm: 'hysteresis',
    hysteresisPct: 2,
    status: 'fired',
    createdAt: pkt(12, 10),
    checkedDay: MON,
    firedAt: pkt(12, 11),
    firedValue: 100.4,
    snoozedUntil: pkt(13, 9, 15),
    ...over,
  };
}

const fired = (id: string, seen = false): FiredAlert => ({ id, ruleId: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 100, value: 100.4, price: 100.4, at: pkt(12, 11), seen });

async function put(state: AlertsState): Promise<void> {
  expect(await alertsItem.update(() => state)).toMatchObject({ ok: true });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T);
});
afterEach(() => vi.useRealTimers());

describe('alertsItem', () => {
  it('lives in storage.local under "alerts", versioned', async () => {
    await put({ rules: [stored()], fired: [fired('f1')] });
    expect((await storage.local.get('alerts'))['alerts']).toEqual({ $v: 1, value: { rules: [stored()], fired: [fired('f1')] } });
    expect(await storage.sync.get(null)).toEqual({});
  });

  it('reads as empty before anything is stored', async () => {
    expect(await alertsItem.get()).toEqual({ rules: [], fired: [] });
  });
});

describe('draftProblem', () => {
  it.each<[Partial<RuleDraft>, string | null]>([
    [{}, null],
    [{ threshold: 0 }, 'Enter a number above 0.'],
    [{ kind: 'volume-above', threshold: 1.5 }, 'Enter a whole number of shares.'],
    [{ subject: 'KSE100', index: true, kind: 'volume-above', threshold: 1_000_000 }, 'An index has no volume.'],
    [{ subject: 'KSE100', index: true, kind: 'price-above', threshold: 60_000 }, null],
  ])('%j → %j', (over, expected) => {
    expect(draftProblem({ ...DRAFT, ...over })).toBe(expected);
  });
});

describe('addRule', () => {
  it('with a baseline that already satisfies the condition: waiting', async () => {
    const result = await addRule(DRAFT, reading(101, T - 30_000), Date.now());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.id).toMatch(UUID);
    expect(result.value).toEqual({
      id: result.value.id,
      subject: 'HUBC',
      index: false,
      kind: 'price-above',
      threshold: 100,
      rearm: 'manual',
      hysteresisPct: 0.5,
      status: 'waiting',
      createdAt: T,
      checkedDay: TUE,
      firedAt: null,
      firedValue: null,
      snoozedUntil: null,
    });
    expect(await alertsItem.get()).toEqual({ rules: [result.value], fired: [] });
  });

  it.each<[string, Partial<RuleDraft>, Reading | null, Pick<AlertRule, 'status' | 'checkedDay'>]>([
    ['a baseline below the line: armed, checked that day', {}, reading(99, T - 30_000), { status: 'armed', checkedDay: TUE }],
    ['a baseline on the line: waiting', {}, reading(100, T - 30_000), { status: 'waiting', checkedDay: TUE }],
    ['no baseline: armed, not checked yet', {}, null, { status: 'armed', checkedDay: null }],
    ['a baseline from yesterday’s close: checked yesterday', {}, reading(99, pkt(12, 15, 30)), { status: 'armed', checkedDay: MON }],
    ['a baseline of price 0: armed, not checked yet', {}, reading(0, T - 30_000), { status: 'armed', checkedDay: null }],
    ['a baseline without a read time: its status, not checked yet', {}, reading(101, 0), { status: 'waiting', checkedDay: null }],
    ['change-below 1 % on a day at −1.5 %: waiting', { kind: 'change-below', threshold: 1 }, reading(99, T, { changePercent: -1.5 }), { status: 'waiting', checkedDay: TUE }],
    ['change-above 2 % on a day at +1.2 %: armed', { kind: 'change-above', threshold: 2 }, reading(99, T), { status: 'armed', checkedDay: TUE }],
    ['volume above 500k with 800k traded: waiting', { kind: 'volume-above', threshold: 500_000 }, reading(99, T), { status: 'waiting', checkedDay: TUE }],
    ['volume with no volume on screen: armed, not checked yet', { kind: 'volume-above', threshold: 500_000 }, reading(99, T, { volume: null }), { status: 'armed', checkedDay: null }],
    ['an index above its line: waiting', { subject: 'KSE100', index: true, threshold: 60_000 }, reading(61_000, T, { subject: 'KSE100', index: true }), { status: 'waiting', checkedDay: TUE }],
  ])('%s', async (_name, over, baseline, expected) => {
    const result = await addRule({ ...DRAFT, ...over }, baseline, Date.now());
    expect(result).toMatchObject({ ok: true, value: { ...expected, createdAt: T, firedAt: null, firedValue: null, snoozedUntil: null } });
    expect((await alertsItem.get()).rules).toHaveLength(1);
  });

  it('keeps the hysteresis margin given', async () => {
    const result = await addRule({ ...DRAFT, rearm: 'hysteresis', hysteresisPct: 1.5 }, null, Date.now());
    expect(result).toMatchObject({ ok: true, value: { rearm: 'hysteresis', hysteresisPct: 1.5 } });
  });

  it.each<[Partial<RuleDraft>, string]>([
    [{ threshold: 0 }, 'Enter a number above 0.'],
    [{ threshold: 100.12345 }, 'Use at most 4 decimals.'],
    [{ subject: 'KSE100', index: true, kind: 'volume-above', threshold: 1_000_000 }, 'An index has no volume.'],
  ])('refuses %j as invalid, storing nothing', async (over, message) => {
    expect(await addRule({ ...DRAFT, ...over }, null, Date.now())).toEqual({ ok: false, error: { kind: 'invalid', message } });
    expect(await storage.local.get(null)).toEqual({});
  });

  it('appends, each rule with an id of its own', async () => {
    const a = await addRule(DRAFT, null, Date.now());
    const b = await addRule({ ...DRAFT, subject: 'OGDC', kind: 'price-below', threshold: 300 }, null, Date.now());
    if (!a.ok || !b.ok) throw new Error('not added');
    expect(a.value.id).not.toBe(b.value.id);
    expect((await alertsItem.get()).rules.map((r) => [r.id, r.subject])).toEqual([
      [a.value.id, 'HUBC'],
      [b.value.id, 'OGDC'],
    ]);
  });

  it('refuses the 201st rule as full, and takes one again after a delete', async () => {
    const full = Array.from({ length: 200 }, (_, i) => stored({ id: `r${i}` }));
    await put({ rules: full, fired: [] });
    expect(await addRule(DRAFT, null, Date.now())).toEqual({ ok: false, error: { kind: 'full', message: 'At most 200 alerts; delete one first.' } });
    expect((await alertsItem.get()).rules).toHaveLength(200);
    expect(await removeRule('r7')).toMatchObject({ ok: true });
    const again = await addRule(DRAFT, null, Date.now());
    expect(again.ok).toBe(true);
    const rules = (await alertsItem.get()).rules;
    expect(rules).toHaveLength(200);
    expect(rules.some((r) => r.id === 'r7')).toBe(false);
    expect(rules.at(-1)?.id).toBe(again.ok ? again.value.id : '');
  });
});

describe('editRule', () => {
  beforeEach(() => put({ rules: [stored(), stored({ id: 'r2', subject: 'OGDC' })], fired: [fired('f1')] }));

  it('re-checks the changed condition against the baseline and clears the firing and the snooze', async () => {
    const result = await editRule('r1', { kind: 'price-above', threshold: 110, rearm: 'daily' }, reading(105, T));
    const expected = stored({ threshold: 110, rearm: 'daily', status: 'armed', checkedDay: TUE, firedAt: null, firedValue: null, snoozedUntil: null });
    expect(result).toEqual({ ok: true, value: { rules: [expected, stored({ id: 'r2', subject: 'OGDC' })], fired: [fired('f1')] } });
    expect(await alertsItem.get()).toEqual(result.ok ? result.value : null);
  });

  it.each<[string, Omit<RuleDraft, 'subject' | 'index'>, Reading | null, Partial<AlertRule>]>([
    ['a new line already passed: waiting', { kind: 'price-above', threshold: 104, rearm: 'manual' }, reading(105, T), { status: 'waiting', checkedDay: TUE, threshold: 104, rearm: 'manual' }],
    ['another kind: change-below 1 % on a day at −2 %', { kind: 'change-below', threshold: 1, rearm: 'hysteresis' }, reading(95, T, { changePercent: -2 }), { kind: 'change-below', threshold: 1, status: 'waiting' }],
    ['no baseline: armed, not checked yet', { kind: 'price-below', threshold: 90, rearm: 'manual' }, null, { kind: 'price-below', status: 'armed', checkedDay: null }],
    ['the margin given replaces the old one', { kind: 'price-above', threshold: 110, rearm: 'hysteresis', hysteresisPct: 0.75 }, reading(105, T), { hysteresisPct: 0.75 }],
    ['no margin given keeps the old one', { kind: 'price-above', threshold: 110, rearm: 'hysteresis' }, reading(105, T), { hysteresisPct: 2 }],
  ])('%s', async (_name, draft, baseline, expected) => {
    const result = await editRule('r1', draft, baseline);
    expect(result.ok).toBe(true);
    const rule = (await alertsItem.get()).rules[0];
    expect(rule).toMatchObject({ id: 'r1', subject: 'HUBC', createdAt: pkt(12, 10), firedAt: null, firedValue: null, snoozedUntil: null, ...expected });
  });

  it('a change of the re-arm mode or margin alone keeps the state: a fired, snoozed rule stays so', async () => {
    const firedRule = stored({ status: 'fired', firedAt: pkt(11, 0), firedValue: 101, snoozedUntil: pkt(12, 0), checkedDay: TUE });
    await put({ rules: [firedRule], fired: [] });
    const result = await editRule('r1', { kind: 'price-above', threshold: 100, rearm: 'daily', hysteresisPct: 1 }, reading(90, T));
    expect(result.ok).toBe(true);
    expect((await alertsItem.get()).rules[0]).toEqual({ ...firedRule, rearm: 'daily', hysteresisPct: 1 });
  });

  it('refuses an invalid threshold and leaves the rule as it was', async () => {
    expect(await editRule('r1', { kind: 'change-above', threshold: 101, rearm: 'manual' }, null)).toEqual({ ok: false, error: { kind: 'invalid', message: 'Enter at most 100.' } });
    expect((await alertsItem.get()).rules[0]).toEqual(stored());
  });

  it('refuses volume on an index', async () => {
    await put({ rules: [stored({ id: 'k', subject: 'KSE100', index: true, threshold: 60_000 })], fired: [] });
    expect(await editRule('k', { kind: 'volume-above', threshold: 1_000_000, rearm: 'manual' }, null)).toEqual({ ok: false, error: { kind: 'invalid', message: 'An index has no volume.' } });
  });

  it('a deleted rule: not found', async () => {
    expect(await editRule('gone', { kind: 'price-above', threshold: 110, rearm: 'manual' }, null)).toEqual({ ok: false, error: { kind: 'not-found', message: 'That alert was deleted meanwhile.' } });
  });
});

describe('rearmRule', () => {
  beforeEach(() => put({ rules: [stored(), stored({ id: 'r2', subject: 'OGDC' })], fired: [fired('f1')] }));

  it.each<[string, Reading | null, Pick<AlertRule, 'status' | 'checkedDay'>]>([
    ['below the line now: armed', reading(99, T), { status: 'armed', checkedDay: TUE }],
    ['still above the line: waiting', reading(101, T), { status: 'waiting', checkedDay: TUE }],
    ['no figure on screen: armed, not checked yet', null, { status: 'armed', checkedDay: null }],
  ])('%s; the firing and the snooze cleared, the condition kept', async (_name, baseline, expected) => {
    const result = await rearmRule('r1', baseline);
    expect(result.ok).toBe(true);
    const state = await alertsItem.get();
    expect(state.rules).toEqual([stored({ ...expected, firedAt: null, firedValue: null, snoozedUntil: null }), stored({ id: 'r2', subject: 'OGDC' })]);
    // The log keeps what fired.
    expect(state.fired).toEqual([fired('f1')]);
  });

  it('a deleted rule: not found', async () => {
    expect(await rearmRule('gone', null)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('snoozeRule', () => {
  beforeEach(() => put({ rules: [stored({ snoozedUntil: null, status: 'armed' })], fired: [] }));

  it('for an hour, then not at all; nothing else changes', async () => {
    expect(SNOOZE_HOUR_MS).toBe(3_600_000);
    expect(await snoozeRule('r1', Date.now() + SNOOZE_HOUR_MS)).toMatchObject({ ok: true });
    expect((await alertsItem.get()).rules).toEqual([stored({ snoozedUntil: pkt(13, 11), status: 'armed' })]);
    expect(await snoozeRule('r1', null)).toMatchObject({ ok: true });
    expect((await alertsItem.get()).rules).toEqual([stored({ snoozedUntil: null, status: 'armed' })]);
  });

  it('a deleted rule: not found', async () => {
    expect(await snoozeRule('gone', T)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('removeRule', () => {
  it('removes that rule only; the log stays', async () => {
    await put({ rules: [stored(), stored({ id: 'r2' }), stored({ id: 'r3' })], fired: [fired('f1')] });
    expect(await removeRule('r2')).toMatchObject({ ok: true });
    expect(await alertsItem.get()).toEqual({ rules: [stored(), stored({ id: 'r3' })], fired: [fired('f1')] });
    // Removing it again changes nothing, and is no error.
    expect(await removeRule('r2')).toMatchObject({ ok: true, value: { rules: [stored(), stored({ id: 'r3' })] } });
  });
});

describe('markSeen', () => {
  beforeEach(() => put({ rules: [], fired: [fired('f1'), fired('f2'), fired('f3', true)] }));

  it('all', async () => {
    expect(await markSeen('all')).toMatchObject({ ok: true });
    expect((await alertsItem.get()).fired.map((f) => [f.id, f.seen])).toEqual([
      ['f1', true],
      ['f2', true],
      ['f3', true],
    ]);
  });

  it.each<[string[], boolean[]]>([
    [['f2'], [false, true, true]],
    [['f1', 'f2'], [true, true, true]],
    [['f3'], [false, false, true]],
    [[], [false, false, true]],
    [['nope'], [false, false, true]],
  ])('%j', async (ids, seen) => {
    expect(await markSeen(ids)).toMatchObject({ ok: true });
    expect((await alertsItem.get()).fired.map((f) => f.seen)).toEqual(seen);
  });
});

describe('untilTomorrowsSession', () => {
  it.each<[string, number, number]>([
    ['Thursday 11:00 → Friday 09:15', pkt(15, 11), pkt(16, 9, 15)],
    ['Thursday 02:00 (still Wednesday in UTC) → Friday 09:15', pkt(15, 2), pkt(16, 9, 15)],
    ['Thursday 23:59 → Friday 09:15', pkt(15, 23, 59), pkt(16, 9, 15)],
    ['Friday 10:00 → Monday 09:15', pkt(16, 10), pkt(19, 9, 15)],
    ['Friday 15:00 (the afternoon session) → Monday 09:15', pkt(16, 15), pkt(19, 9, 15)],
    ['Saturday 12:00 → Monday 09:15', pkt(17, 12), pkt(19, 9, 15)],
    ['Sunday 20:00 → Monday 09:15', pkt(18, 20), pkt(19, 9, 15)],
    ['Monday 08:00 (before its session) → Tuesday 09:15', pkt(19, 8), pkt(20, 9, 15)],
    ['Tuesday 10:00 → Wednesday 09:15', pkt(13, 10), pkt(14, 9, 15)],
  ])('%s PKT', (_name, now, expected) => {
    vi.setSystemTime(now);
    expect(untilTomorrowsSession(Date.now())).toBe(expected);
  });

  it('in UTC: Thursday 15 October 2026 06:00Z → Friday 04:15Z; Friday 05:00Z → Monday 19 October 04:15Z', () => {
    vi.setSystemTime(Date.parse('2026-10-15T06:00:00Z'));
    expect(new Date(untilTomorrowsSession(Date.now())).toISOString()).toBe('2026-10-16T04:15:00.000Z');
    vi.setSystemTime(Date.parse('2026-10-16T05:00:00Z'));
    expect(new Date(untilTomorrowsSession(Date.now())).toISOString()).toBe('2026-10-19T04:15:00.000Z');
  });
});
