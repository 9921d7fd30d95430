/**
 * The store packages (issue 14): `node scripts/package.mjs --skip-build` zips what dist/ holds
 * (the e2e project runs after `npm run build`) and writes the source archive. The Chrome zip,
 * unpacked, loads in Chromium and shows prices; the source archive holds what a reviewer needs to
 * rebuild and nothing built or installed. (Installing the Firefox zip in Firefox ESR is another test's.)
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, launchChromiumWithExtension, waitForPrices, type ExtensionSession } from './support/chromium';
import { tradingDayFixtures } from './support/fixtures';
import { launchFirefoxWithFixtures, POPUP_PATH } from './support/firefox-session';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const RELEASE = path.resolve('release');
const archive = (kind: 'chrome' | 'firefox' | 'source'): string => path.join(RELEASE, `${name}-${version}-${kind}.zip`);

/** The `unzip` command, when this machine has one. */
function unzipCommand(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean)) {
    try {
      accessSync(path.join(dir, 'unzip'), constants.X_OK);
      return path.join(dir, 'unzip');
    } catch {
      // not here
    }
  }
  return undefined;
}

interface YauzlEntry {
  fileName: string;
}
interface YauzlZip {
  readEntry(): void;
  on(event: 'entry', listener: (entry: YauzlEntry) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  openReadStream(entry: YauzlEntry, callback: (error: Error | null, stream: Readable) => void): void;
  close(): void;
}
interface Yauzl {
  open(file: string, options: { lazyEntries: boolean }, callback: (error: Error | null, zip: YauzlZip) => void): void;
}

/**
 * Every entry of a zip, in order, and (with `into`) the files written under that directory.
 * `unzip` when present; otherwise yauzl, which web-ext's linter brings into node_modules.
 */
async function readZip(file: string, into?: string): Promise<string[]> {
  const unzip = unzipCommand();
  if (unzip !== undefined) {
    if (into !== undefined) execFileSync(unzip, ['-q', file, '-d', into]);
    return execFileSync(unzip, ['-Z1', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n').filter(Boolean);
  }
  // web-ext ships no types for it: imported by a specifier TypeScript does not resolve.
  const specifier = 'yauzl';
  const yauzl = ((await import(specifier)) as { default: Yauzl }).default;
  const zip = await new Promise<YauzlZip>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  const names: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry) => {
      names.push(entry.fileName);
      const target = into === undefined ? undefined : path.resolve(into, entry.fileName);
      if (target !== undefined && !target.startsWith(path.resolve(into!) + path.sep)) return reject(new Error(`${entry.fileName} leaves the directory`));
      if (target === undefined || entry.fileName.endsWith('/')) {
        if (target !== undefined) mkdirSync(target, { recursive: true });
        zip.readEntry();
        return;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        pipeline(stream, createWriteStream(target)).then(() => zip.readEntry(), reject);
      });
    });
    zip.readEntry();
  });
  zip.close();
  return names;
}

/** Every file under a directory, relative to it, with `/` separators. */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(root, full) : [path.relative(root, full).split(path.sep).join('/')];
  });
}

describe('npm run package, from the current build', () => {
  const unpacked = mkdtempSync(path.join(tmpdir(), 'psx-e2e-package-'));
  let session: ExtensionSession | undefined;

  beforeAll(() => {
    // --allow-dirty: `npm test` runs on working trees too; a fresh clone (CI) is clean anyway.
    execFileSync(process.execPath, ['scripts/package.mjs', '--skip-build', '--allow-dirty'], { stdio: 'pipe' });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    rmSync(unpacked, { recursive: true, force: true });
  });

  it('writes exactly the three archives, named with package.json\'s version', () => {
    expect(readdirSync(RELEASE).sort()).toEqual([`${name}-${version}-chrome.zip`, `${name}-${version}-firefox.zip`, `${name}-${version}-source.zip`]);
  });

  it('the Chrome zip holds the Chrome build, file for file, at the package\'s version', async () => {
    const entries = (await readZip(archive('chrome'), unpacked)).filter((e) => !e.endsWith('/'));
    expect(entries.sort()).toEqual(filesUnder(CHROME_BUILD).sort());
    const manifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as { version?: string; manifest_version?: number };
    expect(manifest).toMatchObject({ version, manifest_version: 3 });
  });

  it('the Chrome zip, unpacked, loads in Chromium and the popup shows prices', async () => {
    session = await launchChromiumWithExtension(tradingDayFixtures(), unpacked);
    const popup = await session.openPopup();
    await waitForPrices(popup);
    expect(await popup.locator('li.quote').count()).toBeGreaterThan(0);
  });

  it('the Firefox zip holds a manifest at the package\'s version, with its gecko id', async () => {
    const entries = await readZip(archive('firefox'));
    expect(entries).toContain('manifest.json');
    const dir = mkdtempSync(path.join(tmpdir(), 'psx-e2e-package-ff-'));
    try {
      await readZip(archive('firefox'), dir);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { version?: string; browser_specific_settings?: { gecko?: { id?: string } } };
      expect(manifest.version).toBe(version);
      expect(manifest.browser_specific_settings?.gecko?.id).toBeTruthy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Firefox zip installs in Firefox ESR as it is, and its popup shows the fixture price', async () => {
    const firefox = await launchFirefoxWithFixtures(tradingDayFixtures(), { addon: archive('firefox') });
    try {
      await firefox.openExtensionPage(POPUP_PATH);
      const price = await firefox.until<string | null>(
        "return document.querySelector('li.quote[data-symbol=\"HUBC\"] .quote__price')?.textContent ?? null;",
        (shown) => shown === '202.71',
        'the installed zip never showed HUBC at 202.71',
      );
      expect(price).toBe('202.71');
    } finally {
      await firefox.close();
    }
  });

  it('the source archive holds what a rebuild needs, and nothing built or installed', async () => {
    const entries = await readZip(archive('source'));
    const prefix = `${name}-${version}/`;
    expect(entries.every((e) => e.startsWith(prefix)), 'every entry under one top directory').toBe(true);
    const inside = entries.map((e) => e.slice(prefix.length));
    for (const needed of ['package.json', 'package-lock.json', 'README.md', 'manifest.json', 'vite.config.ts']) expect(inside).toContain(needed);
    expect(inside.some((e) => e.startsWith('src/') && e.endsWith('.ts'))).toBe(true);
    expect(inside.filter((e) => /(^|\/)(node_modules|dist|release|\.profile)\//.test(e))).toEqual([]);
  });
});
