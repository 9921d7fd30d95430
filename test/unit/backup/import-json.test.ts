import { describe, expect, it } from 'vitest';
import { fileTooLarge, MAX_BACKUP_BYTES, type ImportPlan, type SettingsPatch } from '../../../src/shared/backup/format';
import { notJson, parseBackupFile, wrongFormat } from '../../../src/shared/backup/import';
import { applyPlan } from '../../../src/shared/backup/preview';
import { MAX_WATCHLIST, normaliseSettings } from '../../../src/shared/settings';
import { ANY, backupJson, CUSTOM, KNOWN, symbols, USER_FEED } from './fixtures';

const plan = (text: string, known = KNOWN, name = 'backup.json'): ImportPlan => {
  const parsed = parseBackupFile(text, name, known);
  if (!parsed.ok) throw new Error(`expected a plan, got: ${parsed.error}`);
  return parsed.value;
};
const error = (text: string, name = 'backup.json'): string => {
  const parsed = parseBackupFile(text, name, KNOWN);
  if (parsed.ok) throw new Error('expected an error, got a plan');
  return parsed.error;
};

describe('a valid backup', () => {
  it.each<[string, unknown, SettingsPatch]>([
    ['one setting', { privacy: true }, { privacy: true }],
    ['preferences', { sort: 'symbol', timeZone: 'Asia/Karachi', barSpeed: 'slow' }, { sort: 'symbol', timeZone: 'Asia/Karachi', barSpeed: 'slow' }],
    ['a watchlist, trimmed and upper-cased', { watchlist: [' hubc', 'OGDC'] }, { watchlist: ['HUBC', 'OGDC'] }],
    ['an emptied watchlist, as the user left it', { watchlist: [] }, { watchlist: [] }],
    ['a user feed', { feeds: [USER_FEED] }, { feeds: [USER_FEED] }],
    ['a period clamped by the storage rules', { quotesPeriodSec: 5 }, { quotesPeriodSec: 30 }],
    ['settings this build does not know, and the storage version, ignored', { privacy: true, version: 3, holdingsView: 'grid' }, { privacy: true }],
    ['no settings at all', {}, {}],
  ])('%s', (_name, settings, expected) => {
    const result = plan(backupJson(settings));
    expect(result.kind).toBe('backup');
    expect(result.settings).toEqual(expected);
    expect(result.warnings).toEqual([]);
  });

  it('ignores sections of data it does not know (holdings, alerts)', () => {
    const text = JSON.stringify({ format: 'psx-market-overlay-backup', version: 1, data: { settings: { privacy: true }, holdings: [{ symbol: 'HUBC', quantity: 10 }], alerts: 'x' } });
    expect(plan(text).settings).toEqual({ privacy: true });
  });

  it('accepts a backup without a settings section, which changes nothing', () => {
    expect(plan(JSON.stringify({ format: 'psx-market-overlay-backup', version: 1, data: { holdings: [] } })).settings).toEqual({});
  });

  it('is read as JSON by its content, whatever the file is called', () => {
    expect(plan(`  \n${backupJson({ privacy: true })}`, KNOWN, 'watchlist.csv').kind).toBe('backup');
  });

  it('keeps every field the file does not name', () => {
    const result = plan(backupJson({ privacy: false, barSpeed: 'slow' }));
    expect(applyPlan(CUSTOM, result)).toEqual({ ...CUSTOM, privacy: false, barSpeed: 'slow' });
  });
});

describe('a backup with doubtful settings', () => {
  it.each<[string, unknown, SettingsPatch, string]>([
    ['a sort that does not exist', { sort: 'random', privacy: true }, { privacy: true }, 'The file\'s “Watchlist order” setting is not valid, so yours is kept.'],
    ['a switch as text', { privacy: 'yes' }, {}, 'The file\'s “Privacy mode” setting is not valid, so yours is kept.'],
    ['a period as text', { quotesPeriodSec: '90' }, {}, 'The file\'s “Price refresh” setting is not valid, so yours is kept.'],
    ['a badge that is no symbol', { badge: '<b>' }, {}, 'The file\'s “Toolbar badge” setting is not valid, so yours is kept.'],
    ['a watchlist that is no list', { watchlist: 'HUBC' }, {}, 'The file\'s “Watchlist” setting is not valid, so yours is kept.'],
    ['a feed list with an unusable feed', { feeds: [USER_FEED, { id: 'x', url: 'javascript:alert(1)' }] }, { feeds: [USER_FEED] }, '1 of the file\'s entries for “News feeds” could not be used and were left out.'],
    ['a watchlist none of whose symbols is listed', { watchlist: ['ZZZZ'] }, {}, 'None of the symbols in the file\'s watchlist can be imported, so yours is kept.'],
  ])('%s: skipped and reported', (_name, settings, expected, warning) => {
    const result = plan(backupJson(settings));
    expect(result.settings).toEqual(expected);
    expect(result.warnings).toEqual([warning]);
  });

  it('skips unknown and malformed watchlist entries, and says where they were', () => {
    const result = plan(backupJson({ watchlist: ['hubc', 'ZZZZ', 'not a symbol', 42, 'HUBC', 'PSO', 'zzzz'] }));
    expect(result.settings.watchlist).toEqual(['HUBC', 'PSO']);
    expect(result.unknownSymbols).toEqual(['ZZZZ']);
    expect(result.malformed).toEqual([
      { position: 3, text: 'not a symbol' },
      { position: 4, text: '42' },
    ]);
  });

  it('accepts any well-formed symbol while the directory is not loaded', () => {
    expect(plan(backupJson({ watchlist: ['ZZZZ', 'HUBC'] }), ANY).settings.watchlist).toEqual(['ZZZZ', 'HUBC']);
  });

  it(`cuts a watchlist longer than ${MAX_WATCHLIST} symbols, with a warning`, () => {
    const result = plan(backupJson({ watchlist: symbols(150) }), ANY);
    expect(result.settings.watchlist).toEqual(symbols(MAX_WATCHLIST));
    expect(result.warnings).toEqual(['The file lists 150 symbols; only the first 100 are imported, the most a watchlist holds.']);
  });
});

describe('files that are refused', () => {
  const envelope = (top: Record<string, unknown>): string => JSON.stringify({ format: 'psx-market-overlay-backup', version: 1, data: { settings: {} }, ...top });
  it.each<[string, string, string]>([
    ['an empty file', '', 'This file is empty.'],
    ['a file of white space', ' \r\n\t\n', 'This file is empty.'],
    ['a file with only a BOM', '\uFEFF', 'This file is empty.'],
    ['invalid JSON', '{ "format": "psx-market-overlay-backup", ', notJson()],
    ['a .json file that is not JSON', 'hello', notJson()],
    ['a JSON array', '[1, 2, 3]', wrongFormat()],
    ['another program\'s JSON', '{"name": "my-portfolio", "version": 1}', wrongFormat()],
    ['a wrong format name', envelope({ format: 'psx-backup' }), wrongFormat()],
    ['a newer version', envelope({ version: 3 }), 'This file was made by a newer version of PSX Market Overlay (backup version 3). Update the extension to import it.'],
    ['a newer version, whatever its data', envelope({ version: 7, data: 'v7 stuff' }), 'This file was made by a newer version of PSX Market Overlay (backup version 7). Update the extension to import it.'],
    ['version 0', envelope({ version: 0 }), 'This backup has no valid version number, so it cannot be read safely.'],
    ['a fractional version', envelope({ version: 1.5 }), 'This backup has no valid version number, so it cannot be read safely.'],
    ['a version as text', envelope({ version: '1' }), 'This backup has no valid version number, so it cannot be read safely.'],
    ['no version', envelope({ version: undefined }), 'This backup has no valid version number, so it cannot be read safely.'],
    ['no data', envelope({ data: undefined }), 'This backup has no data section that can be read.'],
    ['data that is a list', envelope({ data: [] }), 'This backup has no data section that can be read.'],
    ['data that is text', envelope({ data: 'settings' }), 'This backup has no data section that can be read.'],
    ['settings that are a list', envelope({ data: { settings: ['HUBC'] } }), 'The settings in this backup cannot be read.'],
    ['a file over 1 MB', `{${' '.repeat(MAX_BACKUP_BYTES)}}`, fileTooLarge()],
    ['a file over 1 MB in UTF-8 though not in characters', `{"x": "${'é'.repeat(MAX_BACKUP_BYTES / 2)}"}`, fileTooLarge()],
  ])('%s', (_name, text, expected) => {
    expect(error(text)).toBe(expected);
  });

  it('reads a file of just under 1 MB', () => {
    const text = backupJson({ privacy: true });
    const padded = text.replace('{', `{${' '.repeat(MAX_BACKUP_BYTES - text.length)}`);
    expect(new TextEncoder().encode(padded).length).toBe(MAX_BACKUP_BYTES);
    expect(plan(padded).settings).toEqual({ privacy: true });
  });
});

it('never returns settings that normalising would change', () => {
  const result = plan(backupJson({ ...CUSTOM, watchlist: ['hubc', 'pso'] }));
  expect(normaliseSettings({ ...CUSTOM, ...result.settings })).toEqual({ ...CUSTOM, ...result.settings });
});
