// @vitest-environment happy-dom
/**
 * Where the Urdu messages come from (src/shared/i18n/urdu.ts): the browser's own getMessage when
 * its UI is Urdu (no read), else one read of the packaged `_locales/ur/messages.json`, the file
 * the build writes; a failed read leaves the page in English and is tried again.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergedCatalogue } from '../../../scripts/locales';
import { common } from '../../../src/shared/i18n/common';
import { setDisplay } from '../../../src/shared/i18n/display';
import { ensureUrdu, resetUrdu, urduReady } from '../../../src/shared/i18n/urdu';
import { i18nControl } from '../fake-i18n';

const PACKAGED = JSON.stringify(mergedCatalogue('src/locales', 'ur'));

beforeEach(() => {
  resetUrdu();
  localStorage.clear();
  setDisplay({ lang: 'ur', digits: 'latn' });
});
afterEach(() => vi.unstubAllGlobals());

describe('the Urdu catalogue', () => {
  it('in a browser whose UI is Urdu: from getMessage at once, nothing read', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    i18nControl.setUILanguage('ur-PK');
    expect(urduReady()).toBe(true);
    await ensureUrdu();
    expect(common().t('just_now')).toBe('ابھی ابھی');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('chosen in an English browser: English until one read of the packaged file, Urdu after', async () => {
    const fetch = vi.fn(async () => new Response(PACKAGED, { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    expect(urduReady()).toBe(false);
    expect(common().t('just_now')).toBe('just now');
    await Promise.all([ensureUrdu(), ensureUrdu()]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(fakeBrowser.runtime.getURL('/_locales/ur/messages.json'));
    expect(urduReady()).toBe(true);
    expect(common().t('just_now')).toBe('ابھی ابھی');
    await ensureUrdu();
    expect(fetch).toHaveBeenCalledTimes(1);
    // The next page of this version starts in Urdu from its copy, without a read.
    resetUrdu();
    expect(urduReady()).toBe(true);
    expect(common().t('just_now')).toBe('ابھی ابھی');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a failed read: English stays, the failure is told, the next call reads again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fetch = vi.fn(async () => new Response('missing', { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    await ensureUrdu();
    expect(urduReady()).toBe(false);
    expect(common().t('just_now')).toBe('just now');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Urdu catalogue could not be read'), expect.anything());
    await ensureUrdu();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
