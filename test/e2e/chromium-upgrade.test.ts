/**
 * A user's watchlist and settings survive the update from the shipped 0.1.0
 * (test/fixtures/builds/chrome-0.1.0) to the current dist/chrome. The user shapes the list in
 * 0.1.0's popup; then the files of the same unpacked extension directory are replaced by the
 * current build, and the current build must show the same list in the same order.
 *
 * The extension id of an unpacked extension derives from its directory's path, and storage is
 * kept by id: both builds are loaded from one temporary directory so they share it.
 *
 * Two ways the new files get loaded, because Chromium (measured on 156) treats them differently:
 * - in place, while the browser runs: loading the same directory again reloads the extension,
 *   a new worker replaces the old, and `runtime.onInstalled` says "update" with the previous
 *   version, as a store update does;
 * - across a browser restart on the same profile: Chromium forgets an unpacked extension when it
 *   restarts (its storage stays), so the new build is loaded afresh and `runtime.onInstalled`
 *   says "install" over 0.1.0's storage. Left alone, the profile's service worker store would
 *   also start 0.1.0's cached worker scripts (even under a new manifest version), so that store
 *   is removed between the runs; the test then checks which scripts the running worker has.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROME_BUILD, launchChromiumWithExtension, type ExtensionSession, waitForPrices } from './support/chromium';
import { tradingDayFixtures } from './support/fixtures';
import { extensionWorker } from './support/worker';

const SHIPPED_BUILD = path.resolve('test/fixtures/builds/chrome-0.1.0');
const SHIPPED_VERSION = '0.1.0';
const SCREENSHOTS = path.resolve('test-results');
const PACKAGE_VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** The slice of the worker's `chrome` global used here (these callbacks run inside the worker). */
declare const chrome: {
  runtime: { getManifest(): Record<string, unknown> };
  storage: { sync: { get(key: string): Promise<Record<string, unknown>> } };
};

/** The build's manifest as the browser reports it: its `__MSG_…__` names filled from the English locale. */
const readManifest = (build: string): Record<string, unknown> => {
  const messages = existsSync(path.join(build, '_locales/en/messages.json'))
    ? (JSON.parse(readFileSync(path.join(build, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>)
    : {};
  const text = readFileSync(path.join(build, 'manifest.json'), 'utf8').replace(/__MSG_(\w+)__/g, (whole, key: string) => messages[key]?.message ?? whole);
  return JSON.parse(text) as Record<string, unknown>;
};

const rows = (page: Page): Promise<string[]> =>
  page.$$eval('li.quote[data-symbol]', (items) => items.map((li) => li.getAttribute('data-symbol') ?? ''));

/** One hash over every file's relative path and content: equal trees, equal digests. */
function treeDigest(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  for (const file of files) {
    hash.update(`${file}\0${createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex')}\n`);
  }
  return hash.digest('hex');
}

/** Puts a build's files in `dir`, replacing what was there; the path, and so the id, stays. */
function installBuild(build: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(build, dir, { recursive: true });
}

/** Copies the current build into `dir` and checks the copy is whole. */
function installCurrentBuild(dir: string): void {
  if (!existsSync(path.join(CHROME_BUILD, 'manifest.json'))) {
    throw new Error(`${CHROME_BUILD} is missing: run \`npm run build\` first`);
  }
  const digest = treeDigest(CHROME_BUILD);
  installBuild(CHROME_BUILD, dir);
  expect(treeDigest(dir)).toBe(digest);
}

interface WorkerMessage {
  id?: number;
  method?: string;
  params?: { scriptId?: string; url?: string };
  result?: { scriptSource?: string };
  error?: { message: string };
}

/**
 * The extension's scripts as the running service worker has them, by path inside the
 * extension, read through the DevTools debugger. Files served from disk can be new while the
 * worker still runs cached old code; only this shows what runs. Playwright's CDP sessions send
 * no session id, so the worker is reached through the non-flat attach, every command wrapped in
 * `Target.sendMessageToTarget`.
 */
async function workerScripts(session: ExtensionSession): Promise<Map<string, string>> {
  const prefix = `chrome-extension://${session.extensionId}/`;
  const browser = session.context.browser();
  if (!browser) throw new Error('no browser handle for the persistent context');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(prefix));
  if (!target) throw new Error('no extension service worker to read');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });

  const parsed: { scriptId: string; url: string }[] = [];
  const waiting = new Map<number, (message: WorkerMessage) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as WorkerMessage;
    const { scriptId, url } = message.params ?? {};
    if (message.method === 'Debugger.scriptParsed' && scriptId && url?.startsWith(prefix)) parsed.push({ scriptId, url });
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  let lastId = 0;
  const call = async (method: string, params: Record<string, unknown> = {}): Promise<WorkerMessage> => {
    const id = ++lastId;
    const answer = new Promise<WorkerMessage>((resolve) => waiting.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const message = await answer;
    if (message.error) throw new Error(`${method} in the worker: ${message.error.message}`);
    return message;
  };

  // The debugger reports every script already parsed before it answers `enable`.
  await call('Debugger.enable');
  const scripts = new Map<string, string>();
  for (const { scriptId, url } of parsed) {
    const { result } = await call('Debugger.getScriptSource', { scriptId });
    scripts.set(url.slice(prefix.length), result?.scriptSource ?? '');
  }
  await call('Debugger.disable');
  await cdp.send('Target.detachFromTarget', { sessionId });
  await cdp.detach();
  return scripts;
}

/** The running worker is `build`'s: its manifest, and every script it loaded equal to the file. */
async function expectRunning(session: ExtensionSession, worker: Worker, build: string): Promise<Record<string, unknown>> {
  // A localised extension's manifest also says which locale the browser chose.
  const { current_locale: _chosen, ...manifest } = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest).toEqual(readManifest(build));
  const scripts = await workerScripts(session);
  expect([...scripts.keys()]).toContain('service-worker-loader.js');
  for (const [file, source] of scripts) {
    expect(source, `the running worker's ${file}`).toBe(readFileSync(path.join(build, file), 'utf8'));
  }
  return manifest;
}

/** What 0.1.0 keeps in storage.sync (its layout, fixed forever by the shipped build). */
async function shippedSettings(worker: Worker): Promise<{ watchlist: unknown; privacy: unknown }> {
  const stored = await worker.evaluate(async () => (await chrome.storage.sync.get('settings'))['settings']);
  const settings = (stored ?? {}) as Record<string, unknown>;
  return { watchlist: settings['watchlist'], privacy: settings['privacy'] };
}

/**
 * The edits of chromium-popup.test.ts, through 0.1.0's popup: add MZNPETF with the keyboard,
 * two places up with Alt+↑, remove KEL with Delete; then privacy mode on. Returns the rows.
 */
async function shapeWatchlist(popup: Page): Promise<string[]> {
  const box = popup.getByRole('combobox', { name: 'Add symbol' });
  await box.click();
  await box.pressSequentially('etf');
  await popup.getByRole('option', { name: /MZNPETF/ }).waitFor();
  await box.press('Enter');
  await popup.locator('li.quote[data-symbol="MZNPETF"]').waitFor();

  await popup.locator('li.quote[data-symbol="MZNPETF"]').focus();
  await popup.keyboard.press('Alt+ArrowUp');
  await popup.keyboard.press('Alt+ArrowUp');
  await expect.poll(async () => (await rows(popup)).slice(-3)).toEqual(['MZNPETF', 'UNITY', 'WTL']);

  await popup.locator('li.quote[data-symbol="KEL"]').focus();
  await popup.keyboard.press('Delete');
  await expect.poll(async () => (await rows(popup)).includes('KEL')).toBe(false);

  await popup.getByRole('button', { name: 'Privacy mode' }).click();
  await popup.getByRole('button', { name: 'Privacy mode', pressed: true }).waitFor();
  return rows(popup);
}

/**
 * Opens the popup with its page-local copy of the last frame removed. The popup draws its first
 * frame from a copy of storage in its own localStorage, which lives in the profile whatever
 * happens to extension storage: without this, the old list could be on screen even if the new
 * build had lost it. The page records, before any of its scripts run, how many entries its
 * localStorage held, so the test can assert it drew from nothing but extension storage.
 */
async function openPopupFromStorageOnly(session: ExtensionSession): Promise<Page> {
  const origin = `chrome-extension://${session.extensionId}`;
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'local_storage' });
  await cdp.detach();
  await page.addInitScript(() => {
    (window as unknown as { copiesAtStart: number }).copiesAtStart = localStorage.length;
  });
  await page.goto(`${origin}/src/popup/index.html`);
  expect(await page.evaluate(() => (window as unknown as { copiesAtStart: number }).copiesAtStart)).toBe(0);
  return page;
}

/** The new build's popup shows the user's list, in order, with privacy mode still on. */
async function expectShapedPopup(session: ExtensionSession, expected: string[], screenshot: string): Promise<void> {
  const popup = await openPopupFromStorageOnly(session);
  // MZNPETF is in no default list: once it is there, the popup has read the user's settings.
  await popup.locator('li.quote[data-symbol="MZNPETF"]').waitFor();
  await waitForPrices(popup);
  expect(await rows(popup)).toEqual(expected);
  expect(await popup.getByRole('button', { name: 'Privacy mode' }).getAttribute('aria-pressed')).toBe('true');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await popup.screenshot({ path: path.join(SCREENSHOTS, screenshot) });
}

/**
 * The new worker reports package.json's version; the old one reported 0.1.0. So the two runs'
 * versions differ exactly when package.json has moved on (the scripts, checked apart, differ
 * whenever the code does).
 */
function expectCurrentVersion(current: Record<string, unknown>): void {
  expect(current['version']).toBe(PACKAGE_VERSION);
}

describe('Chromium: upgrading from 0.1.0 keeps the watchlist', () => {
  let session: ExtensionSession | undefined;
  const temporary: string[] = [];
  const tempDir = (prefix: string): string => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    temporary.push(dir);
    return dir;
  };

  afterEach(async () => {
    await session?.close();
    session = undefined;
    for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** 0.1.0 loaded from `dir`, the watchlist shaped in its popup and saved; returns the rows. */
  async function shapeInShippedBuild(dir: string, profile?: string): Promise<{ live: ExtensionSession; expected: string[] }> {
    installBuild(SHIPPED_BUILD, dir);
    const live = await launchChromiumWithExtension(tradingDayFixtures(), dir, profile === undefined ? {} : { profile });
    session = live;
    const worker = await extensionWorker(live);
    expect((await expectRunning(live, worker, SHIPPED_BUILD))['version']).toBe(SHIPPED_VERSION);

    const popup = await live.openPopup();
    await waitForPrices(popup);
    const expected = await shapeWatchlist(popup);
    expect(expected).toContain('MZNPETF');
    expect(expected).not.toContain('KEL');
    expect(expected).toHaveLength(30);
    // Closing or updating before the write lands would lose it, and blame the upgrade.
    await expect.poll(() => shippedSettings(worker)).toEqual({ watchlist: expected, privacy: true });
    await popup.close();
    return { live, expected };
  }

  it('in place while the browser runs (a reload, as a store update does)', async () => {
    const dir = tempDir('psx-upgrade-extension-');
    const { live, expected } = await shapeInShippedBuild(dir);
    const old = await extensionWorker(live);
    const oldGone = new Promise<void>((resolve) => old.once('close', () => resolve()));
    installCurrentBuild(dir);

    // Loading an installed unpacked directory again reloads it: a new worker replaces the old.
    const prefix = `chrome-extension://${live.extensionId}/`;
    const replaced = live.context.waitForEvent('serviceworker', { predicate: (w) => w !== old && w.url().startsWith(prefix) });
    const browser = live.context.browser();
    if (!browser) throw new Error('no browser handle for the persistent context');
    const cdp = await browser.newBrowserCDPSession();
    const { id } = (await cdp.send('Extensions.loadUnpacked', { path: dir })) as { id: string };
    await cdp.detach();
    expect(id).toBe(live.extensionId);
    // Read the scripts once the old worker is gone, so only the new one can answer.
    const worker = await replaced;
    await oldGone;

    expectCurrentVersion(await expectRunning(live, worker, CHROME_BUILD));
    await expectShapedPopup(live, expected, 'upgrade-0.1.0-in-place.png');
  });

  it('across a browser restart on the same profile', async () => {
    const dir = tempDir('psx-upgrade-extension-');
    const profile = tempDir('psx-upgrade-profile-');
    const { live, expected } = await shapeInShippedBuild(dir, profile);
    const shippedId = live.extensionId;
    await live.close();
    session = undefined;

    installCurrentBuild(dir);
    // Service worker registrations and their cached scripts only (extension storage lives
    // elsewhere in the profile): kept, they would start 0.1.0's worker under the new files.
    rmSync(path.join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });

    const next = await launchChromiumWithExtension(tradingDayFixtures(), dir, { profile });
    session = next;
    expect(next.extensionId).toBe(shippedId);
    expectCurrentVersion(await expectRunning(next, await extensionWorker(next), CHROME_BUILD));
    await expectShapedPopup(next, expected, 'upgrade-0.1.0-restart.png');
  });
});
