import { text } from '../i18n';

interface ToolbarProps {
  /** Figures blurred until hovered. */
  privacy: boolean;
  /** The ticker bar on browsed pages. */
  showBar: boolean;
  /** The site of the tab the popup opened over, when it is a web page. */
  site: { host: string } | null;
  onPrivacy: (on: boolean) => void;
  /** On for all sites (the switch) or off. */
  onShowBar: (on: boolean) => void;
  /** On for the current site only. */
  onShowBarHere: () => void;
  /** The bar is on but its access was revoked in the browser: offer to ask again. */
  barNeedsAccess?: boolean;
  onGrantBarAccess?: () => void;
}

/** The popup's footer controls: privacy mode and the bar switch. */
export function Toolbar({ privacy, showBar, site, onPrivacy, onShowBar, onShowBarHere, barNeedsAccess = false, onGrantBarAccess }: ToolbarProps) {
  const { t } = text();
  return (
    <footer class="toolbar">
      <button type="button" class="toolbar__toggle" aria-pressed={privacy} onClick={() => onPrivacy(!privacy)}>
        {t('popup_privacy')}
      </button>
      <button type="button" role="switch" class="switch" aria-checked={showBar} onClick={() => onShowBar(!showBar)}>
        <span class="switch__track" aria-hidden="true">
          <span class="switch__thumb" />
        </span>
        {t('popup_show_bar')}
      </button>
      {showBar && barNeedsAccess && (
        <button type="button" class="toolbar__grant" onClick={onGrantBarAccess}>
          {t('popup_grant_bar')}
        </button>
      )}
      {!showBar && site && (
        <button type="button" class="toolbar__here" onClick={onShowBarHere}>
          {t('popup_only_on', { host: site.host })}
        </button>
      )}
    </footer>
  );
}
