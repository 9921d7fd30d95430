import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { handleMessage } from '../../../src/background/messages';

vi.mock('../../../src/background/refresh', () => ({
  refresh: vi.fn(() => Promise.resolve({ fetched: ['psx-home'], failed: [], lastReadAt: 1 })),
}));

const self = (): Runtime.MessageSender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/src/popup/index.html') });

describe('handleMessage', () => {
  it('answers refreshNow from the extension itself with a Result', async () => {
    await expect(handleMessage({ type: 'refreshNow', payload: {} }, self())).resolves.toEqual({
      ok: true,
      value: { fetched: ['psx-home'], failed: [], lastReadAt: 1 },
    });
  });

  it.each([
    ['another extension', { type: 'refreshNow', payload: {} }, { id: 'someone-else' }],
    // The ticker bar's content script shares the id but lives in other sites' pages.
    ['our content script in a web page', { type: 'checkFeed', payload: { url: 'http://10.0.0.1/admin' } }, { id: 'test-extension-id', url: 'https://news.example/' }],
    ['an unknown command', { type: 'deleteEverything', payload: {} }, undefined],
    ['a non-object', 'refreshNow', undefined],
  ])('ignores %s', (_name, message, sender) => {
    expect(handleMessage(message, (sender as Runtime.MessageSender | undefined) ?? self())).toBeUndefined();
  });
});

describe('checkFeed', () => {
  const answer = (body: string, status = 200) => vi.fn(() => Promise.resolve(new Response(body, { status })));

  it.each([
    ['a feed', answer('<?xml version="1.0"?><rss version="2.0"><channel><title>Example &amp; Co</title><item><title>A</title><link>https://e.example/a</link></item></channel></rss>'), { ok: true, value: { title: 'Example & Co', stories: 1 } }],
    ['an HTML page', answer('<!doctype html><html><body>Hello</body></html>'), { ok: false, error: 'That address does not serve an RSS or Atom feed.' }],
    ['a 404', answer('gone', 404), { ok: false, error: 'The feed could not be fetched (HTTP 404).' }],
  ])('answers for %s', async (_name, fetchStub, expected) => {
    vi.stubGlobal('fetch', fetchStub);
    await expect(handleMessage({ type: 'checkFeed', payload: { url: 'https://e.example/rss' } }, self())).resolves.toEqual(expected);
    vi.unstubAllGlobals();
  });

  it('refuses a non-http address without fetching it', async () => {
    const fetchStub = vi.fn();
    vi.stubGlobal('fetch', fetchStub);
    await expect(handleMessage({ type: 'checkFeed', payload: { url: 'javascript:alert(1)' } }, self())).resolves.toMatchObject({ ok: false });
    expect(fetchStub).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('ignores a checkFeed without a URL', () => {
    expect(handleMessage({ type: 'checkFeed', payload: {} }, self())).toBeUndefined();
  });
});
