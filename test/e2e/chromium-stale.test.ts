/**
 * Only the portal's home page failing, in the production Chrome build (a copy whose manifest
 * grants "all sites", so the bar can be switched on headless): after a good cycle, the home page
 * answers 500 while the market watch would still answer. The home page is read first and the
 * market watch needs its token, so the market watch is not asked at all; its health stays ok.
 * The presentation the background decides must then reach every surface alike: the popup's
 * header says "not fresh" and its notice names the failure, the bar's chip ends with "· stale",
 * and the badge is grey with "(not fresh)" in its title.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLOURS } from '../../src/background/badge-colours';
import { launchChromiumWithExtension, type ExtensionSession, waitForPrices } from './support/chromium';
import { fixture, tradingDayFixtures, URLS } from './support/fixtures';
import { buildWithSitesGranted } from './support/granted-build';
import { extensionWorker, readStoredSnapshot, runAlarmCycle } from './support/worker';
import { until } from './support/poll';

const SITE = 'https://news.example/';
const SCREENSHOTS = path.resolve('test-results');

/** `#6b7280` as `chrome.action.getBadgeBackgroundColor` gives it: `[107, 114, 128, 255]`. */
const rgba = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

interface BadgeState {
  text: string;
  colour: number[];
  title: string;
}

/** The toolbar badge as the browser holds it, read through the extension's worker. */
async function readBadge(session: ExtensionSession): Promise<BadgeState> {
  const worker = await extensionWorker(session);
  return worker.evaluate(async () => {
    const { action } = (
      globalThis as unknown as {
        chrome: { action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]>; getTitle(d: object): Promise<string> } };
      }
    ).chrome;
    const [text, colour, title] = await Promise.all([action.getBadgeText({}), action.getBadgeBackgroundColor({}), action.getTitle({})]);
    return { text, colour, title };
  });
}

interface DomNode {
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function walk(node: DomNode, visit: (n: DomNode) => void): void {
  visit(node);
  node.children?.forEach((c) => walk(c, visit));
  node.shadowRoots?.forEach((c) => walk(c, visit));
}

const attributesOf = (n: DomNode): Map<string, string> => {
  const a = n.attributes ?? [];
  return new Map(a.flatMap((name, i) => (i % 2 === 0 ? [[name, a[i + 1] ?? '']] : [])) as [string, string][]);
};

interface ChipView {
  text: string;
  dataStale: boolean;
}

/**
 * The bar's chip, read through its closed shadow root with the DevTools protocol (`pierce`), as
 * support/shadow.ts reads the whole bar; null while there is no bar (or it is being replaced).
 */
async function readChip(page: Page): Promise<ChipView | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    let chip: DomNode | undefined;
    walk(root, (n) => {
      if (n.localName !== 'psx-ticker-bar') return;
      const shadow = n.shadowRoots?.[0];
      if (shadow) walk(shadow, (m) => (chip ??= attributesOf(m).get('class') === 'chip' ? m : undefined));
    });
    if (!chip) return null;
    let text = '';
    walk(chip, (n) => {
      if (n.nodeName === '#text') text += n.nodeValue ?? '';
    });
    return { text: text.trim(), dataStale: attributesOf(chip).has('data-stale') };
  } catch (cause) {
    if (String(cause).includes('Could not find node')) return null;
    throw cause;
  } finally {
    await cdp.detach();
  }
}


const portalRequests = (s: ExtensionSession, since: number): string[] =>
  s.requests
    .slice(since)
    .map((r) => r.url)
    .filter((u) => u === URLS.home || u === URLS.marketWatch);

describe('Chromium: only the home page failing reaches the popup, the bar and the badge alike', () => {
  let session: ExtensionSession;
  let build: string;
  let popup: Page;
  let page: Page;

  beforeAll(async () => {
    build = buildWithSitesGranted();
    session = await launchChromiumWithExtension({ ...tradingDayFixtures(), [SITE]: { body: fixture('pages/simple.html') } }, build);
    popup = await session.openPopup();
    // The install-time cycle is the good one: prices on screen.
    await waitForPrices(popup);
    await popup.getByRole('switch', { name: 'Show ticker bar on pages' }).click();
    await popup.getByRole('switch', { name: 'Show ticker bar on pages', checked: true }).waitFor();
    page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.goto(SITE);
    await until(() => readChip(page), (chip) => chip !== null, 'the bar never showed its chip');
  });

  afterAll(async () => {
    await session?.close();
    if (build) rmSync(build, { recursive: true, force: true });
  });

  it('after a good cycle: fresh everywhere, and the badge coloured by the move', async () => {
    expect(await popup.locator('li.quote[data-symbol="HUBC"] .quote__price').textContent()).toBe('202.71');
    await popup.locator('.header__asof').waitFor();
    expect(await popup.locator('.header__stale').count()).toBe(0);
    expect(await popup.locator('.notice--unreachable').count()).toBe(0);

    const chip = await readChip(page);
    expect(chip?.text).toMatch(/^Open · /);
    expect(chip?.text).not.toMatch(/stale/);
    expect(chip?.dataStale).toBe(false);

    // KSE-100 falls 0.24 % in the fixture, and the board says open: red, not grey.
    await expect.poll(async () => (await readBadge(session)).text, { timeout: 10_000 }).toBe('-0.2');
    const badge = await readBadge(session);
    expect(badge.colour).toEqual(rgba(BADGE_COLOURS.down));
    expect(badge.title).toMatch(/\nas of .+$/);
    expect(badge.title).not.toContain('not fresh');
  });

  it('the home page answering 500: "not fresh" in the popup, "· stale" on the bar, a grey badge', async () => {
    session.setFixtures({ ...tradingDayFixtures(), [SITE]: { body: fixture('pages/simple.html') }, [URLS.home]: { status: 500, body: 'Internal Server Error' } });
    const start = session.requests.length;
    await runAlarmCycle(session);

    // The cycle asked the home page only: without it there is no token and no market watch.
    expect(portalRequests(session, start)).toEqual([URLS.home]);
    const stored = await readStoredSnapshot(session);
    expect(stored?.sources['psx-home']?.lastError?.kind).toBe('server');
    expect(stored?.sources['psx-quotes']?.lastError ?? null).toBeNull();

    // The popup: the header says not fresh, the notice names the failure, the prices stay.
    await popup.locator('.header__stale').waitFor();
    expect(await popup.locator('.header__asof').textContent()).toMatch(/^as of .+ · not fresh$/);
    const notice = popup.locator('.notice--unreachable');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^PSX data portal unreachable since .+ — showing prices from .+\.$/);
    expect(await popup.locator('li.quote[data-symbol="HUBC"] .quote__price').textContent()).toBe('202.71');

    // The bar on the page: its chip ends with "· stale".
    await expect.poll(async () => (await readChip(page))?.text, { timeout: 10_000 }).toMatch(/^Open · .+ · stale$/);
    expect((await readChip(page))?.dataStale).toBe(true);

    // The badge: grey, and its title says the figures are not fresh.
    await expect.poll(async () => (await readBadge(session)).colour, { timeout: 10_000 }).toEqual(rgba(BADGE_COLOURS.muted));
    const badge = await readBadge(session);
    expect(badge.text).toBe('-0.2');
    expect(badge.title).toMatch(/\nas of .+ \(not fresh\)$/);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await popup.screenshot({ path: path.join(SCREENSHOTS, 'popup-home-page-failing.png'), fullPage: true });
  });
});
