/**
 * The bell's form: a symbol's alerts, and a new one set against the price on screen. Every
 * edit goes through the alerts store; what it answers (saved, waiting, refused) is said in words.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeCondition, describeStatus, KIND_LABELS, REARM_LABELS } from '../../shared/alerts/describe';
import { requestNotifications } from '../../shared/alerts/notification-permission';
import { ALERT_KINDS, DEFAULT_HYSTERESIS_PCT, REARM_MODES, type AlertKind, type AlertRule, type Reading, type RearmMode } from '../../shared/alerts/rules';
import { addRule, draftProblem, rearmRule, removeRule, type RuleDraft } from '../../shared/alerts/store';
import type { Quote } from '../../shared/model';
import type { TimeZoneChoice } from '../../shared/settings';
import { marginProblem, parseDecimal } from '../../ui/parse-number';
import { text, type RowsKey } from '../rows-i18n';

interface AlertFormProps {
  id: string;
  subject: string;
  /** An index code rather than a symbol: no volume rules. */
  index: boolean;
  /** The quote on screen: what the threshold box starts with. */
  quote: Quote | undefined;
  /**
   * The figure a new or re-armed rule is checked against, read at the moment it is saved: the
   * quote on screen only if the cycle would trust it (trustedBaseline), else null.
   */
  baseline: () => Reading | null;
  /** This subject's rules. */
  rules: readonly AlertRule[];
  /** Rules of all subjects: the first one asks for the notifications permission. */
  totalRules: number;
  now: number;
  zone: TimeZoneChoice;
  onClose: () => void;
}

type Unit = 'price' | 'percent' | 'volume';
const unitOf = (kind: AlertKind): Unit => (kind.startsWith('price') ? 'price' : kind.startsWith('change') ? 'percent' : 'volume');
const THRESHOLD_LABELS: Record<Unit, RowsKey> = { price: 'rows_threshold_price', percent: 'rows_threshold_percent', volume: 'rows_threshold_volume' };

/** What the threshold box starts with: the price on screen, a whole percent past today's move, the next round volume. */
export function defaultThreshold(kind: AlertKind, quote: Quote | undefined): string {
  switch (kind) {
    case 'price-above':
    case 'price-below':
      return quote && quote.price > 0 ? String(quote.price) : '';
    case 'change-above':
    case 'change-below': {
      const move = quote ? (kind === 'change-above' ? quote.changePercent : -quote.changePercent) : 0;
      return String(Math.max(2, Math.floor(Math.max(move, 0)) + 1));
    }
    case 'volume-above': {
      const volume = quote?.volume ?? 0;
      if (!(volume > 0)) return '1000000';
      const step = 10 ** Math.floor(Math.log10(volume));
      return String(Math.ceil((volume + 1) / step) * step);
    }
  }
}

/** The number typed: a plain decimal, thousands separators allowed; NaN for anything else (the shared parser). */
export const parseThreshold = parseDecimal;

/** Said with the saved rule when the user refused notifications. */
export const refusedSentence = (): string => text().t('rows_notifications_refused');

/** Said with a saved rule whose condition already holds. */
export const waitingSentence = (kind: AlertKind): string => text().t(kind === 'volume-above' ? 'rows_alert_waiting_volume' : 'rows_alert_waiting_price');

export function AlertForm({ id, subject, index, quote, baseline, rules, totalRules, now, zone, onClose }: AlertFormProps) {
  const kinds = ALERT_KINDS.filter((k) => !(index && k === 'volume-above'));
  const [kind, setKind] = useState<AlertKind>('price-above');
  const [threshold, setThreshold] = useState(() => defaultThreshold('price-above', quote));
  const [rearm, setRearm] = useState<RearmMode>('hysteresis');
  const [margin, setMargin] = useState(String(DEFAULT_HYSTERESIS_PCT));
  /** Why the draft is not accepted (tied to the threshold box, or the margin box), and what an edit answered. */
  const [invalid, setInvalid] = useState<string | null>(null);
  const [marginInvalid, setMarginInvalid] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  /** The user's refusal (said with the saved rule), or why the browser could not ask (an alert). */
  const [permissionNote, setPermissionNote] = useState<string | null>(null);
  const [permissionError, setPermissionError] = useState<string | null>(null);
  const saving = useRef(false);
  const thresholdRef = useRef<HTMLInputElement>(null);

  // Focus moves into the form, on the figure the user most likely wants to change.
  useEffect(() => {
    thresholdRef.current?.focus();
    thresholdRef.current?.select();
  }, []);

  const settle = (what: Promise<{ ok: true } | { ok: false; error: { message: string } }>, done?: () => void): void => {
    setProblem(null);
    void what.then(
      (result) => {
        if (!result.ok) return setProblem(result.error.message);
        done?.();
      },
      (cause: unknown) => setProblem(text().t('rows_alert_change_failed', { cause: String(cause) })),
    );
  };

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    if (saving.current) return;
    const hysteresis = rearm === 'hysteresis';
    const hysteresisPct = hysteresis ? parseDecimal(margin) : undefined;
    const draft: RuleDraft = { subject, index, kind, threshold: parseThreshold(threshold), rearm, ...(hysteresisPct !== undefined ? { hysteresisPct } : {}) };
    const why = draftProblem(draft);
    const marginWhy = hysteresisPct !== undefined ? marginProblem(hysteresisPct) : null;
    setInvalid(why);
    setMarginInvalid(marginWhy);
    if (why || marginWhy) {
      setNote(null);
      return;
    }
    // Still inside the user's gesture, nothing awaited yet: Firefox asks only then.
    const asking = totalRules === 0 ? requestNotifications() : null;
    saving.current = true;
    setProblem(null);
    setNote(null);
    setPermissionNote(null);
    setPermissionError(null);
    void asking?.then((answer) => {
      if (answer.granted) return;
      // The browser could not ask (not the user's "no"): said as such, in an alert.
      if (answer.error !== undefined) setPermissionError(answer.error);
      else setPermissionNote(refusedSentence());
    });
    void addRule(draft, baseline(), Date.now())
      .then(
        (result) => {
          if (!result.ok) return setProblem(result.error.message);
          const rule = result.value;
          const saved = text().t('rows_alert_saved', { condition: describeCondition(rule) });
          setNote(rule.status === 'waiting' ? `${saved} ${waitingSentence(rule.kind)}` : saved);
        },
        (cause: unknown) => setProblem(text().t('rows_alert_save_failed', { cause: String(cause) })),
      )
      .finally(() => {
        saving.current = false;
      });
  };

  const onKindChange = (next: AlertKind): void => {
    if (unitOf(next) !== unitOf(kind)) setThreshold(defaultThreshold(next, quote));
    setKind(next);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  const headingId = `${id}-title`;
  const { t } = text();
  return (
    <form class="alert-form" id={id} data-alert-form={subject} aria-labelledby={headingId} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      <h3 class="alert-form__title" id={headingId}>
        {t('rows_alerts_for', { symbol: subject })}
      </h3>
      {rules.length > 0 && (
        <ul class="alert-rules" aria-label={t('rows_subject_alerts', { symbol: subject })}>
          {rules.map((rule) => {
            const condition = describeCondition(rule);
            const fired = rule.status === 'fired';
            return (
              <li key={rule.id} class={fired ? 'alert-rule alert-rule--fired' : 'alert-rule'}>
                <span class="alert-rule__condition">{condition}</span>
                <span class="alert-rule__status">{describeStatus(rule, now, zone)}</span>
                <span class="alert-rule__actions">
                  {/* Only a fired rule has anything to re-arm (as on the options page); a snoozed one is un-snoozed there. */}
                  {fired && (
                    <button type="button" onClick={() => settle(rearmRule(rule.id, baseline()))} aria-label={t('rows_rearm_named', { symbol: subject, condition })}>
                      {t('rows_rearm')}
                    </button>
                  )}
                  <button type="button" onClick={() => settle(removeRule(rule.id), () => {
                        setNote(t('rows_deleted', { condition }));
                        thresholdRef.current?.focus();
                      })} aria-label={t('rows_delete_named', { symbol: subject, condition })}>
                    {t('rows_delete')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <div class="alert-form__fields">
        <label>
          <span>{t('rows_condition')}</span>
          <select value={kind} onChange={(e) => onKindChange((e.currentTarget as HTMLSelectElement).value as AlertKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t(THRESHOLD_LABELS[unitOf(kind)])}</span>
          <input
            ref={thresholdRef}
            type="text"
            inputMode={unitOf(kind) === 'volume' ? 'numeric' : 'decimal'}
            autocomplete="off"
            dir="ltr"
            value={threshold}
            aria-invalid={invalid !== null ? 'true' : undefined}
            aria-describedby={invalid !== null ? `${id}-invalid` : undefined}
            onInput={(e) => setThreshold((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          <span>{t('rows_rearm')}</span>
          <select
            value={rearm}
            onChange={(e) => {
              setRearm((e.currentTarget as HTMLSelectElement).value as RearmMode);
              setMarginInvalid(null);
            }}
          >
            {REARM_MODES.map((m) => (
              <option key={m} value={m}>
                {REARM_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        {rearm === 'hysteresis' && (
          <label>
            <span>{t('rows_margin')}</span>
            <input
              type="text"
              inputMode="decimal"
              autocomplete="off"
              dir="ltr"
              value={margin}
              aria-invalid={marginInvalid !== null ? 'true' : undefined}
              aria-describedby={marginInvalid !== null ? `${id}-margin-invalid` : undefined}
              onInput={(e) => setMargin((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
        )}
      </div>
      {invalid !== null && (
        <p class="alert-form__problem" id={`${id}-invalid`} role="alert">
          {invalid}
        </p>
      )}
      {marginInvalid !== null && rearm === 'hysteresis' && (
        <p class="alert-form__problem" id={`${id}-margin-invalid`} role="alert">
          {marginInvalid}
        </p>
      )}
      {permissionError !== null && (
        <p class="alert-form__problem" role="alert">
          {permissionError}
        </p>
      )}
      {problem !== null && (
        <p class="alert-form__problem" role="alert">
          {problem}
        </p>
      )}
      <p class="alert-form__note" role="status">
        {note}
        {permissionNote && ` ${permissionNote}`}
      </p>
      <div class="alert-form__buttons">
        <button type="submit" class="button">
          {t('rows_save')}
        </button>
        <button type="button" class="alert-form__cancel" onClick={onClose}>
          {t('rows_cancel')}
        </button>
      </div>
    </form>
  );
}
