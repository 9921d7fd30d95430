/**
 * The options page: general preferences, the price alerts (every rule with its state, the
 * fired log), and the news feeds (add any RSS or Atom feed, remove, reorder, see each feed's
 * health). Settings are saved at once to storage.sync.
 */
import { useCallback, useLayoutEffect, useMemo } from 'preact/hooks';
import { browser } from '../shared/browser';
import { alertsItem } from '../shared/alerts/store';
import { directoryItem } from '../shared/symbol-directory';
import { allEvents, diagnosticsArchiveItem, diagnosticsHeadItem } from '../shared/diagnostics';
import { marketItem } from '../shared/market-store';
import type { Settings } from '../shared/settings';
import { updateSettings } from '../shared/settings-items';
import { storageHealthItem, storageNotice } from '../shared/storage/storage-health';
import { useItem, useSettings } from '../ui/hooks/useItem';
import { useNow } from '../ui/hooks/useNow';
import { AddFeedForm } from './components/AddFeedForm';
import { AlertsSection } from './components/AlertsSection';
import { FeedRow } from './components/FeedRow';
import { BarSettings } from './components/BarSettings';
import { DataSection } from './components/DataSection';
import { Diagnostics } from './components/Diagnostics';
import { GeneralSettings } from './components/GeneralSettings';
import { addFeed, moveFeed, removeFeed } from './feed-actions';
import { grantFeed } from './feed-access';
import { useDisplay } from '../ui/hooks/useDisplay';
import { text } from './i18n';
import { refusalText } from '../shared/storage/refusal-words';

export function App() {
  const settingsState = useSettings();
  const settings = settingsState?.settings;
  const market = useItem(marketItem);
  const alerts = useItem(alertsItem);
  const storageHealth = useItem(storageHealthItem);
  const directory = useItem(directoryItem);
  const eventsHead = useItem(diagnosticsHeadItem);
  const eventsArchive = useItem(diagnosticsArchiveItem);
  // Until the directory has been read once, imported symbols cannot be checked: none is refused.
  const knownSymbols = useMemo(
    () => (directory && directory.instruments.length > 0 ? new Set(directory.instruments.map((i) => i.symbol)) : null),
    [directory],
  );
  const onImport = useCallback(async (edit: (current: Settings) => Settings) => {
    const saved = await updateSettings(edit);
    if (!saved.ok) throw new Error(refusalText(saved.error));
  }, []);
  const now = useNow();
  const onAdd = useCallback(
    async (url: string) => {
      if (!settings) return { ok: false, message: text().t('options_settings_loading') };
      const outcome = await addFeed(url, settings);
      return outcome.ok ? { ok: true, message: text().t('options_feed_added', { title: outcome.feed.title }) } : { ok: false, message: outcome.message };
    },
    [settings],
  );
  const lang = useDisplay(settings);
  // The tab's title follows the page's language too.
  useLayoutEffect(() => {
    document.title = text().t('options_title');
  }, [lang]);
  if (!settings) return <p role="status">{text().t('options_loading')}</p>;
  const save = (edit: (current: Settings) => Settings): void => void updateSettings(edit);
  const storageSentence = storageHealth ? storageNotice(storageHealth, settingsState?.newer ?? []) : null;
  return (
    <main class="options">
      <h1>{text().t('options_heading')}</h1>
      {storageSentence && (
        <p class="notice notice--storage" role="status">
          {storageSentence}
        </p>
      )}
      <GeneralSettings settings={settings} onChange={save} />
      <BarSettings settings={settings} onChange={save} />
      <AlertsSection alerts={alerts} market={market} settings={settings} now={now} onChange={save} />
      <section class="feeds" aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{text().t('options_feeds_heading')}</h2>
        <ul class="feed-list">
          {settings.feeds.map((feed, i) => (
            <FeedRow
              key={feed.id}
              feed={feed}
              health={market?.sources[`feed:${feed.id}`]}
              isFirst={i === 0}
              isLast={i === settings.feeds.length - 1}
              now={now}
              zone={settings.timeZone}
              onMove={(delta) => void moveFeed(feed.id, delta)}
              onRemove={() => void removeFeed(feed.id, settings)}
              onGrant={() => void grantFeed(feed)}
            />
          ))}
        </ul>
        <AddFeedForm onAdd={onAdd} />
      </section>
      <DataSection settings={settings} knownSymbols={knownSymbols} appVersion={browser.runtime.getManifest().version} onApply={onImport} />
      <Diagnostics
        events={allEvents(eventsArchive ?? [], eventsHead ?? [])}
        sources={market?.sources ?? {}}
        storageNotice={storageSentence}
        appVersion={browser.runtime.getManifest().version}
        now={now}
        zone={settings.timeZone}
      />
    </main>
  );
}
