/**
 * Holdings end to end, in the production Chrome build with the sources answered from fixtures:
 * three holdings entered through the popup with the keyboard; the portfolio's value, day P&L and
 * total P&L equal figures computed here, independently of the extension's code, from the
 * fixture's printed prices (expected-watchlist.json) in whole paisa; a screenshot is saved.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ExtensionSession, waitForPrices } from './support/chromium';
import { expectedWatchlist, tradingDayFixtures } from './support/fixtures';

const SCREENSHOTS = process.env['UPDATE_SCREENSHOTS'] ? path.resolve('docs') : path.resolve('test-results');

/** "1,234.56" → 123456n paisa; "32.1234" → 321234n ten-thousandths: exact, from the text. */
const units = (text: string, places: number): bigint => {
  const [whole = '0', fraction = ''] = text.replaceAll(',', '').split('.');
  return BigInt(whole) * 10n ** BigInt(places) + BigInt(fraction.padEnd(places, '0').slice(0, places) || '0');
};
/** Ten-thousandths of a rupee to "1,234.56", halves away from zero, as money is printed. */
const money = (u: bigint): string => {
  const abs = u < 0n ? -u : u;
  const paisa = (abs + 50n) / 100n;
  const rupees = (paisa / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rupees}.${(paisa % 100n).toString().padStart(2, '0')}`;
};

const HOLDINGS = [
  { symbol: 'HUBC', quantity: 500n, average: '180.5' },
  { symbol: 'OGDC', quantity: 1_000n, average: '300.25' },
  { symbol: 'BIPL', quantity: 2_500n, average: '32.1234' },
];

/** The portfolio as the test computes it, from the fixture's printed figures only. */
function expectedTotals() {
  const quotes = new Map(expectedWatchlist().map((q) => [q.symbol, q]));
  let value = 0n;
  let day = 0n;
  let cost = 0n;
  for (const h of HOLDINGS) {
    const q = quotes.get(h.symbol);
    if (!q) throw new Error(`${h.symbol} is not in the fixture`);
    const change = units(q.change, 4) * (q.direction === 'down' ? -1n : 1n);
    value += h.quantity * units(q.price, 4);
    day += h.quantity * change;
    cost += h.quantity * units(h.average, 4);
  }
  return { value: money(value), day: `${day >= 0n ? '+' : '-'}${money(day)}`, total: `${value - cost >= 0n ? '+' : '-'}${money(value - cost)}` };
}

async function tabTo(page: Page, label: string, limit = 300): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null)) === label) return;
  }
  throw new Error(`${label} not reached with Tab`);
}

describe('Chromium: holdings entered in the popup, and the portfolio they add up to', () => {
  let session: ExtensionSession;
  let popup: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    session = await launchChromiumWithExtension(tradingDayFixtures());
    popup = await session.openPopup();
    await waitForPrices(popup);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('takes three holdings from the keyboard alone', async () => {
    for (const h of HOLDINGS) {
      await popup.locator('body').focus();
      await tabTo(popup, `Holdings for ${h.symbol}`);
      await popup.keyboard.press('Enter');
      const form = popup.locator(`[data-holding-form="${h.symbol}"]`);
      await form.waitFor();
      await form.getByLabel('Quantity (shares)').fill(String(h.quantity));
      await form.getByLabel('Average price (PKR)').fill(h.average);
      await form.getByLabel('Average price (PKR)').press('Enter');
      await form.waitFor({ state: 'detached' });
    }
    await expect.poll(() => popup.locator('.portfolio').isVisible()).toBe(true);
  });

  it('shows totals equal to the figures computed from the fixture', async () => {
    const expected = expectedTotals();
    const portfolio = popup.locator('.portfolio');
    expect(await portfolio.locator('[data-figure="value"]').textContent()).toBe(expected.value);
    expect(await portfolio.locator('[data-figure="day"] [aria-hidden="true"]').textContent()).toContain(expected.day);
    expect(await portfolio.locator('[data-figure="total"] [aria-hidden="true"]').textContent()).toContain(expected.total);
    await popup.screenshot({ path: path.join(SCREENSHOTS, 'holdings-popup.png') });
  });
});
