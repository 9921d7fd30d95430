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
import { text } from '../i18n';
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
    const report = (message: string): void => setOutcome({ ok: false, message: text().t('options_mark_seen_failed', { message }) });
    void markSeen(ids).then(
      (result) => (result.ok ? setOutcome({ ok: true, message: text().t('options_marked_seen') }) : report(result.error.message)),
      (cause: unknown) => report(String(cause)),
    );
  };

  const { t } = text();
  return (
    <section class="alerts" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading" ref={heading} tabIndex={-1}>
        {t('options_alerts_heading')}
      </h2>
      <NotificationsLine />
      <fieldset class="alerts__settings">
        <legend>{t('options_alert_settings')}</legend>
        <label>
          <input
            type="checkbox"
            checked={settings.alertsOnFallback}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLInputElement).checked;
              onChange((s) => ({ ...s, alertsOnFallback: value }));
            }}
          />{' '}
          {t('options_alerts_on_fallback')}
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
          {t('options_badge_alerts')}
        </label>
      </fieldset>
      <p class="alerts__outcome alerts__outcome--error" role="alert">
        {outcome && !outcome.ok ? outcome.message : ''}
      </p>
      <p class="alerts__outcome" role="status">
        {outcome?.ok ? outcome.message : ''}
      </p>
      <h3 id="alerts-rules-heading">{t('options_rules')}</h3>
      {alerts === undefined ? (
        <p role="status">{t('options_loading_alerts')}</p>
      ) : alerts.rules.length === 0 ? (
        <p class="alerts__empty">{t('options_no_alerts')}</p>
      ) : (
        <>
          <p class="hint">
            {t('options_rules_count', { count: alerts.rules.length, max: MAX_RULES })}
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
