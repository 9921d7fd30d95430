/**
 * The alert evaluation: rules and their persisted state, the cycle's trusted readings, out
 * come the new state and what fired. Pure and clock-free (the time is each reading's own), so
 * a worker stopped between two ticks resumes from storage with the same decisions: a rule's
 * status is what the last trusted reading it saw said, which is all a crossing needs.
 *
 * A reading is checked against the rule's last one only within one PKT trading day. The first
 * reading of a new day is checked against that day's open (a price that opened above the line
 * crossed it overnight, not now, so it does not fire); an index has no open in our data, so its
 * first reading of a day only sets the rule's status.
 */
import { pktMidnight } from '../session';
import { conditionCleared, conditionHolds, MAX_FIRED_LOG, metricOf, statusFor, type AlertRule, type AlertsState, type FiredAlert, type Reading } from './rules';

export const readingKey = (subject: string, index: boolean): string => `${index ? 'index' : 'symbol'}:${subject}`;

export interface EvaluationInput {
  state: AlertsState;
  /** Trusted readings of this cycle, by `readingKey`; a subject without one is not checked. */
  readings: Readonly<Record<string, Reading>>;
  /** A fresh id for each firing. */
  newId: () => string;
}

export interface Evaluation {
  state: AlertsState;
  /** Fired in this evaluation, in rule order. */
  fired: FiredAlert[];
}

export function evaluateAlerts({ state, readings, newId }: EvaluationInput): Evaluation {
  const fired: FiredAlert[] = [];
  const rules = state.rules.map((rule) => {
    const reading = readings[readingKey(rule.subject, rule.index)];
    if (!reading) return rule;
    const next = checkRule(rule, reading);
    // A new firing, including a fired rule re-armed and fired again by one reading (the first of
    // a new day, re-armed at the session, that opened below the line and is now above it).
    if (next.status === 'fired' && (rule.status !== 'fired' || next.firedAt !== rule.firedAt)) {
      fired.push({ id: newId(), ruleId: rule.id, subject: rule.subject, index: rule.index, kind: rule.kind, threshold: rule.threshold, value: next.firedValue ?? reading.price, price: reading.price, at: reading.at, seen: false });
    }
    return next;
  });
  if (fired.length === 0 && rules.every((r, i) => r === state.rules[i])) return { state, fired };
  return { state: { rules, fired: [...[...fired].reverse(), ...state.fired].slice(0, MAX_FIRED_LOG) }, fired };
}

/** One rule against one trusted reading. */
export function checkRule(rule: AlertRule, reading: Reading): AlertRule {
  const value = metricOf(rule.kind, reading);
  if (value === null) return rule;
  const day = pktMidnight(reading.at);
  // A reading from before the rule's last check (a clock put back) says nothing new.
  if (rule.checkedDay !== null && day < rule.checkedDay) return rule;
  let next: AlertRule = { ...rule, checkedDay: day };

  // A snooze that has run out: a fired rule is re-armed, as if by hand, at this reading.
  if (next.snoozedUntil !== null && reading.at >= next.snoozedUntil) {
    next = { ...next, snoozedUntil: null, ...(next.status === 'fired' ? { status: statusFor(next, value) } : {}) };
  }
  const snoozed = next.snoozedUntil !== null;

  if (rule.checkedDay === null || day > rule.checkedDay) {
    // Nothing to compare with yet, or a new day: yesterday's last tick is not the previous reading.
    if (next.status === 'fired' && next.rearm === 'daily' && rule.checkedDay !== null) next = { ...next, status: 'armed' };
    const prior = rule.checkedDay === null ? null : openFigure(next, reading);
    if (prior === null) {
      // Nothing to compare with: the reading sets the status and fires nothing. A fired rule may
      // still clear its margin on it, which needs no previous reading.
      if (next.status !== 'fired') return { ...next, status: statusFor(next, value) };
      return next.rearm === 'hysteresis' && conditionCleared(next, value) ? { ...next, status: 'armed' } : next;
    }
    next = step(next, prior, false, reading.at);
  }
  return step(next, value, !snoozed, reading.at);
}

/** One figure, read at `at`. Without `mayFire` (the day's open, a snooze) only the status follows it. */
function step(rule: AlertRule, value: number, mayFire: boolean, at: number): AlertRule {
  const holds = conditionHolds(rule, value);
  switch (rule.status) {
    case 'waiting':
      return holds ? rule : { ...rule, status: 'armed' };
    case 'armed':
      if (!holds) return rule;
      return mayFire ? { ...rule, status: 'fired', firedValue: value, firedAt: at } : { ...rule, status: 'waiting' };
    case 'fired':
      return rule.rearm === 'hysteresis' && conditionCleared(rule, value) ? { ...rule, status: 'armed' } : rule;
  }
}

/** The rule's figure at the day's open, when the reading has it. */
function openFigure(rule: AlertRule, reading: Reading): number | null {
  const { open, previousClose } = reading;
  if (open === null || open <= 0) return null;
  switch (rule.kind) {
    case 'price-above':
    case 'price-below':
      return open;
    case 'change-above':
    case 'change-below':
      return previousClose !== null && previousClose > 0 ? ((open - previousClose) / previousClose) * 100 : null;
    case 'volume-above':
      // A day starts with nothing traded.
      return 0;
  }
}
