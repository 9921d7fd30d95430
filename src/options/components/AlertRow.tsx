/** One rule of the options page's list: what it asks, its state in words, and its controls. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { REARM_LABELS, describeCondition, describeStatus } from '../../shared/alerts/describe';
import type { AlertRule, Reading } from '../../shared/alerts/rules';
import { SNOOZE_HOUR_MS, rearmRule, removeRule, snoozeRule, untilTomorrowsSession, type AlertEditError } from '../../shared/alerts/store';
import type { Result } from '../../shared/result';
import type { TimeZoneChoice } from '../../shared/settings';
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
  const name = `alert ${rule.subject} ${describeCondition(rule)}`;
  const snoozed = rule.snoozedUntil !== null && rule.snoozedUntil > now;

  /** Runs one edit and reports its outcome; a rejection is reported too, never dropped. */
  const run = (what: string, edit: () => Promise<Result<unknown, AlertEditError>>, done: string, after?: () => void): void => {
    const report = (message: string): void => onOutcome({ ok: false, message: `Could not ${what} ${name}: ${message}` });
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
          <strong class="alert-rule__subject">{rule.subject}</strong>
          {rule.index && <span class="alert-rule__index"> (index)</span>} <span class="alert-rule__condition">{describeCondition(rule)}</span>
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
            onOutcome({ ok: true, message: `Saved alert ${rule.subject} ${condition}.` });
            closeForm();
          }}
          onCancel={closeForm}
          onFailed={(message) => onOutcome({ ok: false, message })}
        />
      ) : (
        <div class="alert-rule__actions">
          <button type="button" ref={editButton} onClick={() => setEditing(true)} aria-label={`Edit ${name}`}>
            Edit
          </button>
          {rule.status === 'fired' && (
            <button type="button" onClick={() => run('re-arm', () => rearmRule(rule.id, baseline()), `Re-armed ${name}.`, focusEdit)} aria-label={`Re-arm ${name}`}>
              Re-arm
            </button>
          )}
          <button
            type="button"
            onClick={() => run('snooze', () => snoozeRule(rule.id, clock() + SNOOZE_HOUR_MS), `Snoozed ${name} for 1 hour.`)}
            aria-label={`Snooze 1 h ${name}`}
          >
            Snooze 1 h
          </button>
          <button
            type="button"
            onClick={() => run('snooze', () => snoozeRule(rule.id, untilTomorrowsSession(clock())), `Snoozed ${name} until tomorrow's session.`)}
            aria-label={`Snooze until tomorrow's session ${name}`}
          >
            Snooze until tomorrow's session
          </button>
          {snoozed && (
            <button type="button" onClick={() => run('cancel the snooze of', () => snoozeRule(rule.id, null), `Snooze of ${name} cancelled.`, focusEdit)} aria-label={`Cancel snooze ${name}`}>
              Cancel snooze
            </button>
          )}
          <button type="button" onClick={() => run('delete', () => removeRule(rule.id), `Deleted ${name}.`, onDeleted)} aria-label={`Delete ${name}`}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
