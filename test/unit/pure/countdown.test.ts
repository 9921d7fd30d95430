/** The header's "closes in 25 min" / "opens Mon 09:30", from the market view and the timetable. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countdownText, sessionCountdown } from '../../../src/shared/countdown';
import type { MarketView } from '../../../src/shared/market-view';

/** PKT wall-clock time on a day of October 2026 (the 12th is a Monday) as a UTC epoch. */
const pkt = (day: number, hour: number, minute = 0): number => Date.UTC(2026, 9, day, hour - 5, minute);
const view = (phase: MarketView['phase'], over: Partial<MarketView> = {}): MarketView => ({ phase, basis: 'board', unscheduledClose: false, label: null, ...over });

afterEach(() => vi.useRealTimers());

describe('sessionCountdown', () => {
  it.each<[string, MarketView, number, ReturnType<typeof sessionCountdown>]>([
    ['Tuesday 15:05, open: closes at 15:30', view('open'), pkt(13, 15, 5), { kind: 'closes', at: pkt(13, 15, 30) }],
    ['Friday 11:35, open: the morning session closes at 12:00', view('open'), pkt(16, 11, 35), { kind: 'closes', at: pkt(16, 12) }],
    ['Friday 15:00, open: the afternoon session closes at 16:30', view('open'), pkt(16, 15), { kind: 'closes', at: pkt(16, 16, 30) }],
    ['Tuesday 09:20, pre-open: opens at 09:30', view('pre-open'), pkt(13, 9, 20), { kind: 'opens', at: pkt(13, 9, 30) }],
    ['Tuesday 15:40, post-close: opens Wednesday 09:30', view('post-close'), pkt(13, 15, 40), { kind: 'opens', at: pkt(14, 9, 30) }],
    ['Tuesday 06:00, closed: opens at 09:30 today', view('closed'), pkt(13, 6), { kind: 'opens', at: pkt(13, 9, 30) }],
    ['Friday 13:00, the break: opens at 14:32', view('closed'), pkt(16, 13), { kind: 'opens', at: pkt(16, 14, 32) }],
    ['Friday 17:00, closed: opens Monday 09:30', view('closed'), pkt(16, 17), { kind: 'opens', at: pkt(19, 9, 30) }],
    ['Saturday: opens Monday 09:30', view('closed'), pkt(17, 12), { kind: 'opens', at: pkt(19, 9, 30) }],
    ['a holiday Tuesday 10:00 (board closed): opens Wednesday, not at 09:30 today', view('closed', { unscheduledClose: true }), pkt(13, 10), { kind: 'opens', at: pkt(14, 9, 30) }],
    ['the board open outside the timetable: no close we know of', view('open'), pkt(13, 17), null],
    ['unknown: nothing', view('unknown'), pkt(13, 10), null],
  ])('%s', (_name, v, now, expected) => {
    expect(sessionCountdown(v, now)).toEqual(expected);
  });
});

describe('countdownText', () => {
  it.each<[string, ReturnType<typeof sessionCountdown> & object, number, 'local' | 'Asia/Karachi', string]>([
    ['25 minutes to the close', { kind: 'closes', at: pkt(13, 15, 30) }, pkt(13, 15, 5), 'Asia/Karachi', 'closes in 25 min'],
    ['a part minute counts as one', { kind: 'closes', at: pkt(13, 15, 30) }, pkt(13, 15, 29) + 30_000, 'Asia/Karachi', 'closes in 1 min'],
    ['hours and minutes', { kind: 'closes', at: pkt(13, 15, 30) }, pkt(13, 13, 25), 'local', 'closes in 2 h 5 min'],
    ['opens today, in PKT', { kind: 'opens', at: pkt(13, 9, 30) }, pkt(13, 6), 'Asia/Karachi', 'opens 09:30 PKT'],
    ['opens Monday, in PKT', { kind: 'opens', at: pkt(19, 9, 30) }, pkt(16, 17), 'Asia/Karachi', 'opens Mon 09:30 PKT'],
    // The unit tests run in UTC: the browser's own zone writes 04:30, and the day by its own calendar.
    ['opens Monday, in the browser’s zone', { kind: 'opens', at: pkt(19, 9, 30) }, pkt(16, 17), 'local', 'opens Mon 04:30'],
  ])('%s', (_name, countdown, now, zone, text) => {
    expect(countdownText(countdown, now, zone)).toBe(text);
  });
});
