// @vitest-environment happy-dom
import { fakeBrowser } from '@webext-core/fake-browser';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { emptySnapshot, type Snapshot, type SourceStatus } from '../../../src/shared/model';
import { storeSnapshot } from '../support/store';
import { marketState } from '../../../src/background/publish';
import { lastOpenedItem } from '../../../src/shared/last-opened';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const AT = Date.UTC(2026, 9, 14, 6, 41);

const healthy = (at: number): SourceStatus => ({ state: 'ok', attemptedAt: at, lastOk: at, lastError: null, failures: 0, nextTry: null });

function tradingSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    ...emptySnapshot(),
    quotes: {
      HUBC: { symbol: 'HUBC', price: 113.23, change: 6.23, changePercent: 5.82, previousClose: 107, open: null, high: null, low: null, volume: 1000 },
      OGDC: { symbol: 'OGDC', price: 320.29, change: -3.49, changePercent: -1.0778, previousClose: 323.78, open: null, high: null, low: null, volume: null },
    },
    indices: { KSE100: { code: 'KSE100', value: 55391.27, change: 120.5, changePercent: 0.22, staleDate: null } },
    market: { phase: 'open', label: 'Open' },
    // Read just now, so the board (not the real clock's timetable) decides what the header says.
    marketReadAt: Date.now(),
    marketAsOf: AT,
    sources: { 'psx-home': healthy(AT), 'psx-quotes': healthy(AT) },
    stories: [
      // Stories are dated against the real clock: the popup hides anything older than a week.
      { id: 'w1', feedId: 'world', title: '<b>not markup</b>', link: 'https://www.brecorder.com/news/1', source: 'Business Recorder', publishedAt: Date.now() - 60_000 },
      { id: 'w2', feedId: 'world', title: 'No link here', link: 'javascript:alert(1)', source: 'Business Recorder', publishedAt: null },
    ],
    updatedAt: AT,
    ...overrides,
  };
}

const show = async (snapshot: Snapshot | null): Promise<void> => {
  if (snapshot) await storeSnapshot(snapshot);
  render(<App />);
};

afterEach(() => {
  cleanup();
  // The popup keeps a local copy of what it last drew; each test starts without one.
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('popup', () => {
  it('says it is loading on a first run, before any data', async () => {
    await show(null);
    expect(await screen.findByText('Loading market data…')).toBeTruthy();
    // The watchlist is drawn at once, with dashes, never a blank screen.
    expect(document.querySelectorAll('li.quote')).toHaveLength(30);
  });

  it('shows a quote as the Business Recorder ticker does, with words for screen readers', async () => {
    await show(tradingSnapshot());
    const row = (await screen.findByText('HUBC')).closest('li') as HTMLElement;
    expect(within(row).getByText('113.23')).toBeTruthy();
    expect(row.querySelector('.change > [aria-hidden="true"]')?.textContent).toBe('▲ 6.23 (5.82%)');
    expect(within(row).getByText('Increased by 6.23, 5.82 percent')).toBeTruthy();
    const down = screen.getByText('OGDC').closest('li') as HTMLElement;
    expect(down.querySelector('.change.change--down > [aria-hidden="true"]')?.textContent).toBe('▼ 3.49 (1.08%)');
  });

  it('shows indices with thousands separators', async () => {
    await show(tradingSnapshot());
    expect(await screen.findByText('55,391.27')).toBeTruthy();
  });

  it('renders story titles as text and only http(s) links as links', async () => {
    await show(tradingSnapshot());
    const markup = await screen.findByText('<b>not markup</b>');
    expect(markup.tagName).toBe('A');
    expect(markup.getAttribute('rel')).toBe('noopener noreferrer');
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByText('No link here').tagName).toBe('SPAN');
  });

  it('says when the portal is unreachable, with the time of the last good prices', async () => {
    const failedAt = AT + 5 * 60_000;
    const snapshot = tradingSnapshot();
    snapshot.sources['psx-quotes'] = {
      ...healthy(AT),
      state: 'failing',
      attemptedAt: failedAt,
      lastError: { kind: 'network', detail: 'Failed to fetch', at: failedAt },
      failures: 1,
    };
    await show(snapshot);
    const notice = await screen.findByText(/^PSX data portal unreachable since 14 Oct, \d\d:\d\d — showing prices from 14 Oct, \d\d:\d\d\.$/);
    expect(notice.getAttribute('role')).toBe('status');
    expect(screen.getByText('113.23')).toBeTruthy();
  });

  it('labels a closed market and its prices as the last close', async () => {
    // Saturday noon PKT: the timetable agrees the market is closed. On a weekday's session hours
    // a closed board reads "Closed today (holiday?)" instead, so the clock is pinned.
    vi.setSystemTime(Date.UTC(2026, 9, 17, 7, 0));
    try {
      await show(tradingSnapshot({ market: { phase: 'closed', label: 'Closed' } }));
      expect(await screen.findByText('Market closed')).toBeTruthy();
      expect(screen.getByText('Last close')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when the board is closed on a trading day, and names the fallback source', async () => {
    const failedAt = AT + 60_000;
    const snapshot = tradingSnapshot({ quoteSource: 'psx-terminal' });
    snapshot.sources['psx-home'] = { ...healthy(AT), state: 'failing', lastError: { kind: 'timeout', detail: '', at: failedAt }, failures: 3 };
    snapshot.sources['psx-terminal'] = healthy(failedAt);
    await show(snapshot);
    expect(await screen.findByText(/^PSX data portal unreachable since .* — showing PSX Terminal prices from .*\.$/)).toBeTruthy();
    expect(document.querySelector('.header__source')?.textContent).toBe('PSX Terminal');
  });

  it('follows the snapshot as the background writes it', async () => {
    await show(tradingSnapshot());
    await screen.findByText('113.23');
    const next = tradingSnapshot();
    next.quotes['HUBC'] = { ...next.quotes['HUBC']!, price: 114.5 };
    await storeSnapshot(next);
    expect(await screen.findByText('114.50')).toBeTruthy();
  });
});

describe('popup without access to the sources', () => {
  it('asks for host access, and refreshes once it is granted', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: { fetched: [], failed: [] } } as never);
    await show(tradingSnapshot());
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access' }));
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith({ type: 'refreshNow', payload: {} }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://dps.psx.com.pk/*', 'https://www.brecorder.com/*', 'https://psxterminal.com/*'] });
    expect(screen.queryByRole('button', { name: 'Allow access' })).toBeNull();
  });
});

describe('popup stories', () => {
  it('marks stories first seen since the popup was last opened, and only those', async () => {
    const lastOpened = Date.now() - 10 * 60_000;
    await lastOpenedItem.update(() => lastOpened);
    const snapshot = tradingSnapshot();
    snapshot.stories = [
      { id: 'a', feedId: 'world', title: 'Fresh story', link: null, source: 'BR', publishedAt: Date.now() - 60_000, firstSeenAt: Date.now() - 60_000 },
      { id: 'b', feedId: 'world', title: 'Old story', link: null, source: 'BR', publishedAt: Date.now() - 3_600_000, firstSeenAt: lastOpened - 60_000 },
    ];
    await show(snapshot);
    const fresh = (await screen.findByText('Fresh story')).closest('li');
    expect(fresh?.classList.contains('story--new')).toBe(true);
    expect(screen.getByText('Old story').closest('li')?.classList.contains('story--new')).toBe(false);
    await vi.waitFor(async () => expect(((await lastOpenedItem.get()) ?? 0) > lastOpened).toBe(true));
  });

  it('hides stories older than a week and renders right-to-left titles with dir="auto"', async () => {
    const snapshot = tradingSnapshot();
    snapshot.stories = [
      { id: 'u', feedId: 'world', title: 'اسٹاک مارکیٹ میں تیزی', link: 'https://www.brecorder.com/u', source: 'BR', publishedAt: Date.now() - 60_000 },
      { id: 'o', feedId: 'world', title: 'Last month', link: null, source: 'BR', publishedAt: Date.now() - 8 * 24 * 3_600_000 },
    ];
    await show(snapshot);
    expect((await screen.findByText('اسٹاک مارکیٹ میں تیزی')).getAttribute('dir')).toBe('auto');
    expect(screen.queryByText('Last month')).toBeNull();
  });
});

describe('popup first frame', () => {
  it('draws the last data it saw from its local copy before extension storage answers', async () => {
    const settings = { ...DEFAULT_SETTINGS, watchlist: ['HUBC'] };
    localStorage.setItem('copy:local:market', JSON.stringify(marketState(tradingSnapshot(), settings, Date.now())));
    localStorage.setItem('copy:settings', JSON.stringify({ settings, newer: [] }));
    // Extension storage is empty and slow: only the copy can have drawn the price.
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((() => new Promise(() => undefined)) as never);
    render(<App />);
    expect(screen.getByText('113.23')).toBeTruthy();
  });
});

describe('feed failures', () => {
  it('names the failing feed and the age of what is still shown from it', async () => {
    const snapshot = tradingSnapshot();
    const failedAt = Date.now() - 60_000;
    snapshot.sources['feed:world'] = { state: 'failing', attemptedAt: failedAt, lastOk: AT, lastError: { kind: 'server', detail: 'HTTP 502', at: failedAt }, failures: 2, nextTry: null };
    snapshot.sources['feed:latest-news'] = healthy(failedAt);
    await show(snapshot);
    expect(await screen.findByText(/^“World” feed unreachable — showing stories from 14 Oct, \d\d:\d\d\.$/)).toBeTruthy();
  });
});

describe('Refresh inside its floor', () => {
  it('says when the data was last read instead of doing nothing visible', async () => {
    vi.setSystemTime(AT + 60_000);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: { fetched: [], failed: [], lastReadAt: AT + 54_000 } } as never);
    await show(tradingSnapshot());
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
    expect((await screen.findByText('Updated 6 sec ago.')).getAttribute('role')).toBe('status');
    vi.useRealTimers();
  });

  it('says nothing extra when the Refresh read something', async () => {
    const reply = { ok: true, value: { fetched: ['psx-home'], failed: [], lastReadAt: Date.now() } };
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(reply as never);
    await show(tradingSnapshot());
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
    await vi.waitFor(() => expect(send).toHaveBeenCalled());
    // The button comes back once the reply is in: only then is it known that no note follows.
    await screen.findByRole('button', { name: 'Refresh' });
    await vi.waitFor(() => expect((screen.getByRole('button', { name: 'Refresh' }) as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByText(/^Updated/)).toBeNull();
  });
});

describe('a quote the latest read left out', () => {
  it('shows its last good price with the time it was read, in words', async () => {
    const snapshot = tradingSnapshot();
    snapshot.quotes['HUBC'] = { ...snapshot.quotes['HUBC']!, readAt: AT - 10 * 60_000 };
    snapshot.quotes['OGDC'] = { ...snapshot.quotes['OGDC']!, readAt: AT };
    await show(snapshot);
    const hubc = (await screen.findByText('HUBC')).closest('li') as HTMLElement;
    // The read is another day's here (the clock is real), so the date comes with the time.
    expect(within(hubc).getByText(/^\(from .*\d\d:\d\d\)$/)).toBeTruthy();
    const ogdc = screen.getByText('OGDC').closest('li') as HTMLElement;
    expect(within(ogdc).queryByText(/\(from/)).toBeNull();
  });
});
