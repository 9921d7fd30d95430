/**
 * The ticker bar on a hostile page, in a copy of the production build whose manifest already
 * grants "all sites" (headless Chromium cannot answer the permission prompt): switched on from
 * the popup, isolated from the page's CSS in a closed shadow root, paused on hover, toggled,
 * hidden per site across a reload, switched off from an open tab, and still under reduced motion.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ExtensionSession, waitForPrices } from './support/chromium';
import { fixture, tradingDayFixtures } from './support/fixtures';
import { buildWithSitesGranted } from './support/granted-build';
import { readBar } from './support/shadow';
import { extensionWorker } from './support/worker';

const SITE = 'https://news.example/';
const SCREENSHOTS = process.env['UPDATE_SCREENSHOTS'] ? path.resolve('docs') : path.resolve('test-results');
const OTHER = 'https://other.example/';

/** Where the scrolling track is now: its computed transform, read through the closed root. */
const trackAt = async (page: Page): Promise<string | null> => (await readBar(page))?.trackTransform ?? null;

/** Polls until the switch reads `on` (expect.poll cannot run in hooks). */
async function waitForSwitch(popup: Page, on: boolean): Promise<void> {
  const control = popup.getByRole('switch', { name: 'Show ticker bar on pages' });
  const deadline = Date.now() + 10_000;
  while ((await control.getAttribute('aria-checked')) !== String(on)) {
    if (Date.now() > deadline) throw new Error(`the switch never turned ${on ? 'on' : 'off'}`);
    await popup.waitForTimeout(100);
  }
}

async function waitForBar(page: Page, present = true): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    // The bar can go between two CDP calls of one read (its node is then gone): read again.
    const bar = await readBar(page).catch((cause: unknown) => {
      if (String(cause).includes('Could not find node')) return undefined;
      throw cause;
    });
    if (bar !== undefined && (bar !== null && bar.bar !== null) === present) return;
    await page.waitForTimeout(150);
  }
  throw new Error(`the bar was ${present ? 'never shown' : 'never removed'}`);
}

describe('Chromium: the ticker bar', () => {
  let session: ExtensionSession;
  let build: string;
  let page: Page;

  beforeAll(async () => {
    build = buildWithSitesGranted();
    const hostile = { body: fixture('pages/hostile.html') };
    session = await launchChromiumWithExtension({ ...tradingDayFixtures(), [SITE]: hostile, [OTHER]: hostile }, build);
    const popup = await session.openPopup();
    await waitForPrices(popup);
    await popup.getByRole('switch', { name: 'Show ticker bar on pages' }).click();
    await waitForSwitch(popup, true);
    await popup.close();
    page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.goto(SITE);
    await waitForBar(page);
  });
  afterAll(async () => {
    await session?.close();
    if (build) rmSync(build, { recursive: true, force: true });
  });

  it('shows the indices, the watchlist and the stories in a closed shadow root', async () => {
    const bar = await readBar(page);
    expect(bar?.shadowRootType).toBe('closed');
    expect(bar?.text).toContain('KSE100 171,208.54 ▼ 412.66 (0.24%)');
    expect(bar?.text).toContain('HUBC 202.71 ▲ 0.84 (0.42%)');
    expect(bar?.text).toContain('Oil steadies as traders weigh OPEC+ output plans');
    // The fixture's figures are from another day, so the chip gives their date too.
    expect(bar?.text).toMatch(/^Open · (\d{1,2} \w{3}, )?\d\d:\d\d/);
    // Hostile feed markup stays text here too.
    expect(bar?.text).toContain('Gold climbs on rate bets');
  });

  it('keeps its own colours and sizes against `* { color: magenta !important; font-size: 40px !important }`', async () => {
    const bar = await readBar(page);
    expect(bar?.symbolStyles.length).toBeGreaterThan(0);
    for (const style of bar?.symbolStyles ?? []) {
      expect(style.color).toBe('rgb(255, 255, 255)');
      expect(style.fontSize).toBe('13px');
    }
    expect(bar?.bar).toMatchObject({ y: 0, height: 32 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ticker-bar.png'), clip: { x: 0, y: 0, width: 1000, height: 120 } });
  });

  it('pauses on hover: the track stops moving', async () => {
    const moving1 = await trackAt(page);
    await page.waitForTimeout(400);
    const moving2 = await trackAt(page);
    expect(moving2).toMatch(/^matrix/);
    expect(moving2).not.toBe(moving1);
    await page.mouse.move(500, 16);
    await page.waitForTimeout(100);
    const paused1 = await trackAt(page);
    await page.waitForTimeout(500);
    expect(await trackAt(page)).toBe(paused1);
    await page.mouse.move(500, 400);
    await page.waitForTimeout(400);
    expect(await trackAt(page)).not.toBe(paused1);
  });

  it('toggles in the current tab on the shortcut command', async () => {
    // The command listener forwards `toggleBar` to the active tab; headless Chromium has no
    // browser-level shortcuts, so the test sends that same message from the worker.
    const worker = await extensionWorker(session);
    const send = () =>
      worker.evaluate(async (url) => {
        const c = (globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<{ id: number; url?: string }[]>; sendMessage: (id: number, m: object) => Promise<unknown> } } }).chrome;
        const [tab] = await c.tabs.query({ url });
        if (tab) await c.tabs.sendMessage(tab.id, { type: 'toggleBar' }).catch(() => undefined);
      }, SITE);
    await send();
    await waitForBar(page, false);
    await send();
    await waitForBar(page, true);
  });

  it('hides on this site across a reload when the user asks', async () => {
    const bar = await readBar(page);
    expect(bar?.closeButton).not.toBeNull();
    await page.mouse.click(bar!.closeButton!.x, bar!.closeButton!.y);
    const menu = (await readBar(page))?.menuButtons['Hide on this site'];
    expect(menu).toBeDefined();
    await page.mouse.click(menu!.x, menu!.y);
    await waitForBar(page, false);
    await page.reload();
    await page.waitForTimeout(1_000);
    expect(await readBar(page)).toBeNull();
  });

  it('is removed from an open tab when the switch is turned off', async () => {
    const other = await session.context.newPage();
    await other.goto(OTHER);
    await waitForBar(other);
    const popup = await session.openPopup();
    await popup.getByRole('switch', { name: 'Show ticker bar on pages' }).click();
    await waitForBar(other, false);
    await popup.close();
    await other.close();
  });
});

describe('Chromium: the ticker bar under reduced motion', () => {
  it('runs no animation', async () => {
    const build = buildWithSitesGranted();
    const session = await launchChromiumWithExtension({ ...tradingDayFixtures(), [SITE]: { body: fixture('pages/hostile.html') } }, build);
    try {
      const popup = await session.openPopup();
      await waitForPrices(popup);
      await popup.getByRole('switch', { name: 'Show ticker bar on pages' }).click();
      await waitForSwitch(popup, true);
      const page = await session.context.newPage();
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(SITE);
      await waitForBar(page);
      const before = await trackAt(page);
      await page.waitForTimeout(500);
      expect(await trackAt(page)).toBe(before);
      expect(before).toBe('none');
      expect((await readBar(page))?.text).toContain('KSE100');
    } finally {
      await session.close();
      rmSync(build, { recursive: true, force: true });
    }
  });
});
