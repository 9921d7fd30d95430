import { describe, expect, it } from 'vitest';
import { viewLabelText as marketLabel } from '../../../src/shared/i18n/market-words';
import { BOARD_FRESH_MS, marketView, type MarketView } from '../../../src/shared/market-view';
import type { MarketStatus } from '../../../src/shared/model';

// PKT is UTC+5. 2026-10-14 is a Wednesday, 2026-10-17 a Saturday.
const WED_1100 = Date.UTC(2026, 9, 14, 6, 0); // Wed 11:00 PKT: the timetable trades
const WED_0910 = Date.UTC(2026, 9, 14, 4, 10); // Wed 09:10 PKT: the timetable is closed
const WED_2000 = Date.UTC(2026, 9, 14, 15, 0); // Wed 20:00 PKT: the timetable is closed
const SAT_1100 = Date.UTC(2026, 9, 17, 6, 0); // Sat 11:00 PKT: the timetable is closed
const MINUTE = 60_000;

const board = (phase: MarketStatus['phase'], label: string): MarketStatus => ({ phase, label });

describe('marketView and marketLabel', () => {
  it('a board is fresh for five minutes', () => {
    expect(BOARD_FRESH_MS).toBe(5 * MINUTE);
  });

  it.each<[string, MarketStatus | null, number | null, number, MarketView, string]>([
    [
      'a fresh board overrides the timetable (open on a Saturday)',
      board('open', 'OPEN'),
      SAT_1100 - MINUTE,
      SAT_1100,
      { phase: 'open', basis: 'board', unscheduledClose: false, label: 'OPEN' },
      'Market open',
    ],
    [
      'a fresh pre-open board before the timetable opens',
      board('pre-open', 'PRE-OPEN'),
      WED_0910 - MINUTE,
      WED_0910,
      { phase: 'pre-open', basis: 'board', unscheduledClose: false, label: 'PRE-OPEN' },
      'Pre-open',
    ],
    [
      'a fresh post-close board',
      board('post-close', 'POST-CLOSE'),
      WED_1100 - MINUTE,
      WED_1100,
      { phase: 'post-close', basis: 'board', unscheduledClose: false, label: 'POST-CLOSE' },
      'Post-close',
    ],
    [
      'a board read exactly five minutes ago is still fresh',
      board('closed', 'CLOSED'),
      WED_2000 - BOARD_FRESH_MS,
      WED_2000,
      { phase: 'closed', basis: 'board', unscheduledClose: false, label: 'CLOSED' },
      'Market closed',
    ],
    [
      'a board older than five minutes gives way to the timetable',
      board('open', 'OPEN'),
      WED_1100 - BOARD_FRESH_MS - 1,
      WED_1100,
      { phase: 'open', basis: 'timetable', unscheduledClose: false, label: null },
      'Market open',
    ],
    [
      'a closed board (a holiday) stands for 20 minutes, past the next holiday check',
      board('closed', 'CLOSED'),
      WED_1100 - 16 * MINUTE,
      WED_1100,
      { phase: 'closed', basis: 'board', unscheduledClose: true, label: 'CLOSED' },
      'Closed today (holiday?)',
    ],
    [
      'a closed board older than 20 minutes gives way to the timetable',
      board('closed', 'CLOSED'),
      WED_1100 - 21 * MINUTE,
      WED_1100,
      { phase: 'open', basis: 'timetable', unscheduledClose: false, label: null },
      'Market open',
    ],
    [
      'a closed board while the timetable trades is an unscheduled close',
      board('closed', 'CLOSED'),
      WED_1100 - MINUTE,
      WED_1100,
      { phase: 'closed', basis: 'board', unscheduledClose: true, label: 'CLOSED' },
      'Closed today (holiday?)',
    ],
    [
      'a closed board while the timetable is closed is no surprise',
      board('closed', 'CLOSED'),
      SAT_1100 - MINUTE,
      SAT_1100,
      { phase: 'closed', basis: 'board', unscheduledClose: false, label: 'CLOSED' },
      'Market closed',
    ],
    [
      "an 'unknown' board word keeps its label, the timetable gives the phase",
      board('unknown', 'HALTED'),
      WED_1100 - MINUTE,
      WED_1100,
      { phase: 'open', basis: 'timetable', unscheduledClose: false, label: 'HALTED' },
      'Market: HALTED',
    ],
    [
      "an 'unknown' board word that is stale is dropped",
      board('unknown', 'HALTED'),
      WED_1100 - 10 * MINUTE,
      WED_1100,
      { phase: 'open', basis: 'timetable', unscheduledClose: false, label: null },
      'Market open',
    ],
    [
      'no board at all',
      null,
      null,
      WED_2000,
      { phase: 'closed', basis: 'timetable', unscheduledClose: false, label: null },
      'Market closed',
    ],
    [
      'a board without a read time',
      board('closed', 'CLOSED'),
      null,
      WED_1100,
      { phase: 'open', basis: 'timetable', unscheduledClose: false, label: null },
      'Market open',
    ],
    [
      'a read a few seconds in the future (a lagging UI clock) is still fresh',
      board('open', 'OPEN'),
      SAT_1100 + 3_000,
      SAT_1100,
      { phase: 'open', basis: 'board', unscheduledClose: false, label: 'OPEN' },
      'Market open',
    ],
    [
      'a read far in the future is not trusted',
      board('open', 'OPEN'),
      SAT_1100 + BOARD_FRESH_MS + 1,
      SAT_1100,
      { phase: 'closed', basis: 'timetable', unscheduledClose: false, label: null },
      'Market closed',
    ],
    [
      'the timetable alone in pre-open',
      null,
      null,
      Date.UTC(2026, 9, 14, 4, 20), // Wed 09:20 PKT
      { phase: 'pre-open', basis: 'timetable', unscheduledClose: false, label: null },
      'Pre-open',
    ],
    [
      'the timetable alone in post-close',
      null,
      null,
      Date.UTC(2026, 9, 14, 10, 40), // Wed 15:40 PKT
      { phase: 'post-close', basis: 'timetable', unscheduledClose: false, label: null },
      'Post-close',
    ],
  ])('%s', (_name, status, readAt, now, expectedView, expectedLabel) => {
    const view = marketView(status, readAt, now);
    expect(view).toEqual(expectedView);
    expect(marketLabel(view)).toBe(expectedLabel);
  });

  it("labels an 'unknown' phase as unknown", () => {
    expect(marketLabel({ phase: 'unknown', basis: 'board', unscheduledClose: false, label: 'HALTED' })).toBe('Market state unknown');
  });
});
