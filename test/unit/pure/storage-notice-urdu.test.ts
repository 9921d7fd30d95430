/** The storage notice the popup and the options page show, in Urdu; the browser's own words stay as it wrote them. */
import { describe, expect, it } from 'vitest';
import { setDisplay } from '../../../src/shared/i18n/display';
import { normaliseStorageHealth, storageNotice } from '../../../src/shared/storage/storage-health';

const iso = (s: string): string => `\u2068${s}\u2069`;
const healthy = normaliseStorageHealth({});

describe('storageNotice in Urdu', () => {
  it.each<[string, Parameters<typeof storageNotice>, string | null, string | null]>([
    ['healthy', [healthy, []], null, null],
    [
      'a newer version in sync',
      [healthy, ['settings']],
      'Your settings were saved by a newer version of PSX Market Overlay (on another device?): update this copy before changing them here.',
      'آپ کی ترتیبات PSX Market Overlay کے نئے ورژن نے محفوظ کی ہیں (کسی دوسرے آلے پر؟): یہاں تبدیل کرنے سے پہلے اس کاپی کو اپ ڈیٹ کریں۔',
    ],
    [
      'sync refused',
      [{ ...healthy, syncRefused: { settings: { reason: 'QUOTA_BYTES quota exceeded', at: 1 } } }, []],
      'Your browser refused to sync your settings (QUOTA_BYTES quota exceeded); they are kept on this device and nothing is lost.',
      `آپ کے براؤزر نے ترتیبات سنک کرنے سے انکار کر دیا (${iso('QUOTA_BYTES quota exceeded')})؛ یہ اسی آلے پر محفوظ ہیں اور کچھ ضائع نہیں ہوا۔`,
    ],
    [
      'a local write refused',
      [{ ...healthy, localRefused: { key: 'board', reason: 'QUOTA_BYTES quota exceeded', at: 1 } }, []],
      'The browser refused to save board (QUOTA_BYTES quota exceeded).',
      `براؤزر نے ${iso('board')} محفوظ کرنے سے انکار کر دیا (${iso('QUOTA_BYTES quota exceeded')})۔`,
    ],
  ])('%s', (_name, args, en, ur) => {
    expect(storageNotice(...args)).toBe(en);
    setDisplay({ lang: 'ur', digits: 'latn' });
    expect(storageNotice(...args)).toBe(ur);
  });
});
