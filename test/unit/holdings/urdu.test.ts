/**
 * Holdings in Urdu: what the form says under each box, why an import skips a line, and money in
 * the display's digits and words; amounts stay exact (bigint units, never a float).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { setDisplay } from '../../../src/shared/i18n/display';
import { describeGain, formatGain, formatMoney, formatSignedPercent } from '../../../src/shared/holdings/money';
import { checkDraft, checkImported, FORM_MESSAGES, IMPORT_REASONS } from '../../../src/shared/holdings/validate';

const iso = (s: string): string => `\u2068${s}\u2069`;

beforeEach(() => setDisplay({ lang: 'ur', digits: 'latn' }));

describe('the form in Urdu', () => {
  it.each<[string, { quantity: string; averagePrice: string }, { quantity?: string; averagePrice?: string }]>([
    ['both empty', { quantity: '', averagePrice: '' }, { quantity: 'درج کریں کہ آپ کے پاس کتنے حصص ہیں۔', averagePrice: 'فی حصص ادا کی گئی اوسط قیمت PKR میں درج کریں۔' }],
    ['not numbers', { quantity: 'abc', averagePrice: '1e3' }, { quantity: `حصص کی تعداد ہندسوں میں درج کریں، جیسے ${iso('500')} یا ${iso('1,000')}۔`, averagePrice: `اوسط قیمت ہندسوں میں درج کریں، جیسے ${iso('98.50')}۔` }],
    ['a fraction of a share', { quantity: '10.5', averagePrice: '98.5' }, { quantity: 'پورے حصص درج کریں: PSX پر حصص کے ٹکڑوں کا کاروبار نہیں ہوتا۔' }],
    ['too large', { quantity: '20,000,000,000', averagePrice: '2,000,000' }, { quantity: `زیادہ سے زیادہ ${iso('10,000,000,000')} حصص درج کریں۔`, averagePrice: `زیادہ سے زیادہ ${iso('1,000,000')} PKR اوسط قیمت درج کریں۔` }],
    ['zero, too precise', { quantity: '0', averagePrice: '1.23456' }, { quantity: `کم از کم ${iso('1')} حصص درج کریں۔`, averagePrice: `اوسط قیمت زیادہ سے زیادہ ${iso('4')} اعشاریہ ہندسوں تک درج کریں۔` }],
  ])('%s', (_name, draft, messages) => {
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toEqual(messages);
  });

  it('an import’s reasons, joined in Urdu', () => {
    expect(checkImported({ quantity: '', averagePrice: '0' })).toEqual({ ok: false, error: `${iso('مقدار درج نہیں')} اور ${iso(`اوسط قیمت ${iso('0')} سے زیادہ نہیں ہے`)}` });
    expect(checkImported({ quantity: '1.5', averagePrice: '10' })).toEqual({ ok: false, error: 'مقدار حصص کی پوری تعداد نہیں ہے' });
  });

  it('the message records follow the language at each read', () => {
    expect(IMPORT_REASONS.averagePrice['too-large']).toBe(`اوسط قیمت ${iso('1,000,000')} PKR سے زیادہ ہے`);
    setDisplay({ lang: 'en', digits: 'latn' });
    expect(IMPORT_REASONS.averagePrice['too-large']).toBe('the average price is above 1,000,000 PKR');
    expect(FORM_MESSAGES.quantity['too-large']).toBe('Enter at most 10,000,000,000 shares.');
    expect(checkImported({ quantity: '', averagePrice: '' })).toEqual({ ok: false, error: 'no quantity and no average price' });
  });
});

describe('money in Urdu', () => {
  it('Latin digits by default: the figures as in English', () => {
    expect(formatMoney(12_345_678_900n)).toBe('1,234,567.89');
    expect(formatGain(-120_000n)).toBe('▼ -12.00');
    expect(describeGain(31_150_000n, 5.82243)).toBe(`${iso('3,115.00')} روپے کا منافع، ${iso('5.82')} فیصد`);
    expect(describeGain(-34_900_000n, null)).toBe(`${iso('3,490.00')} روپے کا نقصان`);
    expect(describeGain(0n, 0)).toBe(`نہ منافع نہ نقصان، ${iso('0.00')} فیصد`);
    expect(describeGain(0n, null)).toBe('نہ منافع نہ نقصان');
  });

  it('Urdu digits and separators, exact beyond a float’s reach', () => {
    setDisplay({ lang: 'ur', digits: 'arabext' });
    expect(formatMoney(12_345_678_900n)).toBe('۱٬۲۳۴٬۵۶۷٫۸۹');
    expect(formatMoney(1_234_567_890_123_456_789_05n)).toBe('۱۲٬۳۴۵٬۶۷۸٬۹۰۱٬۲۳۴٬۵۶۷٫۸۹');
    expect(formatGain(10_500n)).toBe('▲ +۱٫۰۵');
    expect(formatSignedPercent(-0.4)).toBe('-۰٫۴۰%');
    expect(formatSignedPercent(0.001)).toBe('۰٫۰۰%');
  });
});
