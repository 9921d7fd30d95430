/**
 * Where the alerts live and the only ways they change. One `storage.local` item holds the
 * rules with their state and the log of fired alerts, so a firing (the background) and an
 * edit (the popup, the options page) are one serialised update each and never lose one
 * another. Local, not sync: 200 rules are well over sync's 8 KB an item, and a rule's state
 * changes with the market on this device. It roams through the backup instead.
 */
import { nextSessionStart, pktMidnight } from '../session';
import type { Result } from '../result';
import { defineItem } from '../storage/item';
import { emptyAlerts, MAX_RULES, metricOf, normaliseAlerts, statusFor, thresholdProblem, type AlertKind, type AlertRule, type AlertsState, type Reading, type RearmMode } from './rules';
import { common } from '../i18n/common';
import { refusalText } from '../storage/refusal-words';
import { sentences } from '../i18n/sentences';
export { readingOfIndex, readingOfQuote } from './rules';

export const alertsItem = defineItem<AlertsState>({
  area: 'local',
  key: 'alerts',
  version: 1,
  normalise: normaliseAlerts,
});

/** What the user sets in the form. */
export interface RuleDraft {
  subject: string;
  index: boolean;
  kind: AlertKind;
  threshold: number;
  rearm: RearmMode;
  hysteresisPct?: number;
}

/**
 * A rule's state when it is set or re-armed: checked against the figure on screen (the one
 * the form showed), so a rule already true waits until it has been false once. Without a
 * figure, the first trusted reading sets its status and nothing fires on it.
 */
function armedAt(rule: AlertRule, baseline: Reading | null): AlertRule {
  const value = baseline ? metricOf(rule.kind, baseline) : null;
  return {
    ...rule,
    status: statusFor(rule, value),
    checkedDay: baseline && value !== null && baseline.at > 0 ? pktMidnight(baseline.at) : null,
    firedAt: null,
    firedValue: null,
  };
}

export type AlertEditError = { kind: 'invalid' | 'full' | 'not-found' | 'storage'; message: string };

const newId = (): string => crypto.randomUUID();

async function edit(change: (state: AlertsState) => AlertsState | AlertEditError): Promise<Result<AlertsState, AlertEditError>> {
  let problem: AlertEditError | null = null;
  const written = await alertsItem.update((state) => {
    const next = change(state);
    if ('message' in next) {
      problem = next;
      return state;
    }
    return next;
  });
  if (problem !== null) return { ok: false, error: problem };
  if (!written.ok) return { ok: false, error: { kind: 'storage', message: common().t('alert_not_saved', { detail: refusalText(written.error) }) } };
  return { ok: true, value: written.value };
}

export function draftProblem(draft: RuleDraft): string | null {
  if (draft.index && draft.kind === 'volume-above') return sentences().t('sentence_alert_index_no_volume');
  return thresholdProblem(draft.kind, draft.threshold);
}

/** Adds a rule; `baseline` is the reading on screen when it was set. */
export async function addRule(draft: RuleDraft, baseline: Reading | null, now: number): Promise<Result<AlertRule, AlertEditError>> {
  const problem = draftProblem(draft);
  if (problem) return { ok: false, error: { kind: 'invalid', message: problem } };
  const rule = armedAt(
    { id: newId(), subject: draft.subject, index: draft.index, kind: draft.kind, threshold: draft.threshold, rearm: draft.rearm, hysteresisPct: draft.hysteresisPct ?? 0.5, status: 'armed', createdAt: now, checkedDay: null, firedAt: null, firedValue: null, snoozedUntil: null },
    baseline,
  );
  const result = await edit((state) => (state.rules.length >= MAX_RULES ? { kind: 'full', message: sentences().t('sentence_alerts_full', { max: MAX_RULES }) } : { ...state, rules: [...state.rules, rule] }));
  return result.ok ? { ok: true, value: rule } : result;
}

function onRule(id: string, change: (rule: AlertRule) => AlertRule | AlertEditError): (state: AlertsState) => AlertsState | AlertEditError {
  return (state) => {
    const rule = state.rules.find((r) => r.id === id);
    if (!rule) return { kind: 'not-found', message: sentences().t('sentence_alert_gone') };
    const next = change(rule);
    if ('message' in next) return next;
    return { ...state, rules: state.rules.map((r) => (r.id === id ? next : r)) };
  };
}

/**
 * A changed condition is a new rule in all but its id: checked afresh against the figure on
 * screen. A change of the re-arm mode or margin alone keeps the rule's state (a fired rule stays
 * fired, a snooze stays).
 */
export function editRule(id: string, draft: Omit<RuleDraft, 'subject' | 'index'>, baseline: Reading | null) {
  return edit(
    onRule(id, (rule) => {
      const problem = draftProblem({ ...draft, subject: rule.subject, index: rule.index });
      if (problem) return { kind: 'invalid', message: problem };
      const changed = { ...rule, kind: draft.kind, threshold: draft.threshold, rearm: draft.rearm, hysteresisPct: draft.hysteresisPct ?? rule.hysteresisPct };
      if (draft.kind === rule.kind && draft.threshold === rule.threshold) return changed;
      return armedAt({ ...changed, snoozedUntil: null }, baseline);
    }),
  );
}

export function rearmRule(id: string, baseline: Reading | null) {
  return edit(onRule(id, (rule) => armedAt({ ...rule, snoozedUntil: null }, baseline)));
}

export function snoozeRule(id: string, until: number | null) {
  return edit(onRule(id, (rule) => ({ ...rule, snoozedUntil: until })));
}

export function removeRule(id: string) {
  return edit((state) => ({ ...state, rules: state.rules.filter((r) => r.id !== id) }));
}

/** Marks fired alerts seen: the given ones, or all. */
export function markSeen(ids: readonly string[] | 'all') {
  return edit((state) => ({ ...state, fired: state.fired.map((f) => (ids === 'all' || ids.includes(f.id) ? { ...f, seen: true } : f)) }));
}

export const SNOOZE_HOUR_MS = 3_600_000;

/** "Until tomorrow's session": the start of the first session after today (PKT) ends. */
export function untilTomorrowsSession(now: number): number {
  return nextSessionStart(pktMidnight(now) + 24 * 3_600_000 - 1);
}

export { emptyAlerts };
