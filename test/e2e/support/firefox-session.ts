/**
 * Firefox ESR with a private copy of the production Firefox build installed and the sources'
 * real URLs answered from fixtures through the loopback proxy (support/firefox-fixtures.ts).
 * The copy is byte for byte dist/firefox unless a test asks for a permission to be granted in
 * its manifest, as support/granted-build.ts does for Chrome; it exists so a concurrent build
 * cannot pull the lazily loaded bundles from under a running test.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FixtureTable } from './chromium';
import { EXTENSION_ID, launchFirefox, type FirefoxHandle, type PrefValue } from './firefox';
import { startFixtureProxy, type FixtureProxy } from './firefox-fixtures';
import type { JsonValue } from './marionette';

export const FIREFOX_BUILD = path.resolve('dist/firefox');
export const POPUP_PATH = 'src/popup/index.html';
export const OPTIONS_PATH = 'src/options/index.html';

export interface FirefoxGrants {
  /** All sites, as the bar's switch asks for. */
  sites?: boolean;
  notifications?: boolean;
}

export interface FirefoxSession {
  firefox: FirefoxHandle;
  proxy: FixtureProxy;
  build: string;
  extensionBaseUrl: string;
  /** Opens an extension page (`src/popup/index.html`, …) in the current tab. */
  openExtensionPage(pagePath: string): Promise<void>;
  /** Clicks the first element matching `selector` in the current tab, as trusted user input. */
  click(selector: string): Promise<void>;
  /** Types into the first element matching `selector` in the current tab (after emptying it, with `clear`). */
  type(selector: string, text: string, options?: { clear?: boolean }): Promise<void>;
  /** Runs `script` (a function body) in the current tab until `done` holds for what it returns. */
  until<T extends JsonValue>(script: string, done: (value: T) => boolean, failure: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** A copy of dist/firefox, its manifest granting what is asked (nothing else differs). */
export function firefoxBuildCopy(grants: FirefoxGrants = {}): string {
  if (!existsSync(path.join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`${FIREFOX_BUILD} has no manifest.json; run \`npm run build:firefox\` before the e2e tests`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'psx-e2e-firefox-build-'));
  cpSync(FIREFOX_BUILD, dir, { recursive: true });
  if (grants.sites || grants.notifications) {
    const file = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions: string[]; permissions: string[] };
    if (grants.sites) manifest.host_permissions = [...manifest.host_permissions, 'https://*/*', 'http://*/*'];
    if (grants.notifications) manifest.permissions = [...manifest.permissions, 'notifications'];
    writeFileSync(file, JSON.stringify(manifest, null, 2));
  }
  return dir;
}

/** The background's record of each source, for failure messages (JSON, whatever it holds). */
const READ_SOURCES = `
  if (!window.browser?.storage) return 'no browser.storage on ' + location.href;
  return browser.storage.local.get('market').then((r) => JSON.stringify(r.market?.value?.sources ?? r), (e) => 'storage error: ' + e);
`;

/** Firefox's own background traffic (Remote Settings and the like), left out of failure messages. */
const isMozillaService = (url: string): boolean => /^https:\/\/[^/]*\.(mozilla\.(com|net|org)|firefox\.com)\//.test(url);

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function launchFirefoxWithFixtures(
  fixtures: FixtureTable,
  options: { grants?: FirefoxGrants; prefs?: Record<string, PrefValue>; env?: Record<string, string>; /** Install this package (a zip) as it is, instead of a copy of dist/firefox. */ addon?: string } = {},
): Promise<FirefoxSession> {
  const build = options.addon ?? firefoxBuildCopy(options.grants);
  const proxy = await startFixtureProxy(fixtures);
  let firefox: FirefoxHandle | undefined;
  const cleanUp = async (): Promise<void> => {
    await firefox?.close();
    await proxy.close();
    if (!options.addon) rmSync(build, { recursive: true, force: true });
  };
  try {
    firefox = await launchFirefox({
      proxyPort: proxy.port,
      acceptInsecureCerts: true,
      ...(options.prefs ? { prefs: options.prefs } : {}),
      ...(options.env ? { env: options.env } : {}),
    });
    const id = await firefox.client.installAddon(build, true);
    if (id !== EXTENSION_ID) throw new Error(`installed as ${id}, not ${EXTENSION_ID}`);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const handle = firefox;
  return {
    firefox: handle,
    proxy,
    build,
    extensionBaseUrl: handle.extensionBaseUrl,
    click: async (selector) => handle.client.elementClick(await handle.client.findElement(selector)),
    type: async (selector, text, { clear = false } = {}) => {
      const element = await handle.client.findElement(selector);
      if (clear) await handle.client.elementClear(element);
      await handle.client.elementSendKeys(element, text);
    },
    openExtensionPage: (pagePath) => handle.client.navigate(`${handle.extensionBaseUrl}${pagePath}`),
    async until<T extends JsonValue>(script: string, done: (value: T) => boolean, failure: string, timeoutMs = 20_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await handle.client.executeScript<T>(script);
        if (done(value)) return value;
        if (Date.now() > deadline) {
          const storage = await handle.client
            .executeScript<string>(READ_SOURCES)
            .catch((e: unknown) => `unreadable: ${String(e)}`);
          throw new Error(
            [
              `${failure} within ${timeoutMs} ms; last read: ${JSON.stringify(value)}`,
              `requests through the proxy: ${JSON.stringify(proxy.requests.map((r) => r.url).filter((u) => !isMozillaService(u)))}`,
              `failed tunnels: ${JSON.stringify(proxy.tunnels.filter((t) => !t.endsWith(' ok')))}`,
              `stored source health: ${storage}`,
              `firefox stderr (tail): ${handle.stderr().slice(-2_000)}`,
            ].join('\n'),
          );
        }
        await delay(200);
      }
    },
    close: cleanUp,
  };
}
