/**
 * A price alert in the production Firefox build (an unchanged copy of dist/firefox) in Firefox
 * ESR, its sources answered from fixtures through the loopback proxy. The alert is set in the
 * popup; saving the first rule asks for the optional `notifications` permission from the submit
 * (`extensions.webextOptionalPermissionPrompts` off stands for the user's yes). The served HUBC
 * price is then moved across the line and the refresh alarm fired: the rule fires once, the
 * fired log is in `storage.local`, and Firefox holds exactly one notification for it
 * (`notifications.getAll()`, read in an extension page of the add-on).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPrice } from '../shared/market-watch-variant';
import { fixture, tradingDayFixtures, URLS } from './support/fixtures';
import { launchFirefoxWithFixtures, POPUP_PATH, type FirefoxSession } from './support/firefox-session';

type AlertsView = {
  rules: { subject: string; kind: string; threshold: number; status: string }[];
  fired: { id: string; subject: string; price: number; seen: boolean }[];
  /** Firefox's notifications of this add-on, by id: title and message. */
  notifications: Record<string, { title: string; message: string }>;
  granted: boolean;
  note: string;
  rowClass: string;
  /** Every notification Firefox reported shown (`notifications.onShown`) since the listener went on. */
  shown: string[];
};

/** Firefox's XUL alert (below) closes itself after 20 s: each showing is also logged as it happens. */
const LISTEN_FOR_SHOWN = `
  sessionStorage.setItem('shown', '[]');
  browser.notifications.onShown.addListener((id) => {
    sessionStorage.setItem('shown', JSON.stringify([...JSON.parse(sessionStorage.getItem('shown') ?? '[]'), id]));
  });
  return true;
`;

const READ_ALERTS = `
  const stored = await browser.storage.local.get('alerts');
  const granted = await browser.permissions.contains({ permissions: ['notifications'] });
  const all = granted && browser.notifications ? await browser.notifications.getAll() : {};
  const notifications = {};
  for (const [id, n] of Object.entries(all)) notifications[id] = { title: n.title ?? '', message: n.message ?? '' };
  const value = stored.alerts?.value ?? { rules: [], fired: [] };
  return {
    rules: value.rules.map((r) => ({ subject: r.subject, kind: r.kind, threshold: r.threshold, status: r.status })),
    fired: value.fired.map((f) => ({ id: f.id, subject: f.subject, price: f.price, seen: f.seen })),
    notifications,
    granted,
    note: (document.querySelector('[data-alert-form="HUBC"] [role="status"]')?.textContent ?? '').trim(),
    rowClass: document.querySelector('li.quote[data-symbol="HUBC"]')?.className ?? '',
    shown: JSON.parse(sessionStorage.getItem('shown') ?? '[]'),
  };
`;
// executeScript bodies are not async functions: wrap, so the body can await.
const ASYNC = (body: string): string => `return (async () => { ${body} })();`;

/** The background's refresh, now: every source made due (as an hour passing would), then the alarm fired. */
const RUN_CYCLE = ASYNC(`
  const { market } = await browser.storage.local.get('market');
  for (const health of Object.values(market.value.sources)) if (health?.attemptedAt) health.attemptedAt -= 3600000;
  await browser.storage.local.set({ market });
  await browser.alarms.create('refresh', { when: Date.now() });
  return market.value.updatedAt;
`);
const UPDATED_AT = ASYNC(`return (await browser.storage.local.get('market')).market?.value?.updatedAt ?? 0;`);

describe('Firefox ESR: a price alert fires a notification on the crossing', () => {
  let session: FirefoxSession;
  const read = (): Promise<AlertsView> => session.firefox.client.executeScript<AlertsView>(ASYNC(READ_ALERTS));
  const readUntil = (done: (v: AlertsView) => boolean, failure: string): Promise<AlertsView> =>
    session.until<AlertsView>(ASYNC(READ_ALERTS), done, failure);

  /** Serves HUBC at `price`, runs one refresh cycle and waits until it has written its snapshot. */
  async function cycleWithHubcAt(price: number): Promise<void> {
    session.proxy.setFixtures({ ...tradingDayFixtures(), [URLS.marketWatch]: { body: withPrice(fixture('psx/market-watch.html'), 'HUBC', price) } });
    const before = await session.firefox.client.executeScript<number>(RUN_CYCLE);
    await session.until<number>(UPDATED_AT, (at) => at > before, 'the refresh alarm did not write a snapshot');
  }

  beforeAll(async () => {
    session = await launchFirefoxWithFixtures(tradingDayFixtures(), {
      // Without a desktop session libnotify cannot reach D-Bus and Firefox ends every system
      // notification at once (it is gone from getAll() before anyone looks); Firefox's own XUL
      // alert window works headless and stays 20 s.
      prefs: { 'extensions.webextOptionalPermissionPrompts': false, 'alerts.useSystemBackend': false },
    });
    await session.openExtensionPage(POPUP_PATH);
    await session.until<boolean>(
      `return /\\d/.test(document.querySelector('li.quote[data-symbol="WTL"] .quote__price')?.textContent ?? '')`,
      (priced) => priced,
      'the popup never showed prices',
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('sets an alert in the popup, and Firefox grants notifications from the submit', async () => {
    const before = await read();
    expect(before).toMatchObject({ rules: [], fired: [], granted: false });
    await session.click('li.quote[data-symbol="HUBC"] button.quote__bell');
    await session.until<string>(
      `return document.querySelector('[data-alert-form="HUBC"] input')?.value ?? ''`,
      (v) => v === '202.71',
      'the alert form never opened with the current price',
    );
    await session.type('[data-alert-form="HUBC"] input', '205', { clear: true });
    await session.click('[data-alert-form="HUBC"] button[type="submit"]');
    const saved = await readUntil((v) => v.rules.length === 1 && v.granted, 'the rule was not saved with notifications granted');
    expect(saved.rules[0]).toEqual({ subject: 'HUBC', kind: 'price-above', threshold: 205, status: 'armed' });
    expect(saved.notifications).toEqual({});
  });

  it('fires once when the price crosses: the fired log and one notification', async () => {
    // The API is there in the open popup as soon as the permission is.
    await session.firefox.client.executeScript<boolean>(LISTEN_FOR_SHOWN);
    await cycleWithHubcAt(206.1);
    const fired = await readUntil((v) => v.fired.length === 1 && v.shown.length > 0, 'the alert did not show a notification');
    expect(fired.fired[0]).toMatchObject({ subject: 'HUBC', price: 206.1, seen: false });
    expect(fired.rules[0]?.status).toBe('fired');
    const id = `psx-alert:${fired.fired[0]?.id}`;
    expect(fired.shown).toEqual([id]);
    expect(Object.keys(fired.notifications)).toEqual([id]);
    expect(`${fired.notifications[id]?.title} ${fired.notifications[id]?.message}`).toMatch(/HUBC/);
    expect(`${fired.notifications[id]?.title} ${fired.notifications[id]?.message}`).toMatch(/206\.10/);
    // The popup, open all along, marks the row.
    await readUntil((v) => v.rowClass.includes('quote--alerted'), 'the popup never marked the row');
  });

  it('does not fire again on the next tick above the line', async () => {
    await cycleWithHubcAt(207);
    const after = await read();
    expect(after.fired).toHaveLength(1);
    expect(after.shown).toEqual([`psx-alert:${after.fired[0]?.id}`]);
    // Still on screen, or closed by its 20 s timer: either way no other.
    expect(Object.keys(after.notifications).every((id) => after.shown.includes(id))).toBe(true);
  });
});
