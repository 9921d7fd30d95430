/**
 * The options page's Data section in the production Chrome build: export a backup, change the
 * data in the popup, import the backup back after a preview that changes nothing by itself;
 * replace the watchlist from a CSV with an unknown symbol and a malformed line; refuse a backup
 * from a newer version. Every state is asserted where the user sees it (popup, options page)
 * and where the extension keeps it (storage, read from the service worker).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, launchChromiumWithExtension, type ExtensionSession, waitForPrices } from './support/chromium';
import { BR30, fixture, tradingDayFixtures, URLS } from './support/fixtures';
import { extensionWorker } from './support/worker';

const OUT = path.resolve('test-results', 'options-data');

/** The slice of the worker's `chrome` global used here (these callbacks run inside the worker). */
declare const chrome: {
  storage: {
    local: { get(keys: string[]): Promise<Record<string, unknown>> };
    sync: { get(keys: string[]): Promise<Record<string, unknown>> };
    onChanged: {
      addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
      removeListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    };
  };
};

interface BackupFile {
  format: string;
  version: number;
  exportedAt: string;
  app: string;
  data: { settings: { watchlist: string[]; privacy: boolean } & Record<string, unknown>; alerts?: unknown };
}

/**
 * The fixture directory lists six instruments; the real one lists every PSX symbol. A backup's
 * watchlist is checked against the directory, so the directory served here lists the whole
 * default watchlist too, as the real one does (and not NOSUCHSYM).
 */
function fullDirectory(): unknown[] {
  const listed = JSON.parse(fixture('psx/symbols.json')) as { symbol: string }[];
  const have = new Set(listed.map((i) => i.symbol));
  const more = BR30.filter((s) => !have.has(s)).map((symbol) => ({
    symbol,
    name: `${symbol} Limited`,
    sectorName: 'TEST SECTOR',
    isETF: false,
    isDebt: false,
    isGEM: false,
  }));
  return [...listed, ...more];
}

const rows = (page: Page): Promise<string[]> =>
  page.$$eval('li.quote', (items) => items.map((li) => li.getAttribute('data-symbol') ?? ''));

interface StoredSettings {
  /** `pending:watchlist` (local) over `watchlist` (sync), unwrapped; undefined when neither exists. */
  watchlist: string[] | undefined;
  privacy: boolean | undefined;
}

describe('Chromium: options page, export and import', () => {
  let session: ExtensionSession;
  let buildCopy: string;
  let popup: Page;
  let options: Page;
  let original: string[];
  let backupPath: string;
  let backupName: string;
  let appVersion: string;

  /** The settings as the extension reads them: the local pending copy first, then sync. */
  const stored = async (): Promise<StoredSettings> => {
    const worker = await extensionWorker(session);
    return worker.evaluate(async () => {
      type Envelope = { $v: number; value: unknown };
      const local = await chrome.storage.local.get(['pending:watchlist', 'pending:prefs']);
      const sync = await chrome.storage.sync.get(['watchlist', 'prefs']);
      const watchlist = (local['pending:watchlist'] ?? sync['watchlist']) as Envelope | undefined;
      const prefs = (local['pending:prefs'] ?? sync['prefs']) as Envelope | undefined;
      return {
        watchlist: watchlist?.value as string[] | undefined,
        privacy: (prefs?.value as { privacy?: boolean } | undefined)?.privacy,
      };
    });
  };

  const privacyButton = (): Locator => popup.getByRole('button', { name: 'Privacy mode' });
  const privacyBox = (): Locator => options.getByRole('checkbox', { name: /Privacy mode/ });
  const fileInput = (): Locator => options.getByLabel('Import…');
  const preview = (): Locator => options.getByRole('group', { name: /^Import preview/ });
  const texts = (page: Page, selector: string): Promise<string[]> =>
    page.$$eval(selector, (items) => items.map((li) => (li.textContent ?? '').trim()));

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    // A private copy of the build: dist/ may be rebuilt by others while this file runs, and
    // the options page loads its hashed bundles lazily.
    buildCopy = mkdtempSync(path.join(tmpdir(), 'psx-e2e-options-build-'));
    cpSync(CHROME_BUILD, buildCopy, { recursive: true });
    appVersion = (JSON.parse(readFileSync(path.join(buildCopy, 'manifest.json'), 'utf8')) as { version: string }).version;
    const directory = fullDirectory();
    session = await launchChromiumWithExtension(
      { ...tradingDayFixtures(), [URLS.symbols]: { body: JSON.stringify(directory), contentType: 'application/json' } },
      buildCopy,
    );
    popup = await session.openPopup();
    await waitForPrices(popup);
    // The install-time refresh has stored the directory: the options page can check symbols.
    const worker = await extensionWorker(session);
    const listed = await worker.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const count = (found: unknown): number => (found as { value?: { instruments?: unknown[] } } | undefined)?.value?.instruments?.length ?? 0;
          const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
            if (area !== 'local' || count(changes['symbols']?.newValue) === 0) return;
            chrome.storage.onChanged.removeListener(listener);
            resolve(count(changes['symbols']?.newValue));
          };
          // Listening first, then reading: a write in between is seen by one or the other.
          chrome.storage.onChanged.addListener(listener);
          void chrome.storage.local.get(['symbols']).then((stored) => {
            if (count(stored['symbols']) === 0) return;
            chrome.storage.onChanged.removeListener(listener);
            resolve(count(stored['symbols']));
          });
        }),
    );
    expect(listed).toBe(directory.length);
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    await options.getByRole('heading', { name: 'Data', level: 2 }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
    if (buildCopy) rmSync(buildCopy, { recursive: true, force: true });
  });

  it('exports every setting as a versioned backup', async () => {
    original = await rows(popup);
    expect(original).toEqual(BR30);
    expect(await privacyBox().isChecked()).toBe(false);

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export all data (JSON)' }).click(),
    ]);
    backupName = download.suggestedFilename();
    expect(backupName).toMatch(/^psx-overlay-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = path.join(OUT, backupName);
    await download.saveAs(backupPath);
    expect(await download.failure()).toBeNull();

    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as BackupFile;
    expect(backup.format).toBe('psx-market-overlay-backup');
    expect(backup.version).toBe(2);
    // No alerts set yet: the file says so rather than leaving them out.
    expect(backup.data.alerts).toEqual({ rules: [] });
    expect(backup.app).toBe(appVersion);
    expect(Number.isNaN(Date.parse(backup.exportedAt))).toBe(false);
    expect(backup.data.settings.watchlist).toEqual(original);
    expect(backup.data.settings.privacy).toBe(false);
    // The storage layout's version is not the user's data.
    expect(backup.data.settings).not.toHaveProperty('version');
    await options.getByRole('status').filter({ hasText: `Exported all data as ${backupName}.` }).waitFor();
  });

  it('takes the changes made in the popup', async () => {
    await popup.locator('li.quote[data-symbol="KEL"]').focus();
    await popup.keyboard.press('Delete');
    await expect.poll(async () => (await rows(popup)).includes('KEL')).toBe(false);
    await privacyButton().click();
    await popup.locator('main.popup--private').waitFor();
    expect(await privacyButton().getAttribute('aria-pressed')).toBe('true');

    // Both edits are in storage, and the options page follows them.
    await expect.poll(stored).toEqual({ watchlist: original.filter((s) => s !== 'KEL'), privacy: true });
    await options.getByRole('checkbox', { name: /Privacy mode/, checked: true }).waitFor();
  });

  it('previews a backup without changing anything, then imports it on confirmation', async () => {
    await fileInput().setInputFiles(backupPath);
    await preview().waitFor();
    expect(await preview().getByRole('heading').textContent()).toBe(`Import preview: ${backupName}`);
    expect(await texts(options, '.data__changes li')).toEqual(['Watchlist: adds KEL; order unchanged.', 'Privacy mode: on → off.']);
    expect(await options.locator('.data__warnings').count()).toBe(0);
    await options.screenshot({ path: path.join(OUT, 'import-preview.png'), fullPage: true });

    // Nothing has changed yet: not on screen, not in storage.
    const edited = original.filter((s) => s !== 'KEL');
    expect(await rows(popup)).toEqual(edited);
    expect(await privacyButton().getAttribute('aria-pressed')).toBe('true');
    expect(await privacyBox().isChecked()).toBe(true);
    const before = await stored();
    expect(before.watchlist).toEqual(edited);
    expect(before.watchlist).not.toContain('KEL');
    expect(before.privacy).toBe(true);

    await preview().getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByRole('status').filter({ hasText: `Imported ${backupName}: 2 settings changed.` }).waitFor();
    expect(await preview().count()).toBe(0);

    // KEL is back where it was, and privacy is off, in the popup and in storage.
    await expect.poll(() => rows(popup)).toEqual(original);
    await popup.locator('main.popup:not(.popup--private)').waitFor();
    expect(await privacyButton().getAttribute('aria-pressed')).toBe('false');
    await options.getByRole('checkbox', { name: /Privacy mode/, checked: false }).waitFor();
    expect(await stored()).toEqual({ watchlist: original, privacy: false });
  });

  it('replaces the watchlist from a CSV, naming the unknown symbol and the malformed line', async () => {
    const csvPath = path.join(OUT, 'watchlist.csv');
    writeFileSync(csvPath, 'symbol\nHUBC\nNOSUCHSYM\nbad line!\nOGDC\n');
    await fileInput().setInputFiles(csvPath);
    await preview().waitFor();
    expect(await preview().getByRole('heading').textContent()).toBe('Import preview: watchlist.csv');
    const removed = original.filter((s) => s !== 'HUBC' && s !== 'OGDC');
    expect(await texts(options, '.data__changes li')).toEqual([`Watchlist: removes ${removed.join(', ')}; order unchanged.`]);
    expect(await texts(options, '.data__warnings li')).toEqual([
      'NOSUCHSYM is not listed on PSX, so it is not imported.',
      'Skipped line 4 (“bad line!”): not a symbol.',
    ]);
    expect(await rows(popup)).toEqual(original);

    await preview().getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByRole('status').filter({ hasText: 'Imported watchlist.csv: 1 setting changed.' }).waitFor();
    await expect.poll(() => rows(popup)).toEqual(['HUBC', 'OGDC']);
    // A CSV replaces the watchlist only.
    expect(await stored()).toEqual({ watchlist: ['HUBC', 'OGDC'], privacy: false });
  });

  it('refuses a backup from a newer version and changes nothing', async () => {
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as BackupFile;
    // Would change both the watchlist and privacy, were it read.
    const newer = { ...backup, version: 3, data: { ...backup.data, settings: { ...backup.data.settings, privacy: true } } };
    const newerPath = path.join(OUT, 'newer-backup.json');
    writeFileSync(newerPath, `${JSON.stringify(newer, null, 2)}\n`);
    await fileInput().setInputFiles(newerPath);

    const sentence =
      'This file was made by a newer version of PSX Market Overlay (backup version 3). Update the extension to import it.';
    await options.getByRole('alert').filter({ hasText: sentence }).waitFor();
    expect((await options.getByRole('alert').textContent())?.trim()).toBe(sentence);
    expect(await preview().count()).toBe(0);
    expect(await options.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await options.screenshot({ path: path.join(OUT, 'newer-version.png'), fullPage: true });

    expect(await rows(popup)).toEqual(['HUBC', 'OGDC']);
    expect(await privacyButton().getAttribute('aria-pressed')).toBe('false');
    expect(await privacyBox().isChecked()).toBe(false);
    expect(await stored()).toEqual({ watchlist: ['HUBC', 'OGDC'], privacy: false });
  });
});
