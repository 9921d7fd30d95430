/**
 * The quote pipeline under faults, in the production Chrome build: a worker stopped in the
 * middle of a refresh, a failing portal, Retry-After, a rotated token, and the fallback source.
 * Cycles are started by firing the extension's own alarm; backoff is expired by editing the
 * stored health, the e2e stand-in for a fake clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  launchChromiumWithExtension,
  type ExtensionSession,
  type FixtureResponse,
  type FixtureTable,
  type RecordedRequest,
} from './support/chromium';
import { fixture, tradingDayFixtures, URLS } from './support/fixtures';
import { backdateAttempts, expireBackoff, readStoredSnapshot, runAlarmCycle, stopWorker } from './support/worker';

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const portalRequests = (s: ExtensionSession, since = 0): string[] =>
  s.requests
    .slice(since)
    .map((r) => r.url)
    .filter((u) => u === URLS.home || u === URLS.marketWatch);

async function settled(s: ExtensionSession): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if ((await readStoredSnapshot(s))?.updatedAt) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the install refresh never finished');
}

const homeWithToken = (token: string): string => fixture('psx/home.html').replace('q7Xv2LmR9tKp4WzN8bYc3HdF', token);

describe('Chromium: faults in the quote pipeline', () => {
  it('finishes a refresh on the next alarm after the worker is stopped mid-cycle', async () => {
    const fixtures = tradingDayFixtures();
    let stall = true;
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    const good = fixtures[URLS.home];
    const table: FixtureTable = {
      ...fixtures,
      // The first home-page request hangs, so the install cycle is in flight when the worker goes.
      [URLS.home]: () => (stall ? { status: 200, body: '', delayUntil: stalled } : (good as FixtureResponse)),
    };
    session = await launchChromiumWithExtension(table);
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('no home-page request')), 10_000);
      const poll = setInterval(() => {
        if (session?.requests.some((r) => r.url === URLS.home)) {
          clearTimeout(deadline);
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
    await stopWorker(session);
    stall = false;
    release();
    const stoppedAt = Date.now();
    const popup = await session.openPopup();
    const hubc = popup.locator('li.quote[data-symbol="HUBC"] .quote__price');
    // Had the cycle survived, the released answer would fill the popup within milliseconds.
    await popup.waitForTimeout(3_000);
    expect(await hubc.textContent()).toBe('—');
    // The cycle armed a 30 s watchdog alarm before its first request: that wake finishes the job.
    await hubc.filter({ hasText: '202.71' }).waitFor({ timeout: 60_000 });
    expect(Date.now() - stoppedAt).toBeGreaterThan(20_000);
  }, 90_000);

  it('keeps the last prices with a notice when the portal answers 500', async () => {
    session = await launchChromiumWithExtension(tradingDayFixtures());
    await settled(session);
    const popup = await session.openPopup();
    await popup.locator('li.quote[data-symbol="HUBC"] .quote__price').filter({ hasText: '202.71' }).waitFor();
    session.setFixtures({ ...tradingDayFixtures(), [URLS.home]: { status: 500, body: 'Internal Server Error' } });
    await runAlarmCycle(session);
    await popup.locator('.notice--unreachable').filter({ hasText: /PSX data portal unreachable since .* — showing prices from / }).waitFor();
    expect(await popup.locator('li.quote[data-symbol="HUBC"] .quote__price').textContent()).toBe('202.71');
  });

  it('asks nothing of the portal while a Retry-After is running, Refresh button included', async () => {
    session = await launchChromiumWithExtension(tradingDayFixtures());
    await settled(session);
    session.setFixtures({ ...tradingDayFixtures(), [URLS.home]: { status: 429, body: '', headers: { 'Retry-After': '120' } } });
    const start = session.requests.length;
    const snapshot = await runAlarmCycle(session);
    const health = snapshot?.sources['psx-home'];
    expect(health?.lastError?.kind).toBe('rate-limited');
    expect((health?.nextTry ?? 0) - Date.now()).toBeGreaterThan(100_000);
    expect(portalRequests(session, start)).toEqual([URLS.home]);
    const popup = await session.openPopup();
    // Past Refresh's 10 s floor, so only the Retry-After (nextTry, left as it is) can hold it back.
    await backdateAttempts(session);
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await popup.getByRole('button', { name: 'Refresh' }).waitFor();
    await popup.waitForTimeout(1_000);
    expect(portalRequests(session, start)).toEqual([URLS.home]);
  });

  it('re-reads a rotated token once after a 403 and succeeds', async () => {
    let homeServed = 0;
    session = await launchChromiumWithExtension({
      ...tradingDayFixtures(),
      [URLS.home]: () => ({ body: homeWithToken(homeServed++ === 0 ? 'stale-token' : 'fresh-token') }),
      [URLS.marketWatch]: (request: RecordedRequest) =>
        request.headers['x-req-id'] === 'fresh-token' ? { body: fixture('psx/market-watch.html') } : { status: 403, body: 'Forbidden' },
    });
    await settled(session);
    const watch = session.requests.filter((r) => r.url === URLS.marketWatch).map((r) => r.headers['x-req-id']);
    expect(watch).toEqual(['stale-token', 'fresh-token']);
    expect(portalRequests(session)).toEqual([URLS.home, URLS.marketWatch, URLS.home, URLS.marketWatch]);
    expect((await readStoredSnapshot(session))?.quotes['HUBC']?.[0]).toBe(202.71);
  });

  it('shows PSX Terminal figures, labelled, after the portal fails three cycles', async () => {
    session = await launchChromiumWithExtension(tradingDayFixtures());
    await settled(session);
    session.setFixtures({
      ...tradingDayFixtures(),
      [URLS.home]: { status: 502, body: 'Bad Gateway' },
      [URLS.terminalMarket]: { body: fixture('psx/psxterminal-market-data-REG.json'), contentType: 'application/json' },
      [URLS.terminalKse100]: { body: fixture('psx/psxterminal-ticks-IDX-KSE100.json'), contentType: 'application/json' },
    });
    for (let i = 0; i < 3; i++) {
      await expireBackoff(session);
      await runAlarmCycle(session);
    }
    const snapshot = await readStoredSnapshot(session);
    expect(snapshot?.quoteSource).toBe('psx-terminal');
    const popup = await session.openPopup();
    await popup.locator('li.quote[data-symbol="HUBC"] .quote__price').filter({ hasText: '203.50' }).waitFor();
    expect(await popup.locator('.header__source').textContent()).toBe('PSX Terminal');
    await popup.locator('.notice').filter({ hasText: 'showing PSX Terminal prices from' }).waitFor();
  });
});
