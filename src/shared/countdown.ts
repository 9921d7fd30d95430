/**
 * Pakistan time at a glance: when the regular session next closes or opens, from the market's
 * state as the extension acts on it. Decided once, with the presentation; the header writes it
 * ("closes in 25 min", "opens Mon 09:30") in the user's chosen zone.
 */
import { formatClock, zoneSuffix } from './format';
import { dateFormat } from './i18n/display';
import { sentences } from './i18n/sentences';
import type { MarketView } from './market-view';
import { nextTradingStart, pktMidnight, timetableAt } from './session';
import type { TimeZoneChoice } from './settings';

export interface SessionCountdown {
  kind: 'closes' | 'opens';
  at: number;
}

const DAY = 24 * 3_600_000;

export function sessionCountdown(view: MarketView, now: number): SessionCountdown | null {
  const table = timetableAt(now);
  switch (view.phase) {
    case 'open':
      // The board may say open outside the timetable (an extended session): no close we know of.
      return table.phase === 'open' ? { kind: 'closes', at: table.until } : null;
    case 'pre-open':
      return table.phase === 'pre-open' ? { kind: 'opens', at: table.until } : { kind: 'opens', at: nextTradingStart(now) };
    case 'post-close':
    case 'closed':
      // A holiday (the board closed on a trading day) opens no earlier than the next day.
      return { kind: 'opens', at: nextTradingStart(view.unscheduledClose ? pktMidnight(now) + DAY - 1 : now) };
    case 'unknown':
      return null;
  }
}

const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'short' };
const weekday = (zone: TimeZoneChoice): Intl.DateTimeFormat => dateFormat(zone === 'local' ? WEEKDAY : { ...WEEKDAY, timeZone: zone });
/** Compares calendar days only (never shown), so a fixed locale. */
const DATE_KEY = (zone: TimeZoneChoice) => new Intl.DateTimeFormat('en-CA', zone === 'local' ? {} : { timeZone: zone });

/**
 * "closes in 25 min", "closes in 2 h 5 min", "opens 09:30", "opens Mon 09:30" (the zone's own day
 * and clock), in the display language: the weekday's name and the digits follow it.
 */
export function countdownText(countdown: SessionCountdown, now: number, zone: TimeZoneChoice): string {
  if (countdown.kind === 'closes') {
    const minutes = Math.max(1, Math.ceil((countdown.at - now) / 60_000));
    const hours = Math.floor(minutes / 60);
    return hours > 0 ? sentences().t('countdown_closes_hours', { hours, minutes: minutes % 60 }) : sentences().t('countdown_closes_minutes', { minutes });
  }
  const time = `${formatClock(countdown.at, zone)}${zoneSuffix(zone)}`;
  const sameDay = DATE_KEY(zone).format(countdown.at) === DATE_KEY(zone).format(now);
  return sameDay ? sentences().t('countdown_opens_at', { time }) : sentences().t('countdown_opens_on', { day: weekday(zone).format(countdown.at), time });
}
