/**
 * Popup first paint with data: the production Chrome build, storage already filled, opened
 * ten times; each figure is the page's own clock (ms since navigation start) at the first
 * animation frame where the watchlist shows prices. Run by `npm run bench`; no network.
 */
import { expect, it } from 'vitest';
import { launchChromiumWithExtension, waitForPrices } from '../test/e2e/support/chromium';
import { tradingDayFixtures } from '../test/e2e/support/fixtures';

it('popup: first paint with data, median of 10 opens', async () => {
  const session = await launchChromiumWithExtension(tradingDayFixtures());
  try {
    const warm = await session.openPopup();
    await waitForPrices(warm);
    await warm.close();
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const page = await session.context.newPage();
      const before = session.requests.length;
      await page.goto(`chrome-extension://${session.extensionId}/src/popup/index.html`, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(
        () => {
          const cell = document.querySelector('li.quote[data-symbol="WTL"] .quote__price');
          return cell && /\d/.test(cell.textContent ?? '') ? performance.now() : null;
        },
        undefined,
        { polling: 'raf' },
      );
      times.push(Math.round((await handle.jsonValue()) ?? Number.NaN));
      expect(session.requests.length).toBe(before); // drawn from storage, not the network
      await page.close();
    }
    times.sort((a, b) => a - b);
    const median = (times[4]! + times[5]!) / 2;
    console.log(`popup first paint with data: median ${median} ms of 10 opens (all: ${times.join(', ')} ms)`);
  } finally {
    await session.close();
  }
}, 120_000);
