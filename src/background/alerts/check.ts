/**
 * The cycle's alert step: the quotes already read are checked against the rules (no request
 * of its own), the new state and the fired log are written in one serialised update, and each
 * firing becomes a system notification where the user allowed them. Runs in the cycle's
 * `finally`, after the figures' presentation is decided, so stale figures never reach a rule.
 */
import { evaluateAlerts } from '../../shared/alerts/evaluate';
import { trustedReadings } from '../../shared/alerts/readings';
import type { AlertsState, FiredAlert } from '../../shared/alerts/rules';
import { alertsItem } from '../../shared/alerts/store';
import { recordEvents } from '../../shared/diagnostics';
import type { MarketPhase, Snapshot, SourceId } from '../../shared/model';
import type { Settings } from '../../shared/settings';
import { notifyFired } from './notify';

export interface AlertCheck {
  /** The alerts as stored after the step: what the presentation counts. */
  state: AlertsState;
  fired: FiredAlert[];
}

/** `figures`: what the presentation says of them: stale or not, and the market's phase. */
export async function checkAlerts(snapshot: Snapshot, fetched: readonly SourceId[], settings: Settings, figures: { stale: boolean; phase: MarketPhase }, now: number): Promise<AlertCheck> {
  let fired: FiredAlert[] = [];
  const written = await alertsItem.update((state) => {
    const readings = trustedReadings({ snapshot, fetched, rules: state.rules, stale: figures.stale, sessionOpen: figures.phase === 'open', allowFallback: settings.alertsOnFallback });
    const evaluation = evaluateAlerts({ state, readings, newId: () => crypto.randomUUID() });
    fired = evaluation.fired;
    return evaluation.state;
  });
  if (!written.ok) {
    // Not written, so nothing fired: the same crossing is still there for the next cycle.
    await recordEvents([{ at: now, kind: 'storage', subject: 'alerts', detail: `alert state not saved (${written.error.kind}): ${written.error.detail}` }]);
    return { state: await alertsItem.get(), fired: [] };
  }
  if (fired.length > 0) await notifyFired(fired, settings, now);
  return { state: written.value, fired };
}
