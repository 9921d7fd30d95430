/**
 * Holdings in the backup (issue 12): `data.holdings` in the (unreleased) version-2 JSON, every
 * holding A–Z; imported by merging, the file winning per symbol, the user's other holdings
 * kept, said in the preview; a version-1 file or a version-2 file without holdings leaves them
 * alone; and the `symbol,quantity,average price` CSV both ways, with the header optional,
 * malformed lines named with their line and reason, and unknown symbols reported.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyAlerts } from '../../../src/shared/alerts/rules';
import { applyImport, importHoldings, readHoldingsForBackup } from '../../../src/shared/backup/apply';
import { exportBackup, holdingsFileName } from '../../../src/shared/backup/export';
import { BACKUP_FORMAT, type ImportPlan, type KnownSymbols } from '../../../src/shared/backup/format';
import { describeHoldings, mergeHoldings, unreadableHoldings } from '../../../src/shared/backup/holdings';
import { exportHoldingsCsv } from '../../../src/shared/backup/holdings-csv';
import { parseBackupFile } from '../../../src/shared/backup/import';
import { applyPlan, describePlan } from '../../../src/shared/backup/preview';
import { describeWarnings } from '../../../src/shared/backup/warnings';
import type { Holdings } from '../../../src/shared/holdings/model';
import { holdingsItem } from '../../../src/shared/holdings/store';
import { MAX_WATCHLIST, normaliseSettings, type Settings } from '../../../src/shared/settings';
import { readSettings, updateSettings } from '../../../src/shared/settings-items';
import { storageFaults } from '../fake-storage';
import { ANY, backupJson, CUSTOM, KNOWN, symbols } from './fixtures';

const T0 = Date.UTC(2026, 9, 14, 6, 42);
const MINE: Holdings = { OGDC: { quantity: 1000, averagePrice: 330 }, HUBC: { quantity: 500, averagePrice: 98.1234 }, GONE: { quantity: 7, averagePrice: 0.0001 } };

const plan = (text: string, name = 'backup.json', known: KnownSymbols = KNOWN): ImportPlan => {
  const parsed = parseBackupFile(text, name, known);
  if (!parsed.ok) throw new Error(`expected a plan, got: ${parsed.error}`);
  return parsed.value;
};
const csv = (text: string, known: KnownSymbols = KNOWN): ImportPlan => plan(text, 'holdings.csv', known);

/** A version-2 backup with `data.holdings` as given (left out when undefined). */
const v2 = (holdings: unknown, settings: unknown = {}): string =>
  JSON.stringify({ format: BACKUP_FORMAT, version: 2, exportedAt: '2026-10-14T06:41:00.000Z', app: '0.2.0', data: { settings, ...(holdings === undefined ? {} : { holdings }) } });

const saveSettings = async (edit: (current: Settings) => Settings): Promise<void> => {
  const saved = await updateSettings(edit);
  if (!saved.ok) throw new Error(saved.error.detail);
};
const apply = (p: ImportPlan, settingsChanged = 0) => applyImport(p, { saveSettings, settingsChanged, now: T0 });

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => {
  storageFaults.clearFaults();
  vi.restoreAllMocks();
});

describe('the JSON backup', () => {
  it('holds every holding, A–Z, also those of symbols no longer in the watchlist', () => {
    const file = JSON.parse(exportBackup(CUSTOM, T0, '0.2.0', emptyAlerts(), MINE)) as { version: number; data: { holdings: unknown } };
    expect(file.version).toBe(2);
    expect(file.data.holdings).toEqual([
      { symbol: 'GONE', quantity: 7, averagePrice: 0.0001 },
      { symbol: 'HUBC', quantity: 500, averagePrice: 98.1234 },
      { symbol: 'OGDC', quantity: 1000, averagePrice: 330 },
    ]);
  });

  it('round-trips: export, clear, import gives the same holdings back, and nothing else changes', async () => {
    await saveSettings(() => normaliseSettings({ watchlist: ['HUBC', 'OGDC'] }));
    await holdingsItem.update(() => MINE);
    const read = await readHoldingsForBackup();
    if (!read.ok) throw new Error(read.error);
    const text = exportBackup(await readSettings(), T0, '0.2.0', emptyAlerts(), read.value);
    await holdingsItem.remove();
    const settingsBefore = await readSettings();
    const p = plan(text, 'backup.json', { symbols: new Set([...(KNOWN.symbols ?? []), 'GONE']) });
    expect(describeHoldings({}, settingsBefore, p)?.text).toBe('Holdings: 3 in the file, 3 new.');
    expect(await apply(p)).toEqual({ ok: true, value: 'Imported backup.json: 0 settings changed, 3 holdings added.' });
    expect(await holdingsItem.get()).toEqual(MINE);
    expect(await readSettings()).toEqual(settingsBefore);
    // Imported again: nothing new.
    expect(describeHoldings(await holdingsItem.get(), settingsBefore, p)).toMatchObject({ text: 'Holdings: 3 in the file, 3 the same as yours. Your holdings of other symbols are kept.', changes: 0 });
  });

  it('refuses to make a backup without the holdings when they cannot be read', async () => {
    storageFaults.failNext('local', 'get', 'IndexedDB error');
    expect(await readHoldingsForBackup()).toEqual({ ok: false, error: expect.stringMatching(/^The holdings could not be read \(.*IndexedDB error\), so no backup was made\.$/) as unknown });
  });

  it.each<[string, string]>([
    ['a version-1 file, even with a holdings key', backupJson({ privacy: true }, {}).replace('"data":{', '"data":{"holdings":[{"symbol":"HUBC","quantity":1,"averagePrice":1}],')],
    ['a version-2 file without holdings', v2(undefined, { privacy: true })],
  ])('%s leaves the holdings alone', async (_name, text) => {
    await holdingsItem.update(() => MINE);
    const p = plan(text);
    expect(p.holdings).toBeUndefined();
    expect(describeHoldings(MINE, CUSTOM, p)).toBeNull();
    const writes = storageFaults.writes('local');
    expect(await importHoldings(p)).toEqual({ ok: true, value: null });
    expect(storageFaults.writes('local')).toBe(writes);
    expect(await apply(p, 1)).toEqual({ ok: true, value: 'Imported backup.json: 1 setting changed.' });
    expect(await holdingsItem.get()).toEqual(MINE);
  });

  it('reads an unreadable holdings section as a warning, and leaves the holdings alone', () => {
    const p = plan(v2({ HUBC: { quantity: 1, averagePrice: 1 } }, { privacy: true }));
    expect(p.holdings).toBeUndefined();
    expect(p.warnings).toEqual([unreadableHoldings()]);
    expect(p.settings).toEqual({ privacy: true });
  });

  it('skips entries that are not holdings, naming each with its place and why, and reports unknown symbols', () => {
    const p = plan(
      v2([
        { symbol: 'HUBC', quantity: 500, averagePrice: 98.1234 },
        { symbol: 'OGDC', quantity: 1.5, averagePrice: 320 },
        { symbol: 'PSO', quantity: 10, averagePrice: 200.12345 },
        { symbol: 'not a symbol', quantity: 1, averagePrice: 1 },
        { symbol: 'ZZZZ', quantity: 1, averagePrice: 1 },
        { symbol: 'KEL', quantity: '10', averagePrice: 0 },
        42,
        { symbol: 'hubc', quantity: 600, averagePrice: 97 },
      ]),
    );
    expect(p.holdings?.entries).toEqual([{ symbol: 'HUBC', holding: { quantity: 600, averagePrice: 97 } }]);
    expect(p.unknownSymbols).toEqual(['ZZZZ']);
    expect(describeWarnings(p)).toEqual([
      'ZZZZ is not listed on PSX, so it is not imported.',
      'Skipped 5 entries that are not valid holdings: holding 2 (“{"symbol":"OGDC","quantity":1.5,"averag…”): the quantity is not a whole number of shares, holding 3 (“{"symbol":"PSO","quantity":10,"averageP…”): the average price has more than 4 decimals, holding 4 (“{"symbol":"not a symbol","quantity":1,"…”): not a symbol, holding 6 (“{"symbol":"KEL","quantity":"10","averag…”): the quantity is not a number and the average price is not above 0, holding 7 (“42”): not a holding.',
      'Listed more than once, so the last entry of each is used: HUBC.',
    ]);
  });

  it('merges: the file wins per symbol, the user keeps the others, and the preview says which are replaced', async () => {
    await holdingsItem.update(() => MINE);
    const p = plan(v2([{ symbol: 'HUBC', quantity: 600, averagePrice: 97 }, { symbol: 'OGDC', quantity: 1000, averagePrice: 330 }, { symbol: 'PSO', quantity: 10, averagePrice: 200 }]));
    expect(describeHoldings(MINE, CUSTOM, p)).toEqual({
      text: "Holdings: 3 in the file, 1 new, 1 replacing yours (HUBC: the file's figures win), 1 the same as yours. Your holdings of other symbols are kept.",
      changes: 2,
      warnings: [],
    });
    expect(await apply(p)).toEqual({ ok: true, value: 'Imported backup.json: 0 settings changed, 1 holding added, 1 replaced, 1 unchanged.' });
    expect(await holdingsItem.get()).toEqual({ ...MINE, HUBC: { quantity: 600, averagePrice: 97 }, PSO: { quantity: 10, averagePrice: 200 } });
  });

  it('says when the holdings could not be saved, after the settings were', async () => {
    const p = plan(v2([{ symbol: 'HUBC', quantity: 600, averagePrice: 97 }], { privacy: true }));
    // The settings' write goes first (to the local pending copy), then the holdings'.
    const setCalls = storageFaults.setCalls('local');
    const original = holdingsItem.update.bind(holdingsItem);
    vi.spyOn(holdingsItem, 'update').mockImplementation(async (edit) => {
      storageFaults.failNext('local', 'set', 'QUOTA_BYTES quota exceeded');
      return original(edit);
    });
    expect(await apply(p, 1)).toEqual({ ok: false, error: 'The settings were imported, but the holdings could not be saved: QUOTA_BYTES quota exceeded.' });
    expect(storageFaults.setCalls('local')).toBeGreaterThan(setCalls);
    expect((await readSettings()).privacy).toBe(true);
    expect(await holdingsItem.get()).toEqual({});
  });

  it('mergeHoldings keeps the cap: new symbols past 500 are left out, replacements still made', () => {
    const full: Holdings = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`S${i}`, { quantity: 1, averagePrice: 1 }]));
    const merge = mergeHoldings(full, [{ symbol: 'S0', holding: { quantity: 2, averagePrice: 1 } }, { symbol: 'HUBC', holding: { quantity: 1, averagePrice: 1 } }]);
    expect(merge).toMatchObject({ replaced: ['S0'], added: [], leftOut: ['HUBC'] });
  });
});

describe('the holdings CSV', () => {
  it('is written with its header, CRLF, A–Z, plain numbers', () => {
    expect(exportHoldingsCsv(MINE)).toBe('symbol,quantity,average price\r\nGONE,7,0.0001\r\nHUBC,500,98.1234\r\nOGDC,1000,330\r\n');
    expect(exportHoldingsCsv({})).toBe('symbol,quantity,average price\r\n');
    expect(holdingsFileName(Date.UTC(2026, 9, 14, 12))).toBe('psx-holdings-2026-10-14.csv');
  });

  it('round-trips through the import', () => {
    const p = csv(exportHoldingsCsv(MINE), ANY);
    expect(p.kind).toBe('holdings-csv');
    expect(Object.fromEntries((p.holdings?.entries ?? []).map((e) => [e.symbol, e.holding]))).toEqual(MINE);
  });

  it.each<[string, string]>([
    ['our header', 'symbol,quantity,average price\nHUBC,500,98.1234\nogdc,"1,000",330\n'],
    ['no header: three cells a line', 'HUBC,500,98.1234\r\nOGDC,1000,330\r\n'],
    ['a header in another order, other words, extra columns', 'Avg Price,Notes,Qty,Symbol\r\n98.1234,long,500,HUBC\r\n330,,1000,ogdc\r\n'],
    ['a BOM, blank lines and empty spreadsheet rows', '\uFEFFSymbol,Quantity,Average Price\r\n\r\nHUBC,500,98.1234\r\n,,\r\nOGDC,1000,330.0000\r\n'],
    ["a broker's words for the columns", 'Scrip,Qty,Avg Rate\r\nHUBC,500,98.1234\r\nOGDC,1000,330\r\n'],
  ])('is read with %s', (_name, text) => {
    const p = csv(text);
    expect(p).toMatchObject({ kind: 'holdings-csv', settings: {}, unknownSymbols: [], malformed: [], warnings: [] });
    expect(p.holdings).toEqual({ entries: [{ symbol: 'HUBC', holding: { quantity: 500, averagePrice: 98.1234 } }, { symbol: 'OGDC', holding: { quantity: 1000, averagePrice: 330 } }], malformed: [] });
  });

  it.each<[string, string]>([
    ['a watchlist CSV', 'symbol\nHUBC\nOGDC\n'],
    ['a symbol and a quantity, no average price', 'symbol,quantity\nHUBC,500\n'],
    ['two cells a line, no header', 'HUBC,500\nOGDC,1000\n'],
    ['a symbol with empty cells after it', 'HUBC,,\nOGDC,,\n'],
  ])('leaves %s a watchlist', (_name, text) => {
    expect(csv(text).kind).toBe('watchlist-csv');
  });

  it('names malformed lines with their line number and why, and reports unknown symbols as the watchlist import does', () => {
    const p = csv('symbol,quantity,average price\nHUBC,500,98.1234\n\nOGDC,1.5,320\nPSO,10,abc\n$$$,1,1\nZZZZ,5,5\nKEL,,\nLUCK,10,100.12345\n');
    expect(p.holdings?.entries.map((e) => e.symbol)).toEqual(['HUBC']);
    expect(p.holdings?.malformed).toEqual([
      { position: 4, text: 'OGDC,1.5,320', reason: 'the quantity is not a whole number of shares' },
      { position: 5, text: 'PSO,10,abc', reason: 'the average price is not a number' },
      { position: 6, text: '$$$,1,1', reason: 'not a symbol' },
      { position: 8, text: 'KEL,,', reason: 'no quantity and no average price' },
      { position: 9, text: 'LUCK,10,100.12345', reason: 'the average price has more than 4 decimals' },
    ]);
    expect(describeWarnings(p)).toEqual([
      'ZZZZ is not listed on PSX, so it is not imported.',
      'Skipped 5 entries that are not valid holdings: line 4 (“OGDC,1.5,320”): the quantity is not a whole number of shares, line 5 (“PSO,10,abc”): the average price is not a number, line 6 (“$$$,1,1”): not a symbol, line 8 (“KEL,,”): no quantity and no average price, line 9 (“LUCK,10,100.12345”): the average price has more than 4 decimals.',
    ]);
  });

  it('reads a first line with its average price left empty as a holding to refuse, not as a watchlist', () => {
    const p = csv('KEL,100,\nHUBC,500,98.1234\n');
    expect(p.kind).toBe('holdings-csv');
    expect(p.holdings?.entries.map((e) => e.symbol)).toEqual(['HUBC']);
    expect(p.holdings?.malformed.map((m) => m.position)).toEqual([1]);
  });

  it('takes a repeated symbol once, its last line, and says so', () => {
    const p = csv('HUBC,500,98\nOGDC,1,1\nHUBC,600,97\n');
    expect(p.holdings?.entries).toEqual([{ symbol: 'OGDC', holding: { quantity: 1, averagePrice: 1 } }, { symbol: 'HUBC', holding: { quantity: 600, averagePrice: 97 } }]);
    expect(p.warnings).toEqual(['Listed more than once, so the last line of each is used: HUBC.']);
  });

  it.each<[string, string, string]>([
    ['a header and nothing else', 'symbol,quantity,average price\r\n', 'This file lists no holdings.'],
    ['only bad and unknown lines', 'symbol,quantity,average price\nHUBC,x,1\nOGDC,1,0\nZZZZ,1,1\n', 'No holding in this file can be imported (2 lines are not valid holdings, 1 symbol is not listed on PSX).'],
  ])('refuses %s, saying why', (_name, text, error) => {
    expect(parseBackupFile(text, 'holdings.csv', KNOWN)).toEqual({ ok: false, error });
  });

  it("adds the file's symbols missing from the watchlist at its end, so their holdings show; the preview says so", async () => {
    const current = normaliseSettings({ watchlist: ['OGDC', 'KEL'] });
    const p = csv('symbol,quantity,average price\nHUBC,500,98.1234\nOGDC,1000,330\nPSO,10,200\n');
    expect(applyPlan(current, p).watchlist).toEqual(['OGDC', 'KEL', 'HUBC', 'PSO']);
    // Nothing else of the settings changes.
    expect({ ...applyPlan(current, p), watchlist: current.watchlist }).toEqual(current);
    expect(describePlan(current, p).map((c) => c.text)).toEqual(['Watchlist: adds HUBC, PSO; order unchanged.']);
    await saveSettings(() => current);
    await holdingsItem.update(() => ({ OGDC: { quantity: 5, averagePrice: 300 }, MCB: { quantity: 1, averagePrice: 1 } }));
    expect(describeHoldings(await holdingsItem.get(), current, p)?.text).toBe("Holdings: 3 in the file, 2 new, 1 replacing yours (OGDC: the file's figures win). Your holdings of other symbols are kept.");
    expect(await applyImport(p, { saveSettings, settingsChanged: 1, now: T0 })).toEqual({ ok: true, value: 'Imported holdings.csv: 1 setting changed, 2 holdings added, 1 replaced.' });
    expect((await readSettings()).watchlist).toEqual(['OGDC', 'KEL', 'HUBC', 'PSO']);
    expect(await holdingsItem.get()).toEqual({ OGDC: { quantity: 1000, averagePrice: 330 }, MCB: { quantity: 1, averagePrice: 1 }, HUBC: { quantity: 500, averagePrice: 98.1234 }, PSO: { quantity: 10, averagePrice: 200 } });
  });

  it('says which symbols do not fit in a full watchlist (their holdings are still kept)', () => {
    const current = normaliseSettings({ watchlist: symbols(MAX_WATCHLIST) });
    const p = csv('HUBC,500,98\nS1,1,1\n', ANY);
    expect(applyPlan(current, p).watchlist).toEqual(symbols(MAX_WATCHLIST));
    expect(describeHoldings({}, current, p)?.warnings).toEqual(['The watchlist is full, so HUBC is not added to it: its holding is kept, but not shown until added.']);
  });
});
