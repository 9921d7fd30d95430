/**
 * Content script of the ticker bar, registered at runtime only once the user switches the bar
 * on and grants access (see src/background/ticker-bar). One snapshot read per page load, no
 * network request; updates come through storage.onChanged. Built as one self-contained file.
 */
import { browser, type Runtime } from '../../shared/browser';
import { normaliseSettings, SETTINGS_KEY, updateSettings, type Settings } from '../../shared/settings';
import { normaliseSnapshot, SNAPSHOT_KEY } from '../../shared/snapshot-store';
import type { Snapshot } from '../../shared/model';
import { mountBar, type Bar } from './mount';

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
  const [local, sync] = await Promise.all([browser.storage.local.get(SNAPSHOT_KEY), browser.storage.sync.get(SETTINGS_KEY)]);
  let snapshot: Snapshot = normaliseSnapshot(local[SNAPSHOT_KEY]);
  let settings: Settings = normaliseSettings(sync[SETTINGS_KEY]);
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
      bar = mountBar(snapshot, settings, {
        hideOnSite: () => void updateSettings((s) => ({ ...s, barHiddenSites: [...s.barHiddenSites, site] })),
        hideEverywhere: () => void updateSettings((s) => ({ ...s, showBar: false })),
      });
      if (toggledOff) bar.setVisible(false);
    } else bar.update(snapshot, settings);
  };

  browser.storage.onChanged.addListener((changes, area) => {
    if (extensionGone()) return sync_();
    if (area === 'local' && changes[SNAPSHOT_KEY]) snapshot = normaliseSnapshot(changes[SNAPSHOT_KEY].newValue);
    else if (area === 'sync' && changes[SETTINGS_KEY]) settings = normaliseSettings(changes[SETTINGS_KEY].newValue);
    else return;
    sync_();
  });
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || message === null || typeof message !== 'object') return undefined;
    const { type } = message as { type?: unknown };
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
