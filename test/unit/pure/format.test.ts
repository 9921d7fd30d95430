import { describe, expect, it } from 'vitest';
import {
  ARROWS,
  describeChange,
  directionOf,
  formatAbsChange,
  formatAbsPercent,
  formatClock,
  formatDateTime,
  formatPrice,
  formatRelative,
  formatVolume,
  formatWhen,
  type Direction,
} from '../../../src/shared/format';
import { setDisplay, type Display } from '../../../src/shared/i18n/display';

describe('formatPrice', () => {
  it.each<[number, string]>([
    [171208.54, '171,208.54'],
    [55391.27, '55,391.27'],
    [7.1, '7.10'],
    [0, '0.00'],
    [113.235, '113.24'],
    [0.004, '0.00'],
    [1000000, '1,000,000.00'],
    [-5.5, '-5.50'],
  ])('%d → %s', (value, expected) => {
    expect(formatPrice(value)).toBe(expected);
  });
});

describe('formatVolume', () => {
  it.each<[number, string]>([
    [1445702, '1,445,702'],
    [0, '0'],
    [999.6, '1,000'],
  ])('%d → %s', (value, expected) => {
    expect(formatVolume(value)).toBe(expected);
  });
});

describe('directionOf', () => {
  it.each<[number, Direction]>([
    [6.23, 'up'],
    [-6.23, 'down'],
    [0, 'unchanged'],
    [-0, 'unchanged'],
    [0.004, 'unchanged'], // prints as 0.00
    [-0.004, 'unchanged'],
    [0.005, 'up'], // prints as 0.01
    [0.006, 'up'],
    [-0.006, 'down'],
    [0.01, 'up'],
    [-0.01, 'down'],
  ])('%d → %s', (change, expected) => {
    expect(directionOf(change)).toBe(expected);
  });

  // Math.round(-0.5) is -0: rounding the signed value would call -0.005 unchanged while it
  // prints as 0.01. The arrow must never contradict the printed figure.
  it('-0.005 (printed as 0.01) is down, mirroring 0.005', () => {
    expect(formatAbsChange(-0.005)).toBe('0.01');
    expect(directionOf(-0.005)).toBe('down');
  });

  it.each<[Direction, string]>([
    ['up', '\u25B2'],
    ['down', '\u25BC'],
    ['unchanged', ''],
  ])('arrow for %s', (direction, arrow) => {
    expect(ARROWS[direction]).toBe(arrow);
  });
});

describe('formatAbsChange / formatAbsPercent', () => {
  it.each<[number, string, string]>([
    [6.23, '6.23', '6.23%'],
    [-6.23, '6.23', '6.23%'],
    [0, '0.00', '0.00%'],
    [-0.24, '0.24', '0.24%'],
    [1234.5, '1,234.50', '1,234.50%'],
    [-0.004, '0.00', '0.00%'],
  ])('%d → %s / %s', (value, change, percent) => {
    expect(formatAbsChange(value)).toBe(change);
    expect(formatAbsPercent(value)).toBe(percent);
  });
});

describe('describeChange', () => {
  it.each<[number, number, string]>([
    [6.23, 5.82, 'Increased by 6.23, 5.82 percent'],
    [-6.23, -5.82, 'Decreased by 6.23, 5.82 percent'],
    [-0.24, -0.5, 'Decreased by 0.24, 0.50 percent'],
    [1234.5, 2.1, 'Increased by 1,234.50, 2.10 percent'],
    [0, 0, 'Unchanged'],
    [0.004, 0.01, 'Unchanged'], // the change prints as 0.00
    [-0.004, -0.01, 'Unchanged'],
  ])('(%d, %d) → %s', (change, percent, expected) => {
    expect(describeChange(change, percent)).toBe(expected);
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2026, 9, 14, 12, 0, 0);
  const s = 1000;
  const min = 60 * s;
  const h = 60 * min;
  const d = 24 * h;
  it.each<[string, number, string]>([
    ['same instant', 0, 'just now'],
    ['59 s', 59 * s, 'just now'],
    ['59.4 s rounds down', 59.4 * s, 'just now'],
    ['59.5 s rounds up to a minute', 59.5 * s, '1 min ago'],
    ['1 min', min, '1 min ago'],
    ['5 min 59 s', 5 * min + 59 * s, '5 min ago'],
    ['59 min', 59 * min, '59 min ago'],
    ['1 h', h, '1 hr ago'],
    ['3 h 59 min', 3 * h + 59 * min, '3 hr ago'],
    ['23 h 59 min', 23 * h + 59 * min, '23 hr ago'],
    ['1 d', d, '1 day ago'],
    ['2 d 23 h', 2 * d + 23 * h, '2 days ago'],
    ['400 d', 400 * d, '400 days ago'],
    ['a future time (clock skew)', -5 * min, 'just now'],
  ])('%s ago → %s', (_name, age, expected) => {
    expect(formatRelative(now - age, now)).toBe(expected);
  });
});

describe('formatClock in Pakistan time', () => {
  it.each<[number, string]>([
    [Date.UTC(2026, 9, 14, 6, 41, 50), '11:41'],
    [Date.UTC(2026, 9, 14, 4, 30), '09:30'],
    [Date.UTC(2026, 9, 14, 19, 0), '00:00'], // midnight is 00, never 24
    [Date.UTC(2026, 9, 14, 18, 59, 59), '23:59'],
  ])('%d → %s', (epoch, expected) => {
    expect(formatClock(epoch, 'Asia/Karachi')).toBe(expected);
  });
});

describe('formatWhen', () => {
  it.each<[string, number, number, string]>([
    ['same PKT day', Date.UTC(2026, 9, 14, 6, 41), Date.UTC(2026, 9, 14, 12, 0), '11:41'],
    // both after 19:00 UTC: 15 Oct in Karachi, though 14 Oct in UTC
    ['same PKT day across UTC midnight', Date.UTC(2026, 9, 14, 19, 30), Date.UTC(2026, 9, 14, 20, 0), '00:30'],
    // same UTC day, but 14 Oct 23:30 vs 15 Oct 00:30 in Karachi
    ['previous PKT day', Date.UTC(2026, 9, 14, 18, 30), Date.UTC(2026, 9, 14, 19, 30), '14 Oct, 23:30'],
    ['days earlier', Date.UTC(2026, 9, 10, 6, 41), Date.UTC(2026, 9, 14, 6, 41), '10 Oct, 11:41'],
    ['same clock, other year', Date.UTC(2025, 9, 14, 6, 41), Date.UTC(2026, 9, 14, 6, 41), '14 Oct, 11:41'],
  ])('%s', (_name, epoch, now, expected) => {
    expect(formatWhen(epoch, now, 'Asia/Karachi')).toBe(expected);
  });

  it('local zone: the same instant is shown as a clock time', () => {
    const t = Date.UTC(2026, 9, 14, 6, 41);
    expect(formatWhen(t, t)).toBe(formatClock(t));
  });
});

describe('in the display language and digits (issue 13)', () => {
  const now = Date.UTC(2026, 9, 14, 12, 0, 0);
  it.each<[string, Display, () => string, string]>([
    ['a price, Urdu, Latin digits', { lang: 'ur', digits: 'latn' }, () => formatPrice(1234.5), '1,234.50'],
    ['a price, Urdu digits', { lang: 'ur', digits: 'arabext' }, () => formatPrice(1234.5), '۱٬۲۳۴٫۵۰'],
    ['a price, English with Urdu digits', { lang: 'en', digits: 'arabext' }, () => formatPrice(1234.5), '۱٬۲۳۴٫۵۰'],
    ['minutes ago, Urdu', { lang: 'ur', digits: 'latn' }, () => formatRelative(now - 5 * 60_000, now), '5 منٹ پہلے'],
    ['just now, Urdu', { lang: 'ur', digits: 'latn' }, () => formatRelative(now, now), 'ابھی ابھی'],
    ['a date, Urdu month', { lang: 'ur', digits: 'latn' }, () => formatDateTime(Date.UTC(2026, 9, 14, 6, 42), 'Asia/Karachi'), '14 اکتوبر، 11:42'],
    ['a change in words, Urdu', { lang: 'ur', digits: 'latn' }, () => describeChange(6.23, 5.82), '\u20686.23\u2069 کا اضافہ، \u20685.82\u2069 فیصد'],
    ['a change in words, English', { lang: 'en', digits: 'latn' }, () => describeChange(-6.23, -5.82), 'Decreased by 6.23, 5.82 percent'],
  ])('%s', (_name, shown, format, expected) => {
    setDisplay(shown);
    expect(format()).toBe(expected);
  });
});
