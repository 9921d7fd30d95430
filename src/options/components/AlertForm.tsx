/**
 * The inline form that edits one rule's condition, threshold, re-arm mode and margin, and the
 * fields it shares with the form that adds a rule (NewAlertForm).
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { KIND_LABELS, REARM_LABELS, describeCondition } from '../../shared/alerts/describe';
import { ALERT_KINDS, REARM_MODES, type AlertKind, type AlertRule, type Reading, type RearmMode } from '../../shared/alerts/rules';
import { draftProblem, editRule, type AlertEditError, type RuleDraft } from '../../shared/alerts/store';
import type { Result } from '../../shared/result';
import { marginProblem, parseDecimal } from '../../ui/parse-number';
import { text, type OptionsKey } from '../i18n';

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

/** The unit as shown: PKR and % are written so in Urdu too; "shares" is a word. */
export const unitLabel = (kind: AlertKind): string => (kind === 'volume-above' ? text().t('options_unit_shares') : UNITS[kind]);

/** The conditions a subject can have: an index has no volume. */
export const kindsFor = (index: boolean): AlertKind[] => ALERT_KINDS.filter((k) => !(index && k === 'volume-above'));

/** The number typed: a plain decimal, thousands separators allowed (the popup's parser); NaN otherwise, which draftProblem refuses. */
export const thresholdOf = parseDecimal;

/** What a submit checks: why the threshold and why the margin are refused, each null when fine. */
export interface Refusal {
  threshold: string | null;
  margin: string | null;
}

/**
 * The margin to store with a draft: the one typed when the re-arm mode has a margin, else
 * undefined (an edit keeps the rule's own, a new rule takes the default).
 */
export const marginOf = (rearm: RearmMode, text: string): number | undefined => (rearm === 'hysteresis' ? parseDecimal(text) : undefined);

/**
 * Checks a draft before anything is written: returns why it is refused, field by field (and
 * puts the focus on the first field to fix), or null when it may be saved.
 */
export function refusal(draft: RuleDraft, thresholdInput: HTMLInputElement | null, marginInput?: HTMLInputElement | null): Refusal | null {
  const threshold = draftProblem(draft);
  const margin = draft.hysteresisPct !== undefined ? marginProblem(draft.hysteresisPct) : null;
  if (threshold) thresholdInput?.focus();
  else if (margin) marginInput?.focus();
  return threshold || margin ? { threshold, margin } : null;
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
  /** The hysteresis margin typed, in percent; its box is shown only for that re-arm mode. */
  margin: string;
  onMargin: (text: string) => void;
  /** Why the threshold is refused, shown under the fields and tied to the threshold box. */
  problem: string | null;
  problemId: string;
  /** Why the margin is refused, likewise tied to the margin box. */
  marginProblem: string | null;
  kindRef?: Ref<HTMLSelectElement>;
  thresholdRef?: Ref<HTMLInputElement>;
  marginRef?: Ref<HTMLInputElement>;
}

/** Condition, threshold, re-arm mode and (for hysteresis) margin, each labelled, and each box's problem in an alert. */
export function RuleFields(props: RuleFieldsProps) {
  const { subject, kinds, kind, onKind, threshold, onThreshold, rearm, onRearm, margin, onMargin, problem, problemId, kindRef, thresholdRef, marginRef } = props;
  const marginId = `${problemId}-margin`;
  const hysteresis = rearm === 'hysteresis';
  const marginRefused = hysteresis ? props.marginProblem : null;
  const { t } = text();
  const unit = unitLabel(kind);
  const named = (plain: OptionsKey, forOne: OptionsKey, values: Record<string, string> = {}): string =>
    subject === null ? t(plain, values) : t(forOne, { ...values, subject });
  return (
    <>
      <label>
        {t('options_condition')}{' '}
        <select
          ref={kindRef}
          value={kind}
          aria-label={named('options_condition', 'options_condition_for')}
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
        {t('options_threshold')}{' '}
        <input
          ref={thresholdRef}
          type="text"
          inputMode={kind === 'volume-above' ? 'numeric' : 'decimal'}
          autocomplete="off"
          value={threshold}
          aria-label={named('options_threshold_label', 'options_threshold_for', { unit })}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? problemId : undefined}
          onInput={(e) => onThreshold((e.currentTarget as HTMLInputElement).value)}
        />{' '}
        <span class="alert-form__unit">{unit}</span>
      </label>
      <label>
        {t('options_rearm')}{' '}
        <select
          value={rearm}
          aria-label={named('options_rearm_mode', 'options_rearm_for')}
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
      {hysteresis && (
        <label>
          {t('options_margin')}{' '}
          <input
            ref={marginRef}
            type="text"
            inputMode="decimal"
            autocomplete="off"
            value={margin}
            aria-label={named('options_margin_label', 'options_margin_for')}
            aria-invalid={marginRefused !== null}
            aria-describedby={marginRefused !== null ? marginId : undefined}
            onInput={(e) => onMargin((e.currentTarget as HTMLInputElement).value)}
          />{' '}
          <span class="alert-form__unit">%</span>
        </label>
      )}
      {problem !== null && (
        <p class="alert-form__problem" id={problemId} role="alert">
          {problem}
        </p>
      )}
      {marginRefused !== null && (
        <p class="alert-form__problem" id={marginId} role="alert">
          {marginRefused}
        </p>
      )}
    </>
  );
}

export function AlertForm({ rule, baseline, onSaved, onCancel, onFailed }: AlertFormProps) {
  const [kind, setKind] = useState<AlertKind>(rule.kind);
  const [threshold, setThreshold] = useState(String(rule.threshold));
  const [rearm, setRearm] = useState<RearmMode>(rule.rearm);
  const [margin, setMargin] = useState(String(rule.hysteresisPct));
  const [problem, setProblem] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  const thresholdInput = useRef<HTMLInputElement>(null);
  const marginInput = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const { t } = text();
  const name = { subject: rule.subject, condition: describeCondition(rule) };

  const finish = (result: Result<unknown, AlertEditError>, condition: string): void => {
    setSaving(false);
    if (result.ok) onSaved(condition);
    else onFailed(t('options_alert_not_saved', { ...name, error: result.error.message }));
  };

  const onSubmit = (e: Event): void => {
    e.preventDefault();
    if (saving) return;
    const hysteresisPct = marginOf(rearm, margin);
    const draft = { kind, threshold: thresholdOf(threshold), rearm, ...(hysteresisPct !== undefined ? { hysteresisPct } : {}) };
    const invalid = refusal({ ...draft, subject: rule.subject, index: rule.index }, thresholdInput.current, marginInput.current);
    setProblem(invalid);
    if (invalid) return;
    setSaving(true);
    const condition = describeCondition(draft);
    void editRule(rule.id, draft, baseline()).then(
      (result) => finish(result, condition),
      (cause: unknown) => finish({ ok: false, error: { kind: 'storage', message: t('options_alert_save_failed', { cause: String(cause) }) } }, condition),
    );
  };

  return (
    <form class="alert-form" onSubmit={onSubmit} aria-label={t('options_alert_edit_label', name)} noValidate>
      <RuleFields
        subject={rule.subject}
        kinds={kindsFor(rule.index)}
        kind={kind}
        onKind={setKind}
        threshold={threshold}
        onThreshold={setThreshold}
        rearm={rearm}
        onRearm={setRearm}
        margin={margin}
        onMargin={setMargin}
        problem={problem?.threshold ?? null}
        problemId={`alert-form-${rule.id}-problem`}
        marginProblem={problem?.margin ?? null}
        kindRef={first}
        thresholdRef={thresholdInput}
        marginRef={marginInput}
      />
      <div class="alert-form__actions">
        <button type="submit" aria-disabled={saving} aria-label={t('options_alert_save_label', name)}>
          {saving ? t('options_saving') : t('options_save')}
        </button>
        <button type="button" onClick={onCancel} aria-label={t('options_alert_cancel_label', name)}>
          {t('options_cancel')}
        </button>
      </div>
    </form>
  );
}
