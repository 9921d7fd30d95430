/**
 * What the bar's content script can make the background do: hide the bar on its own tab's
 * site, or everywhere — and nothing else. It runs inside other sites' pages, so a hostile page
 * that got hold of it must not be able to write settings, add feeds or refresh.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { handleMessage } from '../../../src/background/messages';
import { readSettings, updateSettings } from '../../../src/shared/settings-items';

vi.mock('../../../src/background/refresh', () => ({
  refresh: vi.fn(() => Promise.resolve({ fetched: [], failed: [], lastReadAt: null })),
}));

/** Our content script in the top frame of a tab showing `url`. */
const bar = (url: string, frameId = 0): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url,
  frameId,
  tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false, url },
});

describe('the bar’s messages', () => {
  it('hides the bar on the sender tab’s own site, whatever the payload says', async () => {
    const reply = await handleMessage({ type: 'hideBarOnSite', payload: { site: 'victim.example' } as never }, bar('https://news.example/article'));
    expect(reply).toEqual({ ok: true, value: { site: 'news.example' } });
    expect((await readSettings()).barHiddenSites).toEqual(['news.example']);
  });

  it('hides it everywhere', async () => {
    await updateSettings((s) => ({ ...s, showBar: true }));
    await expect(handleMessage({ type: 'hideBarEverywhere', payload: {} }, bar('https://news.example/'))).resolves.toEqual({ ok: true, value: null });
    expect((await readSettings()).showBar).toBe(false);
  });

  it.each([
    ['a forged settings write', { type: 'updateSettings', payload: { feeds: [{ id: 'x', url: 'http://10.0.0.1/' }] } }],
    ['a feed check (the background would fetch for the page)', { type: 'checkFeed', payload: { url: 'http://10.0.0.1/admin' } }],
    ['a refresh', { type: 'refreshNow', payload: {} }],
  ])('refuses %s from a content script', async (_name, message) => {
    const before = await readSettings();
    expect(handleMessage(message, bar('https://news.example/'))).toBeUndefined();
    expect(await readSettings()).toEqual(before);
  });

  it.each([
    ['a frame inside a page', bar('https://ads.example/frame', 3)],
    ['a page that is not http(s)', bar('file:///etc/passwd')],
    ['another extension', { ...bar('https://news.example/'), id: 'someone-else' }],
  ])('ignores the hide message from %s', async (_name, sender) => {
    expect(handleMessage({ type: 'hideBarOnSite', payload: {} }, sender)).toBeUndefined();
    expect((await readSettings()).barHiddenSites).toEqual([]);
  });

  it('the extension’s own pages cannot send the bar’s messages (they have their own controls)', () => {
    const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/src/popup/index.html') };
    expect(handleMessage({ type: 'hideBarOnSite', payload: {} }, page)).toBeUndefined();
  });
});
