/**
 * Issue 13, keyboard and screen reader, in the production Chrome build: every row control is
 * found by its accessible name (in the accessibility tree, so never `visibility: hidden`), and a
 * user with the keyboard alone removes a symbol (Delete with focus on the symbol's own link, the
 * case that used to do nothing), reorders one (Alt+↑ from a button inside the row) and sets an
 * alert. Only Tab, Enter, Delete, Alt+↑ and typing: no clicks, no programmatic focus.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ExtensionSession, waitForPrices } from './support/chromium';
import { BR30, tradingDayFixtures } from './support/fixtures';
import { buildGranting } from './support/granted-build';
import { extensionWorker } from './support/worker';
import { until } from './support/poll';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const rows = (page: Page): Promise<string[]> => page.$$eval('li.quote', (items) => items.map((li) => li.getAttribute('data-symbol') ?? ''));

/** Where focus is: the row's symbol, and the focused element's role-ish description. */
const focused = (page: Page): Promise<{ row: string | null; label: string | null; link: boolean }> =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      row: el?.closest('li.quote')?.getAttribute('data-symbol') ?? null,
      label: el?.getAttribute('aria-label') ?? null,
      link: el?.matches('a.quote__symbol') ?? false,
    };
  });

/** Tab (forwards) until `reached` says so; the keyboard is all the user has. */
async function tabUntil(page: Page, reached: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, limit = 300): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (reached(await focused(page))) return;
  }
  throw new Error(`${what} not reached with Tab`);
}


describe('Chromium: the watchlist with the keyboard alone', () => {
  let session: ExtensionSession;
  let build: string;
  let popup: Page;

  beforeAll(async () => {
    // Notifications granted in the manifest: saving the first alert asks nothing headless Chromium cannot answer.
    build = buildGranting({ notifications: true });
    session = await launchChromiumWithExtension(tradingDayFixtures(), build);
    popup = await session.openPopup();
    await waitForPrices(popup);
  });
  afterAll(async () => {
    await session?.close();
    if (build) rmSync(build, { recursive: true, force: true });
  });

  it('finds every row control by its accessible name, in the accessibility tree and the tab order', async () => {
    for (const symbol of BR30) {
      for (const name of [`Remove ${symbol}`, `Alerts for ${symbol}`, `Holdings for ${symbol}`]) {
        const control = popup.getByRole('button', { name, exact: true });
        expect(await control.count(), name).toBe(1);
        expect(await control.getAttribute('tabindex'), name).not.toBe('-1');
      }
      // The symbol's link, to its PSX page (its name may carry the row's marks after the code).
      expect(await popup.locator(`li.quote[data-symbol="${symbol}"]`).getByRole('link', { name: new RegExp(`^${symbol}\\b`) }).count(), symbol).toBe(1);
    }
  });

  it('removes a symbol with Delete from its own link, and focus moves to the next row', async () => {
    await popup.locator('body').focus();
    await tabUntil(popup, (f) => f.row === 'KEL' && f.link, "KEL's link");
    await popup.keyboard.press('Delete');
    await expect.poll(async () => (await rows(popup)).includes('KEL')).toBe(false);
    // KEL was between HUMNL and LOTCHEM: the same place now holds LOTCHEM, and focus is on it.
    expect(await rows(popup)).toEqual(BR30.filter((s) => s !== 'KEL'));
    await expect.poll(async () => (await focused(popup)).row).toBe('LOTCHEM');
  });

  it('moves a symbol up with Alt+↑ from a button inside its row, focus staying on that button', async () => {
    await tabUntil(popup, (f) => f.label === 'Alerts for WTL', 'Alerts for WTL');
    await popup.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await rows(popup)).slice(-2)).toEqual(['WTL', 'UNITY']);
    expect(await focused(popup)).toMatchObject({ row: 'WTL', label: 'Alerts for WTL' });
  });

  it('sets an alert from the keyboard alone', async () => {
    await popup.locator('body').focus();
    await tabUntil(popup, (f) => f.label === 'Alerts for HUBC', 'Alerts for HUBC');
    await popup.keyboard.press('Enter');
    const form = popup.locator('[data-alert-form="HUBC"]');
    await form.waitFor();
    await popup.keyboard.press('Control+A');
    await popup.keyboard.type('250');
    await popup.keyboard.press('Enter');
    const worker = await extensionWorker(session);
    const stored = await until(
      () => worker.evaluate(async () => ((await chrome.storage.local.get('alerts'))['alerts'] as { value?: { rules: { subject: string; threshold: number }[] } } | undefined)?.value?.rules ?? []),
      (rules) => rules.length === 1,
      'no alert saved',
    );
    expect(stored[0]).toMatchObject({ subject: 'HUBC', threshold: 250 });
  });
});
