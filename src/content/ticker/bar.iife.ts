/**
 * Content script of the ticker bar, registered at runtime only once the user switches the bar
 * on and grants access (see src/background/ticker-bar). One read per storage area per page
 * load, no network request; updates come through storage.onChanged. It writes nothing: hiding
 * itself is a message the background carries out. Built as one self-contained file.
 */
import { browser, type Runtime } from '../../shared/browser';
import { marketItem, storiesItem } from '../../shared/market-store';
import { isTabMessage, sendMessage } from '../../shared/protocol';
import type { Settings } from '../../shared/settings';
import { readSettingsState, SETTINGS_ITEMS } from '../../shared/settings-items';
import { readItems, upgrade } from '../../shared/storage/item';
import { type BarData } from './items';
import { mountBar, type Bar } from './mount';

/** The bar re-reads when any settings item changes, in sync or in its local pending copy. */
const SETTINGS_PARTS = SETTINGS_ITEMS;

/** The same read every page makes (settings-items.ts), not a copy of it. */
const readSettingsOnce = async (): Promise<Settings> => (await readSettingsState()).settings;

const isHtmlPage = (): boolean => document.contentType === 'text/html' || document.contentType === 'application/xhtml+xml';

/** After an update or uninstall, this orphaned script loses its extension: it then leaves quietly. */
const extensionGone = (): boolean => {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
};

async function start(): Promise<void> {
  const [[market, stories], first] = await Promise.all([readItems([marketItem, storiesItem] as const), readSettingsOnce()]);
  const data: BarData = { market: market.value, stories: stories.value };
  let settings: Settings = first;
  const site = location.hostname;
  const wanted = (s: Settings): boolean => s.showBar && !s.barHiddenSites.includes(site);
  let bar: Bar | null = null;
  let toggledOff = false;

  const sync_ = (): void => {
    if (extensionGone() || !wanted(settings)) {
      bar?.destroy();
      bar = null;
      return;
    }
    if (!bar) {
      bar = mountBar(data, settings, {
        hideOnSite: () => void sendMessage('hideBarOnSite', {}),
        hideEverywhere: () => void sendMessage('hideBarEverywhere', {}),
      });
      if (toggledOff) bar.setVisible(false);
    } else bar.update(data, settings);
  };

  browser.storage.onChanged.addListener((changes, area) => {
    if (extensionGone()) return sync_();
    // The market view and the stories arrive whole in the change: no read needed.
    const marketChange = area === 'local' ? changes[marketItem.spec.key] : undefined;
    const storiesChange = area === 'local' ? changes[storiesItem.spec.key] : undefined;
    if (marketChange) data.market = upgrade(marketItem.spec, marketChange.newValue).value;
    if (storiesChange) data.stories = upgrade(storiesItem.spec, storiesChange.newValue).value;
    const settingsChanged = SETTINGS_PARTS.some((item) => item.keys.some((k) => k.area === area && k.key in changes));
    if (settingsChanged) {
      // A setting may live in sync or in its local pending copy: read both again.
      void readSettingsOnce().then((next) => {
        settings = next;
        sync_();
      }, (cause: unknown) => console.warn('PSX bar: settings unreadable', cause));
      return;
    }
    if (marketChange || storiesChange) sync_();
  });
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !isTabMessage(message)) return undefined;
    const { type } = message;
    if (type === 'toggleBar' && bar) {
      toggledOff = !toggledOff;
      bar.setVisible(!toggledOff);
    } else if (type === 'removeBar') {
      bar?.destroy();
      bar = null;
    }
    return undefined;
  });
  // A tab coming back after the extension was updated finds the bar gone rather than frozen.
  document.addEventListener('visibilitychange', () => extensionGone() && sync_());
  sync_();
}

/**
 * Once per page, decided synchronously: the registered script and an `executeScript` for an
 * open tab can both arrive, and a page could plant its own <psx-ticker-bar> to suppress ours,
 * so the guard lives in this isolated world, not in the page's DOM.
 */
const scope = globalThis as { psxTickerBarStarted?: boolean };
// Top frames of ordinary pages only: never in frames, PDF viewers or image views.
if (window.top === window && isHtmlPage() && !scope.psxTickerBarStarted) {
  scope.psxTickerBarStarted = true;
  void start();
}
