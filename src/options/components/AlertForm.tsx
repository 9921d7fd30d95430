/**
 * The inline form that edits one rule's condition, threshold and re-arm mode, and the fields
 * it shares with the form that adds a rule (NewAlertForm).
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { KIND_LABELS, REARM_LABELS, describeCondition } from '../../shared/alerts/describe';
import { ALERT_KINDS, REARM_MODES, type AlertKind, type AlertRule, type Reading, type RearmMode } from '../../shared/alerts/rules';
import { draftProblem, editRule, type AlertEditError, type RuleDraft } from '../../shared/alerts/store';
import type { Result } from '../../shared/result';

interface AlertFormProps {
  rule: AlertRule;
  /** The figure on screen for the rule's subject, or null. */
  baseline: () => Reading | null;
  /** Called once the edit is saved, with the rule's new condition in words. */
  onSaved: (condition: string) => void;
  onCancel: () => void;
  /** Shows why a save failed (storage, or the rule deleted meanwhile) where it outlives this form. */
  onFailed: (message: string) => void;
}

export const UNITS: Record<AlertKind, string> = {
  'price-above': 'PKR',
  'price-below': 'PKR',
  'change-above': '%',
  'change-below': '%',
  'volume-above': 'shares',
};

/** The conditions a subject can have: an index has no volume. */
export const kindsFor = (index: boolean): AlertKind[] => ALERT_KINDS.filter((k) => !(index && k === 'volume-above'));

/** The number typed; NaN for nothing, which draftProblem refuses. */
export const thresholdOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/**
 * Checks a draft before anything is written: returns why it is refused (and puts the focus on
 * the threshold, the field to fix), or null when it may be saved.
 */
export function refusal(draft: RuleDraft, thresholdInput: HTMLInputElement | null): string | null {
  const problem = draftProblem(draft);
  if (problem) thresholdInput?.focus();
  return problem;
}

interface RuleFieldsProps {
  /** Names the controls after the rule's subject ("Condition for HUBC"); null where the form names its subject itself. */
  subject: string | null;
  kinds: readonly AlertKind[];
  kind: AlertKind;
  onKind: (kind: AlertKind) => void;
  threshold: string;
  onThreshold: (text: string) => void;
  rearm: RearmMode;
  onRearm: (mode: RearmMode) => void;
  /** Why the threshold is refused, shown under the fields and tied to the threshold box. */
  problem: string | null;
  problemId: string;
  kindRef?: Ref<HTMLSelectElement>;
  thresholdRef?: Ref<HTMLInputElement>;
}

/** Condition, threshold and re-arm mode, each labelled, and the threshold's problem in an alert. */
export function RuleFields({ subject, kinds, kind, onKind, threshold, onThreshold, rearm, onRearm, problem, problemId, kindRef, thresholdRef }: RuleFieldsProps) {
  const forSubject = subject === null ? '' : ` for ${subject}`;
  return (
    <>
      <label>
        Condition{' '}
        <select
          ref={kindRef}
          value={kind}
          aria-label={`Condition${forSubject}`}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value as AlertKind;
            if (kinds.includes(value)) onKind(value);
          }}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Threshold{' '}
        <input
          ref={thresholdRef}
          type="number"
          inputMode="decimal"
          step="any"
          min="0"
          value={threshold}
          aria-label={`Threshold${forSubject} (${UNITS[kind]})`}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? problemId : undefined}
          onInput={(e) => onThreshold((e.currentTarget as HTMLInputElement).value)}
        />{' '}
        <span class="alert-form__unit">{UNITS[kind]}</span>
      </label>
      <label>
        Re-arm{' '}
        <select
          value={rearm}
          aria-label={`Re-arm mode${forSubject}`}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value as RearmMode;
            if (REARM_MODES.includes(value)) onRearm(value);
          }}
        >
          {REARM_MODES.map((m) => (
            <option key={m} value={m}>
              {REARM_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      {problem !== null && (
        <p class="alert-form__problem" id={problemId} role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

export function AlertForm({ rule, baseline, onSaved, onCancel, onFailed }: AlertFormProps) {
  const [kind, setKind] = useState<AlertKind>(rule.kind);
  const [threshold, setThreshold] = useState(String(rule.threshold));
  const [rearm, setRearm] = useState<RearmMode>(rule.rearm);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  const thresholdInput = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const name = `${rule.subject} ${describeCondition(rule)}`;

  const finish = (result: Result<unknown, AlertEditError>, condition: string): void => {
    setSaving(false);
    if (result.ok) onSaved(condition);
    else onFailed(`Alert ${name} not saved: ${result.error.message}`);
  };

  const onSubmit = (e: Event): void => {
    e.preventDefault();
    if (saving) return;
    const draft = { kind, threshold: thresholdOf(threshold), rearm };
    const invalid = refusal({ ...draft, subject: rule.subject, index: rule.index }, thresholdInput.current);
    setProblem(invalid);
    if (invalid) return;
    setSaving(true);
    const condition = describeCondition(draft);
    void editRule(rule.id, draft, baseline()).then(
      (result) => finish(result, condition),
      (cause: unknown) => finish({ ok: false, error: { kind: 'storage', message: `The alert could not be saved: ${String(cause)}` } }, condition),
    );
  };

  return (
    <form class="alert-form" onSubmit={onSubmit} aria-label={`Edit alert ${name}`} noValidate>
      <RuleFields
        subject={rule.subject}
        kinds={kindsFor(rule.index)}
        kind={kind}
        onKind={setKind}
        threshold={threshold}
        onThreshold={setThreshold}
        rearm={rearm}
        onRearm={setRearm}
        problem={problem}
        problemId={`alert-form-${rule.id}-problem`}
        kindRef={first}
        thresholdRef={thresholdInput}
      />
      <div class="alert-form__actions">
        <button type="submit" aria-disabled={saving} aria-label={`Save alert ${name}`}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel} aria-label={`Cancel editing alert ${name}`}>
          Cancel
        </button>
      </div>
    </form>
  );
}
