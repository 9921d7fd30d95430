import { describe, expect, it } from 'vitest';
import type { ImportPlan, SettingsPatch } from '../../../src/shared/backup/format';
import { applyPlan, describePlan, type PlanChange } from '../../../src/shared/backup/preview';
import { describeWarnings } from '../../../src/shared/backup/warnings';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from '../../../src/shared/settings';
import { CUSTOM, USER_FEED } from './fixtures';

const planOf = (settings: SettingsPatch, extra: Partial<ImportPlan> = {}): ImportPlan => ({
  kind: 'backup',
  fileName: 'backup.json',
  settings,
  unknownSymbols: [],
  malformed: [],
  warnings: [],
  ...extra,
});
const current = normaliseSettings({ watchlist: ['HUBC', 'OGDC', 'PSO'] });
const texts = (changes: PlanChange[]): string[] => changes.map((c) => c.text);

describe('describePlan: the watchlist', () => {
  it.each<[string, string[], Partial<PlanChange> | null]>([
    ['the same list: no change', ['HUBC', 'OGDC', 'PSO'], null],
    ['added, removed and reordered', ['PSO', 'HUBC', 'POL'], { added: ['POL'], removed: ['OGDC'], reordered: true, text: 'Watchlist: adds POL; removes OGDC; order changed.' }],
    ['added at the end, order kept', ['HUBC', 'OGDC', 'PSO', 'KEL'], { added: ['KEL'], removed: [], reordered: false, text: 'Watchlist: adds KEL; order unchanged.' }],
    ['one symbol kept: no word on order', ['OGDC', 'LUCK'], { added: ['LUCK'], removed: ['HUBC', 'PSO'], reordered: false, text: 'Watchlist: adds LUCK; removes HUBC, PSO.' }],
    ['only reordered', ['PSO', 'OGDC', 'HUBC'], { added: [], removed: [], reordered: true, text: 'Watchlist: order changed.' }],
    ['emptied', [], { added: [], removed: ['HUBC', 'OGDC', 'PSO'], reordered: false, text: 'Watchlist: removes HUBC, OGDC, PSO.' }],
  ])('%s', (_name, watchlist, expected) => {
    const changes = describePlan(current, planOf({ watchlist }));
    if (expected === null) expect(changes).toEqual([]);
    else expect(changes).toEqual([{ kind: 'list', field: 'watchlist', label: 'Watchlist', ...expected }]);
  });
});

describe('describePlan: preferences, old → new', () => {
  it.each<[string, SettingsPatch, string[]]>([
    ['a switch', { privacy: true }, ['Privacy mode: off → on.']],
    ['the sort', { sort: 'symbol' }, ['Watchlist order: your order → A–Z.']],
    ['the time zone', { timeZone: 'Asia/Karachi' }, ['Times shown in: your time zone → Pakistan time (PKT).']],
    ['cadences', { quotesPeriodSec: 120, feedsPeriodMin: 30 }, ['Price refresh: every 60 s → every 120 s.', 'News refresh: every 10 min → every 30 min.']],
    ['the badge', { badge: 'off' }, ['Toolbar badge: KSE100 % change → nothing.']],
    ['the bar', { showBar: true, barPosition: 'bottom', barMode: 'push', barSpeed: 'fast' }, [
      'Ticker bar on pages: off → on.',
      'Ticker bar position: top → bottom.',
      'Ticker bar mode: overlay → push.',
      'Ticker bar speed: normal → fast.',
    ]],
    ['the popup\'s view and filter', { popupTab: 'market', shariahOnly: true }, [
      'Popup opens on: Watchlist → Market (top movers).',
      'Watchlist shows Shariah (KMI) symbols only: off → on.',
    ]],
    ['sites, in any order', { barHiddenSites: ['example.org'] }, ['Sites where the bar is hidden: adds example.org.']],
    ['a value equal to the current one', { privacy: false, sort: 'user' }, []],
  ])('%s', (_name, patch, expected) => {
    expect(texts(describePlan(current, planOf(patch)))).toEqual(expected);
  });

  it('gives the old and new values apart from the sentence', () => {
    expect(describePlan(current, planOf({ barSpeed: 'slow' }))).toEqual([
      { kind: 'value', field: 'barSpeed', label: 'Ticker bar speed', from: 'normal', to: 'slow', text: 'Ticker bar speed: normal → slow.' },
    ]);
  });
});

describe('describePlan: feeds', () => {
  const [world, latest] = DEFAULT_SETTINGS.feeds as [Settings['feeds'][number], Settings['feeds'][number]];
  it.each<[string, Settings['feeds'], Partial<PlanChange> | null]>([
    ['the same feeds', [world, latest], null],
    ['one added, one removed', [world, USER_FEED], { added: [USER_FEED], removed: [latest], updated: [], reordered: false, text: 'News feeds: adds “Example news” (example.com); removes “Latest news” (www.brecorder.com).' }],
    ['reordered', [latest, world], { added: [], removed: [], updated: [], reordered: true, text: 'News feeds: order changed.' }],
    ['renamed', [{ ...world, title: 'World news' }, latest], { added: [], removed: [], updated: [{ ...world, title: 'World news' }], reordered: false, text: 'News feeds: updates “World news” (www.brecorder.com).' }],
  ])('%s', (_name, feeds, expected) => {
    const changes = describePlan(current, planOf({ feeds }));
    if (expected === null) expect(changes).toEqual([]);
    else expect(changes).toEqual([{ kind: 'feeds', field: 'feeds', label: 'News feeds', ...expected }]);
  });
});

describe('applyPlan', () => {
  it('changes only what the plan holds, and leaves the current settings alone', () => {
    const before = structuredClone(CUSTOM);
    const next = applyPlan(CUSTOM, planOf({ privacy: false, watchlist: ['LUCK'] }));
    expect(next).toEqual({ ...CUSTOM, privacy: false, watchlist: ['LUCK'] });
    expect(CUSTOM).toEqual(before);
  });

  it('returns normalised settings', () => {
    const next = applyPlan(CUSTOM, planOf({ watchlist: ['hubc', 'HUBC'] }));
    expect(next).toEqual(normaliseSettings(next));
    expect(next.watchlist).toEqual(['HUBC']);
  });

  it('lists the changes in the order of the options page', () => {
    const changes = describePlan(current, planOf({ barSpeed: 'fast', privacy: true, watchlist: ['HUBC'] }));
    expect(changes.map((c) => c.field)).toEqual(['watchlist', 'privacy', 'barSpeed']);
  });
});

describe('describeWarnings', () => {
  it.each<[string, Partial<ImportPlan>, string[]]>([
    ['nothing to say', {}, []],
    ['one unknown symbol', { unknownSymbols: ['ZZZZ'] }, ['ZZZZ is not listed on PSX, so it is not imported.']],
    ['several unknown symbols', { unknownSymbols: ['ZZZZ', 'QQQ'] }, ['2 symbols are not listed on PSX, so they are not imported: ZZZZ, QQQ.']],
    ['many unknown symbols, the list cut', { unknownSymbols: Array.from({ length: 23 }, (_, i) => `Z${i}`) }, [
      `23 symbols are not listed on PSX, so they are not imported: ${Array.from({ length: 20 }, (_, i) => `Z${i}`).join(', ')} and 3 more.`,
    ]],
    ['a malformed CSV line', { kind: 'watchlist-csv', malformed: [{ position: 4, text: '$$$' }] }, ['Skipped line 4 (“$$$”): not a symbol.']],
    ['malformed backup entries', { malformed: [{ position: 2, text: '42' }, { position: 5, text: '' }] }, ['Skipped 2 entries that are not symbols: watchlist entry 2 (“42”), watchlist entry 5.']],
    ['other warnings last', { unknownSymbols: ['ZZZZ'], warnings: ['The list was cut.'] }, ['ZZZZ is not listed on PSX, so it is not imported.', 'The list was cut.']],
  ])('%s', (_name, extra, expected) => {
    expect(describeWarnings(planOf({}, extra))).toEqual(expected);
  });

  it('cuts a long list of malformed lines', () => {
    const malformed = Array.from({ length: 12 }, (_, i) => ({ position: i + 1, text: '?' }));
    const [sentence] = describeWarnings(planOf({}, { kind: 'watchlist-csv', malformed }));
    expect(sentence).toMatch(/^Skipped 12 entries that are not symbols: line 1 \(“\?”\), .* line 10 \(“\?”\) and 2 more\.$/);
  });
});
