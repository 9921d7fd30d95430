/** The inline form that edits one rule's condition, threshold and re-arm mode. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { KIND_LABELS, REARM_LABELS, describeCondition } from '../../shared/alerts/describe';
import { ALERT_KINDS, REARM_MODES, type AlertKind, type AlertRule, type Reading, type RearmMode } from '../../shared/alerts/rules';
import { draftProblem, editRule, type AlertEditError } from '../../shared/alerts/store';
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

const UNITS: Record<AlertKind, string> = {
  'price-above': 'PKR',
  'price-below': 'PKR',
  'change-above': '%',
  'change-below': '%',
  'volume-above': 'shares',
};

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
  const idBase = `alert-form-${rule.id}`;
  const kinds = ALERT_KINDS.filter((k) => !(rule.index && k === 'volume-above'));

  const finish = (result: Result<unknown, AlertEditError>, condition: string): void => {
    setSaving(false);
    if (result.ok) onSaved(condition);
    else onFailed(`Alert ${name} not saved: ${result.error.message}`);
  };

  const onSubmit = (e: Event): void => {
    e.preventDefault();
    if (saving) return;
    const text = threshold.trim();
    const value = text === '' ? Number.NaN : Number(text);
    const draft = { kind, threshold: value, rearm };
    const invalid = draftProblem({ ...draft, subject: rule.subject, index: rule.index });
    if (invalid) {
      setProblem(invalid);
      thresholdInput.current?.focus();
      return;
    }
    setProblem(null);
    setSaving(true);
    const condition = describeCondition(draft);
    void editRule(rule.id, draft, baseline()).then(
      (result) => finish(result, condition),
      (cause: unknown) => finish({ ok: false, error: { kind: 'storage', message: `The alert could not be saved: ${String(cause)}` } }, condition),
    );
  };

  return (
    <form class="alert-form" onSubmit={onSubmit} aria-label={`Edit alert ${name}`} noValidate>
      <label>
        Condition{' '}
        <select
          ref={first}
          value={kind}
          aria-label={`Condition for ${rule.subject}`}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value as AlertKind;
            if (kinds.includes(value)) setKind(value);
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
          ref={thresholdInput}
          type="number"
          inputMode="decimal"
          step="any"
          min="0"
          value={threshold}
          aria-label={`Threshold for ${rule.subject} (${UNITS[kind]})`}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? `${idBase}-problem` : undefined}
          onInput={(e) => setThreshold((e.currentTarget as HTMLInputElement).value)}
        />{' '}
        <span class="alert-form__unit">{UNITS[kind]}</span>
      </label>
      <label>
        Re-arm{' '}
        <select
          value={rearm}
          aria-label={`Re-arm mode for ${rule.subject}`}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value as RearmMode;
            if (REARM_MODES.includes(value)) setRearm(value);
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
        <p class="alert-form__problem" id={`${idBase}-problem`} role="alert">
          {problem}
        </p>
      )}
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
