import { describe, expect, it } from 'vitest';
import { splitCsvLine } from '../../../src/shared/backup/csv';
import type { ImportPlan, MalformedEntry } from '../../../src/shared/backup/format';
import { notJson, parseBackupFile } from '../../../src/shared/backup/import';
import { applyPlan } from '../../../src/shared/backup/preview';
import { MAX_WATCHLIST } from '../../../src/shared/settings';
import { ANY, CUSTOM, KNOWN, symbols } from './fixtures';

const plan = (text: string, known = KNOWN, name = 'watchlist.csv'): ImportPlan => {
  const parsed = parseBackupFile(text, name, known);
  if (!parsed.ok) throw new Error(`expected a plan, got: ${parsed.error}`);
  return parsed.value;
};

describe('a watchlist CSV', () => {
  it.each<[string, string, string[]]>([
    ['no header', 'HUBC\nOGDC\n', ['HUBC', 'OGDC']],
    ['a header', 'symbol\nHUBC\nOGDC\n', ['HUBC', 'OGDC']],
    ['a header in capitals', 'SYMBOL\nHUBC\n', ['HUBC']],
    ['CRLF, as this extension and Excel write', 'symbol\r\nHUBC\r\nOGDC\r\n', ['HUBC', 'OGDC']],
    ['bare CR line ends', 'HUBC\rOGDC', ['HUBC', 'OGDC']],
    ['a UTF-8 BOM before the header', '\uFEFFsymbol\r\nHUBC\r\n', ['HUBC']],
    ['a UTF-8 BOM before the first symbol', '\uFEFFHUBC\nPSO', ['HUBC', 'PSO']],
    ['no final newline', 'HUBC\nOGDC', ['HUBC', 'OGDC']],
    ['blank lines and empty spreadsheet rows', '\nsymbol\n\nHUBC\n   \n,,\nOGDC\n\n', ['HUBC', 'OGDC']],
    ['spaces and lower case', '  hubc  \n\tpso ', ['HUBC', 'PSO']],
    ['repeats', 'HUBC\nhubc\nOGDC\nHUBC\n', ['HUBC', 'OGDC']],
    // With an average price column too it is a holdings list (test/unit/backup/holdings-backup.test.ts).
    ['extra columns after a header, ignored', 'Symbol,Quantity,Notes\nHUBC,100,long term\nogdc,50,\n', ['HUBC', 'OGDC']],
    ['the symbol column not first', 'quantity,symbol\n10,HUBC\n20,PSO\n', ['HUBC', 'PSO']],
    ['quoted cells', '"symbol","quantity"\n"HUBC","1,000"\n', ['HUBC']],
    ['extra columns without a header: the first is the symbol', 'HUBC,100\nPSO,5\n', ['HUBC', 'PSO']],
  ])('%s', (_name, text, watchlist) => {
    const result = plan(text);
    expect(result.kind).toBe('watchlist-csv');
    expect(result.settings).toEqual({ watchlist });
    expect(result.unknownSymbols).toEqual([]);
    expect(result.malformed).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('replaces the watchlist and nothing else', () => {
    expect(applyPlan(CUSTOM, plan('symbol\nPSO\nHUBC\n'))).toEqual({ ...CUSTOM, watchlist: ['PSO', 'HUBC'] });
  });

  it.each<[string, string, string[], string[]]>([
    ['unknown symbols skipped', 'HUBC\nZZZZ\nOGDC\nQQQ1\n', ['HUBC', 'OGDC'], ['ZZZZ', 'QQQ1']],
    ['an unknown symbol reported once', 'zzzz\nHUBC\nZZZZ\n', ['HUBC'], ['ZZZZ']],
  ])('%s', (_name, text, watchlist, unknown) => {
    const result = plan(text);
    expect(result.settings.watchlist).toEqual(watchlist);
    expect(result.unknownSymbols).toEqual(unknown);
  });

  it('takes every well-formed symbol while the directory is not loaded', () => {
    expect(plan('HUBC\nZZZZ\n', ANY).settings.watchlist).toEqual(['HUBC', 'ZZZZ']);
  });

  it.each<[string, string, string[], MalformedEntry[]]>([
    ['with their file line numbers, header and blank lines counted', 'symbol\nHUBC\n\nnot a symbol!\n$$$\nOGDC\n', ['HUBC', 'OGDC'], [
      { position: 4, text: 'not a symbol!' },
      { position: 5, text: '$$$' },
    ]],
    ['a row with no symbol in its column', 'symbol,quantity\nHUBC,1\n,5\n', ['HUBC'], [{ position: 3, text: ',5' }]],
    ['a long line cut for display', `HUBC\n${'x'.repeat(60)}\n`, ['HUBC'], [{ position: 2, text: `${'x'.repeat(39)}…` }]],
  ])('malformed lines are skipped and listed: %s', (_name, text, watchlist, malformed) => {
    const result = plan(text);
    expect(result.settings.watchlist).toEqual(watchlist);
    expect(result.malformed).toEqual(malformed);
  });

  it(`cuts a list longer than ${MAX_WATCHLIST} symbols, with a warning`, () => {
    const result = plan(['symbol', ...symbols(101)].join('\r\n'), ANY);
    expect(result.settings.watchlist).toEqual(symbols(MAX_WATCHLIST));
    expect(result.warnings).toEqual(['The file lists 101 symbols; only the first 100 are imported, the most a watchlist holds.']);
  });
});

describe('a CSV that is refused', () => {
  it.each<[string, string, string, string]>([
    ['a header and nothing else', 'symbol\r\n', 'list.csv', 'This file lists no symbols.'],
    ['nothing but unknown and malformed lines', 'symbol\nZZZZ\n!!\n??\n', 'list.csv', 'No symbol in this file can be imported (2 lines are not symbols, 1 symbol is not listed on PSX).'],
    ['one malformed line', 'what is this?', 'list.csv', 'No symbol in this file can be imported (1 line is not a symbol).'],
    ['symbols in a file called .json', 'HUBC\nOGDC', 'backup.json', notJson()],
  ])('%s', (_name, text, fileName, expected) => {
    expect(parseBackupFile(text, fileName, KNOWN)).toEqual({ ok: false, error: expected });
  });
});

describe('splitCsvLine', () => {
  it.each<[string, string[]]>([
    ['HUBC', ['HUBC']],
    [' HUBC , 10 ', ['HUBC', '10']],
    ['"HUBC","1,000.5"', ['HUBC', '1,000.5']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    [',,', ['', '', '']],
  ])('%j', (line, cells) => {
    expect(splitCsvLine(line)).toEqual(cells);
  });
});
