/**
 * The options page of the production Firefox build (an unchanged copy of dist/firefox) in
 * Firefox ESR, its sources answered from fixtures through the loopback proxy:
 *
 * - adding a feed asks Firefox for host access to the feed's site at runtime (an optional
 *   permission, requested from the Add click; `extensions.webextOptionalPermissionPrompts` off
 *   answers the prompt with yes, as the user would), the background reads the feed once, the
 *   feed is listed, and its story is in the popup;
 * - "Times shown in" → Pakistan time changes the popup's "as of" time, open in another tab,
 *   from the browser's own zone (UTC here) to PKT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tradingDayFixtures } from './support/fixtures';
import { launchFirefoxWithFixtures, OPTIONS_PATH, POPUP_PATH, type FirefoxSession } from './support/firefox-session';

const FEED_URL = 'https://markets.example.net/rss.xml';
const FEED_TITLE = 'Example Markets Wire';
const STORY = 'Cement makers lead a late rally in Karachi';

function feed(): string {
  const published = new Date(Date.now() - 2 * 3_600_000).toUTCString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>${FEED_TITLE}</title><link>https://markets.example.net/</link><description>Fixture feed</description>
  <item><title>${STORY}</title><link>https://markets.example.net/news/1</link><pubDate>${published}</pubDate><guid>mx-1</guid></item>
</channel></rss>`;
}

type OptionsView = {
  feeds: { title: string; url: string }[];
  message: { className: string; text: string } | null;
  zone: string | null;
  granted: boolean;
};

const READ_OPTIONS = `
  const text = (el) => (el?.textContent ?? '').trim();
  const done = arguments[arguments.length - 1];
  const message = document.querySelector('.add-feed__ok, .add-feed__error');
  const zone = Array.from(document.querySelectorAll('select')).find((s) => s.querySelector('option[value="Asia/Karachi"]'));
  return browser.permissions.contains({ origins: ['https://markets.example.net/*'] }).then((granted) => ({
    feeds: Array.from(document.querySelectorAll('li.feed'), (li) => ({ title: text(li.querySelector('.feed__title')), url: text(li.querySelector('.feed__url')) })),
    message: message ? { className: message.className, text: text(message) } : null,
    zone: zone?.value ?? null,
    granted,
  }));
`;

type AsOfView = {
  text: string;
  dateTime: string | null;
  stories: string[];
};

const READ_POPUP = `
  const asOf = document.querySelector('.header__asof');
  return {
    text: (asOf?.textContent ?? '').trim(),
    dateTime: asOf?.querySelector('time')?.getAttribute('datetime') ?? null,
    stories: Array.from(document.querySelectorAll('section.stories .story__title'), (a) => (a.textContent ?? '').trim()),
  };
`;

const clock = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(new Date(iso));

describe('Firefox ESR: the options page', () => {
  let session: FirefoxSession;
  let optionsTab: string;
  let popupTab: string;

  beforeAll(async () => {
    session = await launchFirefoxWithFixtures(
      { ...tradingDayFixtures(), [FEED_URL]: { body: feed(), contentType: 'application/rss+xml; charset=utf-8' } },
      // The browser's own zone is UTC, five hours from Pakistan's, so the choice shows.
      { prefs: { 'extensions.webextOptionalPermissionPrompts': false }, env: { TZ: 'UTC' } },
    );
    const { client } = session.firefox;
    popupTab = await client.currentWindowHandle();
    await session.openExtensionPage(POPUP_PATH);
    await session.until<AsOfView>(READ_POPUP, (v) => v.dateTime !== null, 'the popup never showed the time of its figures');
    optionsTab = await client.newTab();
    await client.switchToWindow(optionsTab);
    await session.openExtensionPage(OPTIONS_PATH);
    await session.until<OptionsView>(READ_OPTIONS, (v) => v.feeds.length > 0, 'the options page never listed the feeds');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('adds a feed: asks for its site from the click, reads it once, lists it', async () => {
    const before = await session.firefox.client.executeScript<OptionsView>(READ_OPTIONS);
    expect(before.granted).toBe(false);
    expect(before.feeds.map((f) => f.url)).not.toContain(FEED_URL);

    await session.type('#feed-url', FEED_URL);
    await session.click('form.add-feed button[type="submit"]');
    const after = await session.until<OptionsView>(READ_OPTIONS, (v) => v.message !== null, 'the add flow never answered');
    expect(after.message?.className, after.message?.text).toBe('add-feed__ok');
    const listed = await session.until<OptionsView>(READ_OPTIONS, (v) => v.feeds.some((f) => f.url === FEED_URL), 'the feed was never listed');
    expect(listed.feeds.find((f) => f.url === FEED_URL)?.title).toBe(FEED_TITLE);
    // Granted at runtime by Firefox, for that one site.
    expect(listed.granted).toBe(true);
    expect(session.proxy.requests.filter((r) => r.url === FEED_URL).length).toBeGreaterThan(0);
  });

  it('shows the new feed’s story in the popup', async () => {
    const { client } = session.firefox;
    await client.switchToWindow(popupTab);
    const popup = await session.until<AsOfView>(READ_POPUP, (v) => v.stories.includes(STORY), 'the new feed’s story never reached the popup');
    expect(popup.stories).toContain('Oil steadies as traders weigh OPEC+ output plans');
  });

  it('shows times in Pakistan time once chosen, in the popup already open', async () => {
    const { client } = session.firefox;
    await client.switchToWindow(popupTab);
    const local = await client.executeScript<AsOfView>(READ_POPUP);
    if (local.dateTime === null) throw new Error('no time in the popup');
    expect(local.text).toContain(clock(local.dateTime, 'UTC'));
    expect(local.text).not.toContain('PKT');

    await client.switchToWindow(optionsTab);
    await session.click('select option[value="Asia/Karachi"]');
    await session.until<OptionsView>(READ_OPTIONS, (v) => v.zone === 'Asia/Karachi', 'the zone was never chosen');

    await client.switchToWindow(popupTab);
    const pkt = await session.until<AsOfView>(READ_POPUP, (v) => v.text.includes('PKT'), 'the popup never switched to PKT');
    expect(pkt.text).toContain(`${clock(local.dateTime, 'Asia/Karachi')} PKT`);
    expect(clock(local.dateTime, 'Asia/Karachi')).not.toBe(clock(local.dateTime, 'UTC'));
  });
});
