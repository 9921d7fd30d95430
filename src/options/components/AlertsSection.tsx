/**
 * The options page's alerts: every rule with its state in words and its controls (edit,
 * delete, re-arm, snooze), the last fired alerts, whether they are also system
 * notifications, and the two alert settings. Rules are added here (any index or watchlist
 * symbol) or from the popup's bell (watchlist symbols).
 */
import { useRef, useState } from 'preact/hooks';
import type { AlertsState, Reading } from '../../shared/alerts/rules';
import { MAX_RULES } from '../../shared/alerts/rules';
import { markSeen } from '../../shared/alerts/store';
import type { MarketState } from '../../shared/market-store';
import type { Settings } from '../../shared/settings';
import { baselineFor, shownReading, type AlertSubject } from '../alert-baseline';
import { AlertRow, type AlertOutcome } from './AlertRow';
import { FiredHistory } from './FiredHistory';
import { NewAlertForm } from './NewAlertForm';
import { NotificationsLine } from './NotificationsLine';

interface AlertsSectionProps {
  /** The stored alerts; undefined until read. */
  alerts: AlertsState | undefined;
  /** The market view, for the figure a new, edited or re-armed rule is checked against. */
  market: MarketState | undefined;
  settings: Settings;
  now: number;
  onChange: (edit: (current: Settings) => Settings) => void;
  /** The time of a click; the system clock unless a test pins it. */
  clock?: () => number;
}

export function AlertsSection({ alerts, market, settings, now, onChange, clock = Date.now }: AlertsSectionProps) {
  const [outcome, setOutcome] = useState<AlertOutcome | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Read at the moment of the click, so a market view written since the last render counts.
  const marketNow = useRef(market);
  marketNow.current = market;
  const fallbackNow = useRef(settings.alertsOnFallback);
  fallbackNow.current = settings.alertsOnFallback;
  /** A figure the cycle would trust for this subject, or null (see src/shared/alerts/baseline.ts). */
  const trusted = (subject: AlertSubject): Reading | null => baselineFor(subject, marketNow.current, fallbackNow.current);

  /** Marks seen the alerts the history shows: one that fired since it was drawn stays unseen. */
  const markAllSeen = (ids: readonly string[]): void => {
    const report = (message: string): void => setOutcome({ ok: false, message: `Could not mark the fired alerts seen: ${message}` });
    void markSeen(ids).then(
      (result) => (result.ok ? setOutcome({ ok: true, message: 'Fired alerts marked seen.' }) : report(result.error.message)),
      (cause: unknown) => report(String(cause)),
    );
  };

  return (
    <section class="alerts" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading" ref={heading} tabIndex={-1}>
        Alerts
      </h2>
      <NotificationsLine />
      <fieldset class="alerts__settings">
        <legend>Alert settings</legend>
        <label>
          <input
            type="checkbox"
            checked={settings.alertsOnFallback}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLInputElement).checked;
              onChange((s) => ({ ...s, alertsOnFallback: value }));
            }}
          />{' '}
          Alerts may fire on PSX Terminal data while the PSX portal is down
        </label>
        <label>
          <input
            type="checkbox"
            checked={settings.badgeAlerts}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLInputElement).checked;
              onChange((s) => ({ ...s, badgeAlerts: value }));
            }}
          />{' '}
          Toolbar badge shows the number of unseen fired alerts
        </label>
      </fieldset>
      <p class="alerts__outcome alerts__outcome--error" role="alert">
        {outcome && !outcome.ok ? outcome.message : ''}
      </p>
      <p class="alerts__outcome" role="status">
        {outcome?.ok ? outcome.message : ''}
      </p>
      <h3 id="alerts-rules-heading">Rules</h3>
      {alerts === undefined ? (
        <p role="status">Loading alerts…</p>
      ) : alerts.rules.length === 0 ? (
        <p class="alerts__empty">No alerts yet: add one here, or with the bell beside a symbol in the popup.</p>
      ) : (
        <>
          <p class="hint">
            {alerts.rules.length} of at most {MAX_RULES} alerts.
          </p>
          <ul class="alerts__rules" aria-labelledby="alerts-rules-heading">
            {alerts.rules.map((rule) => (
              <AlertRow
                key={rule.id}
                rule={rule}
                now={now}
                zone={settings.timeZone}
                baseline={() => trusted(rule)}
                clock={clock}
                onOutcome={setOutcome}
                onDeleted={() => heading.current?.focus()}
              />
            ))}
          </ul>
        </>
      )}
      {alerts !== undefined && (
        <NewAlertForm
          indices={settings.indices}
          watchlist={settings.watchlist}
          totalRules={alerts.rules.length}
          baseline={trusted}
          shown={(subject) => shownReading(subject, marketNow.current)}
          clock={clock}
        />
      )}
      {alerts !== undefined && <FiredHistory fired={alerts.fired} zone={settings.timeZone} onMarkAllSeen={markAllSeen} />}
    </section>
  );
}
