/** Fired alerts not seen yet, at the top of the popup until dismissed. */
import { useState } from 'preact/hooks';
import { describeCondition, formatFiredValue } from '../../shared/alerts/describe';
import type { AlertsState } from '../../shared/alerts/rules';
import { markSeen } from '../../shared/alerts/store';
import { formatWhen } from '../../shared/format';
import type { TimeZoneChoice } from '../../shared/settings';

interface FiredListProps {
  alerts: AlertsState | undefined;
  now: number;
  zone: TimeZoneChoice;
}

export function FiredList({ alerts, now, zone }: FiredListProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const unseen = alerts?.fired.filter((f) => !f.seen) ?? [];
  if (unseen.length === 0 && problem === null) return null;
  const dismiss = (): void => {
    setProblem(null);
    void markSeen('all').then(
      (result) => {
        if (!result.ok) setProblem(result.error.message);
      },
      (cause: unknown) => setProblem(`The fired alerts could not be marked seen: ${String(cause)}`),
    );
  };
  const suffix = zone === 'Asia/Karachi' ? ' PKT' : '';
  return (
    <section class="fired" aria-labelledby="fired-heading">
      <div class="fired__head">
        <h2 id="fired-heading" class="section-title">
          Fired alerts
        </h2>
        {unseen.length > 0 && (
          <button type="button" class="fired__dismiss" onClick={dismiss} aria-label="Dismiss fired alerts">
            Dismiss
          </button>
        )}
      </div>
      {unseen.length > 0 && (
      <ul class="fired__list">
        {unseen.map((f) => (
          <li key={f.id} class="fired__item">
            <strong>{f.subject}</strong> {describeCondition(f)} — <span class="num">{formatFiredValue(f)}</span> at {formatWhen(f.at, now, zone)}
            {suffix}
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
