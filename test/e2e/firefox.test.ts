/**
 * The production Firefox build in real Firefox ESR: installed as a temporary add-on, its popup
 * page opened in a tab, with every data source unreachable (see support/firefox.ts). What a
 * user would see then is the watchlist without prices and a sentence saying the portal is
 * unreachable; nothing here builds, it tests whatever `npm run build:firefox` left in dist/.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID, launchFirefox, type FirefoxHandle } from './support/firefox';

const DIST = fileURLToPath(new URL('../../dist/firefox/', import.meta.url));
const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const POPUP_PATH = 'src/popup/index.html';

/** How long the background may take to fail its first refresh and the popup to show it. */
const SETTLE_TIMEOUT_MS = 30_000;

const DEFAULT_WATCHLIST = [
  'BAFL', 'BIPL', 'BOP', 'CNERGY', 'DFML', 'DGKC', 'FABL', 'FCCL', 'FFL', 'GGL',
  'HBL', 'HUBC', 'HUMNL', 'KEL', 'LOTCHEM', 'MLCF', 'OGDC', 'PAEL', 'PIBTL', 'PIOC',
  'PPL', 'PRL', 'SILK', 'SNGP', 'SSGC', 'TELE', 'TPLP', 'TRG', 'UNITY', 'WTL',
];

/** What the popup shows, as plain data so it crosses Marionette unchanged. */
type PopupState = {
  url: string;
  /** When the page started loading (epoch ms), to place it before or after the background's write. */
  openedAt: number;
  hasMain: boolean;
  headings: string[];
  quotes: { symbol: string | null; price: string | null }[];
  notices: { className: string; text: string }[];
};

const READ_POPUP = `
  const text = (el) => (el?.textContent ?? '').trim();
  return {
    url: location.href,
    openedAt: Math.round(performance.timeOrigin),
    hasMain: document.querySelector('main.popup') !== null,
    headings: Array.from(document.querySelectorAll('h1'), text),
    quotes: Array.from(document.querySelectorAll('li.quote'), (li) => ({
      symbol: li.getAttribute('data-symbol'),
      price: li.querySelector('.quote__price') ? text(li.querySelector('.quote__price')) : null,
    })),
    notices: Array.from(document.querySelectorAll('p.notice'), (p) => ({ className: p.className, text: text(p) })),
  };
`;

/**
 * The stored snapshot, read through the page's own extension API, for failure messages only;
 * JSON so it crosses Marionette as one string whatever it holds.
 */
const READ_SNAPSHOT = `
  if (!window.browser?.storage) return 'browser.storage is not available to the page';
  return window.browser.storage.local.get('market').then((r) => JSON.stringify(r), (e) => 'storage error: ' + e);
`;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Names and mtimes of the build's files. Another build writing dist/ while Firefox reads it
 * (vite empties the folder first) fails the run in confusing ways; this lets the failure say so.
 */
function distFingerprint(): string {
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => `${name}@${statSync(`${DIST}${name}`, { throwIfNoEntry: false })?.mtimeMs ?? 'gone'}`)
    .join('\n');
}

function rebuiltNote(before: string | undefined): string {
  if (before === undefined) return '';
  let now: string;
  try {
    now = distFingerprint();
  } catch {
    now = '';
  }
  return now === before ? '' : `\nnote: ${DIST} changed during this run (a concurrent build?); results are not trustworthy`;
}

/** Where the background's write fell relative to the page's start, the clue to a missed update. */
function timingNote(state: PopupState, snapshotJson: string): string {
  try {
    const parsed: unknown = JSON.parse(snapshotJson);
    const snapshot = (parsed as { market?: { value?: { updatedAt?: unknown } } }).market?.value;
    if (typeof snapshot?.updatedAt !== 'number') return '';
    return `\nsnapshot written ${snapshot.updatedAt - state.openedAt} ms after the popup page started loading`;
  } catch {
    return '';
  }
}

describe('Firefox ESR, production build', () => {
  let firefox: FirefoxHandle | undefined;
  let addonId: string | undefined;
  let distBefore: string | undefined;

  beforeAll(async () => {
    if (!existsSync(`${DIST}manifest.json`)) {
      throw new Error(`${DIST} has no manifest.json; run \`npm run build:firefox\` before the e2e tests`);
    }
    distBefore = distFingerprint();
    firefox = await launchFirefox();
    try {
      addonId = await firefox.client.installAddon(DIST.replace(/\/$/, ''), true);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}${rebuiltNote(distBefore)}`, { cause: error });
    }
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('installs temporarily under its gecko id', () => {
    expect(addonId).toBe(EXTENSION_ID);
  });

  it('opens the popup and says the data portal is unreachable', async () => {
    if (firefox === undefined) throw new Error('Firefox did not start');
    const { client } = firefox;
    await client.navigate(`${firefox.extensionBaseUrl}${POPUP_PATH}`).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}${rebuiltNote(distBefore)}`, { cause: error });
    });

    // The popup draws from storage at once and redraws when the background's first refresh
    // (started by onInstalled) records its failures; wait for that second picture.
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let state = await client.executeScript<PopupState>(READ_POPUP);
    while (!state.notices.some((n) => n.className.includes('notice--unreachable')) && Date.now() < deadline) {
      await delay(250);
      state = await client.executeScript<PopupState>(READ_POPUP);
    }

    await saveScreenshot(firefox);

    if (!state.notices.some((n) => n.className.includes('notice--unreachable'))) {
      const snapshot = await client.executeScript<string>(READ_SNAPSHOT).catch((e: unknown) => `unreadable: ${String(e)}`);
      throw new Error(
        [
          `no unreachable notice within ${SETTLE_TIMEOUT_MS} ms`,
          `popup: ${JSON.stringify(state)}`,
          `storage.local snapshot: ${snapshot}${timingNote(state, snapshot)}`,
          `firefox stderr (tail): ${firefox.stderr().slice(-4_000)}${rebuiltNote(distBefore)}`,
        ].join('\n'),
      );
    }

    expect(state.hasMain, 'main.popup rendered').toBe(true);
    expect(state.headings).toContain('PSX');

    expect(state.quotes.map((q) => q.symbol)).toEqual(DEFAULT_WATCHLIST);
    for (const quote of state.quotes) {
      expect(quote.price, `price shown for ${quote.symbol}`).toBe('—');
    }

    const unreachable = state.notices.filter((n) => n.className.split(/\s+/).includes('notice--unreachable'));
    expect(unreachable).toHaveLength(1);
    expect(unreachable[0]?.text).toContain('unreachable');
  });
});

/** Best effort: a screenshot helps whoever reads a failure, but its absence fails nothing. */
async function saveScreenshot(firefox: FirefoxHandle): Promise<void> {
  try {
    const png = await firefox.client.takeScreenshot();
    await mkdir(RESULTS, { recursive: true });
    await writeFile(`${RESULTS}firefox-popup.png`, Buffer.from(png, 'base64'));
  } catch (error) {
    console.warn(`no screenshot of the popup: ${error instanceof Error ? error.message : String(error)}`);
  }
}
