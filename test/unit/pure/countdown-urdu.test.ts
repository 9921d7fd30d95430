/** The header's countdown in Urdu: the words, the weekday's name and, when chosen, Urdu digits. */
import { describe, expect, it } from 'vitest';
import { countdownText, type SessionCountdown } from '../../../src/shared/countdown';
import { setDisplay } from '../../../src/shared/i18n/display';

const pkt = (day: number, hour: number, minute = 0): number => Date.UTC(2026, 9, day, hour - 5, minute);
const iso = (s: string): string => `\u2068${s}\u2069`;

describe('countdownText in Urdu', () => {
  it.each<[string, SessionCountdown, number, 'local' | 'Asia/Karachi', 'latn' | 'arabext', string]>([
    ['25 minutes to the close', { kind: 'closes', at: pkt(13, 15, 30) }, pkt(13, 15, 5), 'Asia/Karachi', 'latn', `${iso('25')} منٹ میں بند ہوگی`],
    ['hours and minutes', { kind: 'closes', at: pkt(13, 15, 30) }, pkt(13, 13, 25), 'local', 'latn', `${iso('2')} گھنٹے ${iso('5')} منٹ میں بند ہوگی`],
    ['Urdu digits', { kind: 'closes', at: pkt(13, 15, 30) }, pkt(13, 15, 5), 'Asia/Karachi', 'arabext', `${iso('۲۵')} منٹ میں بند ہوگی`],
    ['opens today, in PKT', { kind: 'opens', at: pkt(13, 9, 30) }, pkt(13, 6), 'Asia/Karachi', 'latn', `${iso('09:30 PKT')} پر کھلے گی`],
    ['opens Monday: the weekday in Urdu', { kind: 'opens', at: pkt(19, 9, 30) }, pkt(16, 17), 'Asia/Karachi', 'latn', `${iso('پیر')} ${iso('09:30 PKT')} پر کھلے گی`],
    ['opens Monday, Urdu digits, the browser’s zone', { kind: 'opens', at: pkt(19, 9, 30) }, pkt(16, 17), 'local', 'arabext', `${iso('پیر')} ${iso('۰۴:۳۰')} پر کھلے گی`],
  ])('%s', (_name, countdown, now, zone, digits, text) => {
    setDisplay({ lang: 'ur', digits });
    expect(countdownText(countdown, now, zone)).toBe(text);
  });

  it('English again without a reload', () => {
    setDisplay({ lang: 'ur', digits: 'latn' });
    countdownText({ kind: 'opens', at: pkt(19, 9, 30) }, pkt(16, 17), 'Asia/Karachi');
    setDisplay({ lang: 'en', digits: 'latn' });
    expect(countdownText({ kind: 'opens', at: pkt(19, 9, 30) }, pkt(16, 17), 'Asia/Karachi')).toBe('opens Mon 09:30 PKT');
  });
});
