/**
 * Issue 13 end to end: the production Chrome build in a browser whose UI language is Urdu
 * (`--lang=ur`), with the sources answered from fixtures. The popup, the options page and the
 * ticker bar render right to left; no English sentence of the catalogue is left on screen (nor
 * in a name a screen reader says); symbols and prices keep their left-to-right order. Screenshots
 * are saved (docs/ with UPDATE_SCREENSHOTS=1).
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergedCatalogue } from '../../scripts/locales';
import { launchChromiumWithExtension, type ExtensionSession, waitForPrices } from './support/chromium';
import { expectedWatchlist, fixture, tradingDayFixtures } from './support/fixtures';
import { buildWithSitesGranted } from './support/granted-build';
import { readBar } from './support/shadow';
import { runAxe, seriousOrCritical } from './support/axe';

const SCREENSHOTS = process.env['UPDATE_SCREENSHOTS'] ? path.resolve('docs') : path.resolve('test-results');
const SITE = 'https://news.example/';

const en = mergedCatalogue(path.resolve('src/locales'), 'en');
const ur = mergedCatalogue(path.resolve('src/locales'), 'ur');

/**
 * The English catalogue's sentences as they could appear on screen: each message cut at its
 * placeholders, the pieces of two words or more. A message the Urdu catalogue keeps the same
 * (a code such as PKT) is no English left behind.
 */
const ENGLISH_PIECES = [
  ...new Set(
    Object.entries(en)
      .filter(([key, entry]) => ur[key]?.message !== entry.message)
      .flatMap(([, entry]) => entry.message.split(/\{\w+\}/))
      .map((piece) => piece.replace(/[\s.,:;·()…–—-]+$/u, '').replace(/^[\s.,:;·()…–—-]+/u, ''))
      .filter((piece) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(piece)),
  ),
];

/** What a user reads and what a screen reader says on the page: its text and its names. */
async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const names = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
    );
    return [document.title, document.body.innerText, ...names].join('\n');
  });
}

const englishLeft = (text: string): string[] => ENGLISH_PIECES.filter((piece) => text.includes(piece));

describe('Chromium in Urdu (--lang=ur)', () => {
  let session: ExtensionSession;
  let build: string;
  let popup: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    build = buildWithSitesGranted();
    session = await launchChromiumWithExtension({ ...tradingDayFixtures(), [SITE]: { body: fixture('pages/hostile.html') } }, build, { uiLanguage: 'ur' });
    popup = await session.openPopup();
    await waitForPrices(popup);
  });

  afterAll(async () => {
    await session?.close();
    if (build) rmSync(build, { recursive: true, force: true });
  });

  it('the browser really is in Urdu', async () => {
    expect(await popup.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).toMatch(/^ur/);
  });

  it('renders the popup right to left in Urdu, with no English sentence of the catalogue left', async () => {
    expect(await popup.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ur-PK']);
    expect(ENGLISH_PIECES.length).toBeGreaterThan(50);
    expect(englishLeft(await shownText(popup))).toEqual([]);
    await popup.screenshot({ path: path.join(SCREENSHOTS, 'popup-urdu.png') });
  });

  it('has no serious or critical accessibility violations in Urdu (axe-core)', async () => {
    const summary = await runAxe(popup);
    expect(summary.rulesPassed).toBeGreaterThan(10);
    expect(seriousOrCritical(summary)).toEqual([]);
  });

  it("keeps each symbol's price and change in their left-to-right order", async () => {
    const expected = expectedWatchlist().slice(0, 5);
    for (const q of expected) {
      const row = popup.locator(`[data-symbol="${q.symbol}"]`).first();
      const text = (await row.innerText()).replace(/\s+/g, ' ');
      // The figures as PSX prints them, in Latin digits, in their own order.
      expect(text).toContain(q.price);
      const change = text.indexOf(q.change);
      expect(change).toBeGreaterThan(-1);
      expect(text.indexOf(q.percent)).toBeGreaterThan(change);
      const direction = await row.locator('[dir="ltr"]').count();
      expect(direction).toBeGreaterThan(0);
    }
  });

  it('renders the options page right to left in Urdu, with no English sentence of the catalogue left', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    await options.locator('main').waitFor();
    expect(await options.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ur-PK']);
    expect(englishLeft(await shownText(options))).toEqual([]);
    await options.screenshot({ path: path.join(SCREENSHOTS, 'options-urdu.png'), fullPage: true });
    await options.close();
  });

  it('shows the ticker bar right to left, its figures in order, its buttons named in Urdu', async () => {
    // The only switch in the popup is the bar's.
    await popup.getByRole('switch').first().click();
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.goto(SITE);
    const deadline = Date.now() + 10_000;
    let bar = await readBar(page).catch(() => null);
    while ((bar === null || bar.bar === null) && Date.now() < deadline) {
      await page.waitForTimeout(150);
      bar = await readBar(page).catch(() => null);
    }
    expect(bar?.bar).not.toBeNull();
    expect(bar?.dir).toBe('rtl');
    expect(bar?.text).toContain('KSE100 171,208.54 ▼ 412.66 (0.24%)');
    expect(englishLeft(bar?.names.join('\n') ?? '')).toEqual([]);
    expect(englishLeft(bar?.text ?? '')).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ticker-bar-urdu.png'), clip: { x: 0, y: 0, width: 1000, height: 120 } });
    await page.close();
  });
});
