/**
 * The PSX regular market's timetable in Asia/Karachi (UTC+5 all year, no daylight saving).
 * Pure and clock-free: every function takes the instant it reasons about. The board state read
 * from the portal overrides this (holidays, Ramazan and emergency timetables); the timetable is
 * what the schedule falls back on when the board has not been read recently.
 *
 * Mon–Thu: pre-open 09:15, trading 09:30–15:30, post-close to 15:45.
 * Friday: two sessions, 09:15–12:00 and 14:30–16:30 (each opening with a short pre-open), with
 * post-close after the second. Saturday and Sunday closed.
 */
import type { MarketPhase } from './model';

/** Pakistan Standard Time is UTC+5 all year (no daylight saving since 2009). */
export const PKT_OFFSET_MS = 5 * 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export type TimetablePhase = Exclude<MarketPhase, 'unknown'>;

interface Segment {
  /** Minutes after PKT midnight. */
  from: number;
  to: number;
  phase: TimetablePhase;
}

const hm = (h: number, m: number): number => h * 60 + m;

const MON_THU: Segment[] = [
  { from: hm(9, 15), to: hm(9, 30), phase: 'pre-open' },
  { from: hm(9, 30), to: hm(15, 30), phase: 'open' },
  { from: hm(15, 30), to: hm(15, 45), phase: 'post-close' },
];

const FRIDAY: Segment[] = [
  { from: hm(9, 15), to: hm(9, 17), phase: 'pre-open' },
  { from: hm(9, 17), to: hm(12, 0), phase: 'open' },
  { from: hm(14, 30), to: hm(14, 32), phase: 'pre-open' },
  { from: hm(14, 32), to: hm(16, 30), phase: 'open' },
  { from: hm(16, 30), to: hm(16, 45), phase: 'post-close' },
];

/** Segments of a PKT weekday (0 = Sunday). */
function segmentsOf(weekday: number): Segment[] {
  if (weekday >= 1 && weekday <= 4) return MON_THU;
  if (weekday === 5) return FRIDAY;
  return [];
}

/** PKT midnight (as a UTC epoch) of the day containing `at`. */
export function pktMidnight(at: number): number {
  return pktDay(at).midnight;
}

/** PKT midnight (as a UTC epoch) of the day containing `at`, and that day's weekday. */
function pktDay(at: number): { midnight: number; weekday: number } {
  const local = at + PKT_OFFSET_MS;
  const midnightLocal = Math.floor(local / DAY) * DAY;
  return { midnight: midnightLocal - PKT_OFFSET_MS, weekday: new Date(midnightLocal).getUTCDay() };
}

export interface TimetableState {
  phase: TimetablePhase;
  /** When the phase next changes (a UTC epoch). */
  until: number;
}

/** What the timetable says at `at`, and until when. */
export function timetableAt(at: number): TimetableState {
  const { midnight, weekday } = pktDay(at);
  const minute = (at - midnight) / MINUTE;
  for (const s of segmentsOf(weekday)) {
    if (minute >= s.from && minute < s.to) return { phase: s.phase, until: midnight + s.to * MINUTE };
  }
  return { phase: 'closed', until: nextSessionStart(at) };
}

/** The start (pre-open) of the next session strictly after `at`. */
export function nextSessionStart(at: number): number {
  for (let day = 0; day < 8; day++) {
    const { midnight, weekday } = pktDay(at + day * DAY);
    // Only the starts of runs of segments: a session's pre-open, not its open.
    for (const [i, s] of segmentsOf(weekday).entries()) {
      const prev = segmentsOf(weekday)[i - 1];
      if (prev && prev.to === s.from) continue;
      const start = midnight + s.from * MINUTE;
      if (start > at) return start;
    }
  }
  throw new Error('the timetable has no session in a week');
}

/** The end (close of post-close, or of the Friday morning session) of the session at or after `at`. */
export function sessionEnd(at: number): number {
  const { midnight, weekday } = pktDay(at);
  const minute = (at - midnight) / MINUTE;
  const segments = segmentsOf(weekday);
  for (const [i, s] of segments.entries()) {
    const next = segments[i + 1];
    const endsRun = !next || next.from !== s.to;
    if (endsRun && minute < s.to) return midnight + s.to * MINUTE;
  }
  return sessionEnd(nextSessionStart(at));
}

/** The start of the next trading segment (the open, not the pre-open) strictly after `at`. */
export function nextTradingStart(at: number): number {
  for (let day = 0; day < 8; day++) {
    const { midnight, weekday } = pktDay(at + day * DAY);
    for (const s of segmentsOf(weekday)) {
      const start = midnight + s.from * MINUTE;
      if (s.phase === 'open' && start > at) return start;
    }
  }
  throw new Error('the timetable has no trading in a week');
}
