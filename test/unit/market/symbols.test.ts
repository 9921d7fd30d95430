import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchInstruments, type Instrument } from '../../../src/shared/symbol-directory';
import { parseSymbols } from '../../../src/sources/psx/symbols';

const fixture = (name: string): unknown => JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures', name), 'utf8'));

const instrument = (symbol: string, name: string, extra: Partial<Instrument> = {}): Instrument => ({
  symbol,
  name,
  sector: '',
  isETF: false,
  isDebt: false,
  ...extra,
});

describe('parseSymbols', () => {
  it('reads the directory fixture', () => {
    const result = parseSymbols(fixture('psx/symbols.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((i) => i.symbol)).toEqual(['HUBC', 'OGDC', 'KEL', 'SILK', 'MZNPETF', 'HUBCSC1']);
    expect(result.value[0]).toEqual<Instrument>({
      symbol: 'HUBC',
      name: 'The Hub Power Company Limited',
      sector: 'POWER GENERATION & DISTRIBUTION',
      isETF: false,
      isDebt: false,
    });
    expect(result.value.filter((i) => i.isETF).map((i) => i.symbol)).toEqual(['MZNPETF']);
    expect(result.value.filter((i) => i.isDebt).map((i) => i.symbol)).toEqual(['HUBCSC1']);
  });

  it('skips entries without a usable symbol and keeps the rest', () => {
    const result = parseSymbols([
      null,
      5,
      'HUBC',
      [],
      {},
      { symbol: 42, name: 'A number' },
      { symbol: '', name: 'Empty' },
      { symbol: 'BAD SYMBOL', name: 'Has a space' },
      { symbol: '<b>', name: 'Markup' },
      { symbol: '-X', name: 'Starts with a dash' },
      { symbol: 'A'.repeat(25), name: 'Too long' },
      { symbol: ' kel ', sectorName: 42, isETF: 'true', isDebt: 1 },
      { symbol: 'PAKRI-OCT', name: '  Pak Reinsurance (Oct)  ', sectorName: ' INSURANCE ' },
    ]);
    expect(result).toEqual({
      ok: true,
      value: [
        instrument('KEL', 'KEL'),
        instrument('PAKRI-OCT', 'Pak Reinsurance (Oct)', { sector: 'INSURANCE' }),
      ],
    });
  });

  it('cuts overlong names and sectors', () => {
    const result = parseSymbols([{ symbol: 'X', name: 'n'.repeat(500), sectorName: 's'.repeat(500) }]);
    expect(result.ok && [result.value[0]?.name.length, result.value[0]?.sector.length]).toEqual([200, 100]);
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'the directory is not a list'],
    ['an object', { symbols: [] }, 'the directory is not a list'],
    ['a string', '<html>error</html>', 'the directory is not a list'],
    ['an empty list', [], 'the directory lists no instrument'],
    ['a list of nothing usable', [{ symbol: '' }, null], 'the directory lists no instrument'],
  ])('%s → error', (_name, json, error) => {
    expect(parseSymbols(json)).toEqual({ ok: false, error });
  });
});

describe('searchInstruments', () => {
  const parsed = parseSymbols(fixture('psx/symbols.json'));
  const directory = parsed.ok ? parsed.value : [];
  const symbols = (found: Instrument[]): string[] => found.map((i) => i.symbol);

  it.each<[string, string, { includeDebt?: boolean; limit?: number }, string[]]>([
    ['a symbol prefix', 'HUB', {}, ['HUBC']],
    ['lower case', 'hub', {}, ['HUBC']],
    ['mixed case and spaces', '  hUb ', {}, ['HUBC']],
    ['debt included when asked', 'hub', { includeDebt: true }, ['HUBC', 'HUBCSC1']],
    ['a debt symbol in full is still hidden', 'HUBCSC1', {}, []],
    ['a debt symbol in full when asked', 'HUBCSC1', { includeDebt: true }, ['HUBCSC1']],
    ['a word of the name', 'power', {}, ['HUBC']],
    ['a word after a hyphen', 'electric', {}, ['KEL']],
    ['a word of the name, debt included', 'power', { includeDebt: true }, ['HUBC', 'HUBCSC1']],
    ['the middle of a word does not match', 'LECTRIC', {}, []],
    ['an ETF by its name', 'meezan', {}, ['MZNPETF']],
    ['an exact symbol', 'KEL', {}, ['KEL']],
    ['no match', 'ZZZ', {}, []],
    ['an empty query', '', {}, []],
    ['a blank query', '   ', {}, []],
  ])('%s: %j', (_name, query, options, expected) => {
    expect(symbols(searchInstruments(directory, query, options))).toEqual(expected);
  });

  it('ranks the exact symbol first, then symbol prefixes, then name words, each alphabetical', () => {
    const list = [
      instrument('XYZ', 'Abacus Bank'),
      instrument('ABC', 'Alpha Beta'),
      instrument('AAB', 'The AB Company'),
      instrument('AB', 'Ab Limited'),
      instrument('ABB', 'Something'),
      instrument('QRS', 'Unrelated'),
    ];
    expect(symbols(searchInstruments(list, 'ab'))).toEqual(['AB', 'ABB', 'ABC', 'AAB', 'XYZ']);
  });

  it('puts a symbol prefix before a name match even when the name match sorts first', () => {
    const list = [instrument('AOIL', 'Oil Company'), instrument('OILX', 'Something Else')];
    expect(symbols(searchInstruments(list, 'oil'))).toEqual(['OILX', 'AOIL']);
  });

  it.each<[string, number | undefined, number]>([
    ['eight by default', undefined, 8],
    ['a smaller limit', 3, 3],
    ['a limit above the matches', 50, 20],
  ])('limit: %s', (_name, limit, expected) => {
    const list = Array.from({ length: 20 }, (_, i) => instrument(`S${String(19 - i).padStart(2, '0')}`, `Share ${i}`));
    const found = searchInstruments(list, 's', limit === undefined ? {} : { limit });
    expect(found).toHaveLength(expected);
    expect(symbols(found)).toEqual([...symbols(found)].sort());
    expect(found[0]?.symbol).toBe('S00');
  });
});
