import { switchBarOff, switchBarOn } from '../../shared/bar-access';
import type { Settings } from '../../shared/settings';

interface BarSettingsProps {
  settings: Settings;
  /** Applies an edit to the settings as they are in storage when it is saved. */
  onChange: (edit: (current: Settings) => Settings) => void;
}

/** The ticker bar: on/off (with its permission), position, mode, speed, and the hidden sites. */
export function BarSettings({ settings, onChange }: BarSettingsProps) {
  const pick = <K extends 'barPosition' | 'barMode' | 'barSpeed'>(key: K) =>
    (e: Event): void => {
            const value = (e.currentTarget as HTMLSelectElement).value as Settings[K];
            onChange((s) => ({ ...s, [key]: value }));
          };
  return (
    <fieldset class="bar-settings">
      <legend>Ticker bar on pages</legend>
      <button type="button" role="switch" aria-checked={settings.showBar} onClick={() => void (settings.showBar ? switchBarOff() : switchBarOn())}>
        {settings.showBar ? 'On' : 'Off'}
      </button>{' '}
      <span class="hint">Show ticker bar on pages (asks for access to the sites you visit; turning it off gives it back)</span>
      <label>
        Position{' '}
        <select value={settings.barPosition} onChange={pick('barPosition')}>
          <option value="top">top</option>
          <option value="bottom">bottom</option>
        </select>
      </label>
      <label>
        Mode{' '}
        <select value={settings.barMode} onChange={pick('barMode')}>
          <option value="overlay">overlay (the page does not move)</option>
          <option value="push">push (the page moves down by the bar's height)</option>
        </select>
      </label>
      <label>
        Speed{' '}
        <select value={settings.barSpeed} onChange={pick('barSpeed')}>
          <option value="slow">slow</option>
          <option value="normal">normal</option>
          <option value="fast">fast</option>
        </select>
      </label>
      <p>Hidden on these sites:</p>
      {settings.barHiddenSites.length === 0 ? (
        <p class="hint">none</p>
      ) : (
        <ul class="hidden-sites">
          {settings.barHiddenSites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button
                type="button"
                aria-label={`Show the bar on ${site} again`}
                onClick={() => onChange((s) => ({ ...s, barHiddenSites: s.barHiddenSites.filter((h) => h !== site) }))}
              >
                Show again
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
