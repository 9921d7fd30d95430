/**
 * A feed's address is checked before every read, whatever stored it, and a redirect is judged
 * by where it landed: https on a public host, or nothing is read.
 */
import { describe, expect, it } from 'vitest';
import { feedUrlRefusal, readFeed } from '../../../src/sources/feeds/read-feed';
import type { FeedSource } from '../../../src/sources/feeds/parse-feed';
import { fakeFetch, type Answer } from '../fake-fetch';

const NOW = Date.UTC(2026, 9, 14, 6, 0);
const now = (): number => NOW;
const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example News</title>
<item><title>One</title><link>https://news.example/1</link><guid>1</guid><pubDate>Wed, 14 Oct 2026 05:00:00 GMT</pubDate></item>
</channel></rss>`;
const source = (url: string): FeedSource => ({ id: 'user-x', url, name: 'news.example' });

async function read(url: string, answer: Answer) {
  const { fetch, calls } = fakeFetch({ [url]: [answer] });
  const result = await readFeed(source(url), { fetchImpl: fetch, now });
  return { result, calls };
}

describe('readFeed refuses addresses it must not fetch, without fetching them', () => {
  it.each([
    ['an http: feed', 'http://news.example/rss', 'feeds are read over https only, and this address is http:'],
    ['an HTTP: feed in capitals', 'HTTP://news.example/rss', 'feeds are read over https only, and this address is http:'],
    ['a loopback feed', 'https://127.0.0.1/rss', '127.0.0.1 is a private, loopback or link-local address'],
    ['a private-network feed', 'https://10.0.0.1/admin', '10.0.0.1 is a private, loopback or link-local address'],
    ['a link-local feed', 'https://[fe80::1]/rss', '[fe80::1] is a private, loopback or link-local address'],
    ['a feed with credentials', 'https://u:p@news.example/rss', 'an address with a user name or password is not read'],
    ['a javascript: address', 'javascript:alert(1)', 'only https addresses are read, not javascript:'],
  ])('%s', async (_name, url, detail) => {
    const { result, calls } = await read(url, { body: RSS });
    expect(result).toEqual({ ok: false, error: { kind: 'http', detail, at: NOW } });
    expect(calls).toEqual([]);
  });

  it('feedUrlRefusal passes an https feed on a public host', () => {
    expect(feedUrlRefusal('https://news.example/rss')).toBeNull();
  });
});

describe('readFeed and redirects', () => {
  const URL = 'https://news.example/rss';

  it.each([
    ['127.0.0.1', 'https://127.0.0.1/rss', 'refused: redirected to 127.0.0.1: 127.0.0.1 is a private, loopback or link-local address'],
    ['an http: address', 'http://news.example/rss', 'refused: redirected from https: to http:'],
    ['192.168.0.10', 'https://192.168.0.10/rss', 'refused: redirected to 192.168.0.10: 192.168.0.10 is a private, loopback or link-local address'],
    ['IPv6 unique-local', 'https://[fd00::5]/rss', 'refused: redirected to [fd00::5]: [fd00::5] is a private, loopback or link-local address'],
  ])('refuses a redirect to %s, whatever it served', async (_name, target, detail) => {
    const { result } = await read(URL, { body: RSS, headers: { 'Content-Type': 'application/rss+xml' }, redirectedTo: target });
    expect(result).toEqual({ ok: false, error: { kind: 'http', detail, at: NOW } });
  });

  it('reads a feed redirected from https to https', async () => {
    const { result } = await read(URL, { body: RSS, headers: { 'Content-Type': 'application/rss+xml' }, redirectedTo: 'https://feeds.example-cdn.net/news/rss' });
    expect(result.ok && result.value.title).toBe('Example News');
    expect(result.ok && result.value.stories.map((s) => s.title)).toEqual(['One']);
  });
});
