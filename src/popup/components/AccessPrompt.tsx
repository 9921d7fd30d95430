import { text } from '../i18n';

interface AccessPromptProps {
  /** Called from the button's click, the user gesture the permission request needs. */
  onGrant: () => void;
}

/** Shown when the browser withholds access to the data sources (Firefox lets users do so). */
export function AccessPrompt({ onGrant }: AccessPromptProps) {
  const { t } = text();
  return (
    <div class="notice notice--access" role="alert">
      <p>{t('popup_access_text', { psx: 'dps.psx.com.pk', br: 'brecorder.com', terminal: 'psxterminal.com' })}</p>
      <button type="button" class="button" onClick={onGrant}>
        {t('popup_access_allow')}
      </button>
    </div>
  );
}
