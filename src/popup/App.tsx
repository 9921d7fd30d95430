/**
 * The popup: draws whatever storage holds at once (market view, stories, settings, directory,
 * series) and follows it as the background writes; it never waits on the network to show
 * something. What it says about the data comes decided in the market view's presentation.
 * Every edit goes through updateSettings, at once.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { trustedBaseline } from '../shared/alerts/baseline';
import { alertsItem } from '../shared/alerts/store';
import { marketItem, storiesItem, type MarketState } from '../shared/market-store';
import { switchBarOff, switchBarOn } from '../shared/bar-access';
import { formatAgo, formatWhen } from '../shared/format';
import { captionText } from '../shared/i18n/market-words';
import { watchedHoldings } from '../shared/holdings/model';
import { portfolioTotals } from '../shared/holdings/pnl';
import { holdingsItem } from '../shared/holdings/store';
import { sendMessage } from '../shared/protocol';
import { seriesItem } from '../shared/series';
import type { Settings } from '../shared/settings';
import { updateSettings } from '../shared/settings-items';
import { storageHealthItem, storageNotice } from '../shared/storage/storage-health';
import { storiesToShow } from '../shared/stories';
import { directoryItem } from '../shared/symbol-directory';
import { addSymbol, moveSymbol, removeSymbol, restoreBusinessRecorderList } from '../shared/watchlist';
import { useActiveSite } from '../ui/hooks/useActiveSite';
import { useBarAccess } from '../ui/hooks/useBarAccess';
import { useLastOpened } from '../ui/hooks/useLastOpened';
import { useNow } from '../ui/hooks/useNow';
import { useSourceAccess } from '../ui/hooks/useSourceAccess';
import { useItem, useSettings } from '../ui/hooks/useItem';
import { AccessPrompt } from './components/AccessPrompt';
import { BreadthStrip } from './components/BreadthStrip';
import { FiredList } from './components/FiredList';
import { Header } from './components/Header';
import { IndicesStrip } from './components/IndicesStrip';
import { MarketView } from './components/MarketView';
import { Notice } from './components/Notice';
import { PopupTabs } from './components/PopupTabs';
import { Portfolio } from './components/Portfolio';
import { StoryList } from './components/StoryList';
import { Toolbar } from './components/Toolbar';
import { Watchlist } from './components/Watchlist';
import { useDisplay } from '../ui/hooks/useDisplay';
import { text } from './i18n';
import { feedsNotice, marketNotice } from './notices';
import { feedTitleText } from '../shared/i18n/market-words';

const STORIES_SHOWN = 8;

/** What a Refresh that read nothing says: kept as facts, put into words when drawn (in the language then shown). */
type RefreshNote = { kind: 'failed'; error: string } | { kind: 'nothing' } | { kind: 'updated'; readAt: number; repliedAt: number };

function refreshNoteText(note: RefreshNote): string {
  const { t } = text();
  if (note.kind === 'failed') return t('popup_refresh_failed', { error: note.error });
  if (note.kind === 'nothing') return t('popup_nothing_to_read');
  return t('popup_updated_ago', { ago: formatAgo(note.readAt, note.repliedAt) });
}

/** A market view replaces the one on screen unless it was written earlier. */
const newerMarket = (candidate: MarketState, current: MarketState): boolean => (candidate.updatedAt ?? 0) >= (current.updatedAt ?? 0);

export function App() {
  const market = useItem(marketItem, newerMarket);
  const stories = useItem(storiesItem);
  const settingsState = useSettings();
  const settings = settingsState?.settings;
  const directory = useItem(directoryItem);
  const series = useItem(seriesItem);
  const storageHealth = useItem(storageHealthItem);
  const alerts = useItem(alertsItem);
  const holdings = useItem(holdingsItem);
  const now = useNow();
  const access = useSourceAccess();
  const lastOpened = useLastOpened();
  const site = useActiveSite();
  const barAccess = useBarAccess(settings?.showBar === true);
  const [refreshing, setRefreshing] = useState(false);
  // Edits apply to the latest settings on screen and are saved at once; storage.onChanged
  // then brings the same value back.
  const [pending, setPending] = useState<Settings | null>(null);
  // The newest edit's number, and the newest that has settled: only the newest edit's settling
  // hands the optimistic copy over to storage.
  const editSeq = useRef(0);
  const settledAt = useRef(0);
  const current = pending ?? settings;
  const update = useCallback(
    (edit: (s: Settings) => Settings) => {
      if (!current) return;
      const next = edit(current);
      if (next === current) return;
      const mine = ++editSeq.current;
      setPending(next);
      // Settled, the stored value (what the edit made of storage, with other contexts' changes)
      // replaces the optimistic copy, which then goes when storage brings any newer value.
      void updateSettings(edit).then(
        (saved) => {
          if (!saved.ok) console.warn('edit not saved:', saved.error.detail);
          if (editSeq.current === mine) setPending(saved.ok ? saved.value : null);
          settledAt.current = mine;
        },
        (cause: unknown) => {
          console.warn('edit not saved:', cause);
          if (editSeq.current === mine) setPending(null);
        },
      );
    },
    [current],
  );
  // Once the newest edit has settled, the next value from storage is at least as new: show it.
  useEffect(() => {
    if (pending !== null && settledAt.current === editSeq.current) setPending(null);
  }, [settings]);
  // A Refresh inside its floor (or a backoff) asks nothing: say when the data was read instead.
  const [refreshNote, setRefreshNote] = useState<RefreshNote | null>(null);
  const onRefresh = useCallback(() => {
    setRefreshing(true);
    setRefreshNote(null);
    void sendMessage('refreshNow', {}).then((reply) => {
      setRefreshing(false);
      if (!reply.ok) return setRefreshNote({ kind: 'failed', error: reply.error });
      const { fetched, failed, lastReadAt } = reply.value;
      if (fetched.length + failed.length === 0) setRefreshNote(lastReadAt === null ? { kind: 'nothing' } : { kind: 'updated', readAt: lastReadAt, repliedAt: Date.now() });
    });
  }, []);

  const lang = useDisplay(current);
  // The document's title in the page's language (index.html's is the English one, until this runs).
  useLayoutEffect(() => {
    document.title = text().t('popup_title');
  }, [lang]);

  if (market === undefined || current === undefined) {
    return (
      <p class="notice notice--loading" role="status">
        {text().t('popup_loading')}
      </p>
    );
  }
  const zone = current.timeZone;
  const { presentation } = market;
  const storiesNotice = feedsNotice(presentation, current.feeds, now, zone);
  const storageSentence = storageHealth ? storageNotice(storageHealth, settingsState?.newer ?? []) : null;
  // Only the watchlist's holdings are shown and totalled; the others are kept (holdings/store.ts).
  const watched = holdings ? watchedHoldings(holdings, current.watchlist) : undefined;
  const totals = watched ? portfolioTotals(watched, market.quotes) : null;

  return (
    <main class={current.privacy ? 'popup popup--private' : 'popup'}>
      <Header
        presentation={presentation}
        now={now}
        zone={zone}
        refreshing={refreshing}
        onRefresh={onRefresh}
      />
      <FiredList alerts={alerts} now={now} zone={zone} />
      {access.granted === false ? <AccessPrompt onGrant={access.request} /> : <Notice notice={marketNotice(presentation, now, zone)} />}
      {refreshNote && (
        <p class="notice notice--refresh" role="status">
          {refreshNoteText(refreshNote)}
        </p>
      )}
      {storageSentence && (
        <p class="notice notice--storage" role="status">
          {storageSentence}
        </p>
      )}
      <IndicesStrip codes={current.indices} indices={market.indices} />
      {market.breadth && <BreadthStrip breadth={market.breadth} zone={zone} />}
      {totals && totals.count > 0 && <Portfolio totals={totals} privacy={current.privacy} />}
      {/* Only the selected view is rendered: the Market view (and its read of the board) waits for its tab. */}
      <PopupTabs selected={current.popupTab} onSelect={(popupTab) => update((s) => ({ ...s, popupTab }))}>
        {current.popupTab === 'market' ? (
          <MarketView watchlist={current.watchlist} onAdd={(symbol) => update((s) => addSymbol(s, symbol))} />
        ) : (
          <Watchlist
            symbols={current.watchlist}
            quotes={market.quotes}
            heldSince={Object.fromEntries(Object.entries(presentation?.heldQuotes ?? {}).map(([s, at]) => [s, formatWhen(at, now, zone)]))}
            instruments={directory?.instruments ?? []}
            series={series ?? {}}
            sort={current.sort}
            caption={presentation ? captionText(presentation) : ''}
            source={presentation?.source}
            onSort={(sort) => update((s) => ({ ...s, sort }))}
            onAdd={(symbol) => update((s) => addSymbol(s, symbol))}
            onRemove={(symbol) => update((s) => removeSymbol(s, symbol))}
            onMove={(symbol, to) => update((s) => moveSymbol(s, symbol, to))}
            onRestore={() => update(restoreBusinessRecorderList)}
            alerts={alerts}
            baselineOf={(symbol) => trustedBaseline({ subject: symbol, index: false }, market, current.alertsOnFallback)}
            now={now}
            zone={zone}
            holdings={watched}
            shariahOnly={current.shariahOnly}
            onShariahOnly={(shariahOnly) => update((s) => ({ ...s, shariahOnly }))}
          />
        )}
      </PopupTabs>
      {/* One line names the failing feeds; each empty section only says it has nothing yet. */}
      <Notice notice={storiesNotice?.kind === 'feeds-failing' ? storiesNotice : null} />
      {current.feeds.map((feed) => {
        const collapsed = current.collapsedFeeds.includes(feed.id);
        return (
          <StoryList
            key={feed.id}
            title={feedTitleText(feed)}
            stories={storiesToShow(stories ?? [], feed.id, now, STORIES_SHOWN)}
            now={now}
            emptyText={storiesNotice?.kind === 'loading' ? storiesNotice.text : text().t('popup_no_stories')}
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
        barNeedsAccess={barAccess.missing}
        onGrantBarAccess={barAccess.grant}
      />
    </main>
  );
}
