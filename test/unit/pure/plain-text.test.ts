import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../src/shared/result';
import { Budget } from '../../../src/sources/dom';
import { collapseEnough, collapseWhitespace, htmlToPlainText, truncateAtWord } from '../../../src/sources/feeds/plain-text';

const plain = (html: string) => htmlToPlainText(html, new Budget(10_000));

describe('htmlToPlainText', () => {
  it.each<[string, string, string]>([
    ['plain text unchanged', 'KSE-100 gains 500 points', 'KSE-100 gains 500 points'],
    // entities are decoded exactly once
    ['&amp;', 'Markets &amp; money', 'Markets & money'],
    ['double-escaped stays escaped once', '&amp;amp;', '&amp;'],
    ['numeric entities', '&#8216;Budget&#8217; talks', '\u2018Budget\u2019 talks'],
    ['hex entity', '&#x2014;', '\u2014'],
    ['named quotes', '&quot;Hi&quot; &lsquo;there&rsquo;', '"Hi" \u2018there\u2019'],
    ['escaped markup becomes text, not tags', '&lt;b&gt;bold&lt;/b&gt;', '<b>bold</b>'],
    ['escaped script stays inert text', '&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['bare ampersand', 'AT&T results', 'AT&T results'],
    ['lone < is text', 'Shares < 5% of float', 'Shares < 5% of float'],
    // tags go, their text stays
    ['bold', '<b>Bold</b> news', 'Bold news'],
    ['nested', '<p><a href="https://x.example/"><em>Deep</em> link</a></p>', 'Deep link'],
    ['attributes never leak', '<span title="secret">shown</span>', 'shown'],
    // non-text content is dropped entirely
    ['script contents', '<script>x</script>News', 'News'],
    ['style contents', '<style>b{color:red}</style>News', 'News'],
    ['script inside an element', '<div>A<script>alert(1)</script>B</div>', 'AB'],
    ['img with onerror', '<img src=x onerror=alert(1)>', ''],
    ['img between words', 'Before <img src=x onerror=alert(1)> after', 'Before after'],
    ['comment', 'Visible<!-- hidden -->', 'Visible'],
    // whitespace collapsed and trimmed
    ['spaces, tabs, newlines', '  Oil \n\t prices   rise  ', 'Oil prices rise'],
    ['&nbsp; counts as whitespace', 'a&nbsp;&nbsp; b', 'a b'],
    ['empty', '', ''],
    ['whitespace only', ' \n\t ', ''],
  ])('%s', (_name, html, expected) => {
    expect(plain(html)).toEqual(ok(expected));
  });

  // htmlparser2 in HTML mode reads `<![CDATA[…]]>` as a comment unless told otherwise; a
  // double-wrapped title (a common feed-generator mistake) must keep its text.
  it('keeps the text of a CDATA section', () => {
    expect(plain('<![CDATA[Markets rally]]>')).toEqual(ok('Markets rally'));
  });
});

describe('collapseWhitespace', () => {
  it.each<[string, string]>([
    ['a  b', 'a b'],
    ['\n a\tb \r\n', 'a b'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(collapseWhitespace(text)).toBe(expected);
  });
});

describe('truncateAtWord', () => {
  const long = 'word '.repeat(100).trim(); // 499 characters
  it.each<[string, string, number | undefined, string]>([
    ['under the limit', 'short title', 20, 'short title'],
    ['exactly at the limit', '0123456789', 10, '0123456789'],
    ['one over: cut at a word', 'the quick brown', 14, 'the quick\u2026'],
    ['well over: cut at the last word that fits', 'the quick brown fox jumps', 12, 'the quick\u2026'],
    ['trailing spaces before the cut are trimmed', 'alpha    beta gamma delta', 12, 'alpha\u2026'],
    ['space too early: hard cut', 'ab cdefghijklmnop', 10, 'ab cdefgh\u2026'],
    ['a single very long word', 'x'.repeat(50), 10, `${'x'.repeat(9)}\u2026`],
    ['default limit of 300', long, undefined, `${'word '.repeat(58)}word\u2026`],
    ['empty', '', 10, ''],
  ])('%s', (_name, text, max, expected) => {
    const result = max === undefined ? truncateAtWord(text) : truncateAtWord(text, max);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(max ?? 300);
  });

  // Cutting by UTF-16 unit could leave a lone high surrogate (shown as U+FFFD) before the ellipsis.
  it('never splits a surrogate pair', () => {
    expect(truncateAtWord('a\u{1F600}\u{1F600}\u{1F600}', 3)).toBe('a\u2026');
  });
});

describe('htmlToPlainText is bounded', () => {
  it('reads a title nested 100 tags deep, and refuses one nested deeper (issue 10: 5,000 overflowed the stack)', () => {
    expect(plain(`${'<b>'.repeat(100)}Deep`)).toEqual(ok('Deep'));
    expect(plain(`${'<b>'.repeat(5_000)}Deep`)).toEqual({ ok: false, error: 'too deeply nested (more than 100 levels of elements)' });
  });

  // A section ends at its first `]]>`, so one inside another is never closed: a bogus comment.
  it('reads a CDATA section as HTML once, and 6,000 nested openers as nothing', () => {
    expect(plain('<![CDATA[<i>Once</i> &amp; again]]>')).toEqual(ok('Once & again'));
    expect(plain('<![CDATA['.repeat(6_000))).toEqual(ok(''));
  });

  it('fails once the budget is spent, shared across reads', () => {
    const budget = new Budget(1_000);
    expect(htmlToPlainText('<i>x</i>'.repeat(100), budget).ok).toBe(true);
    expect(htmlToPlainText('<i>x</i>'.repeat(400), budget)).toEqual({ ok: false, error: 'too large (more than 1000 steps of parsing)' });
  });

  const piece = fc.constantFrom('word', 'x', ' ', '  ', '\n', '\u00A0', '<b>', '</b>', '<p>', '</p>', '<br>', '<script>hidden</script>', '&amp;', '&nbsp;', '<![CDATA[c <i>d</i>]]>', 'y'.repeat(120), ' '.repeat(700));
  const html = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

  // Reading stops once the text is longer than what will be shown; what is shown must not change.
  it('stopping at enough text shows the same title as reading it all', () => {
    fc.assert(
      fc.property(html, fc.constantFrom(10, 80, 300), (source, max) => {
        const whole = htmlToPlainText(source, new Budget(1e9));
        const enough = htmlToPlainText(source, new Budget(1e9), max);
        expect(enough.ok && whole.ok && truncateAtWord(enough.value, max)).toBe(whole.ok && truncateAtWord(whole.value, max));
      }),
      { numRuns: 400 },
    );
  });

  it('collapseEnough gives what truncateAtWord needs of collapseWhitespace', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', ' ', '\t\n', ' '.repeat(500), 'z'.repeat(90)), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(5, 50, 300), (source, max) => {
        expect(truncateAtWord(collapseEnough(source, max), max)).toBe(truncateAtWord(collapseWhitespace(source), max));
      }),
      { numRuns: 400 },
    );
  });
});
