import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../../src/shared/links';

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
