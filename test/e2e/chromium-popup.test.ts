/**
 * The popup as a user shapes it, in the production Chrome build: add a symbol with the
 * keyboard, reorder it, remove another, reopen and find the same list; Refresh brings changed
 * figures; an accessibility check; and the light and dark screenshots for the README.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ExtensionSession, waitForPrices } from './support/chromium';
import { fixture, tradingDayFixtures, URLS } from './support/fixtures';
import { backdateAttempts } from './support/worker';
import { runAxe, seriousOrCritical } from './support/axe';

const SCREENSHOTS = process.env['UPDATE_SCREENSHOTS'] ? path.resolve('docs') : path.resolve('test-results');

const rows = (page: Page): Promise<string[]> =>
  page.$$eval('li.quote', (items) => items.map((li) => li.getAttribute('data-symbol') ?? ''));

describe('Chromium: shaping the watchlist', () => {
  let session: ExtensionSession;
  let popup: Page;

  beforeAll(async () => {
    session = await launchChromiumWithExtension(tradingDayFixtures());
    popup = await session.openPopup();
    await waitForPrices(popup);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('adds with the keyboard, reorders, removes, and finds the same list after reopening', async () => {
    const box = popup.getByRole('combobox', { name: 'Add symbol' });
    await box.click();
    await box.pressSequentially('etf');
    await popup.getByRole('option', { name: /MZNPETF/ }).waitFor();
    await box.press('Enter');
    await popup.locator('li.quote[data-symbol="MZNPETF"]').waitFor();
    expect((await rows(popup)).at(-1)).toBe('MZNPETF');

    // Two places up with Alt+↑, from the keyboard alone.
    await popup.locator('li.quote[data-symbol="MZNPETF"]').focus();
    await popup.keyboard.press('Alt+ArrowUp');
    await popup.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await rows(popup)).slice(-3)).toEqual(['MZNPETF', 'UNITY', 'WTL']);

    await popup.locator('li.quote[data-symbol="KEL"]').focus();
    await popup.keyboard.press('Delete');
    await expect.poll(async () => (await rows(popup)).includes('KEL')).toBe(false);

    const expected = await rows(popup);
    await popup.close();
    popup = await session.openPopup();
    await popup.locator('li.quote[data-symbol="MZNPETF"]').waitFor();
    expect(await rows(popup)).toEqual(expected);
    expect(expected).toHaveLength(30);
  });

  it('updates the figures from changed fixtures when Refresh is pressed', async () => {
    // A consistent row: the parser cross-checks change = current − LDCP and % = change / LDCP.
    const changed = fixture('psx/market-watch.html')
      .replace('data-order="202.71">202.71', 'data-order="210.5">210.50')
      .replace('data-order="0.84"><i class="icon-up-dir"></i> 0.84', 'data-order="8.63"><i class="icon-up-dir"></i> 8.63')
      .replace('data-order="0.4161093773220389"><i class="icon-up-dir"></i> 0.42%', 'data-order="4.275028483677615"><i class="icon-up-dir"></i> 4.28%');
    session.setFixtures({ ...tradingDayFixtures(), [URLS.marketWatch]: { body: changed } });
    // Refresh asks nothing new within 10 s of the last read; let that time pass.
    await backdateAttempts(session);
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await popup.locator('li.quote[data-symbol="HUBC"] .quote__price').filter({ hasText: '210.50' }).waitFor();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const summary = await runAxe(popup);
    // axe really ran: a page this size passes dozens of rules (colour contrast, names, ARIA …).
    expect(summary.rulesPassed).toBeGreaterThan(10);
    expect(seriousOrCritical(summary)).toEqual([]);
  });

  it('takes light and dark screenshots for the README', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: path.join(SCREENSHOTS, `popup-${scheme}.png`) });
    }
  });
});
