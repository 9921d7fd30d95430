/**
 * Debian Chromium with the production build loaded, and the sources' real URLs answered from
 * fixtures. Routes go in before the extension is loaded (CDP `Extensions.loadUnpacked`), so
 * even the install-time refresh never reaches the network.
 */
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROME_BUILD = path.resolve('dist/chrome');
export const CHROMIUM_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

export interface FixtureResponse {
  status?: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Hold the answer until this settles: a request in flight, for tests that stop the worker. */
  delayUntil?: Promise<void>;
}

/** URL → response, or a function for responses that change between requests. */
export type FixtureTable = Record<string, FixtureResponse | ((request: RecordedRequest) => FixtureResponse)>;

export interface RecordedRequest {
  url: string;
  headers: Record<string, string>;
  at: number;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** Every request the browser tried to send to the outside, fixture or not. */
  requests: RecordedRequest[];
  /** Replace the fixtures served from now on. */
  setFixtures(table: FixtureTable): void;
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Waits until a popup shows the last watchlist row with a price: the install-time refresh has
 * filled storage and the popup has followed it.
 */
export async function waitForPrices(popup: Page): Promise<void> {
  await popup.locator('li.quote[data-symbol="WTL"] .quote__price').filter({ hasText: /\d/ }).waitFor();
}

export interface LaunchOptions {
  /**
   * A profile directory to open, and keep on close: for tests that restart the browser on the
   * same profile (the upgrade test). The caller creates and removes it. Without it, each launch
   * gets a fresh temporary profile that `close()` deletes. Chromium (measured on 156) drops an
   * unpacked extension from the profile when it restarts but keeps its storage, which is keyed by
   * the extension id, and that id derives from the build's path: each launch loads `build` again,
   * and the same path finds the same storage.
   */
  profile?: string;
  /** The browser's UI language (`--lang`, and LANGUAGE for Linux builds that read it): `ur` for issue 13. */
  uiLanguage?: string;
}

export async function launchChromiumWithExtension(
  fixtures: FixtureTable,
  build = CHROME_BUILD,
  options: LaunchOptions = {},
): Promise<ExtensionSession> {
  if (!existsSync(path.join(build, 'manifest.json'))) {
    throw new Error(`${build} is missing: run \`npm run build\` first`);
  }
  const ownProfile = options.profile === undefined;
  const profile = options.profile ?? mkdtempSync(path.join(tmpdir(), 'psx-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 400, height: 600 },
    args: [
      '--enable-unsafe-extension-debugging',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      // Without these Chromium keeps dialling Google's hosts, which this network refuses.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.uiLanguage ? [`--lang=${options.uiLanguage}`] : []),
    ],
    ...(options.uiLanguage ? { env: { ...process.env, LANGUAGE: options.uiLanguage, LANG: `${options.uiLanguage}.UTF-8` }, locale: options.uiLanguage } : {}),
    ignoreDefaultArgs: ['--disable-extensions'],
  });

  const requests: RecordedRequest[] = [];
  let table = fixtures;
  const answer = async (route: Route): Promise<void> => {
    const request = route.request();
    const recorded = { url: request.url(), headers: await request.allHeaders(), at: Date.now() };
    requests.push(recorded);
    const entry = table[recorded.url];
    if (entry === undefined) {
      // No test touches the network: anything without a fixture fails like an unreachable host.
      await route.abort('internetdisconnected');
      return;
    }
    const response = typeof entry === 'function' ? entry(recorded) : entry;
    if (response.delayUntil) await response.delayUntil;
    await route
      .fulfill({
        status: response.status ?? 200,
        body: response.body,
        contentType: response.contentType ?? 'text/html; charset=utf-8',
        headers: response.headers ?? {},
      })
      // The requester may be gone by now (a stopped worker); that is the point of such tests.
      .catch(() => undefined);
  };
  await context.route('http://**/*', answer);
  await context.route('https://**/*', answer);

  const browser = context.browser();
  if (browser === null) throw new Error('no browser handle for the persistent context');
  const cdp = await browser.newBrowserCDPSession();
  const { id: extensionId } = (await cdp.send('Extensions.loadUnpacked', { path: build })) as { id: string };

  return {
    context,
    extensionId,
    requests,
    setFixtures(next) {
      table = next;
    },
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
      return page;
    },
    async close() {
      await context.close();
      if (ownProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
