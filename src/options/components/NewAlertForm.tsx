/**
 * "Add an alert": a rule on any of the user's indices or watchlist symbols, set from the
 * options page (the popup's bell sets rules on watchlist symbols only). The threshold starts
 * at the figure the market view holds for the subject; the new rule is checked against that
 * figure only if the cycle would trust it (fresh, not held, not the fallback's unless
 * allowed), so a rule already true says it waits, and one set over a stale figure is left for
 * the first trusted reading to settle.
 */
import { useRef, useState } from 'preact/hooks';
import { describeCondition } from '../../shared/alerts/describe';
import { requestNotifications } from '../../shared/alerts/notification-permission';
import { DEFAULT_HYSTERESIS_PCT, metricOf, type AlertKind, type Reading, type RearmMode } from '../../shared/alerts/rules';
import { addRule, type RuleDraft } from '../../shared/alerts/store';
import type { AlertSubject } from '../alert-baseline';
import { text } from '../i18n';
import { RuleFields, UNITS, kindsFor, marginOf, refusal, thresholdOf, type Refusal } from './AlertForm';

interface NewAlertFormProps {
  /** The index codes the user follows (settings.indices). */
  indices: readonly string[];
  /** The watchlist's symbols. */
  watchlist: readonly string[];
  /** Rules of all subjects: the first one asks for the notifications permission. */
  totalRules: number;
  /** A figure the cycle would trust for a subject, or null: the new rule's baseline, read when it is added. */
  baseline: (subject: AlertSubject) => Reading | null;
  /** The figure on screen for a subject, trusted or not: only the threshold's first value. */
  shown: (subject: AlertSubject) => Reading | null;
  /** The time the rule is created at. */
  clock: () => number;
}

const DECIMALS: Record<AlertKind, number> = { 'price-above': 4, 'price-below': 4, 'change-above': 2, 'change-below': 2, 'volume-above': 0 };

/** The subject's current figure for this kind, as the threshold box writes it; '' when unknown. */
export function currentFigure(kind: AlertKind, reading: Reading | null): string {
  const value = reading ? metricOf(kind, reading) : null;
  if (value === null) return '';
  // A day-change threshold is the size of the move, always positive.
  const figure = Number((kind.startsWith('change') ? Math.abs(value) : value).toFixed(DECIMALS[kind]));
  return figure > 0 ? String(figure) : '';
}

const keyOf = (s: AlertSubject): string => `${s.index ? 'index' : 'symbol'}:${s.subject}`;
const nameOf = (s: AlertSubject): string => (s.index ? text().t('options_subject_index', { subject: s.subject }) : s.subject);


export function NewAlertForm({ indices, watchlist, totalRules, baseline, shown, clock }: NewAlertFormProps) {
  const subjects: AlertSubject[] = [...indices.map((subject) => ({ subject, index: true })), ...watchlist.map((subject) => ({ subject, index: false }))];
  const [chosen, setChosen] = useState<string | null>(null);
  const [kindChosen, setKind] = useState<AlertKind>('price-above');
  /** What the user typed; null while the box shows the current figure. */
  const [typed, setTyped] = useState<string | null>(null);
  const [rearm, setRearm] = useState<RearmMode>('hysteresis');
  const [margin, setMargin] = useState(String(DEFAULT_HYSTERESIS_PCT));
  const [invalid, setInvalid] = useState<Refusal | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [note, setNote] = useState('');
  /** The user's refusal (said with the added rule), or why the browser could not ask (an alert). */
  const [permissionNote, setPermissionNote] = useState('');
  const [permissionError, setPermissionError] = useState<string | null>(null);
  const saving = useRef(false);
  const thresholdInput = useRef<HTMLInputElement>(null);
  const marginInput = useRef<HTMLInputElement>(null);

  // A subject taken off the watchlist or the indices meanwhile: the first one stands in.
  const subject = subjects.find((s) => keyOf(s) === chosen) ?? subjects[0];
  const { t } = text();
  const heading = (
    <h3 id="new-alert-heading" class="new-alert__heading">
      {t('options_new_alert_heading')}
    </h3>
  );
  if (!subject) {
    return (
      <>
        {heading}
        <p class="hint">{t('options_new_alert_none')}</p>
      </>
    );
  }
  const kinds = kindsFor(subject.index);
  const kind = kinds.includes(kindChosen) ? kindChosen : 'price-above';
  const threshold = typed ?? currentFigure(kind, shown(subject));

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    if (saving.current) return;
    const hysteresisPct = marginOf(rearm, margin);
    const draft: RuleDraft = { subject: subject.subject, index: subject.index, kind, threshold: thresholdOf(threshold), rearm, ...(hysteresisPct !== undefined ? { hysteresisPct } : {}) };
    const why = refusal(draft, thresholdInput.current, marginInput.current);
    setInvalid(why);
    setFailure(null);
    setNote('');
    setPermissionNote('');
    setPermissionError(null);
    if (why) return;
    // Still inside the user's gesture, nothing awaited yet: Firefox asks only then.
    const asking = totalRules === 0 ? requestNotifications() : null;
    void asking?.then((answer) => {
      if (answer.granted) return;
      // The browser could not ask (not the user's "no"): said as such, in an alert.
      if (answer.error !== undefined) setPermissionError(answer.error);
      else setPermissionNote(text().t('options_new_alert_refused'));
    });
    saving.current = true;
    const name = nameOf(subject);
    void addRule(draft, baseline(subject), clock())
      .then(
        (result) => {
          if (!result.ok) return setFailure(text().t('options_alert_not_added', { message: result.error.message }));
          const rule = result.value;
          const added = text().t('options_alert_added', { name, condition: describeCondition(rule) });
          setNote(rule.status === 'waiting' ? `${added} ${text().t('options_new_alert_waiting')}` : added);
          setTyped(null);
        },
        (cause: unknown) => setFailure(text().t('options_alert_not_added_cause', { cause: String(cause) })),
      )
      .finally(() => {
        saving.current = false;
      });
  };

  return (
    <>
      {heading}
      <form class="alert-form new-alert" onSubmit={onSubmit} aria-labelledby="new-alert-heading" noValidate>
      <label>
        {t('options_subject')}{' '}
        <select
          value={keyOf(subject)}
          onChange={(e) => {
            setChosen((e.currentTarget as HTMLSelectElement).value);
            setTyped(null);
          }}
        >
          {indices.length > 0 && (
            <optgroup label={t('options_indices')}>
              {subjects.filter((s) => s.index).map((s) => (
                <option key={keyOf(s)} value={keyOf(s)}>
                  {nameOf(s)}
                </option>
              ))}
            </optgroup>
          )}
          {watchlist.length > 0 && (
            <optgroup label={t('options_watchlist')}>
              {subjects.filter((s) => !s.index).map((s) => (
                <option key={keyOf(s)} value={keyOf(s)}>
                  {nameOf(s)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <RuleFields
        subject={null}
        kinds={kinds}
        kind={kind}
        onKind={(next) => {
          // Another unit: the figure typed for the old one means nothing for the new.
          if (UNITS[next] !== UNITS[kind]) setTyped(null);
          setKind(next);
        }}
        threshold={threshold}
        onThreshold={setTyped}
        rearm={rearm}
        onRearm={setRearm}
        margin={margin}
        onMargin={setMargin}
        problem={invalid?.threshold ?? null}
        problemId="new-alert-problem"
        marginProblem={invalid?.margin ?? null}
        thresholdRef={thresholdInput}
        marginRef={marginInput}
      />
      <div class="alert-form__actions">
        <button type="submit">{t('options_add_alert')}</button>
      </div>
      {failure !== null && (
        <p class="alert-form__problem" role="alert">
          {failure}
        </p>
      )}
      {permissionError !== null && (
        <p class="alert-form__problem" role="alert">
          {permissionError}
        </p>
      )}
      <p class="new-alert__note" role="status">
        {note}
        {note && permissionNote ? ' ' : ''}
        {permissionNote}
      </p>
      </form>
    </>
  );
}
