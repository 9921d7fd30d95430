import { switchBarOff, switchBarOn } from '../../shared/bar-access';
import type { Settings } from '../../shared/settings';
import { text } from '../i18n';

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
  const { t } = text();
  return (
    <fieldset class="bar-settings">
      <legend>{t('options_bar_legend')}</legend>
      <button type="button" role="switch" aria-checked={settings.showBar} onClick={() => void (settings.showBar ? switchBarOff() : switchBarOn())}>
        {settings.showBar ? t('options_on') : t('options_off')}
      </button>{' '}
      <span class="hint">{t('options_bar_hint')}</span>
      <label>
        {t('options_bar_position')}{' '}
        <select value={settings.barPosition} onChange={pick('barPosition')}>
          <option value="top">{t('options_bar_top')}</option>
          <option value="bottom">{t('options_bar_bottom')}</option>
        </select>
      </label>
      <label>
        {t('options_bar_mode')}{' '}
        <select value={settings.barMode} onChange={pick('barMode')}>
          <option value="overlay">{t('options_bar_overlay')}</option>
          <option value="push">{t('options_bar_push')}</option>
        </select>
      </label>
      <label>
        {t('options_bar_speed')}{' '}
        <select value={settings.barSpeed} onChange={pick('barSpeed')}>
          <option value="slow">{t('options_bar_slow')}</option>
          <option value="normal">{t('options_bar_normal')}</option>
          <option value="fast">{t('options_bar_fast')}</option>
        </select>
      </label>
      <p>{t('options_bar_hidden_sites')}</p>
      {settings.barHiddenSites.length === 0 ? (
        <p class="hint">{t('options_none')}</p>
      ) : (
        <ul class="hidden-sites">
          {settings.barHiddenSites.map((site) => (
            <li key={site}>
              <span dir="ltr">{site}</span>{' '}
              <button
                type="button"
                aria-label={t('options_bar_show_again_label', { site })}
                onClick={() => onChange((s) => ({ ...s, barHiddenSites: s.barHiddenSites.filter((h) => h !== site) }))}
              >
                {t('options_bar_show_again')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
