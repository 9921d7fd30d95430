/**
 * The ticker bar's cost in a page, for `npm run bench`: main-thread work while it scrolls
 * against a bare CSS-transform marquee in the same run, the time from the page's load to the bar
 * being there, and layout shifts in overlay mode. Production build with "all sites" granted.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { launchChromiumWithExtension, waitForPrices } from '../test/e2e/support/chromium';
import { fixture, tradingDayFixtures } from '../test/e2e/support/fixtures';
import { buildWithSitesGranted } from '../test/e2e/support/granted-build';

const PAGE = 'https://simple.example/';
const REFERENCE = 'https://reference.example/';
const WINDOW_MS = 5_000;

/** Main-thread task time (ms) spent by the page over a window, from Chrome's own counters. */
async function mainThreadMs(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async (): Promise<number> => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  const before = await read();
  await page.waitForTimeout(WINDOW_MS);
  const after = await read();
  await cdp.detach();
  return after - before;
}

it('ticker bar: main-thread work vs a reference marquee, time to visible, layout shifts', async () => {
  const build = buildWithSitesGranted();
  const session = await launchChromiumWithExtension(
    {
      ...tradingDayFixtures(),
      [PAGE]: { body: fixture('pages/simple.html') },
      [`${PAGE}?bare`]: { body: fixture('pages/simple.html') },
      [REFERENCE]: { body: fixture('pages/reference-marquee.html') },
    },
    build,
  );
  try {
    const popup = await session.openPopup();
    await waitForPrices(popup);
    await popup.getByRole('switch', { name: 'Show ticker bar on pages' }).click();
    await popup.waitForTimeout(500);
    await popup.close();

    const page = await session.context.newPage();
    // Layout shifts are collected from the page's start, before the bar's script runs.
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__shift += (e as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(PAGE);
    const visibleAt = await (
      await page.waitForFunction(() => (document.querySelector('psx-ticker-bar') ? performance.now() : null), undefined, { polling: 'raf' })
    ).jsonValue();
    const loadAt = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    await page.waitForTimeout(1_000);
    const ours = await mainThreadMs(page);
    const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);

    const reference = await session.context.newPage();
    await reference.goto(REFERENCE);
    await reference.waitForTimeout(1_000);
    const theirs = await mainThreadMs(reference);

    const bare = await session.context.newPage();
    await bare.goto(`${PAGE}?bare`);
    await bare.evaluate(() => document.querySelector('psx-ticker-bar')?.remove());
    await bare.waitForTimeout(1_000);
    const nothing = await mainThreadMs(bare);

    console.log(
      [
        `ticker bar: main-thread task time over ${WINDOW_MS / 1000} s while scrolling: ours ${ours.toFixed(1)} ms, reference marquee ${theirs.toFixed(1)} ms, page without any bar ${nothing.toFixed(1)} ms; ratio ours/reference ${(ours / theirs).toFixed(2)}`,
        `ticker bar: visible ${Math.round((visibleAt ?? NaN) - loadAt)} ms after the page's load event (load at ${Math.round(loadAt)} ms, bar at ${Math.round(visibleAt ?? NaN)} ms)`,
        `ticker bar: cumulative layout shift in overlay mode ${shift}`,
      ].join('\n'),
    );
    expect(shift).toBe(0);
  } finally {
    await session.close();
    rmSync(build, { recursive: true, force: true });
  }
}, 120_000);
