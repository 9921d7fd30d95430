import { describe, expect, it } from 'vitest';
import {
  BUSINESS_RECORDER_WATCHLIST,
  DEFAULT_SETTINGS,
  MAX_WATCHLIST,
  normaliseSettings,
  type Settings,
} from '../../../src/shared/settings';

const BR_ORDER = [
  'BAFL', 'BIPL', 'BOP', 'CNERGY', 'DFML', 'DGKC', 'FABL', 'FCCL', 'FFL', 'GGL',
  'HBL', 'HUBC', 'HUMNL', 'KEL', 'LOTCHEM', 'MLCF', 'OGDC', 'PAEL', 'PIBTL', 'PIOC',
  'PPL', 'PRL', 'SILK', 'SNGP', 'SSGC', 'TELE', 'TPLP', 'TRG', 'UNITY', 'WTL',
];
const DEFAULTS: Settings = {
  watchlist: BR_ORDER,
  indices: ['KSE100', 'KSE30'],
  timeZone: 'local',
  quotesPeriodSec: 60,
  feedsPeriodMin: 10,
  badge: 'KSE100',
  feeds: [
    { id: 'world', url: 'https://www.brecorder.com/feeds/world', name: 'Business Recorder', title: 'World' },
    { id: 'latest-news', url: 'https://www.brecorder.com/feeds/latest-news', name: 'Business Recorder', title: 'Latest news' },
  ],
  sort: 'user',
  collapsedFeeds: [],
  privacy: false,
  showBar: false,
  barPosition: 'top',
  barMode: 'overlay',
  barSpeed: 'normal',
  barHiddenSites: [],
  alertsOnFallback: false,
  badgeAlerts: true,
  popupTab: 'watchlist',
  shariahOnly: false,
  language: 'auto',
  digits: 'latn',
};
const many = (n: number): string[] => Array.from({ length: n }, (_, i) => `S${i}`);

describe('defaults', () => {
  it('are the Business Recorder ticker, KSE100 and KSE30, local time', () => {
    expect(BUSINESS_RECORDER_WATCHLIST).toEqual(BR_ORDER);
    expect(DEFAULT_SETTINGS).toEqual(DEFAULTS);
    expect(MAX_WATCHLIST).toBe(100);
  });
});

describe('normaliseSettings: feeds', () => {
  const feed = { id: 'user-abc', url: 'https://example.com/rss', name: 'Example', title: 'Example news' };
  it.each<[string, unknown, Settings['feeds']]>([
    ['a user feed kept', [feed], [feed]],
    ['a javascript: feed dropped', [{ ...feed, url: 'javascript:alert(1)' }], []],
    ['a bad id dropped', [{ ...feed, id: '<x>' }], []],
    ['a duplicate URL dropped', [feed, { ...feed, id: 'user-def' }], [feed]],
    ['missing names fall back to the host', [{ id: 'user-abc', url: 'https://example.com/rss' }], [{ ...feed, name: 'example.com', title: 'example.com' }]],
    ['no list at all: the defaults', 'nope', DEFAULTS.feeds],
  ])('%s', (_name, feeds, expected) => {
    expect(normaliseSettings({ feeds }).feeds).toEqual(expected);
  });
});

describe('normaliseSettings: cadences and badge', () => {
  it.each<[string, unknown, Partial<Settings>]>([
    ['a quote period under the 30 s floor', { quotesPeriodSec: 5 }, { quotesPeriodSec: 30 }],
    ['a quote period as text', { quotesPeriodSec: '90' }, { quotesPeriodSec: 60 }],
    ['a fractional quote period', { quotesPeriodSec: 45.4 }, { quotesPeriodSec: 45 }],
    ['a feed period under 5 min', { feedsPeriodMin: 1 }, { feedsPeriodMin: 5 }],
    ['the badge off', { badge: 'off' }, { badge: 'off' }],
    ['the badge on a symbol', { badge: 'HUBC' }, { badge: 'HUBC' }],
    ['a badge that is not a symbol', { badge: '<b>' }, { badge: 'KSE100' }],
  ])('%s', (_name, raw, expected) => {
    expect(normaliseSettings(raw)).toMatchObject(expected);
  });
});

describe('normaliseSettings', () => {
  it.each<[string, unknown, Settings]>([
    // nothing usable: defaults
    ['undefined', undefined, DEFAULTS],
    ['null', null, DEFAULTS],
    ['a string', 'garbage', DEFAULTS],
    ['a number', 42, DEFAULTS],
    ['true', true, DEFAULTS],
    ['an array', ['HUBC'], DEFAULTS],
    ['an empty object', {}, DEFAULTS],
    ['unknown fields only', { foo: 1, bar: [] }, DEFAULTS],
    // symbols normalised, de-duplicated, invalid ones dropped
    ['lowercase and padded', { watchlist: [' hubc ', 'ogdc\t', 'Ppl'] }, { ...DEFAULTS, watchlist: ['HUBC', 'OGDC', 'PPL'] }],
    ['duplicates after normalising', { watchlist: ['HUBC', 'hubc', ' HUBC ', 'OGDC', 'HUBC'] }, { ...DEFAULTS, watchlist: ['HUBC', 'OGDC'] }],
    [
      'invalid entries dropped',
      { watchlist: ['', '   ', 'HU BC', '-HUBC', '.X', 'A'.repeat(25), '<script>', 'HUBC;', 42, null, {}, ['OGDC'], 'BAFL'] },
      { ...DEFAULTS, watchlist: ['BAFL'] },
    ],
    ['allowed punctuation', { watchlist: ['HUBC-OCT', 'ABC.B', 'M&A', 'A'.repeat(24), '1X'] }, { ...DEFAULTS, watchlist: ['HUBC-OCT', 'ABC.B', 'M&A', 'A'.repeat(24), '1X'] }],
    ['an empty watchlist is the user\'s choice', { watchlist: [] }, { ...DEFAULTS, watchlist: [] }],
    ['more than 100 cut to the first 100', { watchlist: many(150) }, { ...DEFAULTS, watchlist: many(100) }],
    ['exactly 100 kept', { watchlist: many(100) }, { ...DEFAULTS, watchlist: many(100) }],
    ['invalid entries do not count towards 100', { watchlist: ['bad one', ...many(100)] }, { ...DEFAULTS, watchlist: many(100) }],
    ['indices normalised', { indices: ['kse100', 'ALLSHR', 'kse100'] }, { ...DEFAULTS, indices: ['KSE100', 'ALLSHR'] }],
    ['indices cut to 10', { indices: many(12) }, { ...DEFAULTS, indices: many(10) }],
    // one wrong-typed field falls back alone
    [
      'watchlist a string',
      { watchlist: 'HUBC', indices: ['ALLSHR'], timeZone: 'Asia/Karachi' },
      { ...DEFAULTS, watchlist: BR_ORDER, indices: ['ALLSHR'], timeZone: 'Asia/Karachi' },
    ],
    [
      'indices an object',
      { watchlist: ['HUBC'], indices: { 0: 'KSE100' }, timeZone: 'Asia/Karachi' },
      { ...DEFAULTS, watchlist: ['HUBC'], indices: ['KSE100', 'KSE30'], timeZone: 'Asia/Karachi' },
    ],
    ['timeZone a number', { watchlist: ['HUBC'], indices: ['KSE30'], timeZone: 5 }, { ...DEFAULTS, watchlist: ['HUBC'], indices: ['KSE30'], timeZone: 'local' }],
    // time zone: only Asia/Karachi or local
    ['Asia/Karachi kept', { timeZone: 'Asia/Karachi' }, { ...DEFAULTS, timeZone: 'Asia/Karachi' }],
    ['local kept', { timeZone: 'local' }, DEFAULTS],
    ['other zone', { timeZone: 'Europe/London' }, DEFAULTS],
    ['wrong case', { timeZone: 'asia/karachi' }, DEFAULTS],
    ['UTC', { timeZone: 'UTC' }, DEFAULTS],
    // the version is always the current one
    ['old or future version', { version: 99 }, DEFAULTS],
  ])('%s', (_name, raw, expected) => {
    expect(normaliseSettings(raw)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['from defaults', undefined],
    ['from stored lists', { watchlist: ['HUBC'], indices: ['KSE100'] }],
  ])('returns fresh arrays that can be changed without touching the defaults (%s)', (_name, raw) => {
    const settings = normaliseSettings(raw);
    settings.watchlist.push('ZZZ');
    settings.indices.push('ZZZ');
    expect(DEFAULT_SETTINGS.watchlist).toEqual(BR_ORDER);
    expect(DEFAULT_SETTINGS.indices).toEqual(['KSE100', 'KSE30']);
    expect(normaliseSettings(undefined)).toEqual(DEFAULTS);
  });
});
