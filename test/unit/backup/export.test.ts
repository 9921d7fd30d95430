import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupFileName, exportBackup, exportWatchlistCsv, watchlistFileName } from '../../../src/shared/backup/export';
import { SETTINGS_FIELDS } from '../../../src/shared/backup/format';
import { parseBackupFile } from '../../../src/shared/backup/import';
import { applyPlan } from '../../../src/shared/backup/preview';
import { emptyAlerts } from '../../../src/shared/alerts/rules';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from '../../../src/shared/settings';
import { ANY, CUSTOM, KNOWN } from './fixtures';

// Midday UTC: the file names use the local date, which is the same day in every zone from UTC-11 to UTC+11.
const NOON = new Date('2026-10-14T12:00:00.000Z');

afterEach(() => vi.useRealTimers());

describe('exportBackup', () => {
  it('writes the versioned envelope, pretty, with the time in UTC', () => {
    vi.setSystemTime(NOON);
    const text = exportBackup(CUSTOM, Date.now(), '0.1.0', emptyAlerts(), {});
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toEqual({
      format: 'psx-market-overlay-backup',
      version: 2,
      exportedAt: '2026-10-14T12:00:00.000Z',
      app: '0.1.0',
      data: { settings: expect.any(Object) as unknown, alerts: { rules: [] }, holdings: [] },
    });
    expect(text.startsWith('{\n  "format": "psx-market-overlay-backup",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('holds every setting by name, and not the storage version', () => {
    const settings = (JSON.parse(exportBackup(CUSTOM, NOON.getTime(), '0.1.0', emptyAlerts(), {})) as { data: { settings: Record<string, unknown> } }).data.settings;
    expect(Object.keys(settings)).toEqual(SETTINGS_FIELDS);
    expect(settings).not.toHaveProperty('version');
    expect(settings['watchlist']).toEqual(['HUBC', 'OGDC', 'PSO']);
    expect(settings['barHiddenSites']).toEqual(['example.org', 'news.example.com']);
  });
});

describe('exportWatchlistCsv', () => {
  it.each<[string, string[], string]>([
    ['an empty watchlist: the header alone', [], 'symbol\r\n'],
    ['one symbol a line, CRLF, final newline', ['HUBC', 'OGDC'], 'symbol\r\nHUBC\r\nOGDC\r\n'],
    ['nothing a spreadsheet would run as a formula', ['=HYPERLINK("x")', 'HUBC', '+1', '@SUM(A1)'], 'symbol\r\nHUBC\r\n'],
  ])('%s', (_name, watchlist, expected) => {
    expect(exportWatchlistCsv(watchlist)).toBe(expected);
  });
});

describe('file names', () => {
  it('carry the date of the day the backup is made', () => {
    vi.setSystemTime(NOON);
    expect(backupFileName(Date.now())).toBe('psx-overlay-backup-2026-10-14.json');
    expect(watchlistFileName(Date.now())).toBe('psx-watchlist-2026-10-14.csv');
  });
});

describe('export then import', () => {
  it.each<[string, Settings]>([
    ['the defaults', normaliseSettings(undefined)],
    ['a user who changed everything', CUSTOM],
    ['an empty watchlist and no feeds', normaliseSettings({ ...CUSTOM, watchlist: [], feeds: [] })],
  ])('gives back the same settings: %s', (_name, settings) => {
    const known = { symbols: new Set([...settings.watchlist, ...(KNOWN.symbols ?? [])]) };
    const parsed = parseBackupFile(exportBackup(settings, NOON.getTime(), '0.1.0', emptyAlerts(), {}), 'backup.json', known);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.warnings).toEqual([]);
    expect(parsed.value.malformed).toEqual([]);
    // Applied over other settings, the file alone decides: nothing of those survives.
    expect(applyPlan(normaliseSettings({ ...DEFAULT_SETTINGS, privacy: true, sort: 'symbol' }), parsed.value)).toEqual(settings);
  });

  it('gives back the same watchlist through CSV', () => {
    const parsed = parseBackupFile(exportWatchlistCsv(CUSTOM.watchlist), 'list.csv', ANY);
    expect(parsed.ok && parsed.value.settings).toEqual({ watchlist: CUSTOM.watchlist });
  });
});
