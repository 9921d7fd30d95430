/**
 * The popup: draws whatever the snapshot in storage holds at once and follows it as the
 * background writes; it never waits on the network to show something.
 */
import { useCallback, useState } from 'preact/hooks';
import { sendMessage } from '../shared/protocol';
import { normaliseSettings, SETTINGS_KEY } from '../shared/settings';
import { normaliseSnapshot, SNAPSHOT_KEY } from '../shared/snapshot-store';
import { Header } from './components/Header';
import { IndicesStrip } from './components/IndicesStrip';
import { Notice } from './components/Notice';
import { StoryList } from './components/StoryList';
import { Watchlist } from './components/Watchlist';
import { useLastOpened } from '../ui/hooks/useLastOpened';
import { useNow } from '../ui/hooks/useNow';
import { useSourceAccess } from '../ui/hooks/useSourceAccess';
import { useStorageValue } from '../ui/hooks/useStorageValue';
import { AccessPrompt } from './components/AccessPrompt';
import { feedsNotice, marketNotice } from './notices';
import type { Snapshot } from '../shared/model';
import { isTrading } from '../shared/market';
import { storiesToShow } from '../shared/stories';
import { marketLabel, marketView } from '../shared/market-view';

const STORIES_SHOWN = 8;

/** A snapshot replaces the one on screen unless it was written earlier. */
const newerSnapshot = (candidate: Snapshot, current: Snapshot): boolean =>
  (candidate.updatedAt ?? 0) >= (current.updatedAt ?? 0);

export function App() {
  const snapshot = useStorageValue('local', SNAPSHOT_KEY, normaliseSnapshot, newerSnapshot);
  const settings = useStorageValue('sync', SETTINGS_KEY, normaliseSettings);
  const now = useNow();
  const access = useSourceAccess();
  const lastOpened = useLastOpened();
  const [refreshing, setRefreshing] = useState(false);
  const onRefresh = useCallback(() => {
    setRefreshing(true);
    void sendMessage('refreshNow', {}).finally(() => setRefreshing(false));
  }, []);

  if (snapshot === undefined || settings === undefined) {
    return <p class="notice notice--loading" role="status">Loading…</p>;
  }
  const zone = settings.timeZone;
  const asOf = snapshot.marketAsOf ?? snapshot.sources['psx-quotes']?.lastOk ?? null;
  const view = marketView(snapshot.market, snapshot.marketReadAt, now);
  const hasReading = snapshot.market !== null || snapshot.sources['psx-home']?.attemptedAt != null;
  const caption = hasReading && !isTrading({ phase: view.phase, label: '' }) ? 'Last close' : '';
  const storiesNotice = feedsNotice(snapshot, settings.feeds.map((f) => f.id), now, zone);

  return (
    <main class="popup">
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
      <IndicesStrip codes={settings.indices} indices={snapshot.indices} />
      <Watchlist symbols={settings.watchlist} quotes={snapshot.quotes} caption={caption} />
      {/* With stories on screen the failure gets its own line; without, the empty text says it. */}
      {snapshot.stories.length > 0 && <Notice notice={storiesNotice?.kind === 'feeds-failing' ? storiesNotice : null} />}
      {settings.feeds.map((feed) => (
        <StoryList
          key={feed.id}
          title={feed.title}
          stories={storiesToShow(snapshot.stories, feed.id, now, STORIES_SHOWN)}
          now={now}
          emptyText={storiesNotice?.text ?? 'No stories yet.'}
          newSince={lastOpened ?? null}
        />
      ))}
    </main>
  );
}
