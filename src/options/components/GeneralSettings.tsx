import type { DigitsChoice, LanguageChoice, Settings } from '../../shared/settings';
import { BADGE_PORTFOLIO, MIN_QUOTES_PERIOD_SEC } from '../../shared/settings';
import { text } from '../i18n';

interface GeneralSettingsProps {
  settings: Settings;
  /** Applies an edit to the settings as they are in storage when it is saved. */
  onChange: (edit: (current: Settings) => Settings) => void;
}

const asLanguage = (value: string): LanguageChoice => (value === 'en' || value === 'ur' ? value : 'auto');
const asDigits = (value: string): DigitsChoice => (value === 'arabext' ? 'arabext' : 'latn');

export function GeneralSettings({ settings, onChange }: GeneralSettingsProps) {
  const { t } = text();
  return (
    <fieldset class="general">
      <legend>{t('options_general')}</legend>
      <label>
        {t('options_language')}{' '}
        <select
          value={settings.language}
          onChange={(e) => {
            const value = asLanguage((e.currentTarget as HTMLSelectElement).value);
            onChange((s) => ({ ...s, language: value }));
          }}
        >
          <option value="auto">{t('options_language_auto')}</option>
          {/* Each language is named in itself, so a reader of either can find their own. */}
          <option value="en" lang="en" dir="ltr">
            English
          </option>
          <option value="ur" lang="ur" dir="rtl">
            اردو
          </option>
        </select>
      </label>
      <label>
        {t('options_digits')}{' '}
        <select
          value={settings.digits}
          onChange={(e) => {
            const value = asDigits((e.currentTarget as HTMLSelectElement).value);
            onChange((s) => ({ ...s, digits: value }));
          }}
        >
          <option value="latn">{t('options_digits_latn')}</option>
          <option value="arabext">{t('options_digits_arabext')}</option>
        </select>
      </label>
      <label>
        {t('options_times_shown_in')}{' '}
        <select
          value={settings.timeZone}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value === 'Asia/Karachi' ? 'Asia/Karachi' : 'local';
            onChange((s) => ({ ...s, timeZone: value }));
          }}
        >
          <option value="local">{t('options_zone_local')}</option>
          <option value="Asia/Karachi">{t('options_zone_pkt')}</option>
        </select>
      </label>
      <label>
        {t('options_refresh_every')}{' '}
        <input
          type="number"
          min={MIN_QUOTES_PERIOD_SEC}
          max={3600}
          step={15}
          dir="ltr"
          value={settings.quotesPeriodSec}
          onChange={(e) => {
            const value = Number((e.currentTarget as HTMLInputElement).value);
            onChange((s) => ({ ...s, quotesPeriodSec: value }));
          }}
        />{' '}
        {t('options_refresh_seconds')}
      </label>
      <label>
        {t('options_badge_shows')}{' '}
        <select value={settings.badge} onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            onChange((s) => ({ ...s, badge: value }));
          }}>
          <option value="off">{t('options_badge_off')}</option>
          <option value={BADGE_PORTFOLIO}>{t('options_badge_portfolio')}</option>
          {[...new Set(['KSE100', 'KSE30', ...settings.watchlist])].map((code) => (
            <option key={code} value={code}>
              {t('options_badge_code', { code })}
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
        {t('options_privacy')}
      </label>
    </fieldset>
  );
}
