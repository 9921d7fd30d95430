/** One rule of the options page's list: what it asks, its state in words, and its controls. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { REARM_LABELS, describeCondition, describeStatus } from '../../shared/alerts/describe';
import type { AlertRule, Reading } from '../../shared/alerts/rules';
import { SNOOZE_HOUR_MS, rearmRule, removeRule, snoozeRule, untilTomorrowsSession, type AlertEditError } from '../../shared/alerts/store';
import type { Result } from '../../shared/result';
import type { TimeZoneChoice } from '../../shared/settings';
import { text, type OptionsKey } from '../i18n';
import { AlertForm } from './AlertForm';

export interface AlertOutcome {
  ok: boolean;
  message: string;
}

interface AlertRowProps {
  rule: AlertRule;
  now: number;
  zone: TimeZoneChoice;
  /** The figure on screen for the rule's subject, read when an edit or re-arm is saved. */
  baseline: () => Reading | null;
  /** The time of a click, for snoozes. */
  clock: () => number;
  /** Reports what an action did, or why it failed, to the section's status and alert lines. */
  onOutcome: (outcome: AlertOutcome) => void;
  /** After a delete the row is gone: the section takes the focus. */
  onDeleted: () => void;
}

export function AlertRow({ rule, now, zone, baseline, clock, onOutcome, onDeleted }: AlertRowProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const { t } = text();
  const name = { subject: rule.subject, condition: describeCondition(rule) };
  const snoozed = rule.snoozedUntil !== null && rule.snoozedUntil > now;

  /** Runs one edit and reports its outcome; a rejection is reported too, never dropped. */
  const run = (failed: OptionsKey, edit: () => Promise<Result<unknown, AlertEditError>>, done: string, after?: () => void): void => {
    const report = (message: string): void => onOutcome({ ok: false, message: t(failed, { ...name, message }) });
    void edit().then(
      (result) => {
        if (!result.ok) return report(result.error.message);
        onOutcome({ ok: true, message: done });
        after?.();
      },
      (cause: unknown) => report(String(cause)),
    );
  };

  // A closed form, a re-arm or a cancelled snooze removes the focused control: Edit takes the focus.
  const refocus = useRef(false);
  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);
  const closeForm = (): void => {
    refocus.current = true;
    setEditing(false);
  };
  const focusEdit = (): void => editButton.current?.focus();

  return (
    <li class={`alert-rule alert-rule--${rule.status}${snoozed ? ' alert-rule--snoozed' : ''}`} data-rule-id={rule.id}>
      <div class="alert-rule__text">
        <span>
          <strong class="alert-rule__subject" dir="ltr">
            {rule.subject}
          </strong>
          {rule.index && <span class="alert-rule__index"> {t('options_rule_index')}</span>} <span class="alert-rule__condition">{describeCondition(rule)}</span>
        </span>
        <span class="alert-rule__meta">
          <span class="alert-rule__rearm">{REARM_LABELS[rule.rearm]}</span>
          <span aria-hidden="true"> · </span>
          <span class="alert-rule__status">{describeStatus(rule, now, zone)}</span>
        </span>
      </div>
      {editing ? (
        <AlertForm
          rule={rule}
          baseline={baseline}
          onSaved={(condition) => {
            onOutcome({ ok: true, message: t('options_rule_saved', { subject: rule.subject, condition }) });
            closeForm();
          }}
          onCancel={closeForm}
          onFailed={(message) => onOutcome({ ok: false, message })}
        />
      ) : (
        <div class="alert-rule__actions">
          <button type="button" ref={editButton} onClick={() => setEditing(true)} aria-label={t('options_rule_edit_label', name)}>
            {t('options_edit')}
          </button>
          {rule.status === 'fired' && (
            <button type="button" onClick={() => run('options_rule_fail_rearm', () => rearmRule(rule.id, baseline()), t('options_rule_rearmed', name), focusEdit)} aria-label={t('options_rule_rearm_label', name)}>
              {t('options_rearm_button')}
            </button>
          )}
          <button
            type="button"
            onClick={() => run('options_rule_fail_snooze', () => snoozeRule(rule.id, clock() + SNOOZE_HOUR_MS), t('options_rule_snoozed_hour', name))}
            aria-label={t('options_rule_snooze_hour_label', name)}
          >
            {t('options_snooze_hour')}
          </button>
          <button
            type="button"
            onClick={() => run('options_rule_fail_snooze', () => snoozeRule(rule.id, untilTomorrowsSession(clock())), t('options_rule_snoozed_session', name))}
            aria-label={t('options_rule_snooze_session_label', name)}
          >
            {t('options_snooze_session')}
          </button>
          {snoozed && (
            <button type="button" onClick={() => run('options_rule_fail_unsnooze', () => snoozeRule(rule.id, null), t('options_rule_snooze_cancelled', name), focusEdit)} aria-label={t('options_rule_cancel_snooze_label', name)}>
              {t('options_cancel_snooze')}
            </button>
          )}
          <button type="button" onClick={() => run('options_rule_fail_delete', () => removeRule(rule.id), t('options_rule_deleted', name), onDeleted)} aria-label={t('options_rule_delete_label', name)}>
            {t('options_delete')}
          </button>
        </div>
      )}
    </li>
  );
}
