/**
 * Alerts in Urdu: conditions, kinds and re-arm modes, states, a notification and the form's
 * validation sentences; symbols, index codes and figures stay as they are (isolated, so they
 * keep their left-to-right order inside the Urdu sentence).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { describeCondition, describeStatus, formatFiredValue, formatThreshold, KIND_LABELS, notificationText, REARM_LABELS } from '../../../src/shared/alerts/describe';
import { thresholdProblem, type AlertKind, type AlertRule, type FiredAlert } from '../../../src/shared/alerts/rules';
import { setDisplay } from '../../../src/shared/i18n/display';

const iso = (s: string): string => `\u2068${s}\u2069`;
const AT = Date.UTC(2026, 9, 14, 6, 42); // 11:42 PKT

const rule = (over: Partial<AlertRule> = {}): AlertRule => ({
  id: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 113, rearm: 'manual', hysteresisPct: 0.5,
  status: 'armed', createdAt: 0, checkedDay: null, firedAt: null, firedValue: null, snoozedUntil: null, ...over,
});

const fired = (over: Partial<FiredAlert> = {}): FiredAlert => ({
  id: 'f1', ruleId: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 113, value: 113.25, price: 113.25, at: AT, seen: false, ...over,
});

beforeEach(() => setDisplay({ lang: 'ur', digits: 'latn' }));

describe('conditions in Urdu', () => {
  it.each<[AlertKind, number, string]>([
    ['price-above', 113, `قیمت ${iso('113.00')} یا اس سے اوپر جائے`],
    ['price-below', 99.995, `قیمت ${iso('99.995')} یا اس سے نیچے آئے`],
    ['change-above', 3, `دن کی تبدیلی ${iso('+3.00 %')} تک پہنچے`],
    ['change-below', 3, `دن کی تبدیلی گر کر ${iso('−3.00 %')} تک آئے`],
    ['volume-above', 1_000_000, `دن کا حجم ${iso(`${iso('1,000,000')} حصص`)} سے زیادہ ہو`],
  ])('%s %d', (kind, threshold, text) => {
    expect(describeCondition({ kind, threshold })).toBe(text);
  });

  it('Urdu digits in the figures', () => {
    setDisplay({ lang: 'ur', digits: 'arabext' });
    expect(formatThreshold('price-above', 113)).toBe('۱۱۳٫۰۰');
    expect(formatFiredValue({ kind: 'change-above', value: 3.5 })).toBe('+۳٫۵۰ %');
  });

  it('kind and re-arm labels follow the language at each read, with no reload', () => {
    expect(KIND_LABELS['price-above']).toBe('قیمت اس حد یا اس سے اوپر جائے');
    expect(REARM_LABELS.daily).toBe('اگلے سیشن میں دوبارہ فعال ہو');
    setDisplay({ lang: 'en', digits: 'latn' });
    expect(KIND_LABELS['price-above']).toBe('Price rises to or above');
    expect(REARM_LABELS.daily).toBe('Re-arm at the next session');
    expect(Object.keys(KIND_LABELS)).toEqual(['price-above', 'price-below', 'change-above', 'change-below', 'volume-above']);
  });
});

describe('states and notifications in Urdu', () => {
  it('armed, waiting, fired, snoozed', () => {
    expect(describeStatus(rule(), AT, 'Asia/Karachi')).toBe('فعال');
    expect(describeStatus(rule({ status: 'waiting' }), AT, 'Asia/Karachi')).toMatch(/^منتظر: شرط پہلے ہی پوری ہے/);
    expect(describeStatus(rule({ status: 'fired', firedAt: AT }), AT, 'Asia/Karachi')).toBe(`${iso('14 اکتوبر، 11:42 PKT')} پر جاری ہوا`);
    expect(describeStatus(rule({ status: 'fired' }), AT, 'Asia/Karachi')).toBe('جاری ہو چکا');
    expect(describeStatus(rule({ snoozedUntil: AT + 3_600_000 }), AT, 'Asia/Karachi')).toBe(`فعال؛ ${iso('14 اکتوبر، 12:42 PKT')} تک مؤخر`);
  });

  it('a price alert: the symbol and the price unchanged', () => {
    const { title, message } = notificationText(fired(), 'Asia/Karachi');
    expect(title).toBe(`${iso('HUBC')}: ${iso(`قیمت ${iso('113.00')} یا اس سے اوپر جائے`)}`);
    expect(message).toBe(`${iso('HUBC')} کی قیمت ${iso('113.25')}، ${iso('14 اکتوبر، 11:42 PKT')} پر`);
  });

  it('an index alert on its change', () => {
    const { message } = notificationText(fired({ subject: 'KSE100', index: true, kind: 'change-above', threshold: 1, value: 1.2, price: 171208.54 }), 'Asia/Karachi');
    expect(message).toBe(`${iso('KSE100')} ${iso('171,208.54')} (${iso('+1.20 %')})، ${iso('14 اکتوبر، 11:42 PKT')} پر`);
  });
});

describe('the form’s validation in Urdu', () => {
  it.each<[AlertKind, number, string]>([
    ['price-above', 0, `${iso('0')} سے بڑا عدد درج کریں۔`],
    ['volume-above', -5, `${iso('0')} سے زیادہ حصص کی تعداد درج کریں۔`],
    ['price-above', 2_000_000, `زیادہ سے زیادہ ${iso('1,000,000')} درج کریں۔`],
    ['volume-above', 10.5, 'حصص کی پوری تعداد درج کریں، اعشاریہ کے بغیر۔'],
    ['change-above', 1.234, `زیادہ سے زیادہ ${iso('2')} اعشاریہ ہندسے استعمال کریں۔`],
    ['price-above', 1.23456, `زیادہ سے زیادہ ${iso('4')} اعشاریہ ہندسے استعمال کریں۔`],
  ])('%s %d', (kind, value, text) => {
    expect(thresholdProblem(kind, value)).toBe(text);
  });

  it('English unchanged', () => {
    setDisplay({ lang: 'en', digits: 'latn' });
    expect(thresholdProblem('price-above', 2_000_000)).toBe('Enter at most 1,000,000.');
    expect(thresholdProblem('change-above', 1.234)).toBe('Use at most 2 decimals.');
  });
});
