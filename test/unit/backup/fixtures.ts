/** Shared inputs for the backup tests: a directory, a user's settings, and file builders. */
import { normaliseSettings, type Settings } from '../../../src/shared/settings';
import { BACKUP_FORMAT, type KnownSymbols } from '../../../src/shared/backup/format';

export const KNOWN: KnownSymbols = { symbols: new Set(['HUBC', 'OGDC', 'PSO', 'POL', 'ENGRO', 'LUCK', 'KEL', 'BAFL', 'MCB', 'SYS']) };
export const ANY: KnownSymbols = { symbols: null };

export const USER_FEED = { id: 'user-abc', url: 'https://example.com/rss', name: 'Example', title: 'Example news' };

/** A user who changed everything there is to change. */
export const CUSTOM: Settings = normaliseSettings({
  watchlist: ['HUBC', 'OGDC', 'PSO'],
  indices: ['KSE100', 'ALLSHR'],
  timeZone: 'Asia/Karachi',
  quotesPeriodSec: 120,
  feedsPeriodMin: 30,
  badge: 'HUBC',
  feeds: [USER_FEED, { id: 'world', url: 'https://www.brecorder.com/feeds/world', name: 'Business Recorder', title: 'World' }],
  sort: 'change',
  collapsedFeeds: ['world'],
  privacy: true,
  showBar: true,
  barPosition: 'bottom',
  barMode: 'push',
  barSpeed: 'fast',
  barHiddenSites: ['example.org', 'news.example.com'],
});

/** A version-1 backup holding `settings` (and whatever else is passed at the top level). */
export function backupJson(settings: unknown, top: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: '2026-10-14T06:41:00.000Z', app: '0.1.0', data: { settings }, ...top });
}

export const symbols = (n: number): string[] => Array.from({ length: n }, (_, i) => `S${i}`);
