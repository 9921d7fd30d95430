/**
 * Fired alerts not seen yet, at the top of the popup until dismissed. Each names its subject as
 * a link to its PSX page, the page a notification click opens: on Firefox a click may not wake
 * a suspended event page, and without the notifications permission there is no notification.
 */
import { useState } from 'preact/hooks';
import { describeCondition, formatFiredValue } from '../../shared/alerts/describe';
import type { AlertsState, FiredAlert } from '../../shared/alerts/rules';
import { markSeen } from '../../shared/alerts/store';
import { formatWhen, zoneSuffix } from '../../shared/format';
import type { TimeZoneChoice } from '../../shared/settings';
import { text } from '../i18n';

interface FiredListProps {
  alerts: AlertsState | undefined;
  now: number;
  zone: TimeZoneChoice;
}

const PSX_PAGE = 'https://dps.psx.com.pk/';

/** The subject's PSX page: the company's, or the indices' for an index (as the notification's click). */
export function psxPageOf(alert: Pick<FiredAlert, 'subject' | 'index'>): string {
  return alert.index ? `${PSX_PAGE}indices` : `${PSX_PAGE}company/${encodeURIComponent(alert.subject)}`;
}

export function FiredList({ alerts, now, zone }: FiredListProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const unseen = alerts?.fired.filter((f) => !f.seen) ?? [];
  if (unseen.length === 0 && problem === null) return null;
  const dismiss = (): void => {
    setProblem(null);
    // Only the alerts on screen: one that fired since this render was never shown, so it stays unseen.
    void markSeen(unseen.map((f) => f.id)).then(
      (result) => {
        if (!result.ok) setProblem(result.error.message);
      },
      (cause: unknown) => setProblem(text().t('popup_fired_not_seen', { reason: String(cause) })),
    );
  };
  const suffix = zoneSuffix(zone);
  const { t } = text();
  return (
    <section class="fired" aria-labelledby="fired-heading">
      <div class="fired__head">
        <h2 id="fired-heading" class="section-title">
          {t('popup_fired_title')}
        </h2>
        {unseen.length > 0 && (
          <button type="button" class="fired__dismiss" onClick={dismiss} aria-label={t('popup_fired_dismiss_name')}>
            {t('popup_fired_dismiss')}
          </button>
        )}
      </div>
      {unseen.length > 0 && (
      <ul class="fired__list">
        {unseen.map((f) => (
          <li key={f.id} class="fired__item">
            <a
              class="fired__subject"
              href={psxPageOf(f)}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t(f.index ? 'popup_fired_link_indices' : 'popup_fired_link_company', { subject: f.subject })}
              dir="ltr"
            >
              {f.subject}
            </a>{' '}
            {describeCondition(f)} —{' '}
            <span class="num" dir="ltr">
              {formatFiredValue(f)}
            </span>{' '}
            {t('popup_fired_at', { time: `${formatWhen(f.at, now, zone)}${suffix}` })}
          </li>
        ))}
      </ul>
      )}
      {problem !== null && (
        <p class="notice fired__problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
