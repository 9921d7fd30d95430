/**
 * The popup: draws whatever storage holds at once (snapshot, settings, directory, series) and
 * follows it as the background writes; it never waits on the network to show something.
 * Every edit is written to storage.sync at once.
 */
import { useCallback, useState } from 'preact/hooks';
import { isTradingPhase } from '../shared/market';
import { marketLabel, marketView } from '../shared/market-view';
import type { Snapshot } from '../shared/model';
import { switchBarOff, switchBarOn } from '../shared/bar-access';
import { sendMessage } from '../shared/protocol';
import { normaliseSeries, SERIES_KEY } from '../shared/series';
import { normaliseSettings, SETTINGS_KEY, writeSettings, type Settings } from '../shared/settings';
import { normaliseSnapshot, SNAPSHOT_KEY } from '../shared/snapshot-store';
import { storiesToShow } from '../shared/stories';
import { normaliseDirectory, SYMBOLS_KEY } from '../shared/symbol-directory';
import { addSymbol, moveSymbol, removeSymbol, restoreBusinessRecorderList } from '../shared/watchlist';
import { useActiveSite } from '../ui/hooks/useActiveSite';
import { useLastOpened } from '../ui/hooks/useLastOpened';
import { useNow } from '../ui/hooks/useNow';
import { useSourceAccess } from '../ui/hooks/useSourceAccess';
import { useStorageValue } from '../ui/hooks/useStorageValue';
import { AccessPrompt } from './components/AccessPrompt';
import { Header } from './components/Header';
import { IndicesStrip } from './components/IndicesStrip';
import { Notice } from './components/Notice';
import { StoryList } from './components/StoryList';
import { Toolbar } from './components/Toolbar';
import { Watchlist } from './components/Watchlist';
import { feedsNotice, marketNotice } from './notices';

const STORIES_SHOWN = 8;

/** A snapshot replaces the one on screen unless it was written earlier. */
const newerSnapshot = (candidate: Snapshot, current: Snapshot): boolean => (candidate.updatedAt ?? 0) >= (current.updatedAt ?? 0);

export function App() {
  const snapshot = useStorageValue('local', SNAPSHOT_KEY, normaliseSnapshot, newerSnapshot);
  const settings = useStorageValue('sync', SETTINGS_KEY, normaliseSettings);
  const directory = useStorageValue('local', SYMBOLS_KEY, normaliseDirectory);
  const series = useStorageValue('local', SERIES_KEY, normaliseSeries);
  const now = useNow();
  const access = useSourceAccess();
  const lastOpened = useLastOpened();
  const site = useActiveSite();
  const [refreshing, setRefreshing] = useState(false);
  // Edits apply to the latest settings on screen and are saved at once; storage.onChanged
  // then brings the same value back.
  const [pending, setPending] = useState<Settings | null>(null);
  const current = pending ?? settings;
  const update = useCallback(
    (edit: (s: Settings) => Settings) => {
      if (!current) return;
      const next = edit(current);
      if (next === current) return;
      setPending(next);
      void writeSettings(next).finally(() => setPending(null));
    },
    [current],
  );
  const onRefresh = useCallback(() => {
    setRefreshing(true);
    void sendMessage('refreshNow', {}).finally(() => setRefreshing(false));
  }, []);

  if (snapshot === undefined || current === undefined) {
    return (
      <p class="notice notice--loading" role="status">
        Loading…
      </p>
    );
  }
  const zone = current.timeZone;
  const asOf = snapshot.marketAsOf ?? snapshot.sources['psx-quotes']?.lastOk ?? null;
  const view = marketView(snapshot.market, snapshot.marketReadAt, now);
  const hasReading = snapshot.market !== null || snapshot.sources['psx-home']?.attemptedAt != null;
  const caption = hasReading && !isTradingPhase(view.phase) ? 'Last close' : '';
  const storiesNotice = feedsNotice(snapshot, current.feeds, now, zone);

  return (
    <main class={current.privacy ? 'popup popup--private' : 'popup'}>
      <Header
        marketLabel={hasReading ? marketLabel(view) : null}
        phase={view.phase}
        asOf={asOf}
        source={snapshot.quoteSource}
        now={now}
        zone={zone}
        refreshing={refreshing}
        onRefresh={onRefresh}
      />
      {access.granted === false ? <AccessPrompt onGrant={access.request} /> : <Notice notice={marketNotice(snapshot, now, zone)} />}
      <IndicesStrip codes={current.indices} indices={snapshot.indices} />
      <Watchlist
        symbols={current.watchlist}
        quotes={snapshot.quotes}
        instruments={directory?.instruments ?? []}
        series={series ?? {}}
        sort={current.sort}
        caption={caption}
        onSort={(sort) => update((s) => ({ ...s, sort }))}
        onAdd={(symbol) => update((s) => addSymbol(s, symbol))}
        onRemove={(symbol) => update((s) => removeSymbol(s, symbol))}
        onMove={(symbol, to) => update((s) => moveSymbol(s, symbol, to))}
        onRestore={() => update(restoreBusinessRecorderList)}
      />
      {/* One line names the failing feeds; each empty section only says it has nothing yet. */}
      <Notice notice={storiesNotice?.kind === 'feeds-failing' ? storiesNotice : null} />
      {current.feeds.map((feed) => {
        const collapsed = current.collapsedFeeds.includes(feed.id);
        return (
          <StoryList
            key={feed.id}
            title={feed.title}
            stories={storiesToShow(snapshot.stories, feed.id, now, STORIES_SHOWN)}
            now={now}
            emptyText={storiesNotice?.kind === 'loading' ? storiesNotice.text : 'No stories yet.'}
            newSince={lastOpened ?? null}
            collapsed={collapsed}
            onToggle={() =>
              update((s) => ({
                ...s,
                collapsedFeeds: collapsed ? s.collapsedFeeds.filter((id) => id !== feed.id) : [...s.collapsedFeeds, feed.id],
              }))
            }
          />
        );
      })}
      <Toolbar
        privacy={current.privacy}
        showBar={current.showBar}
        onPrivacy={(privacy) => update((s) => ({ ...s, privacy }))}
        site={site}
        onShowBar={(on) => void (on ? switchBarOn() : switchBarOff())}
        onShowBarHere={() => site && void switchBarOn([site.pattern])}
      />
    </main>
  );
}
