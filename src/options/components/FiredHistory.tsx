/** The last fired alerts, newest first, with a way to mark them all seen. */
import { describeCondition, formatFiredValue } from '../../shared/alerts/describe';
import { MAX_FIRED_LOG, type FiredAlert } from '../../shared/alerts/rules';
import { formatDateTime, zoneSuffix } from '../../shared/format';
import type { TimeZoneChoice } from '../../shared/settings';
import { text } from '../i18n';

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
  const { t, plural } = text();
  return (
    <div class="alerts__history">
      <h3 id="alerts-fired-heading">{t('options_fired_heading')}</h3>
      {shown.length === 0 ? (
        <p class="hint">{t('options_fired_none')}</p>
      ) : (
        <>
          <p class="alerts__history-summary">
            {unseen === 0 ? t('options_all_seen') : plural('options_not_seen', unseen)}{' '}
            {/* Always there, so the focus stays on it once everything is seen. */}
            <button type="button" onClick={() => onMarkAllSeen(unseenIds)}>
              {t('options_mark_all_seen')}
            </button>
          </p>
          <table class="alerts__fired" aria-labelledby="alerts-fired-heading">
            <thead>
              <tr>
                <th scope="col">{t('options_col_subject')}</th>
                <th scope="col">{t('options_col_condition')}</th>
                <th scope="col" class="num">{t('options_col_value')}</th>
                <th scope="col">{t('options_col_time')}</th>
                <th scope="col">{t('options_col_seen')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <tr key={f.id} class={f.seen ? 'alerts__fired-row' : 'alerts__fired-row alerts__fired-row--new'} data-fired-id={f.id}>
                  <td>
                    <bdi>{f.subject}</bdi>
                  </td>
                  <td>{describeCondition(f)}</td>
                  <td class="num" dir="ltr">
                    <bdi>{formatFiredValue(f)}</bdi>
                  </td>
                  <td>
                    <time dateTime={new Date(f.at).toISOString()}>{`${formatDateTime(f.at, zone)}${zoneSuffix(zone)}`}</time>
                  </td>
                  <td>{f.seen ? t('options_seen') : t('options_new')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
