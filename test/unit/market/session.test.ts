import { describe, expect, it } from 'vitest';
import { nextSessionStart, sessionEnd, timetableAt, type TimetablePhase } from '../../../src/shared/session';

// PKT is UTC+5 all year: a PKT wall time hh:mm is Date.UTC(..., hh - 5, mm).
// 2026-10-14 is a Wednesday, 2026-10-15 a Thursday, 2026-10-16 a Friday, 2026-10-17/18 the
// weekend and 2026-10-19 a Monday.
const WED_0915 = Date.UTC(2026, 9, 14, 4, 15); // Wed 09:15 PKT
const WED_0930 = Date.UTC(2026, 9, 14, 4, 30); // Wed 09:30 PKT
const WED_1530 = Date.UTC(2026, 9, 14, 10, 30); // Wed 15:30 PKT
const WED_1545 = Date.UTC(2026, 9, 14, 10, 45); // Wed 15:45 PKT
const THU_0915 = Date.UTC(2026, 9, 15, 4, 15); // Thu 09:15 PKT
const THU_1545 = Date.UTC(2026, 9, 15, 10, 45); // Thu 15:45 PKT
const FRI_0915 = Date.UTC(2026, 9, 16, 4, 15); // Fri 09:15 PKT
const FRI_0917 = Date.UTC(2026, 9, 16, 4, 17); // Fri 09:17 PKT
const FRI_1200 = Date.UTC(2026, 9, 16, 7, 0); // Fri 12:00 PKT
const FRI_1430 = Date.UTC(2026, 9, 16, 9, 30); // Fri 14:30 PKT
const FRI_1432 = Date.UTC(2026, 9, 16, 9, 32); // Fri 14:32 PKT
const FRI_1630 = Date.UTC(2026, 9, 16, 11, 30); // Fri 16:30 PKT
const FRI_1645 = Date.UTC(2026, 9, 16, 11, 45); // Fri 16:45 PKT
const MON_0915 = Date.UTC(2026, 9, 19, 4, 15); // Mon 09:15 PKT
const MON_1545 = Date.UTC(2026, 9, 19, 10, 45); // Mon 15:45 PKT

describe('timetableAt', () => {
  it.each<[string, number, TimetablePhase, number]>([
    // Monday to Thursday: pre-open 09:15, trading 09:30–15:30, post-close to 15:45.
    ['Wed 09:14:59', Date.UTC(2026, 9, 14, 4, 14, 59), 'closed', WED_0915],
    ['Wed 09:15', WED_0915, 'pre-open', WED_0930],
    ['Wed 09:29', Date.UTC(2026, 9, 14, 4, 29), 'pre-open', WED_0930],
    ['Wed 09:30', WED_0930, 'open', WED_1530],
    ['Wed 15:29:59', Date.UTC(2026, 9, 14, 10, 29, 59), 'open', WED_1530],
    ['Wed 15:30', WED_1530, 'post-close', WED_1545],
    ['Wed 15:44', Date.UTC(2026, 9, 14, 10, 44), 'post-close', WED_1545],
    ['Wed 15:45', WED_1545, 'closed', THU_0915],
    ['Wed 00:00 (19:00 UTC the day before)', Date.UTC(2026, 9, 13, 19, 0), 'closed', WED_0915],
    // Friday: 09:15–12:00 and 14:30–16:30, each with a two-minute pre-open, then post-close.
    ['Fri 09:15', FRI_0915, 'pre-open', FRI_0917],
    ['Fri 09:17', FRI_0917, 'open', FRI_1200],
    ['Fri 11:59', Date.UTC(2026, 9, 16, 6, 59), 'open', FRI_1200],
    ['Fri 12:00 (the break)', FRI_1200, 'closed', FRI_1430],
    ['Fri 13:00 (the break)', Date.UTC(2026, 9, 16, 8, 0), 'closed', FRI_1430],
    ['Fri 14:30', FRI_1430, 'pre-open', FRI_1432],
    ['Fri 14:32', FRI_1432, 'open', FRI_1630],
    ['Fri 16:29', Date.UTC(2026, 9, 16, 11, 29), 'open', FRI_1630],
    ['Fri 16:30', FRI_1630, 'post-close', FRI_1645],
    ['Fri 16:45', FRI_1645, 'closed', MON_0915],
    ['Fri 17:00', Date.UTC(2026, 9, 16, 12, 0), 'closed', MON_0915],
    ['Fri 23:59:59', Date.UTC(2026, 9, 16, 18, 59, 59), 'closed', MON_0915],
    // The weekend and the night before Friday.
    ['Sat 00:00', Date.UTC(2026, 9, 16, 19, 0), 'closed', MON_0915],
    ['Sat 12:00', Date.UTC(2026, 9, 17, 7, 0), 'closed', MON_0915],
    ['Sun 12:00', Date.UTC(2026, 9, 18, 7, 0), 'closed', MON_0915],
    ['Sun 23:59:59', Date.UTC(2026, 9, 18, 18, 59, 59), 'closed', MON_0915],
    ['Thu 23:00', Date.UTC(2026, 9, 15, 18, 0), 'closed', FRI_0915],
  ])('%s PKT → %s', (_wallTime, at, phase, until) => {
    expect(timetableAt(at)).toEqual({ phase, until });
  });

  it('over a whole week, every `until` is later and is where the phase changes', () => {
    const start = Date.UTC(2026, 9, 18, 19, 0); // Mon 00:00 PKT
    const problems: string[] = [];
    for (let at = start; at < start + 7 * 24 * 3_600_000; at += 60_000) {
      const { phase, until } = timetableAt(at);
      if (until <= at) problems.push(`${new Date(at).toISOString()}: until ${until} not later`);
      else if (timetableAt(until - 1).phase !== phase) problems.push(`${new Date(at).toISOString()}: phase ends before until`);
      else if (timetableAt(until).phase === phase) problems.push(`${new Date(at).toISOString()}: phase goes on after until`);
    }
    expect(problems).toEqual([]);
  });
});

describe('nextSessionStart', () => {
  it.each<[string, number, number]>([
    ['Wed 09:14:59, just before pre-open', Date.UTC(2026, 9, 14, 4, 14, 59), WED_0915],
    ['Wed 09:15, exactly at pre-open (strictly after)', WED_0915, THU_0915],
    ['Wed 09:20, in pre-open (not the 09:30 open)', Date.UTC(2026, 9, 14, 4, 20), THU_0915],
    ['Wed 11:00, during the session', Date.UTC(2026, 9, 14, 6, 0), THU_0915],
    ['Wed 20:00, the evening', Date.UTC(2026, 9, 14, 15, 0), THU_0915],
    ['Thu 23:00', Date.UTC(2026, 9, 15, 18, 0), FRI_0915],
    ['Fri 09:15, exactly at pre-open', FRI_0915, FRI_1430],
    ['Fri 09:16, in pre-open (not the 09:17 open)', Date.UTC(2026, 9, 16, 4, 16), FRI_1430],
    ['Fri 10:00, the morning session', Date.UTC(2026, 9, 16, 5, 0), FRI_1430],
    ['Fri 12:30, between sessions', Date.UTC(2026, 9, 16, 7, 30), FRI_1430],
    ['Fri 14:29:59, just before the afternoon', Date.UTC(2026, 9, 16, 9, 29, 59), FRI_1430],
    ['Fri 14:30, exactly at the afternoon pre-open', FRI_1430, MON_0915],
    ['Fri 14:31, the afternoon pre-open (not the 14:32 open)', Date.UTC(2026, 9, 16, 9, 31), MON_0915],
    ['Fri 17:00, the evening', Date.UTC(2026, 9, 16, 12, 0), MON_0915],
    ['Sat 12:00', Date.UTC(2026, 9, 17, 7, 0), MON_0915],
    ['Sun 23:59:59', Date.UTC(2026, 9, 18, 18, 59, 59), MON_0915],
    ['Mon 00:00', Date.UTC(2026, 9, 18, 19, 0), MON_0915],
  ])('%s PKT', (_wallTime, at, expected) => {
    expect(nextSessionStart(at)).toBe(expected);
  });
});

describe('sessionEnd', () => {
  it.each<[string, number, number]>([
    ['Wed 08:00, before the session', Date.UTC(2026, 9, 14, 3, 0), WED_1545],
    ['Wed 09:15, pre-open', WED_0915, WED_1545],
    ['Wed 11:00, trading', Date.UTC(2026, 9, 14, 6, 0), WED_1545],
    ['Wed 15:44, post-close', Date.UTC(2026, 9, 14, 10, 44), WED_1545],
    ['Wed 15:45, just closed', WED_1545, THU_1545],
    ['Thu 23:00', Date.UTC(2026, 9, 15, 18, 0), FRI_1200],
    ['Fri 09:15', FRI_0915, FRI_1200],
    ['Fri 11:59', Date.UTC(2026, 9, 16, 6, 59), FRI_1200],
    ['Fri 12:00, the break', FRI_1200, FRI_1645],
    ['Fri 13:00, the break', Date.UTC(2026, 9, 16, 8, 0), FRI_1645],
    ['Fri 16:30, post-close', FRI_1630, FRI_1645],
    ['Fri 16:45, just closed', FRI_1645, MON_1545],
    ['Sat 12:00', Date.UTC(2026, 9, 17, 7, 0), MON_1545],
  ])('%s PKT', (_wallTime, at, expected) => {
    expect(sessionEnd(at)).toBe(expected);
  });
});
