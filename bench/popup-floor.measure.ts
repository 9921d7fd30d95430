/**
 * Popup against its floor: how far the popup is from a static page of the same extension that
 * already holds the figures. Both run from one COPY of the production Chrome build (dist/ is
 * never written), in one browser, storage already filled, opened alternately (popup, floor,
 * popup, floor…) so that both see the same machine load. The floor page is the popup's own
 * rendered document (page.content() once prices are on screen) with every script and module
 * preload removed: same markup, same stylesheet, same origin, no JavaScript.
 *
 * Each figure is the page's own clock (performance.now(), ms since navigation start) in the
 * first animation frame where the watchlist's last row (WTL) shows a digit in its price. The
 * frames are watched by a script Chromium runs at document start (CDP
 * Page.addScriptToEvaluateOnNewDocument, through Playwright's addInitScript), so the floor is
 * not bounded below by the round trip of a poller installed after navigation. Run by
 * `npm run bench`; no request may cross the network (asserted).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { CHROME_BUILD, launchChromiumWithExtension, waitForPrices } from '../test/e2e/support/chromium';
import { tradingDayFixtures } from '../test/e2e/support/fixtures';

const OPENS = 15;
const FLOOR_PATH = 'src/popup/bench-floor.html';
const POPUP_PATH = 'src/popup/index.html';

const MARK = 'psx-bench:figures-at ';

/**
 * Runs in the page before any of its own scripts: stamps the first frame showing WTL's price
 * and reports it on the console, so that nothing is asked of the page while it loads (a
 * `waitForFunction` would make Playwright compile its injected script in the page meanwhile).
 */
function watchFirstFigures(mark: string): void {
  const tick = (): void => {
    const cell = document.querySelector('li.quote[data-symbol="WTL"] .quote__price');
    if (cell && /\d/.test(cell.textContent ?? '')) {
      console.debug(mark + String(performance.now()));
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function figuresAt(page: Page, url: string): Promise<number> {
  await page.addInitScript(watchFirstFigures, MARK);
  const reported = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no figures on ${url} within 10 s`)), 10_000);
    page.on('console', (message) => {
      const text = message.text();
      if (!text.startsWith(MARK)) return;
      clearTimeout(timer);
      resolve(Number(text.slice(MARK.length)));
    });
  });
  await page.goto(url, { waitUntil: 'commit' });
  return reported;
}

/** The popup's document as it stands, without anything that loads or runs JavaScript. */
function staticCopy(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<link\b[^>]*\brel=["']?modulepreload["']?[^>]*>/gi, '');
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

it(`popup vs a static page holding the same figures, ${OPENS} alternating opens each`, async () => {
  const build = mkdtempSync(path.join(tmpdir(), 'psx-floor-build-'));
  cpSync(CHROME_BUILD, build, { recursive: true });
  const session = await launchChromiumWithExtension(tradingDayFixtures(), build);
  try {
    const base = `chrome-extension://${session.extensionId}/`;
    // The install-time refresh fills storage; the popup's first open then also leaves its
    // first-paint copies in the page's localStorage, as any real use does.
    const warm = await session.openPopup();
    await waitForPrices(warm);
    await warm.waitForTimeout(1_000); // let the stories, series and the catch-up read land
    const html = staticCopy(await warm.content());
    await warm.close();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('data-symbol="WTL"');
    writeFileSync(path.join(build, FLOOR_PATH), html);

    const popup: number[] = [];
    const floor: number[] = [];
    const before = session.requests.length;
    for (let i = 0; i < OPENS * 2; i++) {
      const isPopup = i % 2 === 0;
      const page = await session.context.newPage();
      const at = await figuresAt(page, base + (isPopup ? POPUP_PATH : FLOOR_PATH));
      (isPopup ? popup : floor).push(Math.round(at * 10) / 10);
      await page.close();
    }
    expect(session.requests.map((r) => r.url).slice(before)).toEqual([]); // storage and disk only
    const p = median(popup);
    const f = median(floor);
    console.log(
      `popup vs floor: popup median ${p} ms, floor median ${f} ms, ratio ${(p / f).toFixed(2)}× ` +
        `(${OPENS} alternating opens each; popup: ${popup.join(', ')}; floor: ${floor.join(', ')} ms)`,
    );
    expect(popup.every(Number.isFinite) && floor.every(Number.isFinite)).toBe(true);
  } finally {
    await session.close();
    rmSync(build, { recursive: true, force: true });
  }
}, 120_000);
