import { describe, expect, it } from 'vitest';
import { fetchText } from '../../../src/sources/http';
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
