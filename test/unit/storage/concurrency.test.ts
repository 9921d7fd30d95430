/**
 * Two pages and the background edit the settings at the same moment. Each is its own module
 * instance (`vi.resetModules()` + `import()`), as each extension context is, sharing only what
 * real contexts share: storage and `navigator.locks`. Every edit must survive; without the
 * shared lock, the same interleaving loses some (the control case), so the test can fail.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../src/shared/settings';
import { addSymbol, moveSymbol } from '../../../src/shared/watchlist';
import { installFakeLocks, uninstallFakeLocks } from '../fake-locks';

// The background context only hides sites here; its refresh (network, WIP elsewhere) is not needed.
vi.mock('../../../src/background/refresh', () => ({ refresh: vi.fn(() => Promise.resolve({ fetched: [], failed: [] })) }));

type SettingsModule = typeof import('../../../src/shared/settings-items');
type MessagesModule = typeof import('../../../src/background/messages');

interface Contexts {
  pageA: SettingsModule;
  pageB: SettingsModule;
  background: MessagesModule;
  /** A fresh reader, as a page opened afterwards would be. */
  reader: SettingsModule;
}

/** Each context evaluates its own copy of every module, the storage helpers and locks included. */
async function contexts(): Promise<Contexts> {
  vi.resetModules();
  const pageA = await import('../../../src/shared/settings-items');
  vi.resetModules();
  const pageB = await import('../../../src/shared/settings-items');
  vi.resetModules();
  const background = await import('../../../src/background/messages');
  vi.resetModules();
  const reader = await import('../../../src/shared/settings-items');
  return { pageA, pageB, background, reader };
}

const INITIAL = ['HUBC', 'OGDC', 'PSO', 'POL', 'ENGRO', 'LUCK', 'MCB'];
const ROUNDS = 5;
const ADDS_PER_ROUND = 4;
const HIDES_PER_ROUND = 2;
const SPEEDS: Settings['barSpeed'][] = ['slow', 'fast', 'normal'];

const added = (round: number, k: number): string => `ADD${round}${k}`;
const site = (round: number, k: number): string => `site-${round}-${k}.example.com`;

/** The bar's content script in a top frame of a page of `host`, as the background sees it. */
const barOn = (host: string): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  frameId: 0,
  tab: { id: 1, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false, url: `https://${host}/news/1` },
});

/** One round: page A adds symbols one by one; page B toggles privacy, reorders and sets the bar's speed; the background hides sites. */
async function round(ctx: Contexts, r: number): Promise<void> {
  const pageA = async (): Promise<void> => {
    for (let k = 0; k < ADDS_PER_ROUND; k++) expect(await ctx.pageA.updateSettings((s) => addSymbol(s, added(r, k)))).toMatchObject({ ok: true });
  };
  const pageB = async (): Promise<void> => {
    expect(await ctx.pageB.updateSettings((s) => ({ ...s, privacy: !s.privacy }))).toMatchObject({ ok: true });
    expect(await ctx.pageB.updateSettings((s) => moveSymbol(s, INITIAL[r]!, 0))).toMatchObject({ ok: true });
    expect(await ctx.pageB.updateSettings((s) => ({ ...s, barSpeed: SPEEDS[r % SPEEDS.length]! }))).toMatchObject({ ok: true });
  };
  const background = async (): Promise<void> => {
    for (let k = 0; k < HIDES_PER_ROUND; k++) {
      expect(await ctx.background.handleMessage({ type: 'hideBarOnSite', payload: {} }, barOn(site(r, k)))).toEqual({ ok: true, value: { site: site(r, k) } });
    }
  };
  await Promise.all([pageA(), pageB(), background()]);
}

/** Every edit of every round, as the final settings must show them whatever the interleaving. */
function expectedSettings(): Pick<Settings, 'watchlist' | 'privacy' | 'barSpeed' | 'barHiddenSites'> {
  const movedToFront = INITIAL.slice(0, ROUNDS).reverse();
  const adds = Array.from({ length: ROUNDS }, (_, r) => Array.from({ length: ADDS_PER_ROUND }, (_, k) => added(r, k))).flat();
  return {
    watchlist: [...movedToFront, ...INITIAL.slice(ROUNDS), ...adds],
    privacy: ROUNDS % 2 === 1,
    barSpeed: SPEEDS[(ROUNDS - 1) % SPEEDS.length]!,
    barHiddenSites: Array.from({ length: ROUNDS }, (_, r) => Array.from({ length: HIDES_PER_ROUND }, (_, k) => site(r, k))).flat(),
  };
}

/** The edits the final settings lack. */
function lost(final: Settings): string[] {
  const want = expectedSettings();
  return [
    ...want.watchlist.filter((s) => !final.watchlist.includes(s)).map((s) => `add ${s}`),
    ...(final.watchlist.slice(0, ROUNDS).join() === want.watchlist.slice(0, ROUNDS).join() ? [] : ['a reorder']),
    ...(final.privacy === want.privacy ? [] : ['a privacy toggle']),
    ...want.barHiddenSites.filter((s) => !final.barHiddenSites.includes(s)).map((s) => `hide ${s}`),
    ...(final.barSpeed === want.barSpeed ? [] : ['the bar speed']),
  ];
}

async function run(): Promise<Settings> {
  const ctx = await contexts();
  expect(await ctx.pageA.updateSettings((s) => ({ ...s, watchlist: INITIAL, privacy: false, barHiddenSites: [] }))).toMatchObject({ ok: true });
  for (let r = 0; r < ROUNDS; r++) await round(ctx, r);
  return ctx.reader.readSettings();
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  installFakeLocks();
  vi.restoreAllMocks();
});

describe('two pages and the background editing at once', () => {
  it('are separate module instances, as separate contexts are', async () => {
    const ctx = await contexts();
    expect(ctx.pageA.updateSettings).not.toBe(ctx.pageB.updateSettings);
    expect(ctx.pageA.watchlistItem).not.toBe(ctx.pageB.watchlistItem);
  }, 20_000);

  it('lose nothing: every edit of every round is in the final settings', async () => {
    const final = await run();
    expect(lost(final)).toEqual([]);
    expect(final).toMatchObject(expectedSettings());
  }, 20_000);

  it('control: without the shared lock, the same interleaving loses edits', async () => {
    uninstallFakeLocks();
    expect((globalThis as { navigator?: { locks?: unknown } }).navigator?.locks).toBeUndefined();
    const final = await run();
    expect(lost(final).length).toBeGreaterThan(0);
  }, 20_000);
});
