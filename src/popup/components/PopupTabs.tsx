import type { ComponentChildren } from 'preact';
import type { PopupTab } from '../../shared/settings';
import { text, type PopupKey } from '../i18n';

interface PopupTabsProps {
  /** The tab shown; the choice is kept in prefs (`popupTab`), so the popup opens on it again. */
  selected: PopupTab;
  onSelect: (tab: PopupTab) => void;
  /** The selected tab's panel: only it is rendered, so the other costs nothing. */
  children: ComponentChildren;
}

const TABS: readonly { id: PopupTab; label: PopupKey }[] = [
  { id: 'watchlist', label: 'popup_tab_watchlist' },
  { id: 'market', label: 'popup_tab_market' },
];

const tabId = (tab: PopupTab): string => `popup-tab-${tab}`;
const panelId = (tab: PopupTab): string => `popup-panel-${tab}`;

/**
 * "Watchlist | Market" (issue 12), an ARIA tablist as the APG describes it: one tab in the tab
 * order (the selected one), ←/→ move between tabs and select them at once (wrapping), Home and
 * End go to the first and last. Right to left, the tabs run from the right: → goes back.
 */
export function PopupTabs({ selected, onSelect, children }: PopupTabsProps) {
  const { t, dir } = text();
  const [forward, back] = dir === 'rtl' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
  const onKeyDown = (event: KeyboardEvent): void => {
    const at = TABS.findIndex((tab) => tab.id === selected);
    const to =
      event.key === forward ? (at + 1) % TABS.length
      : event.key === back ? (at - 1 + TABS.length) % TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? TABS.length - 1
      : null;
    if (to === null) return;
    event.preventDefault();
    const next = TABS[to];
    if (!next) return;
    onSelect(next.id);
    // Both tabs are always in the document, so focus can follow before the re-render.
    const root = (event.currentTarget as HTMLElement).ownerDocument;
    root.getElementById(tabId(next.id))?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={t('popup_tabs_name')} onKeyDown={onKeyDown}>
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={tabId(id)}
            class="tabs__tab"
            aria-selected={id === selected ? 'true' : 'false'}
            aria-controls={id === selected ? panelId(id) : undefined}
            tabIndex={id === selected ? 0 : -1}
            onClick={() => id !== selected && onSelect(id)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId(selected)} class="tabs__panel" aria-labelledby={tabId(selected)}>
        {children}
      </div>
    </>
  );
}
