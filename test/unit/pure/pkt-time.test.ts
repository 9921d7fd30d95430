import { describe, expect, it } from 'vitest';
import { PKT_OFFSET_MS, pktDateTimeToEpoch } from '../../../src/sources/psx/pkt-time';

describe('pktDateTimeToEpoch', () => {
  it('PKT is UTC+5', () => {
    expect(PKT_OFFSET_MS).toBe(5 * 60 * 60 * 1000);
  });

  it.each<[string | null, number | null]>([
    ['2026-10-14 11:41:50', Date.UTC(2026, 9, 14, 6, 41, 50)],
    ['2026-10-14T11:41:50', Date.UTC(2026, 9, 14, 6, 41, 50)],
    ['  2026-10-14 11:41:50 \n', Date.UTC(2026, 9, 14, 6, 41, 50)],
    ['2026-10-14 11:41', Date.UTC(2026, 9, 14, 6, 41, 0)],
    // date only: PKT midnight, which is 19:00 UTC the day before
    ['2026-10-14', Date.UTC(2026, 9, 13, 19, 0, 0)],
    ['2026-10-14 03:00:00', Date.UTC(2026, 9, 13, 22, 0, 0)],
    ['2026-01-01 00:00:00', Date.UTC(2025, 11, 31, 19, 0, 0)],
    ['2026-10-14 ab:cd:ef', null],
    ['2026-10-14 11:41:50.5', null],
    ['2026-10', null],
    ['14 Oct 2026', null],
    ['abc', null],
    ['', null],
    ['   ', null],
    [null, null],
  ])('%j → %j', (text, expected) => {
    expect(pktDateTimeToEpoch(text)).toBe(expected);
  });

  // Malformed input is rejected, never turned into a wrong instant (found in review, fixed).
  it.each<[string, string, number | null]>([
    // The portal prints dates as DD-MM-YYYY elsewhere (`13-10-2026`, see IndexQuote.staleDate).
    // Read as Y-M-D that is year 13 → Date.UTC maps it to 1913, plus 2026 days: a 1919 date.
    ['DD-MM-YYYY is rejected, not read as 1919', '13-10-2026 11:41:50', null],
    // Two spaces make split(/[ T]/) yield an empty time field, Number('') is 0, and the time of
    // day is silently dropped: the result is PKT midnight instead of 11:41:50.
    ['a doubled space keeps the time', '2026-10-14  11:41:50', Date.UTC(2026, 9, 14, 6, 41, 50)],
  ])('%s', (_name, text, expected) => {
    expect(pktDateTimeToEpoch(text)).toBe(expected);
  });
});
