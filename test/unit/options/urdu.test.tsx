// @vitest-environment happy-dom
/**
 * Issue 13: the options page in Urdu. Its headings, controls, names and sentences speak Urdu,
 * right to left; symbol codes and figures keep their left-to-right order (in their own
 * elements, and isolated inside sentences); the Language and Digits choices take effect while
 * the page is open, without a reload, and back.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/options/App';
import { AlertsSection } from '../../../src/options/components/AlertsSection';
import { Diagnostics } from '../../../src/options/components/Diagnostics';
import { addFeed } from '../../../src/options/feed-actions';
import { emptyAlerts, type AlertRule } from '../../../src/shared/alerts/rules';
import { setDisplay } from '../../../src/shared/i18n/display';
import { normaliseSettings } from '../../../src/shared/settings';
import { readSettings, updateSettings } from '../../../src/shared/settings-items';
import { i18nControl } from '../fake-i18n';

/** A value inside an Urdu sentence, as the translator isolates it. */
const iso = (value: string): string => `\u2068${value}\u2069`;

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});

async function openIn(language: 'ur' | 'en' | 'auto'): Promise<void> {
  await updateSettings((s) => ({ ...s, watchlist: ['HUBC', 'OGDC'], language }));
  render(<App />);
  await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toBeTruthy());
}

const select = (name: string | RegExp): HTMLSelectElement => screen.getByRole('combobox', { name }) as HTMLSelectElement;

describe('the options page in Urdu', () => {
  it('renders right to left in Urdu, with an Urdu title, and names each language in itself', async () => {
    await openIn('ur');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ur-PK');
    expect(document.title).toBe('پی ایس ایکس مارکیٹ اوورلے: ترتیبات');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('پی ایس ایکس مارکیٹ اوورلے');
    expect(screen.getByRole('heading', { name: 'خبروں کی فیڈز' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'الرٹس' })).toBeTruthy();
    const language = select(/^زبان/);
    expect([...language.options].map((o) => [o.value, o.textContent])).toEqual([
      ['auto', 'براؤزر کی زبان'],
      ['en', 'English'],
      ['ur', 'اردو'],
    ]);
    expect(language.value).toBe('ur');
    expect([...select(/^ہندسے/).options].map((o) => o.textContent)).toEqual(['لاطینی (123)', 'اردو (۱۲۳)']);
    // Symbol codes stay as they are, in the badge choice's Urdu words.
    expect([...select(/^ٹول بار بیج دکھائے/).options].map((o) => o.textContent)).toContain(`${iso('HUBC')} کی % تبدیلی`);
    expect(screen.getByRole('button', { name: 'سارا ڈیٹا ایکسپورٹ کریں (JSON)' })).toBeTruthy();
    // No English sentence of the page's own is left.
    expect(document.body.textContent).not.toMatch(/News feeds|Alerts|General|Export all data/);
  });

  it('the browser in Urdu with the language on auto: Urdu; the English choice wins over the browser', async () => {
    i18nControl.setUILanguage('ur-PK');
    await openIn('auto');
    expect(document.documentElement.dir).toBe('rtl');
    expect(select(/^زبان/).value).toBe('auto');
    fireEvent.change(select(/^زبان/), { target: { value: 'en' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('PSX Market Overlay');
  });

  it('switching the language while open re-renders the page in Urdu, right to left, and back, without a reload', async () => {
    await openIn('en');
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.title).toBe('PSX Market Overlay options');
    const language = select(/^Language/);
    expect([...language.options].map((o) => o.textContent)).toEqual(["Browser's language", 'English', 'اردو']);
    language.focus();
    fireEvent.change(language, { target: { value: 'ur' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    // The page is re-rendered, not rebuilt: the control just used keeps focus (and is the same element).
    expect(document.activeElement).toBe(language);
    expect(select(/^زبان/)).toBe(language);
    expect((await readSettings()).language).toBe('ur');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('پی ایس ایکس مارکیٹ اوورلے');
    expect(document.title).toBe('پی ایس ایکس مارکیٹ اوورلے: ترتیبات');
    expect(screen.getByRole('group', { name: 'عمومی' })).toBeTruthy();
    fireEvent.change(select(/^زبان/), { target: { value: 'en' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    expect((await readSettings()).language).toBe('en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('PSX Market Overlay');
    expect(document.title).toBe('PSX Market Overlay options');
    expect(screen.getByRole('group', { name: 'General' })).toBeTruthy();
  });

  it('the Digits choice is saved and writes figures in Urdu digits at once, the language unchanged', async () => {
    await openIn('ur');
    fireEvent.change(select(/^ہندسے/), { target: { value: 'arabext' } });
    await waitFor(() => expect(screen.getByText(/^آخری .* ناکامیاں/).textContent).toContain('۰'));
    expect((await readSettings()).digits).toBe('arabext');
    expect(document.documentElement.dir).toBe('rtl');
    fireEvent.change(select(/^ہندسے/), { target: { value: 'latn' } });
    await waitFor(() => expect(screen.getByText(/^آخری .* ناکامیاں/).textContent).toContain(iso('0')));
    expect((await readSettings()).digits).toBe('latn');
  });
});

const RULE: AlertRule = {
  id: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 120, rearm: 'manual', hysteresisPct: 0.5,
  status: 'armed', createdAt: 0, checkedDay: null, firedAt: null, firedValue: null, snoozedUntil: null,
};

describe('the parts of the page in Urdu', () => {
  it('the alerts section: its controls are named in Urdu with the symbol kept as it is', () => {
    setDisplay({ lang: 'ur', digits: 'latn' });
    const settings = normaliseSettings({ watchlist: ['HUBC'], language: 'ur' });
    render(<AlertsSection alerts={{ ...emptyAlerts(), rules: [RULE] }} market={undefined} settings={settings} now={0} onChange={() => undefined} />);
    const section = screen.getByRole('region', { name: 'الرٹس' });
    expect(within(section).getByText(`زیادہ سے زیادہ ${iso('200')} میں سے ${iso('1')} الرٹس۔`)).toBeTruthy();
    const rule = section.querySelector('li[data-rule-id="r1"]') as HTMLElement;
    const subject = rule.querySelector('.alert-rule__subject')!;
    expect(subject.textContent?.trim()).toBe('HUBC');
    expect(subject.getAttribute('dir')).toBe('ltr');
    const edit = within(rule).getByRole('button', { name: /^الرٹ .*HUBC.* میں ترمیم کریں$/ });
    expect(edit.textContent?.trim()).toBe('ترمیم');
    expect(within(rule).getByRole('button', { name: /HUBC.* حذف کریں$/ }).textContent?.trim()).toBe('حذف کریں');
    fireEvent.click(edit);
    expect(screen.getByRole('textbox', { name: `${iso('HUBC')} کی حد (${iso('PKR')})` })).toBeTruthy();
    expect(within(section).getByRole('heading', { name: 'الرٹ شامل کریں' })).toBeTruthy();
  });

  it('diagnostics: the empty log and the copy button in Urdu', () => {
    setDisplay({ lang: 'ur', digits: 'latn' });
    render(<Diagnostics events={[]} sources={{}} storageNotice={null} appVersion="1.0.0" now={0} zone="local" />);
    expect(screen.getByRole('button', { name: 'رپورٹ کاپی کریں' })).toBeTruthy();
    expect(screen.getByText('ابھی تک کوئی خرابی نہیں ہوئی۔')).toBeTruthy();
  });

  it('a feed refused says why in Urdu, its figure isolated and in the chosen digits', async () => {
    setDisplay({ lang: 'ur', digits: 'latn' });
    expect(await addFeed('not an address', normaliseSettings({}))).toMatchObject({ ok: false, reason: 'invalid-url', message: `http یا https پتہ درج کریں (زیادہ سے زیادہ ${iso('500')} حروف)۔` });
    setDisplay({ lang: 'ur', digits: 'arabext' });
    expect(await addFeed('not an address', normaliseSettings({}))).toMatchObject({ message: `http یا https پتہ درج کریں (زیادہ سے زیادہ ${iso('۵۰۰')} حروف)۔` });
  });
});
