/**
 * Issue 13: the import preview, its warnings and the import's outcome in Urdu. The settings'
 * names and values, the counts and the reasons speak Urdu; symbol codes, file names and
 * figures are kept as they are, isolated inside the sentence so they stay left to right.
 */
import { describe, expect, it } from 'vitest';
import { describeAlerts } from '../../../src/shared/backup/alerts';
import { importedMessage } from '../../../src/shared/backup/apply';
import { FIELD_LABELS, fieldLabel, type ImportPlan, type SettingsPatch } from '../../../src/shared/backup/format';
import { describeHoldings } from '../../../src/shared/backup/holdings';
import { parseBackupFile } from '../../../src/shared/backup/import';
import { describePlan } from '../../../src/shared/backup/preview';
import { describeWarnings } from '../../../src/shared/backup/warnings';
import { emptyAlerts } from '../../../src/shared/alerts/rules';
import { setDisplay } from '../../../src/shared/i18n/display';
import { normaliseSettings } from '../../../src/shared/settings';
import { KNOWN } from './fixtures';

const iso = (value: string): string => `\u2068${value}\u2069`;
const planOf = (settings: SettingsPatch, extra: Partial<ImportPlan> = {}): ImportPlan => ({
  kind: 'backup', fileName: 'backup.json', settings, unknownSymbols: [], malformed: [], warnings: [], ...extra,
});
const current = normaliseSettings({ watchlist: ['HUBC', 'OGDC', 'PSO'] });
const urdu = (digits: 'latn' | 'arabext' = 'latn'): void => setDisplay({ lang: 'ur', digits });

describe('the preview in Urdu', () => {
  it('names every setting in Urdu, language and digits included; in English as before', () => {
    expect(FIELD_LABELS.language).toBe('Language');
    expect(fieldLabel('digits')).toBe('Digits');
    urdu();
    expect(FIELD_LABELS.language).toBe('زبان');
    expect(fieldLabel('digits')).toBe('ہندسے');
    expect(fieldLabel('watchlist')).toBe('واچ لسٹ');
  });

  it('a list change: the symbols unchanged and isolated, the Urdu separators', () => {
    urdu();
    const [change] = describePlan(current, planOf({ watchlist: ['PSO', 'HUBC', 'POL'] }));
    expect(change?.label).toBe('واچ لسٹ');
    expect(change?.text).toBe(`${iso('واچ لسٹ')}: ${iso(`${iso('POL')} شامل؛ ${iso('OGDC')} خارج؛ ترتیب بدل گئی`)}۔`);
  });

  it('value changes in Urdu words, the arrow pointing the way Urdu reads', () => {
    urdu();
    const texts = describePlan(current, planOf({ privacy: true, language: 'ur', digits: 'arabext', timeZone: 'Asia/Karachi', barPosition: 'bottom' })).map((c) => c.text);
    expect(texts).toEqual([
      `${iso('اوقات کا ٹائم زون')}: ${iso('آپ کا ٹائم زون')} ← ${iso('پاکستانی وقت (PKT)')}۔`,
      `${iso('پرائیویسی موڈ')}: ${iso('آف')} ← ${iso('آن')}۔`,
      `${iso('ٹکر بار کی جگہ')}: ${iso('اوپر')} ← ${iso('نیچے')}۔`,
      `${iso('زبان')}: ${iso('براؤزر کی')} ← ${iso('اردو')}۔`,
      `${iso('ہندسے')}: ${iso('لاطینی ہندسے (123)')} ← ${iso('اردو ہندسے (۱۲۳)')}۔`,
    ]);
  });

  it('a period in the chosen digits', () => {
    urdu('arabext');
    expect(describePlan(current, planOf({ quotesPeriodSec: 120 }))[0]?.text).toBe(`${iso('قیمتیں تازہ کرنے کا وقفہ')}: ${iso(`ہر ${iso('۶۰')} سیکنڈ`)} ← ${iso(`ہر ${iso('۱۲۰')} سیکنڈ`)}۔`);
  });
});

describe('warnings and errors in Urdu', () => {
  it('unknown and malformed symbols, with counts', () => {
    urdu();
    expect(describeWarnings(planOf({}, { unknownSymbols: ['ZZZ'] }))).toEqual([`${iso('ZZZ')} PSX پر لسٹڈ نہیں، اس لیے امپورٹ نہیں ہوگا۔`]);
    const two = describeWarnings(planOf({}, { kind: 'watchlist-csv', unknownSymbols: ['ZZZ', 'YYY'], malformed: [{ position: 3, text: '!!' }, { position: 4, text: '' }] }));
    expect(two[0]).toBe(`${iso('2')} سمبل PSX پر لسٹڈ نہیں، اس لیے امپورٹ نہیں ہوں گے: ${iso('ZZZ، YYY')}۔`);
    expect(two[1]).toBe(`${iso('2')} اندراجات چھوڑ دیے گئے جو سمبل نہیں: ${iso(`${iso(`سطر ${iso('3')}`)} (“${iso('!!')}”)، سطر ${iso('4')}`)}۔`);
  });

  it('a file that is not a backup, and a CSV with nothing to import', () => {
    urdu();
    expect(parseBackupFile('{"name": 1}', 'x.json', KNOWN)).toEqual({ ok: false, error: 'یہ فائل PSX مارکیٹ اوورلے کا بیک اپ نہیں۔' });
    expect(parseBackupFile('   ', 'x.csv', KNOWN)).toEqual({ ok: false, error: 'یہ فائل خالی ہے۔' });
    const none = parseBackupFile('ZZZ\n!!\n', 'x.csv', KNOWN);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.error).toBe(`اس فائل کا کوئی سمبل امپورٹ نہیں ہو سکتا (${iso(`${iso('1')} سطر سمبل نہیں، ${iso('1')} سمبل PSX پر لسٹڈ نہیں`)})۔`);
  });

  it('the alerts and holdings previews, and the outcome', () => {
    urdu();
    const rule = { subject: 'HUBC', index: false, kind: 'price-above' as const, threshold: 120, rearm: 'manual' as const, hysteresisPct: 0.5 };
    expect(describeAlerts(emptyAlerts(), planOf({}, { alerts: { rules: [rule], malformed: [] } }))?.text).toBe(`الرٹس: فائل میں ${iso('1')}، ${iso('1')} نیا۔`);
    const holdings = describeHoldings({}, current, planOf({}, { holdings: { entries: [{ symbol: 'HUBC', holding: { quantity: 500, averagePrice: 98 } }], malformed: [] } }));
    expect(holdings?.text).toBe(`ہولڈنگز: فائل میں ${iso('1')}، ${iso(`${iso('1')} نئی`)}۔`);
    expect(importedMessage(planOf({}), 2, null)).toBe(`${iso('backup.json')} امپورٹ ہو گئی: ${iso(`${iso('2')} ترتیبات بدلیں`)}۔`);
  });

  it('English stays as it was', () => {
    expect(importedMessage(planOf({}), 1, null)).toBe('Imported backup.json: 1 setting changed.');
    expect(describePlan(current, planOf({ language: 'ur' }))[0]?.text).toBe('Language: the browser\'s → اردو (Urdu).');
  });
});
