/**
 * Price alerts end to end, in the production Chrome build (a copy whose manifest grants the
 * optional `notifications` permission, as headless Chromium cannot answer its prompt; the
 * refused path is in test/unit/background/alerts-cycle.test.ts and test/unit/popup/alerts.test.tsx).
 *
 * An alert is set through the popup with the keyboard alone; the served HUBC price is moved
 * across it; exactly one notification is on screen (read back from the worker with
 * `notifications.getAll()`), and still one after two more ticks; the popup marks the row; the
 * rule re-armed from the options page fires again on the next crossing.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPrice } from '../shared/market-watch-variant';
import { launchChromiumWithExtension, type ExtensionSession, waitForPrices } from './support/chromium';
import { fixture, tradingDayFixtures, URLS } from './support/fixtures';
import { buildGranting } from './support/granted-build';
import { extensionWorker, runAlarmCycle } from './support/worker';
import { until } from './support/poll';

const SCREENSHOTS = path.resolve('test-results');

interface StoredAlerts {
  rules: { id: string; subject: string; kind: string; threshold: number; status: string }[];
  fired: { id: string; subject: string; price: number; seen: boolean }[];
}

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};

async function readAlerts(session: ExtensionSession): Promise<StoredAlerts> {
  const worker = await extensionWorker(session);
  return worker.evaluate(async () => ((await chrome.storage.local.get('alerts'))['alerts'] as { value?: StoredAlerts } | undefined)?.value ?? { rules: [], fired: [] });
}

/** The notifications on screen, by id, as the browser holds them. */
async function notificationsOnScreen(session: ExtensionSession): Promise<string[]> {
  const worker = await extensionWorker(session);
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}


/** Serves the trading day with HUBC at `price` (202.71 in the fixture) from now on. */
const serveHubcAt = (session: ExtensionSession, price: number): void =>
  session.setFixtures({ ...tradingDayFixtures(), [URLS.marketWatch]: { body: withPrice(fixture('psx/market-watch.html'), 'HUBC', price) } });

/** Tab until the focused element has this accessible name (the keyboard is all the user has). */
async function tabTo(page: Page, label: string, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null)) === label) return;
  }
  throw new Error(`${label} not reached with Tab`);
}

describe('Chromium: a price alert set with the keyboard fires once, on the crossing, and again after a re-arm', () => {
  let session: ExtensionSession;
  let build: string;
  let popup: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    build = buildGranting({ notifications: true });
    session = await launchChromiumWithExtension(tradingDayFixtures(), build);
    popup = await session.openPopup();
    await waitForPrices(popup);
  });

  afterAll(async () => {
    await session?.close();
    if (build) rmSync(build, { recursive: true, force: true });
  });

  it('sets an alert through the popup with the keyboard alone', async () => {
    await tabTo(popup, 'Alerts for HUBC');
    await popup.keyboard.press('Enter');
    const form = popup.locator('[data-alert-form="HUBC"]');
    await form.waitFor();
    // The current price is filled in, and focus is in the form.
    const threshold = form.getByRole('spinbutton').or(form.getByRole('textbox')).first();
    await expect.poll(() => threshold.inputValue()).toBe('202.71');
    expect(await threshold.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.type('205');
    await popup.keyboard.press('Enter');
    const stored = await until(() => readAlerts(session), (a) => a.rules.length === 1, 'the rule was not saved');
    expect(stored.rules[0]).toMatchObject({ subject: 'HUBC', kind: 'price-above', threshold: 205, status: 'armed' });
    expect(await notificationsOnScreen(session)).toEqual([]);
  });

  it('fires exactly one notification when the price crosses, and none on the next two ticks', async () => {
    serveHubcAt(session, 206.1);
    await runAlarmCycle(session);
    const fired = await until(() => readAlerts(session), (a) => a.fired.length === 1, 'the alert did not fire');
    expect(fired.fired[0]).toMatchObject({ subject: 'HUBC', price: 206.1, seen: false });
    expect(fired.rules[0]?.status).toBe('fired');
    expect(await notificationsOnScreen(session)).toEqual([`psx-alert:${fired.fired[0]?.id}`]);

    serveHubcAt(session, 206.5);
    await runAlarmCycle(session);
    serveHubcAt(session, 207);
    await runAlarmCycle(session);
    expect((await readAlerts(session)).fired).toHaveLength(1);
    expect(await notificationsOnScreen(session)).toHaveLength(1);
  });

  it('marks the row fired and lists the alert at the top of the popup', async () => {
    const row = popup.locator('li.quote[data-symbol="HUBC"]');
    await expect.poll(() => row.getAttribute('class')).toContain('quote--alerted');
    expect(await row.textContent()).toContain('Alert fired');
    const list = popup.getByRole('region', { name: 'Fired alerts' });
    expect(await list.textContent()).toContain('HUBC price rises to or above 205.00');
    await popup.screenshot({ path: path.join(SCREENSHOTS, 'alerts-popup-fired.png') });
  });

  it('fires again on the next crossing once re-armed from the options page', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    const [rule] = (await readAlerts(session)).rules;
    const row = options.locator(`[data-rule-id="${rule?.id}"]`);
    await row.getByRole('button', { name: /^Re-arm/ }).click();
    // Re-armed while the price (207) is still above the line: it waits for it to be below once.
    await until(() => readAlerts(session), (a) => a.rules[0]?.status === 'waiting', 'the rule was not re-armed');
    await options.screenshot({ path: path.join(SCREENSHOTS, 'alerts-options.png'), fullPage: true });

    serveHubcAt(session, 204);
    await runAlarmCycle(session);
    expect((await readAlerts(session)).rules[0]?.status).toBe('armed');
    expect((await readAlerts(session)).fired).toHaveLength(1);

    serveHubcAt(session, 205.5);
    await runAlarmCycle(session);
    const after = await until(() => readAlerts(session), (a) => a.fired.length === 2, 'the re-armed rule did not fire');
    expect(after.fired[0]).toMatchObject({ subject: 'HUBC', price: 205.5 });
    expect((await notificationsOnScreen(session)).sort()).toEqual(after.fired.map((f) => `psx-alert:${f.id}`).sort());
  });
});
