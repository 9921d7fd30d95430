import { describe, expect, it } from 'vitest';
import { fetchText, MAX_RETRY_AFTER_MS, parseHttpDate, parseRetryAfter, redirectRefusal } from '../../../src/sources/http';
import { fakeFetch, type Answer } from '../fake-fetch';

const URL = 'https://dps.psx.com.pk/';
const NOW = Date.UTC(2026, 9, 14, 6, 0, 0);
const now = (): number => NOW;

async function outcome(answer: Answer, timeoutMs = 1_000) {
  const { fetch } = fakeFetch({ [URL]: [answer] });
  return fetchText(URL, { fetchImpl: fetch, now, timeoutMs });
}

describe('fetchText classifies failures', () => {
  it.each([
    [{ status: 403 }, { kind: 'forbidden', detail: 'HTTP 403' }],
    [{ status: 404 }, { kind: 'not-found', detail: 'HTTP 404' }],
    [{ status: 410 }, { kind: 'not-found', detail: 'HTTP 410' }],
    [{ status: 429, headers: { 'Retry-After': '120' } }, { kind: 'rate-limited', retryAt: NOW + 120_000 }],
    [{ status: 503, headers: { 'Retry-After': 'Wed, 14 Oct 2026 06:05:00 GMT' } }, { kind: 'server', retryAt: Date.UTC(2026, 9, 14, 6, 5) }],
    [{ status: 500 }, { kind: 'server', detail: 'HTTP 500' }],
    [{ status: 418 }, { kind: 'http', detail: 'HTTP 418' }],
    [{ throws: new TypeError('Failed to fetch') }, { kind: 'network', detail: 'Failed to fetch' }],
  ] as [Answer, object][])('%o', async (answer, expected) => {
    const result = await outcome(answer);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ ...expected, at: NOW });
  });

  it('aborts a request that hangs past the deadline and says so', async () => {
    const result = await outcome({ hang: true }, 20);
    expect(!result.ok && result.error).toMatchObject({ kind: 'timeout' });
  });

  it('ignores a Retry-After that is neither seconds nor a date', async () => {
    const result = await outcome({ status: 429, headers: { 'Retry-After': 'soon' } });
    expect(!result.ok && result.error.retryAt).toBeUndefined();
  });
});

describe('fetchText decodes bytes by charset', () => {
  it.each([
    ['the Content-Type charset', { 'Content-Type': 'application/rss+xml; charset=windows-1252' }, [0x93, 0x51, 0x94], '\u201CQ\u201D'],
    ['ISO-8859-1 in quotes', { 'Content-Type': 'text/xml; charset="ISO-8859-1"' }, [0x63, 0x61, 0x66, 0xe9], 'café'],
    ['UTF-8 by default', {}, [0x63, 0x61, 0x66, 0xc3, 0xa9], 'café'],
  ])('%s', async (_name, headers, bytes, text) => {
    const result = await outcome({ body: Uint8Array.from(bytes), headers });
    expect(result.ok && result.value.text).toBe(text);
  });

  it('uses the XML declaration when the header names no charset', async () => {
    const head = new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?><t>');
    const body = Uint8Array.from([...head, 0x96, 0x3c, 0x2f, 0x74, 0x3e]);
    const result = await outcome({ body, headers: { 'Content-Type': 'text/xml' } });
    expect(result.ok && result.value.text.endsWith('<t>\u2013</t>')).toBe(true);
  });
});

describe('Retry-After is read strictly and bounded', () => {
  const DAY = 24 * 3_600_000;
  it('reads at most a day ahead (the longest cap of any source)', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(DAY);
  });

  it.each<[string, string | null, number | null]>([
    ['delta-seconds', '120', NOW + 120_000],
    ['zero', '0', NOW],
    ['padded', '  90 ', NOW + 90_000],
    ['IMF-fixdate', 'Wed, 14 Oct 2026 06:05:00 GMT', Date.UTC(2026, 9, 14, 6, 5)],
    ['RFC 850 date', 'Wednesday, 14-Oct-26 06:05:00 GMT', Date.UTC(2026, 9, 14, 6, 5)],
    ['asctime date', 'Wed Oct 14 06:05:00 2026', Date.UTC(2026, 9, 14, 6, 5)],
    ['a date in the past is now', 'Wed, 14 Oct 2026 05:00:00 GMT', NOW],
    // implausible: clamped to the day
    ['a far-future date', 'Fri, 31 Dec 9999 23:59:59 GMT', NOW + DAY],
    ['a delay in milliseconds (30 min as ms)', '1800000', NOW + DAY],
    ['an absurd number of seconds', '9'.repeat(400), NOW + DAY],
    // not a time at all
    ['negative', '-5', null],
    ['fractional', '1.5', null],
    ['exponent', '1e3', null],
    ['words', 'soon', null],
    ['a loose date (Date.parse would take it)', 'Oct 14 2026 06:05', null],
    ['ISO date (not an HTTP date)', '2026-10-14T06:05:00Z', null],
    ['31 February', 'Tue, 31 Feb 2026 06:05:00 GMT', null],
    ['bad month', 'Wed, 14 Foo 2026 06:05:00 GMT', null],
    ['hour 25', 'Wed, 14 Oct 2026 25:05:00 GMT', null],
    ['empty', '', null],
    ['absent', null, null],
  ])('%s: %o', (_name, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each<[string, number | null]>([
    ['Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sun, 6 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sunday, 06-Nov-30 08:49:37 GMT', Date.UTC(2030, 10, 6, 8, 49, 37)],
    ['Sun Nov  6 08:49:37 1994', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sun Nov 16 08:49:37 1994', Date.UTC(1994, 10, 16, 8, 49, 37)],
    ['sun, 06 nov 1994 08:49:37 gmt', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sun, 06 Nov 1994 08:49:37', null],
    ['1994-11-06', null],
  ])('parseHttpDate(%o)', (value, expected) => {
    expect(parseHttpDate(value, NOW)).toBe(expected);
  });

  it('a 429 with a far-future date carries the bounded time', async () => {
    const result = await outcome({ status: 429, headers: { 'Retry-After': 'Fri, 31 Dec 9999 23:59:59 GMT' } });
    expect(!result.ok && result.error).toMatchObject({ kind: 'rate-limited', retryAt: NOW + DAY });
  });
});

describe('fetchText fetches https on public hosts only, and refuses redirects away from them', () => {
  const feed = 'https://news.example/rss';

  it.each([
    ['http:', 'http://news.example/rss', 'only https addresses are read, not http:'],
    ['loopback', 'https://127.0.0.1/rss', '127.0.0.1 is a private'],
    ['private network', 'https://192.168.1.1/rss', '192.168.1.1 is a private'],
    ['localhost', 'https://localhost/rss', 'localhost is a private'],
  ])('refuses a %s address without asking it', async (_name, url, detail) => {
    const { fetch, calls } = fakeFetch({ [url]: [{ body: 'x' }] });
    const result = await fetchText(url, { fetchImpl: fetch, now });
    expect(!result.ok && result.error).toMatchObject({ kind: 'http', at: NOW });
    expect(!result.ok && result.error.detail).toContain(detail);
    expect(calls).toEqual([]);
  });

  it.each([
    ['127.0.0.1', 'https://127.0.0.1/admin', 'redirected to 127.0.0.1'],
    ['an http: page', 'http://news.example/rss', 'redirected from https: to http:'],
    ['IPv6 loopback', 'https://[::1]/', 'redirected to [::1]'],
    ['a link-local address', 'https://169.254.169.254/latest/meta-data/', 'redirected to 169.254.169.254'],
    ['a 10/8 address', 'https://10.1.2.3:8443/', 'redirected to 10.1.2.3:8443'],
    ['localhost', 'https://localhost/', 'redirected to localhost'],
    ['another scheme', 'ftp://news.example/rss', 'redirected from https: to ftp:'],
  ])('refuses a redirect to %s', async (_name, target, detail) => {
    const { fetch } = fakeFetch({ [feed]: [{ body: '<rss/>', redirectedTo: target }] });
    const result = await fetchText(feed, { fetchImpl: fetch, now });
    expect(!result.ok && result.error).toMatchObject({ kind: 'http', at: NOW });
    expect(!result.ok && result.error.detail).toContain(detail);
  });

  it('refuses a redirected error too, without taking its Retry-After', async () => {
    const { fetch } = fakeFetch({ [feed]: [{ status: 429, headers: { 'Retry-After': '600' }, redirectedTo: 'https://127.0.0.1/' }] });
    const result = await fetchText(feed, { fetchImpl: fetch, now });
    expect(!result.ok && result.error).toEqual({ kind: 'http', detail: expect.stringContaining('127.0.0.1') as unknown, at: NOW });
  });

  it('does not read the body of a refused redirect', async () => {
    let pulls = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls++;
          controller.enqueue(new TextEncoder().encode('secret'));
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const fetchImpl = (() => {
      const response = new Response(body);
      Object.defineProperty(response, 'redirected', { value: true });
      Object.defineProperty(response, 'url', { value: 'https://192.168.0.1/' });
      return Promise.resolve(response);
    }) as typeof fetch;
    const result = await fetchText(feed, { fetchImpl, now });
    expect(result.ok).toBe(false);
    expect({ pulls, cancelled }).toEqual({ pulls: 0, cancelled: true });
  });

  it.each([
    ['another https host', 'https://cdn.example/feeds/rss'],
    ['the same host, another path', 'https://news.example/feeds/rss.xml'],
  ])('accepts an https→https redirect to %s', async (_name, target) => {
    const { fetch } = fakeFetch({ [feed]: [{ body: '<rss/>', redirectedTo: target }] });
    const result = await fetchText(feed, { fetchImpl: fetch, now });
    expect(result.ok && result.value.text).toBe('<rss/>');
  });
});

describe('redirectRefusal', () => {
  it.each<[string, boolean, string, string | null]>([
    ['not redirected', false, '', null],
    ['not redirected, url set', false, 'https://news.example/rss', null],
    ['https → https', true, 'https://cdn.example/x', null],
    ['https → http', true, 'http://cdn.example/x', 'redirected from https: to http:'],
    ['https → private', true, 'https://172.20.0.5/x', 'redirected to 172.20.0.5: 172.20.0.5 is a private, loopback or link-local address'],
    ['https → mapped IPv4 loopback', true, 'https://[::ffff:127.0.0.1]/', 'redirected to [::ffff:7f00:1]: [::ffff:7f00:1] is a private, loopback or link-local address'],
    ['https → credentials', true, 'https://u:p@cdn.example/', 'redirected to cdn.example: an address with a user name or password is not read'],
    ['https → nothing readable', true, '', 'redirected to an address that cannot be read'],
  ])('%s', (_name, redirected, url, expected) => {
    expect(redirectRefusal('https://news.example/rss', { redirected, url })).toBe(expected);
  });
});

describe('fetchText with a gate that fails', () => {
  it('returns an internal failure and sends nothing', async () => {
    const { fetch, calls } = fakeFetch({ [URL]: [{ body: 'x' }] });
    const gate = { admit: () => Promise.reject(new Error('broken')), rateLimited: () => undefined };
    const result = await fetchText(URL, { fetchImpl: fetch, now, gate });
    expect(result).toEqual({ ok: false, error: { kind: 'internal', detail: 'pacing: broken', at: NOW } });
    expect(calls).toEqual([]);
  });
});
