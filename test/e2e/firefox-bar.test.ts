/**
 * The ticker bar of the production Firefox build on a hostile page in Firefox ESR, in a copy of
 * dist/firefox whose manifest already grants all sites (as support/granted-build.ts does for
 * Chrome; nothing else differs). Granting "https://*\/*" at runtime works too but, about one run
 * in four on a loaded 2-core machine, Firefox 153's permissions.request for all sites did not
 * settle within 20 s; the runtime grant is proven on a single site (firefox-options.test.ts) and
 * for notifications (firefox-alerts.test.ts). The switch is still turned on from the popup, and
 * the page's own URL is answered by the fixture proxy like the data hosts. The
 * bar's closed shadow root is read with the system principal (Marionette's `system` sandbox);
 * the page itself cannot see into it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, tradingDayFixtures } from './support/fixtures';
import { launchFirefoxWithFixtures, POPUP_PATH, type FirefoxSession } from './support/firefox-session';

const SITE = 'https://news.example/';

type BarView = {
  /** Whether a `<psx-ticker-bar>` host is in the page at all. */
  host: boolean;
  mode: string | null;
  text: string;
  /** What a page script gets for `host.shadowRoot` (null for a closed root). */
  pageSees: boolean;
  symbolStyle: { color: string; fontSize: string } | null;
};

/** Runs with the system principal: `openOrClosedShadowRoot` is chrome-only. */
const READ_BAR = `
  const host = document.querySelector('psx-ticker-bar');
  if (!host) return { host: false, mode: null, text: '', pageSees: false, symbolStyle: null };
  const root = host.openOrClosedShadowRoot;
  let text = '';
  const walk = (node) => {
    if (node.nodeType === 3) text += node.nodeValue;
    if (node.localName === 'style') return;
    for (const child of node.childNodes) walk(child);
  };
  if (root) walk(root);
  const symbol = root?.querySelector('.symbol');
  const style = symbol ? window.getComputedStyle(symbol) : null;
  return {
    host: true,
    mode: root?.mode ?? null,
    text: text.replace(/\\s+/g, ' ').trim(),
    pageSees: host.wrappedJSObject.shadowRoot !== null,
    symbolStyle: style ? { color: style.color, fontSize: style.fontSize } : null,
  };
`;

const READ_SWITCH = `
  const control = document.querySelector('button.switch[role="switch"]');
  return Promise.all([
    browser.permissions.contains({ origins: ['https://*/*'] }),
    browser.scripting.getRegisteredContentScripts({ ids: ['psx-ticker-bar'] }),
  ]).then(([granted, scripts]) => ({
    checked: control?.getAttribute('aria-checked') ?? null,
    granted,
    registered: scripts.length > 0,
    priced: /\\d/.test(document.querySelector('li.quote[data-symbol="WTL"] .quote__price')?.textContent ?? ''),
  }));
`;
type SwitchView = {
  checked: string | null;
  granted: boolean;
  /** The background has registered the bar's content script (it follows the grant). */
  registered: boolean;
  priced: boolean;
};

describe('Firefox ESR: the ticker bar on a page', () => {
  let session: FirefoxSession;
  let popupTab: string;
  let pageTab: string;

  const readBar = (): Promise<BarView> => session.firefox.client.executeSystemScript<BarView>(READ_BAR);
  async function barUntil(done: (bar: BarView) => boolean, failure: string): Promise<BarView> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const bar = await readBar();
      if (done(bar)) return bar;
      if (Date.now() > deadline) throw new Error(`${failure}: ${JSON.stringify(bar)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    session = await launchFirefoxWithFixtures(
      { ...tradingDayFixtures(), [SITE]: { body: fixture('pages/hostile.html') } },
      { grants: { sites: true }, prefs: { 'extensions.webextOptionalPermissionPrompts': false } },
    );
    const { client } = session.firefox;
    popupTab = await client.currentWindowHandle();
    await session.openExtensionPage(POPUP_PATH);
    await session.until<SwitchView>(READ_SWITCH, (v) => v.priced, 'the popup never showed prices');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is switched on from the popup, and the background registers it', async () => {
    const before = await session.firefox.client.executeScript<SwitchView>(READ_SWITCH);
    expect(before).toMatchObject({ checked: 'false', granted: true, registered: false });
    await session.click('button.switch[role="switch"]');
    const after = await session.until<SwitchView>(READ_SWITCH, (v) => v.checked === 'true' && v.granted, 'the switch never turned on with access');
    expect(after.granted).toBe(true);
    // Pages loaded from now on get the bar.
    await session.until<SwitchView>(READ_SWITCH, (v) => v.registered, 'the background never registered the bar');
  });

  it('shows the indices, the watchlist and the stories in a closed shadow root on the page', async () => {
    const { client } = session.firefox;
    pageTab = await client.newTab();
    await client.switchToWindow(pageTab);
    await client.navigate(SITE);
    const bar = await barUntil((b) => b.text.includes('HUBC'), 'the bar never showed its quotes');
    expect(bar.mode).toBe('closed');
    expect(bar.pageSees).toBe(false);
    expect(bar.text).toContain('KSE100 171,208.54 ▼ 412.66 (0.24%)');
    expect(bar.text).toContain('HUBC 202.71 ▲ 0.84 (0.42%)');
    expect(bar.text).toContain('Oil steadies as traders weigh OPEC+ output plans');
    expect(bar.text).toContain('Gold climbs on rate bets');
    expect(bar.text).toMatch(/^Open · (\d{1,2} \w{3}, )?\d\d:\d\d/);
    // The page's `* { color: magenta !important; font-size: 40px !important }` does not reach in.
    expect(bar.symbolStyle).toEqual({ color: 'rgb(255, 255, 255)', fontSize: '13px' });
    const png = await client.takeScreenshot();
    await mkdir(path.resolve('test-results'), { recursive: true });
    await writeFile(path.resolve('test-results', 'firefox-ticker-bar.png'), Buffer.from(png, 'base64'));
  });

  it('goes from the open tab when the switch is turned off', async () => {
    const { client } = session.firefox;
    await client.switchToWindow(popupTab);
    await session.click('button.switch[role="switch"]');
    await session.until<SwitchView>(READ_SWITCH, (v) => v.checked === 'false' && !v.registered, 'the switch never turned off');
    await client.switchToWindow(pageTab);
    await barUntil((b) => !b.host, 'the bar was never removed');
  });
});
