import { describe, expect, it } from 'vitest';
import { fetchRefusal, isPrivateHost, safeHttpUrl } from '../../../src/shared/links';

const BASE = 'https://www.brecorder.com/news/';

describe('safeHttpUrl', () => {
  it.each<[string, string | null | undefined, string | undefined, string | null]>([
    // http(s) pass, as the parser's normalised href
    ['http passes', 'http://example.com', undefined, 'http://example.com/'],
    ['https passes', 'https://example.com/a?b=c#d', undefined, 'https://example.com/a?b=c#d'],
    ['scheme and host normalised', 'HTTPS://Example.COM:443/a/../b', undefined, 'https://example.com/b'],
    ['non-ASCII host to punycode', 'https://bücher.example/', undefined, 'https://xn--bcher-kva.example/'],
    ['surrounding whitespace trimmed', '  https://example.com/x \n', undefined, 'https://example.com/x'],
    ['tab/newline inside removed', 'https://exa\tmple.com/x\n', undefined, 'https://example.com/x'],
    // relative links resolve against the base
    ['path-relative', 'story-1', BASE, 'https://www.brecorder.com/news/story-1'],
    ['root-relative', '/markets/x', BASE, 'https://www.brecorder.com/markets/x'],
    ['query only', '?page=2', BASE, 'https://www.brecorder.com/news/?page=2'],
    // scheme-relative takes the base's scheme and may point elsewhere: still an http(s) link
    ['scheme-relative', '//evil.example/x', BASE, 'https://evil.example/x'],
    ['absolute ignores base', 'http://other.example/', BASE, 'http://other.example/'],
    // hostile schemes, with and without a base
    ['javascript:', 'javascript:alert(1)', undefined, null],
    ['javascript: with base', 'javascript:alert(1)', BASE, null],
    ['mixed-case javascript:', 'JaVaScRiPt:alert(1)', BASE, null],
    ['tab inside scheme', 'java\tscript:alert(1)', BASE, null],
    ['newline inside scheme', 'java\nscript:alert(1)', BASE, null],
    ['CR inside scheme', 'java\rscript:alert(1)', BASE, null],
    ['leading spaces', '   javascript:alert(1)', BASE, null],
    ['leading C0 control', '\u0001javascript:alert(1)', BASE, null],
    ['leading NUL', '\u0000javascript:alert(1)', BASE, null],
    ['leading BOM', '\uFEFFjavascript:alert(1)', BASE, null],
    ['leading NBSP', '\u00a0javascript:alert(1)', BASE, null],
    ['data:', 'data:text/html,<script>alert(1)</script>', BASE, null],
    ['vbscript:', 'vbscript:msgbox(1)', BASE, null],
    ['file:', 'file:///etc/passwd', BASE, null],
    ['ftp:', 'ftp://example.com/file', BASE, null],
    ['mailto:', 'mailto:someone@example.com', BASE, null],
    ['blob:', 'blob:https://example.com/uuid', BASE, null],
    // credentials are never part of a link
    ['user and password', 'https://user:pw@host.example/', undefined, null],
    ['user only', 'https://user@host.example/', undefined, null],
    ['password only', 'https://:pw@host.example/', undefined, null],
    // nothing to link
    ['empty', '', BASE, null],
    ['whitespace only', ' \t\n ', BASE, null],
    ['null', null, BASE, null],
    ['undefined', undefined, BASE, null],
    ['relative with no base', '/markets/x', undefined, null],
    ['scheme-relative with no base', '//evil.example/x', undefined, null],
    ['unparseable base', '/x', 'not a url', null],
  ])('%s', (_name, raw, base, expected) => {
    expect(safeHttpUrl(raw, base)).toBe(expected);
  });

  // Only the ends are trimmed: an internal space is percent-encoded by the URL parser, so the
  // link still points at the same resource (an earlier version deleted it).
  it.each<[string, string, string]>([
    ['internal space in path', 'https://example.com/a b', 'https://example.com/a%20b'],
    ['internal space in query', 'https://example.com/search?q=oil price', 'https://example.com/search?q=oil%20price'],
  ])('%s is kept (percent-encoded)', (_name, raw, expected) => {
    expect(safeHttpUrl(raw)).toBe(expected);
  });
});

describe('isPrivateHost', () => {
  it.each<[string, boolean]>([
    // IPv4 private, loopback, link-local, "this network"
    ['10.0.0.1', true],
    ['10.255.255.255', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.1', true],
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['169.254.169.254', true],
    ['0.0.0.0', true],
    ['0.1.2.3', true],
    // the same in the spellings the URL parser accepts
    ['0x7f.1', true],
    ['2130706433', true],
    ['0177.0.0.1', true],
    ['127.1', true],
    ['127.0.0.1.', true],
    // neighbours that are public
    ['172.15.255.255', false],
    ['172.32.0.0', false],
    ['192.169.0.1', false],
    ['169.253.0.1', false],
    ['11.0.0.1', false],
    ['8.8.8.8', false],
    // names
    ['localhost', true],
    ['LOCALHOST', true],
    ['localhost.', true],
    ['api.localhost', true],
    ['localhost.example.com', false],
    ['dps.psx.com.pk', false],
    ['www.brecorder.com', false],
    // IPv6
    ['[::1]', true],
    ['::1', true],
    ['[::]', true],
    ['[0:0:0:0:0:0:0:1]', true],
    ['[fc00::1]', true],
    ['[fd12:3456::1]', true],
    ['[fe80::1]', true],
    ['[febf::1]', true],
    ['[fec0::1]', false],
    ['[fbff::1]', false],
    ['[2001:db8::1]', false],
    ['[2606:4700::1111]', false],
    // IPv4 inside IPv6, judged by the IPv4 part
    ['[::ffff:127.0.0.1]', true],
    ['[::ffff:10.1.2.3]', true],
    ['[::ffff:8.8.8.8]', false],
    ['[::127.0.0.1]', true],
    ['[64:ff9b::192.168.0.1]', true],
    ['[64:ff9b::8.8.8.8]', false],
    // unparseable: not trusted
    ['exa mple.com', true],
    ['[::1', true],
  ])('%s → %s', (host, expected) => {
    expect(isPrivateHost(host)).toBe(expected);
  });
});

describe('fetchRefusal', () => {
  it.each<[string, string | null]>([
    ['https://dps.psx.com.pk/market-watch', null],
    ['https://news.example:8443/rss', null],
    ['http://news.example/rss', 'only https addresses are read, not http:'],
    ['ftp://news.example/rss', 'only https addresses are read, not ftp:'],
    ['file:///etc/passwd', 'only https addresses are read, not file:'],
    ['https://user:pw@news.example/', 'an address with a user name or password is not read'],
    ['https://127.0.0.1/', '127.0.0.1 is a private, loopback or link-local address'],
    ['https://0x7f.1/', '127.0.0.1 is a private, loopback or link-local address'],
    ['https://[::1]:8080/', '[::1] is a private, loopback or link-local address'],
    ['https://localhost/feed', 'localhost is a private, loopback or link-local address'],
    ['not a url', 'not a valid address'],
  ])('%s → %s', (url, expected) => {
    expect(fetchRefusal(url)).toBe(expected);
  });
});
