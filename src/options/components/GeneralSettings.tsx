import type { Settings } from '../../shared/settings';
import { MIN_QUOTES_PERIOD_SEC } from '../../shared/settings';

interface GeneralSettingsProps {
  settings: Settings;
  /** Saves a changed copy of the settings. */
  onChange: (next: Settings) => void;
}

export function GeneralSettings({ settings, onChange }: GeneralSettingsProps) {
  return (
    <fieldset class="general">
      <legend>General</legend>
      <label>
        Times shown in{' '}
        <select
          value={settings.timeZone}
          onChange={(e) => onChange({ ...settings, timeZone: (e.currentTarget as HTMLSelectElement).value === 'Asia/Karachi' ? 'Asia/Karachi' : 'local' })}
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
          onChange={(e) => onChange({ ...settings, quotesPeriodSec: Number((e.currentTarget as HTMLInputElement).value) })}
        />{' '}
        seconds while the market trades
      </label>
      <label>
        Toolbar badge shows{' '}
        <select value={settings.badge} onChange={(e) => onChange({ ...settings, badge: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="off">nothing</option>
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
          onChange={(e) => onChange({ ...settings, privacy: (e.currentTarget as HTMLInputElement).checked })}
        />{' '}
        Privacy mode: blur figures in the popup until hovered
      </label>
    </fieldset>
  );
}
