import { describe, expect, it } from 'vitest';
import { isFuturesContract } from '../../../src/sources/psx/market-watch';

describe('isFuturesContract', () => {
  it.each<[string, boolean]>([
    ['HUBC-OCT', true],
    ['HUBC-OCTB', true],
    ['HUBC-JAN', true],
    ['TREET-DEC', true],
    ['LOTCHEM-NOVB', true],
    ['HUBC', false],
    ['ABC-XYZ', false],
    ['-OCT', false],
    ['HUBC-', false],
    ['HUBC-O', false],
    ['HUBC-OC', false],
    ['OCT', false],
    ['', false],
  ])('%j → %s', (symbol, expected) => {
    expect(isFuturesContract(symbol)).toBe(expected);
  });
});
