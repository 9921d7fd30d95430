/** The last fired alerts, newest first, with a way to mark them all seen. */
import { describeCondition, formatFiredValue } from '../../shared/alerts/describe';
import { MAX_FIRED_LOG, type FiredAlert } from '../../shared/alerts/rules';
import { formatDateTime, zoneSuffix } from '../../shared/format';
import type { TimeZoneChoice } from '../../shared/settings';

interface FiredHistoryProps {
  fired: readonly FiredAlert[];
  zone: TimeZoneChoice;
  /** Marks these alerts seen: the unseen ones on screen, never one drawn after this render. */
  onMarkAllSeen: (ids: readonly string[]) => void;
}


export function FiredHistory({ fired, zone, onMarkAllSeen }: FiredHistoryProps) {
  // Stored newest first; sorted again so an imported or hand-edited log still reads that way.
  const shown = [...fired].sort((a, b) => b.at - a.at).slice(0, MAX_FIRED_LOG);
  const unseenIds = shown.filter((f) => !f.seen).map((f) => f.id);
  const unseen = unseenIds.length;
  return (
    <div class="alerts__history">
      <h3 id="alerts-fired-heading">Fired alerts</h3>
      {shown.length === 0 ? (
        <p class="hint">No alert has fired yet.</p>
      ) : (
        <>
          <p class="alerts__history-summary">
            {unseen === 0 ? 'All seen.' : `${unseen} not seen yet.`}{' '}
            {/* Always there, so the focus stays on it once everything is seen. */}
            <button type="button" onClick={() => onMarkAllSeen(unseenIds)}>
              Mark all seen
            </button>
          </p>
          <table class="alerts__fired" aria-labelledby="alerts-fired-heading">
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Condition</th>
                <th scope="col">Value</th>
                <th scope="col">Time</th>
                <th scope="col">Seen</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <tr key={f.id} class={f.seen ? 'alerts__fired-row' : 'alerts__fired-row alerts__fired-row--new'} data-fired-id={f.id}>
                  <td>{f.subject}</td>
                  <td>{describeCondition(f)}</td>
                  <td>{formatFiredValue(f)}</td>
                  <td>
                    <time dateTime={new Date(f.at).toISOString()}>{`${formatDateTime(f.at, zone)}${zoneSuffix(zone)}`}</time>
                  </td>
                  <td>{f.seen ? 'Seen' : 'New'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
