import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syncTickerBar } from '../../../src/background/ticker-bar/registration';
import { ALL_SITES, switchBarOff, switchBarOn } from '../../../src/shared/bar-access';
import { readSettings, updateSettings } from '../../../src/shared/settings-items';

vi.mock('../../../src/content/ticker/bar.iife.ts?script', () => ({ default: 'src/content/ticker/bar.iife.js' }));

/**
 * The fake browser models neither permissions nor scripting: both are modelled here as the
 * browser keeps them (a set of granted origins, a registry of content scripts).
 */
function browserState({ userGrants = true } = {}) {
  const granted = new Set<string>(['https://dps.psx.com.pk/*']);
  const registered = new Map<string, { matches: string[]; js: string[] }>();
  const messages: unknown[] = [];
  const injected: number[] = [];
  Object.assign(fakeBrowser.permissions, {
    request: vi.fn(({ origins }: { origins: string[] }) => {
      if (userGrants) origins.forEach((o) => granted.add(o));
      return Promise.resolve(userGrants);
    }),
    remove: vi.fn(({ origins }: { origins: string[] }) => Promise.resolve(origins.map((o) => granted.delete(o)).some(Boolean))),
    getAll: vi.fn(() => Promise.resolve({ origins: [...granted], permissions: [] })),
  });
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: vi.fn(({ ids }: { ids: string[] }) => Promise.resolve(ids.filter((id) => registered.has(id)).map((id) => ({ id, ...registered.get(id) })))),
      registerContentScripts: vi.fn((scripts: { id: string; matches: string[]; js: string[] }[]) => {
        scripts.forEach((s) => registered.set(s.id, s));
        return Promise.resolve();
      }),
      updateContentScripts: vi.fn((scripts: { id: string; matches: string[]; js: string[] }[]) => {
        scripts.forEach((s) => registered.set(s.id, s));
        return Promise.resolve();
      }),
      unregisterContentScripts: vi.fn(({ ids }: { ids: string[] }) => {
        ids.forEach((id) => registered.delete(id));
        return Promise.resolve();
      }),
      executeScript: vi.fn(({ target }: { target: { tabId: number } }) => {
        injected.push(target.tabId);
        return Promise.resolve([]);
      }),
    },
  });
  Object.assign(fakeBrowser.tabs, {
    query: vi.fn(() => Promise.resolve([{ id: 7 }, { id: 9 }])),
    sendMessage: vi.fn((tabId: number, message: unknown) => {
      messages.push([tabId, message]);
      return Promise.resolve();
    }),
  });
  return { granted, registered, messages, injected };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('switching the ticker bar on and off', () => {
  it('granted: registers the content script for the granted sites and injects it into open tabs', async () => {
    const state = browserState();
    expect(await switchBarOn()).toBe(true);
    expect(await syncTickerBar()).toBe('registered');
    expect(state.registered.get('psx-ticker-bar')).toMatchObject({ matches: ALL_SITES, js: ['src/content/ticker/bar.iife.js'], allFrames: false });
    expect(state.injected).toEqual([7, 9]);
    expect((await readSettings()).showBar).toBe(true);
  });

  it('denied: the switch stays off and nothing is registered', async () => {
    const state = browserState({ userGrants: false });
    expect(await switchBarOn()).toBe(false);
    expect(await syncTickerBar()).toBe('unregistered');
    expect(state.registered.size).toBe(0);
    expect((await readSettings()).showBar).toBe(false);
  });

  it('revoked later: the registration goes and open tabs are told to remove the bar', async () => {
    const state = browserState();
    await switchBarOn();
    await syncTickerBar();
    // The user revokes "access to all sites" in the browser's own settings.
    ALL_SITES.forEach((o) => state.granted.delete(o));
    expect(await syncTickerBar()).toBe('unregistered');
    expect(state.registered.size).toBe(0);
    expect(state.messages).toEqual([
      [7, { type: 'removeBar' }],
      [9, { type: 'removeBar' }],
    ]);
  });

  it('off: clears the switch and gives the access back', async () => {
    const state = browserState();
    await switchBarOn();
    await syncTickerBar();
    await switchBarOff();
    expect(await syncTickerBar()).toBe('unregistered');
    expect([...state.granted]).toEqual(['https://dps.psx.com.pk/*']);
    expect((await readSettings()).showBar).toBe(false);
  });

  it('this site only: the script matches that one origin', async () => {
    const state = browserState();
    expect(await switchBarOn(['https://news.example/*'])).toBe(true);
    expect(await syncTickerBar()).toBe('registered');
    expect(state.registered.get('psx-ticker-bar')?.matches).toEqual(['https://news.example/*']);
  });

  it("does not use a feed's site grant for the bar", async () => {
    const state = browserState();
    state.granted.add('https://example.com/*');
    await updateSettings((s) => ({ ...s, showBar: true }));
    expect(await syncTickerBar()).toBe('unregistered');
  });
});
