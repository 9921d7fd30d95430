import type { Settings } from '../../shared/settings';
import { BADGE_PORTFOLIO, MIN_QUOTES_PERIOD_SEC } from '../../shared/settings';

interface GeneralSettingsProps {
  settings: Settings;
  /** Applies an edit to the settings as they are in storage when it is saved. */
  onChange: (edit: (current: Settings) => Settings) => void;
}

export function GeneralSettings({ settings, onChange }: GeneralSettingsProps) {
  return (
    <fieldset class="general">
      <legend>General</legend>
      <label>
        Times shown in{' '}
        <select
          value={settings.timeZone}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value === 'Asia/Karachi' ? 'Asia/Karachi' : 'local';
            onChange((s) => ({ ...s, timeZone: value }));
          }}
        >
          <option value="local">my time zone</option>
          <option value="Asia/Karachi">Pakistan time (PKT)</option>
        </select>
      </label>
      <label>
        Refresh prices every{' '}
        <input
          type="number"
          min={MIN_QUOTES_PERIOD_SEC}
          max={3600}
          step={15}
          value={settings.quotesPeriodSec}
          onChange={(e) => {
            const value = Number((e.currentTarget as HTMLInputElement).value);
            onChange((s) => ({ ...s, quotesPeriodSec: value }));
          }}
        />{' '}
        seconds while the market trades
      </label>
      <label>
        Toolbar badge shows{' '}
        <select value={settings.badge} onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            onChange((s) => ({ ...s, badge: value }));
          }}>
          <option value="off">nothing</option>
          <option value={BADGE_PORTFOLIO}>portfolio day %</option>
          {[...new Set(['KSE100', 'KSE30', ...settings.watchlist])].map((code) => (
            <option key={code} value={code}>
              {code} % change
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.privacy}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLInputElement).checked;
            onChange((s) => ({ ...s, privacy: value }));
          }}
        />{' '}
        Privacy mode: blur figures in the popup until hovered
      </label>
    </fieldset>
  );
}
