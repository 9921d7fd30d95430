// @vitest-environment happy-dom
/**
 * `present()` decides, once, what every surface says about the data; the popup's header and
 * notices, the bar's chip and the badge only render it. The first table pins the deciding, case
 * by case, with every source's health written out; the second checks that the three surfaces
 * say "not fresh" for the same stale presentation and none of them for a fresh one, whatever
 * the raw health next to it says.
 */
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_COLOURS, badgeView } from '../../../src/background/badge-text';
import { chipText } from '../../../src/content/ticker/items';
import { Header } from '../../../src/popup/components/Header';
import { marketNotice, type Notice } from '../../../src/popup/notices';
import type { MarketState } from '../../../src/shared/market-store';
import { BOARD_FRESH_MS, CLOSED_BOARD_FRESH_MS } from '../../../src/shared/market-view';
import { emptySnapshot, type ErrorKind, type IndexQuote, type SourceStatus } from '../../../src/shared/model';
import { captionText, marketLabelText, sourceNameText, stateWordText } from '../../../src/shared/i18n/market-words';
import { present, type Presentation, type PresentationInput } from '../../../src/shared/presentation';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';

// PKT is UTC+5. 2026-10-14 is a Wednesday, 2026-10-16 a Friday, 2026-10-17 a Saturday.
const WED_1100 = Date.UTC(2026, 9, 14, 6, 0); // the timetable trades
const WED_2000 = Date.UTC(2026, 9, 14, 15, 0); // the timetable is closed
const WED_CLOSING_READ = Date.UTC(2026, 9, 14, 10, 46); // 15:46 PKT, after post-close
const FRI_CLOSING_READ = Date.UTC(2026, 9, 16, 11, 46); // 16:46 PKT, after Friday's post-close
const SAT_1100 = Date.UTC(2026, 9, 17, 6, 0);
const SECOND = 1_000;
const MINUTE = 60_000;

type Input = PresentationInput['snapshot'];

const { stories: _stories, quotes: _quotes, ...EMPTY } = emptySnapshot();
const snapshot = (changes: Partial<Input> = {}): Input => ({ ...EMPTY, ...changes });

/** A source whose last attempt, at `at`, succeeded. */
const ok = (at: number): SourceStatus => ({ state: 'ok', attemptedAt: at, lastOk: at, lastError: null, failures: 0, nextTry: null });

/** A source whose last attempt, at `at`, failed; it last delivered at `lastOk` and fails since `since`. */
function failing(at: number, { lastOk, since = at, kind = 'server', failures = 1 }: { lastOk: number | null; since?: number; kind?: ErrorKind; failures?: number }): SourceStatus {
  return {
    state: 'failing',
    attemptedAt: at,
    lastOk,
    lastError: { kind, detail: kind === 'server' ? 'HTTP 500' : kind, at },
    failingSince: since,
    failures,
    nextTry: at + MINUTE,
  };
}

const FEEDS = ['world', 'latest-news'];
const feedsOk = (at: number): Input['sources'] => ({ 'feed:world': ok(at), 'feed:latest-news': ok(at) });
const FEEDS_FINE: Presentation['feeds'] = { loading: false, failing: [], showingFrom: null };

/** A good cycle of the portal at `at`: home page, market watch and board read together. */
const goodPortal = (at: number, board: Input['market'] = { phase: 'open', label: 'Open' }): Partial<Input> => ({
  market: board,
  marketReadAt: at,
  marketAsOf: at - 30 * SECOND,
  sources: { 'psx-home': ok(at), 'psx-quotes': ok(at), ...feedsOk(at) },
});

interface Case {
  name: string;
  now: number;
  snapshot: Input;
  feedIds?: string[];
  quotesPeriodSec?: number;
  /** Each field given is compared exactly; fields left out are not checked. */
  expected: Partial<Omit<Presentation, 'at'> & Words>;
}

/** What the surfaces write from the stored facts (i18n/market-words.ts), checked here with them. */
interface Words {
  marketLabel: string | null;
  stateWord: string;
  caption: string;
  sourceName: string;
}

const withWords = (p: Presentation): Presentation & Words => ({
  ...p,
  marketLabel: marketLabelText(p),
  stateWord: stateWordText(p),
  caption: captionText(p),
  sourceName: sourceNameText(p.source),
});

const T = WED_1100;
const cases: Case[] = [
  {
    name: 'before any reading: loading, no market label, nothing stale',
    now: T,
    snapshot: snapshot(),
    feedIds: FEEDS,
    expected: {
      phase: 'open',
      marketLabel: null,
      stateWord: 'Open',
      trading: true,
      caption: '',
      asOf: null,
      stale: false,
      source: 'psx-portal',
      sourceName: 'PSX data portal',
      sources: {},
      notice: { kind: 'loading', reason: null, since: null, showingFrom: null },
      feeds: { loading: true, failing: [], showingFrom: null },
    },
  },
  {
    name: 'trading, the board fresh and every source ok: fresh',
    now: T,
    snapshot: snapshot(goodPortal(T - 20 * SECOND)),
    feedIds: FEEDS,
    expected: {
      phase: 'open',
      marketLabel: 'Market open',
      stateWord: 'Open',
      trading: true,
      caption: '',
      asOf: T - 50 * SECOND,
      stale: false,
      source: 'psx-portal',
      sourceName: 'PSX data portal',
      sources: { 'psx-home': 'fresh', 'psx-quotes': 'fresh', 'feed:world': 'fresh', 'feed:latest-news': 'fresh' },
      notice: null,
      feeds: FEEDS_FINE,
    },
  },
  {
    // The home page is read first and the market watch needs its token: when it fails, the
    // market watch is not asked, so its health still says ok from the last good cycle.
    name: 'ONLY the home page failing: stale, unreachable since the failure, showing the last quotes',
    now: T,
    snapshot: snapshot({
      ...goodPortal(T - MINUTE),
      sources: { 'psx-home': failing(T, { lastOk: T - MINUTE, kind: 'server' }), 'psx-quotes': ok(T - MINUTE), ...feedsOk(T) },
    }),
    feedIds: FEEDS,
    expected: {
      // The board read a minute ago still speaks for the market.
      phase: 'open',
      marketLabel: 'Market open',
      trading: true,
      asOf: T - MINUTE - 30 * SECOND,
      stale: true,
      sourceName: 'PSX data portal',
      sources: { 'psx-home': 'failing', 'psx-quotes': 'fresh', 'feed:world': 'fresh', 'feed:latest-news': 'fresh' },
      notice: { kind: 'unreachable', reason: 'server', since: T, showingFrom: T - MINUTE },
      feeds: FEEDS_FINE,
    },
  },
  {
    name: 'the home page failing for a while: "since" is when the run of failures began',
    now: T,
    snapshot: snapshot({
      ...goodPortal(T - 4 * MINUTE),
      sources: { 'psx-home': failing(T, { lastOk: T - 4 * MINUTE, since: T - 3 * MINUTE, kind: 'timeout', failures: 2 }), 'psx-quotes': ok(T - 4 * MINUTE) },
    }),
    expected: { stale: true, notice: { kind: 'unreachable', reason: 'timeout', since: T - 3 * MINUTE, showingFrom: T - 4 * MINUTE } },
  },
  {
    name: 'only the market watch failing: stale, the notice gives its reason and its last good read',
    now: T,
    snapshot: snapshot({
      ...goodPortal(T),
      sources: { 'psx-home': ok(T), 'psx-quotes': failing(T, { lastOk: T - 3 * MINUTE, since: T - 2 * MINUTE, kind: 'forbidden', failures: 2 }), ...feedsOk(T) },
    }),
    feedIds: FEEDS,
    expected: {
      phase: 'open',
      marketLabel: 'Market open',
      trading: true,
      stale: true,
      sources: { 'psx-home': 'fresh', 'psx-quotes': 'failing', 'feed:world': 'fresh', 'feed:latest-news': 'fresh' },
      notice: { kind: 'unreachable', reason: 'forbidden', since: T - 2 * MINUTE, showingFrom: T - 3 * MINUTE },
    },
  },
  {
    name: 'the market watch failing and then the home page too: the market watch still decides the notice',
    now: T,
    snapshot: snapshot({
      ...goodPortal(T - 3 * MINUTE),
      sources: {
        'psx-home': failing(T, { lastOk: T - MINUTE }),
        'psx-quotes': failing(T - MINUTE, { lastOk: T - 3 * MINUTE, since: T - 2 * MINUTE, kind: 'parse', failures: 2 }),
      },
    }),
    expected: { stale: true, notice: { kind: 'unreachable', reason: 'parse', since: T - 2 * MINUTE, showingFrom: T - 3 * MINUTE } },
  },
  {
    name: 'the portal failing from the first cycle: stale, unreachable, no prices yet',
    now: T,
    snapshot: snapshot({ sources: { 'psx-home': failing(T, { lastOk: null, kind: 'offline' }) } }),
    expected: {
      marketLabel: 'Market open',
      asOf: null,
      stale: true,
      sources: { 'psx-home': 'failing' },
      notice: { kind: 'unreachable', reason: 'offline', since: T, showingFrom: null },
    },
  },
  {
    name: 'fallback in use: PSX Terminal named, notice "fallback", stale judged by psx-terminal alone',
    now: T,
    snapshot: snapshot({
      market: { phase: 'open', label: 'Open' },
      marketReadAt: T - 20 * MINUTE,
      marketAsOf: T - 10 * SECOND,
      quoteSource: 'psx-terminal',
      sources: {
        // The portal has failed for four cycles and its last quotes are 20 min old; neither counts.
        'psx-home': failing(T, { lastOk: T - 20 * MINUTE, since: T - 4 * MINUTE, kind: 'network', failures: 4 }),
        'psx-quotes': ok(T - 20 * MINUTE),
        'psx-terminal': ok(T - 10 * SECOND),
      },
    }),
    expected: {
      // The board is too old to speak: the timetable trades.
      phase: 'open',
      trading: true,
      asOf: T - 10 * SECOND,
      stale: false,
      source: 'psx-terminal',
      sourceName: 'PSX Terminal',
      sources: { 'psx-home': 'failing', 'psx-quotes': 'fresh', 'psx-terminal': 'fresh' },
      notice: { kind: 'fallback', reason: 'network', since: T - 4 * MINUTE, showingFrom: T - 10 * SECOND },
    },
  },
  {
    name: 'fallback in use and PSX Terminal failing too: stale',
    now: T,
    snapshot: snapshot({
      marketAsOf: T - 2 * MINUTE,
      quoteSource: 'psx-terminal',
      sources: {
        'psx-home': failing(T, { lastOk: T - 20 * MINUTE, since: T - 6 * MINUTE, failures: 5 }),
        'psx-quotes': ok(T - 20 * MINUTE),
        'psx-terminal': failing(T, { lastOk: T - 2 * MINUTE, kind: 'timeout' }),
      },
    }),
    expected: {
      stale: true,
      sourceName: 'PSX Terminal',
      sources: { 'psx-home': 'failing', 'psx-quotes': 'fresh', 'psx-terminal': 'failing' },
      notice: { kind: 'fallback', reason: 'server', since: T - 6 * MINUTE, showingFrom: T - 2 * MINUTE },
    },
  },
  {
    name: 'fallback in use, PSX Terminal ok but not read for over 5 min while trading: stale by its age',
    now: T,
    snapshot: snapshot({
      quoteSource: 'psx-terminal',
      marketAsOf: T - 5 * MINUTE - SECOND,
      sources: {
        'psx-home': failing(T, { lastOk: T - 20 * MINUTE, since: T - 8 * MINUTE, failures: 6 }),
        'psx-quotes': ok(T - 20 * MINUTE),
        'psx-terminal': ok(T - 5 * MINUTE - SECOND),
      },
    }),
    expected: { trading: true, stale: true, source: 'psx-terminal' },
  },
  {
    name: 'closed market, figures from the closing read hours ago: not stale by age, "Last close"',
    now: WED_2000,
    snapshot: snapshot({
      market: { phase: 'closed', label: 'Closed' },
      marketReadAt: WED_2000 - 10 * MINUTE,
      marketAsOf: WED_CLOSING_READ - MINUTE,
      closingQuotesHeld: true,
      sources: { 'psx-home': ok(WED_2000 - 10 * MINUTE), 'psx-quotes': ok(WED_CLOSING_READ) },
    }),
    expected: {
      phase: 'closed',
      marketLabel: 'Market closed',
      stateWord: 'Closed',
      trading: false,
      caption: 'Last close',
      asOf: WED_CLOSING_READ - MINUTE,
      stale: false,
      notice: null,
    },
  },
  {
    name: "a Saturday showing Friday's closing figures: not stale, \"Last close\"",
    now: SAT_1100,
    snapshot: snapshot({
      market: { phase: 'closed', label: 'Closed' },
      marketReadAt: FRI_CLOSING_READ,
      marketAsOf: null,
      closingQuotesHeld: true,
      sources: { 'psx-home': ok(FRI_CLOSING_READ), 'psx-quotes': ok(FRI_CLOSING_READ) },
    }),
    expected: { phase: 'closed', marketLabel: 'Market closed', trading: false, caption: 'Last close', asOf: FRI_CLOSING_READ, stale: false },
  },
  {
    name: 'trading, every source ok but the quotes last read 5 min + 1 s ago (period 60 s): stale by age',
    now: T,
    snapshot: snapshot({ ...goodPortal(T - 5 * MINUTE - SECOND), sources: { 'psx-home': ok(T), 'psx-quotes': ok(T - 5 * MINUTE - SECOND) } }),
    quotesPeriodSec: 60,
    expected: { trading: true, stale: true, notice: null, sources: { 'psx-home': 'fresh', 'psx-quotes': 'fresh' } },
  },
  {
    name: 'trading, the quotes read exactly 5 min ago (period 60 s): not yet stale',
    now: T,
    snapshot: snapshot({ ...goodPortal(T - 5 * MINUTE), sources: { 'psx-home': ok(T), 'psx-quotes': ok(T - 5 * MINUTE) } }),
    quotesPeriodSec: 60,
    expected: { trading: true, stale: false },
  },
  {
    name: 'a 3-min period: three periods (9 min) is the limit, so 8 min is not stale',
    now: T,
    snapshot: snapshot({ ...goodPortal(T), sources: { 'psx-home': ok(T), 'psx-quotes': ok(T - 8 * MINUTE) } }),
    quotesPeriodSec: 180,
    expected: { trading: true, stale: false },
  },
  {
    name: 'a 3-min period: 9 min + 1 s is stale',
    now: T,
    snapshot: snapshot({ ...goodPortal(T), sources: { 'psx-home': ok(T), 'psx-quotes': ok(T - 9 * MINUTE - SECOND) } }),
    quotesPeriodSec: 180,
    expected: { trading: true, stale: true },
  },
  {
    name: 'an open board read 5 min + 1 ms ago gives way to the timetable: closed in the evening',
    now: WED_2000,
    snapshot: snapshot({ ...goodPortal(WED_2000 - BOARD_FRESH_MS - 1) }),
    expected: { phase: 'closed', marketLabel: 'Market closed', stateWord: 'Closed', trading: false, caption: 'Last close', stale: false },
  },
  {
    name: 'an open board read exactly 5 min ago still decides',
    now: WED_2000,
    snapshot: snapshot({ ...goodPortal(WED_2000 - BOARD_FRESH_MS) }),
    expected: { phase: 'open', marketLabel: 'Market open', stateWord: 'Open', trading: true, caption: '', stale: false },
  },
  {
    name: 'a closed board read 20 min + 1 ms ago gives way to the timetable, which trades (and the old quotes are stale)',
    now: T,
    snapshot: snapshot({ ...goodPortal(T - CLOSED_BOARD_FRESH_MS - 1, { phase: 'closed', label: 'Closed' }), closingQuotesHeld: true }),
    expected: { phase: 'open', marketLabel: 'Market open', stateWord: 'Open', trading: true, caption: '', stale: true },
  },
  {
    name: 'holiday: the board says closed while the timetable trades',
    now: T,
    snapshot: snapshot({
      market: { phase: 'closed', label: 'Closed' },
      marketReadAt: T - MINUTE,
      marketAsOf: WED_CLOSING_READ - 24 * 3_600_000,
      closingQuotesHeld: true,
      // Quotes from the day before: not stale, the market is not trading.
      sources: { 'psx-home': ok(T - MINUTE), 'psx-quotes': ok(WED_CLOSING_READ - 24 * 3_600_000) },
    }),
    expected: {
      phase: 'closed',
      marketLabel: 'Closed today (holiday?)',
      stateWord: 'Closed',
      trading: false,
      caption: 'Last close',
      stale: false,
      notice: null,
    },
  },
  {
    name: 'holiday: a closed board read 19 min ago still stands',
    now: T,
    snapshot: snapshot({ ...goodPortal(T - 19 * MINUTE, { phase: 'closed', label: 'Closed' }), closingQuotesHeld: true }),
    expected: { phase: 'closed', marketLabel: 'Closed today (holiday?)', stateWord: 'Closed', trading: false, stale: false },
  },
  {
    name: 'feeds loading: none asked yet',
    now: T,
    snapshot: snapshot({ sources: { 'psx-home': ok(T), 'psx-quotes': ok(T) } }),
    feedIds: FEEDS,
    expected: { feeds: { loading: true, failing: [], showingFrom: null } },
  },
  {
    name: 'feeds: one failing, showing its stories from its last success',
    now: T,
    snapshot: snapshot({
      sources: { 'feed:world': ok(T - MINUTE), 'feed:latest-news': failing(T - MINUTE, { lastOk: T - 40 * MINUTE, since: T - 20 * MINUTE, kind: 'timeout' }) },
    }),
    feedIds: FEEDS,
    expected: {
      feeds: { loading: false, failing: ['latest-news'], showingFrom: T - 40 * MINUTE, kinds: { 'latest-news': 'timeout' } },
      sources: { 'feed:world': 'fresh', 'feed:latest-news': 'failing' },
      // A failing feed says nothing about the market figures.
      stale: false,
    },
  },
  {
    name: 'feeds: one failing that never delivered, one not asked yet',
    now: T,
    snapshot: snapshot({ sources: { 'feed:latest-news': failing(T, { lastOk: null, kind: 'not-found' }) } }),
    feedIds: FEEDS,
    expected: { feeds: { loading: false, failing: ['latest-news'], showingFrom: null, kinds: { 'latest-news': 'not-found' } }, sources: { 'feed:latest-news': 'failing' } },
  },
  {
    name: 'feeds: both failing, the older of their stories is given',
    now: T,
    snapshot: snapshot({
      sources: { 'feed:world': failing(T, { lastOk: T - 3 * 3_600_000 }), 'feed:latest-news': failing(T, { lastOk: T - 3_600_000 }) },
    }),
    feedIds: FEEDS,
    expected: { feeds: { loading: false, failing: ['world', 'latest-news'], showingFrom: T - 3 * 3_600_000, kinds: { world: 'server', 'latest-news': 'server' } } },
  },
  {
    name: 'feeds: all ok',
    now: T,
    snapshot: snapshot({ sources: feedsOk(T - 2 * MINUTE) }),
    feedIds: FEEDS,
    expected: { feeds: FEEDS_FINE, sources: { 'feed:world': 'fresh', 'feed:latest-news': 'fresh' } },
  },
  {
    name: 'an unknown board word while the timetable trades: the timetable decides, the word is shown on every surface',
    now: T,
    snapshot: snapshot(goodPortal(T - MINUTE, { phase: 'unknown', label: 'Halted' })),
    expected: { phase: 'open', marketLabel: 'Market: Halted', stateWord: 'Halted', trading: true, caption: '', stale: false },
  },
  {
    name: 'an unknown board word in the evening: closed by the timetable, the word still shown',
    now: WED_2000,
    snapshot: snapshot(goodPortal(WED_2000 - MINUTE, { phase: 'unknown', label: 'Suspended' })),
    expected: { phase: 'closed', marketLabel: 'Market: Suspended', stateWord: 'Suspended', trading: false, caption: 'Last close', stale: false },
  },
  {
    name: 'an unknown board word read too long ago is dropped',
    now: T,
    snapshot: snapshot(goodPortal(T - BOARD_FRESH_MS - 1, { phase: 'unknown', label: 'Halted' })),
    expected: { phase: 'open', marketLabel: 'Market open', stateWord: 'Open' },
  },
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('present()', () => {
  it.each(cases)('$name', ({ now, snapshot: input, feedIds = [], quotesPeriodSec = 60, expected }) => {
    vi.setSystemTime(now);
    const presentation = withWords(present({ snapshot: input, feedIds, quotesPeriodSec, now: Date.now() }));
    expect(presentation.at).toBe(now);
    for (const [field, value] of Object.entries(expected)) {
      expect(presentation[field as keyof typeof presentation], field).toEqual(value);
    }
  });

  it('is pure: the same input gives the same presentation and is not changed', () => {
    vi.setSystemTime(T);
    const input = snapshot({ ...goodPortal(T - MINUTE), sources: { 'psx-home': failing(T, { lastOk: T - MINUTE }), 'psx-quotes': ok(T - MINUTE) } });
    const copy = structuredClone(input);
    const first = present({ snapshot: input, feedIds: FEEDS, quotesPeriodSec: 60, now: T });
    vi.setSystemTime(T + 3_600_000); // the real clock is not read
    expect(present({ snapshot: input, feedIds: FEEDS, quotesPeriodSec: 60, now: T })).toEqual(first);
    expect(input).toEqual(copy);
  });
});

// ---------------------------------------------------------------------------------------------

const index = (code: string, value: number, changePercent: number): IndexQuote => ({ code, value, change: (value * changePercent) / 100, changePercent, staleDate: null });
const INDICES = { KSE100: index('KSE100', 171208.54, -0.24), KSE30: index('KSE30', 52000.5, 0.19) };
const PKT_SETTINGS: Settings = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Karachi' };

/** The market view as the background stores it: the snapshot and the presentation decided for it. */
function stored(input: Input, now: number, presentation: Presentation = present({ snapshot: input, feedIds: [], quotesPeriodSec: 60, now })): MarketState {
  return { ...input, indices: INDICES, quotes: {}, presentation };
}

function headerText(presentation: Presentation, now: number): string {
  const root = document.createElement('div');
  render(h(Header, { presentation, now, zone: 'Asia/Karachi', refreshing: false, onRefresh: () => undefined }), root);
  const text = root.textContent ?? '';
  render(null, root);
  return text;
}

const homeFailing = snapshot({
  ...goodPortal(T - MINUTE),
  sources: { 'psx-home': failing(T, { lastOk: T - MINUTE }), 'psx-quotes': ok(T - MINUTE) },
});
const watchFailing = snapshot({
  ...goodPortal(T),
  sources: { 'psx-home': ok(T), 'psx-quotes': failing(T, { lastOk: T - 2 * MINUTE, kind: 'timeout' }) },
});
const tooOld = snapshot({ ...goodPortal(T), sources: { 'psx-home': ok(T), 'psx-quotes': ok(T - 6 * MINUTE) } });
const healthy = snapshot(goodPortal(T - 20 * SECOND));

interface SurfaceRow {
  name: string;
  state: MarketState;
  stale: boolean;
  /** The popup's market notice, by kind: the sentence that names a failure. */
  notice: Notice['kind'] | null;
  colour: string;
}

const surfaces: SurfaceRow[] = [
  { name: 'only the home page failing', state: stored(homeFailing, T), stale: true, notice: 'unreachable', colour: BADGE_COLOURS.muted },
  { name: 'only the market watch failing', state: stored(watchFailing, T), stale: true, notice: 'unreachable', colour: BADGE_COLOURS.muted },
  // Stale by age has no failure to name: the header, the chip and the badge still say so.
  { name: 'quotes too old while trading', state: stored(tooOld, T), stale: true, notice: null, colour: BADGE_COLOURS.muted },
  { name: 'trading, fresh', state: stored(healthy, T), stale: false, notice: null, colour: BADGE_COLOURS.down },
  // The surfaces derive nothing: raw health beside the presentation is ignored, either way.
  {
    name: 'a fresh presentation stored beside failing health',
    state: { ...stored(homeFailing, T), presentation: present({ snapshot: healthy, feedIds: [], quotesPeriodSec: 60, now: T }) },
    stale: false,
    notice: null,
    colour: BADGE_COLOURS.down,
  },
  {
    name: 'a stale presentation stored beside healthy sources',
    state: { ...stored(healthy, T), presentation: present({ snapshot: homeFailing, feedIds: [], quotesPeriodSec: 60, now: T }) },
    stale: true,
    notice: 'unreachable',
    colour: BADGE_COLOURS.muted,
  },
];

describe('every surface says what the presentation says', () => {
  it.each(surfaces)('$name', ({ state, stale, notice, colour }) => {
    vi.setSystemTime(T);
    const now = Date.now();
    const presentation = state.presentation;
    if (presentation === null) throw new Error('no presentation');
    expect(presentation.stale).toBe(stale);

    // The bar's chip.
    const chip = chipText(presentation, PKT_SETTINGS, now);
    expect(chip.endsWith(' · stale'), chip).toBe(stale);
    expect(chip.startsWith('Open · ')).toBe(true);

    // The popup: the header and the market notice.
    expect(headerText(presentation, now).includes(' · not fresh')).toBe(stale);
    const sentence = marketNotice(presentation, now, 'Asia/Karachi');
    expect(sentence?.kind ?? null).toBe(notice);
    if (notice === 'unreachable') expect(sentence?.text).toMatch(/^PSX data portal (unreachable|not answering) since \d\d:\d\d — showing prices from \d\d:\d\d\.$/);

    // The badge: grey and "(not fresh)" when stale, coloured by the move when fresh.
    const badge = badgeView(state, 'KSE100', ['KSE100', 'KSE30'], 'Asia/Karachi', now);
    expect(badge.text).toBe('-0.2');
    expect(badge.colour).toBe(colour);
    expect(badge.title.endsWith(' (not fresh)'), badge.title).toBe(stale);
  });
});
