/**
 * Property-based tests for the feed pipeline: random and mutated feeds built from hostile
 * pieces must never make parseFeedXml throw, and whatever comes back must be safe to show.
 *
 * "No tag markup in a title" is stated precisely rather than as "no `<` before a letter":
 * plain text may legitimately contain `<b` when the feed escaped the `<` itself (`&lt;b&gt;`
 * reads as the text "<b>", pinned in plain-text.test.ts) or wrote a stray `<` that HTML reads as
 * text (`<<b>b` is the text "<b" in a browser too). So every `<` followed by a letter, `/` or `!`
 * in a title must be paid for by one such `<` in the source; a tag can never survive. That
 * needs each title's source text, so it is checked where the XML structure is intact (values
 * escaped, in CDATA or as char refs); raw values that break the XML get the other rules only.
 *
 * Run counts are sized for a 2-core CI machine (the file takes a few seconds); failures print
 * fast-check's seed and the shrunk counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../../src/shared/links';
import type { Story } from '../../../src/shared/model';
import type { Result } from '../../../src/shared/result';
import { MAX_STORIES, mergeFeedStories, storiesToShow } from '../../../src/shared/stories';
import { decodeBody } from '../../../src/sources/charset';
import { MAX_STORIES_PER_FEED, parseFeedXml, type FeedSource, type ParsedFeed } from '../../../src/sources/feeds/parse-feed';

const SOURCE: FeedSource = { id: 'p', url: 'https://www.brecorder.com/feeds/latest', name: 'Property' };
const FEED_ORIGIN = new URL(SOURCE.url).origin;
const NOW = Date.UTC(2026, 9, 14, 6, 0);
const MAX_TITLE = 300;

// ---- hostile pieces ---------------------------------------------------------------------------

/** HTML-level fragments a title can be made of: markup, entities at every escaping depth, controls, RTL, emoji. */
const TITLE_TOKENS = [
  '<', '>', '&', ';', '#', '"', "'", '=', '/', '!', '?', ' ', '  ', '\n', '\t', '\r\n', '\u00A0',
  'script', 'style', 'img', 'b', 'onerror=', ' src=x', 'alert(1)', 'javascript:',
  '<b>', '</b>', '<i>', '</', '<script>', '</script>', '<style>', '</style>', '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">', '</a>', '<svg onload=alert(1)>', '<!--', '-->', '<!DOCTYPE html>', '<?xml ?>', ']]>',
  '&lt;', '&gt;', '&amp;', '&amp;amp;', '&amp;lt;', '&#60;', '&#x3c;', '&#X3C;', '&#0060;', '&lt', '&LT;', '&#8217;',
  '&quot;', '&nbsp;', '&#0;', '&#x110000;', '&bogus;', '&#9;',
  '\u0000', '\u0001', '\u0008', '\u000B', '\u001F', '\u007F', '\u0085', '\uFFFE', '\uFFFF',
  'پاکستان اسٹاک', 'السوق', '\u200F', '\u202E', '\u200C', '\u200B', '\uFEFF',
  '\u{1F4C8}', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', '\u{1F1F5}\u{1F1F0}', 'e\u0301',
  'Oil', 'KSE-100', 'rupee', 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor '.repeat(2),
  'x'.repeat(150),
];

const titlePiece: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...TITLE_TOKENS), weight: 12 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }), weight: 2 },
);
const pieces = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.array(titlePiece, { minLength, maxLength }).map((parts) => parts.join(''));

/**
 * A literal CDATA section inside the title's HTML (a feed that wraps twice) is read as HTML once
 * more; a few titles carry one (see cdata-double-wrapped.xml in the corpus).
 */
const CDATA_OPEN = '<![CDATA[';

/**
 * Tags nested in each other, sometimes past the 100 levels a title may have (then the feed must
 * fail as a parse error, not overflow or throw); embedded raw, they nest the XML itself.
 */
const nested: fc.Arbitrary<string> = fc
  .tuple(pieces(0, 5), fc.constantFrom('<b>', '<i>', '<div>', '<span>', '<p>'), fc.integer({ min: 1, max: 160 }), pieces(0, 5))
  .map(([before, tag, depth, after]) => `${before}${tag.repeat(depth)}${after}`);

/** Mostly short titles, some long enough to be cut at 300, a few with a literal CDATA opener, a few deeply nested. */
const titleHtml: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: pieces(0, 30), weight: 16 },
  { arbitrary: pieces(60, 150), weight: 3 },
  { arbitrary: fc.tuple(pieces(0, 10), pieces(0, 10)).map(([a, b]) => `${a}${CDATA_OPEN}${b}`), weight: 1 },
  { arbitrary: nested, weight: 1 },
);

/** A `javascript:` URL as browsers would still run it: any case, tabs and newlines inside, junk in front. */
const javascriptUrl: fc.Arbitrary<string> = fc
  .tuple(
    fc.mixedCase(fc.constant('javascript')),
    fc.array(fc.tuple(fc.nat(10), fc.constantFrom('\t', '\n', '\r')), { maxLength: 3 }),
    fc.constantFrom('', ' ', '  ', '\u0001', '\u0000', '\u00A0', '\uFEFF', '\u200B', '\t\n'),
    fc.constantFrom('alert(1)', '//evil.example/%0Aalert(1)', 'void(0)', ''),
  )
  .map(([word, cuts, junk, body]) => {
    let scheme = word;
    for (const [at, ch] of cuts) scheme = `${scheme.slice(0, at)}${ch}${scheme.slice(at)}`;
    return `${junk}${scheme}:${body}`;
  });

const otherLink: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'data:text/html,<script>alert(1)</script>', 'DATA:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)', 'VBScript:x',
    'file:///etc/passwd', 'ftp://example.com/f', 'mailto:a@example.com', 'about:blank', 'blob:https://x.example/u',
    '/news/1', 'news/2', '../up', '?page=2', '#top', '', ' ', '//evil.example/x', '\\\\evil.example\\x', '/\\evil.example',
    'https://user:pw@evil.example/', 'http://', 'https://', 'http:/x', 'https:evil.example', 'https://[::1]/', 'http://0x7f.1/',
    'https://www.brecorder.com/news/1?a=1&b=2', 'https://exa\tmple.com/x', 'https://bücher.example/ü',
  ),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map((s) => `//${s}`),
);

const link: fc.Arbitrary<string> = fc.oneof(javascriptUrl, otherLink);

const date: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  fc.date({ min: new Date('1970-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.date({ min: new Date('1970-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('Wed, 14 Oct 2026 11:02:00 +0500', '14 Oct 26 11:02 PST', 'yesterday', '2026-13-45T99:99:99Z', '0000-00-00', ''),
  fc.string({ maxLength: 20 }),
);

// ---- feeds ------------------------------------------------------------------------------------

type Format = 'rss' | 'atom' | 'rdf';
/** How a text value is put into XML: escaped, in CDATA, with controls as char refs, or raw (may break the XML). */
type Embed = 'escaped' | 'cdata' | 'charref' | 'raw';

interface GenItem {
  title: string | null;
  titleEmbed: Embed;
  link: string | null;
  linkEmbed: Embed;
  date: string | null;
  guid: string | null;
}

interface GenFeed {
  format: Format;
  channelTitle: string;
  channelEmbed: Embed;
  items: GenItem[];
}

const embed: fc.Arbitrary<Embed> = fc.constantFrom('escaped', 'escaped', 'cdata', 'charref', 'raw');
/** Embeddings that keep the XML's structure, so a title's HTML is exactly its generated text. */
const structuredEmbed: fc.Arbitrary<Embed> = fc.constantFrom('escaped', 'cdata', 'charref');

const genItemFields = {
  title: fc.option(titleHtml, { freq: 8 }),
  titleEmbed: embed,
  link: fc.option(link, { freq: 8 }),
  linkEmbed: embed,
  date,
  guid: fc.option(fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), { freq: 2 }),
};
const genItem: fc.Arbitrary<GenItem> = fc.record(genItemFields);

const genFeed: fc.Arbitrary<GenFeed> = fc.record({
  format: fc.constantFrom<Format>('rss', 'atom', 'rdf'),
  channelTitle: titleHtml,
  channelEmbed: embed,
  // Mostly a handful of items; sometimes more than the 50-story cap.
  items: fc.oneof({ arbitrary: fc.array(genItem, { maxLength: 6 }), weight: 9 }, { arbitrary: fc.array(genItem, { minLength: 45, maxLength: 70 }), weight: 1 }),
});

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function embedText(value: string, how: Embed, inAttribute = false): string {
  switch (how) {
    case 'raw':
      return value;
    case 'cdata':
      if (!inAttribute) return `<![CDATA[${value.split(']]>').join(']]]]><![CDATA[>')}]]>`;
      return escapeXml(value);
    case 'charref':
      return Array.from(escapeXml(value), (c) => (c.charCodeAt(0) < 0x20 ? `&#${c.charCodeAt(0)};` : c)).join('');
    case 'escaped':
      return escapeXml(value);
  }
}

function itemXml(format: Format, item: GenItem, index: number): string {
  const parts: string[] = [];
  const titleAttr = format === 'atom' ? ' type="html"' : '';
  if (item.title !== null) parts.push(`<title${titleAttr}>${embedText(item.title, item.titleEmbed)}</title>`);
  if (item.link !== null) {
    parts.push(
      format === 'atom'
        ? `<link rel="alternate" href="${embedText(item.link, item.linkEmbed, true)}"/>`
        : `<link>${embedText(item.link, item.linkEmbed)}</link>`,
    );
  }
  if (item.guid !== null) parts.push(format === 'atom' ? `<id>${escapeXml(item.guid)}</id>` : `<guid>${escapeXml(item.guid)}</guid>`);
  if (item.date !== null) {
    const tag = format === 'rss' ? 'pubDate' : format === 'atom' ? 'updated' : 'dc:date';
    parts.push(`<${tag}>${escapeXml(item.date)}</${tag}>`);
  }
  const body = parts.join('');
  if (format === 'atom') return `<entry>${body}</entry>`;
  return format === 'rdf' ? `<item rdf:about="urn:item:${index}">${body}</item>` : `<item>${body}</item>`;
}

function feedXml(feed: GenFeed): string {
  const items = feed.items.map((item, i) => itemXml(feed.format, item, i)).join('\n');
  const title = embedText(feed.channelTitle, feed.channelEmbed);
  switch (feed.format) {
    case 'rss':
      return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${title}</title><link>https://www.brecorder.com/</link>\n${items}\n</channel></rss>`;
    case 'atom':
      return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">${title}</title>\n${items}\n</feed>`;
    case 'rdf':
      return (
        `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" ` +
        `xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://www.brecorder.com/"><title>${title}</title></channel>\n${items}\n</rdf:RDF>`
      );
  }
}

// ---- the invariants -------------------------------------------------------------------------

const TAG_LIKE = /<[A-Za-z/!]/g;
/** `<` written as an entity, at any depth of `&amp;` escaping: text the author meant to show. */
const ESCAPED_LT = /&(?:amp;|#0*38;?|#x0*26;?)*(?:lt|#0*60|#x0*3c)/gi;
/** A literal `<` that HTML reads as text, not as the start of a tag, comment or declaration. */
const TEXT_LT = /<(?![A-Za-z!?]|\/[A-Za-z])/g;
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/** Tag-like sequences in `title` beyond what escaped or stray `<` in `source` can explain. */
function unexplainedMarkup(title: string, source: string): boolean {
  return count(title, TAG_LIKE) > count(source, ESCAPED_LT) + count(source, TEXT_LT);
}

function isSafeLink(value: string | null): boolean {
  if (value === null) return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' && url.href === value;
  } catch {
    return false;
  }
}

/**
 * Everything that must hold for any input; returns the broken rules (empty when all hold) so a
 * failure names the rule and the story. With `feed`, titles are also checked for tags against
 * the source text they came from (all item titles together, as an item may be dropped). That
 * needs the XML's structure intact: a raw value can open a comment or CDATA section that runs
 * on into the next field, so then no title has a known source and the check is left out.
 */
function violations(result: Result<ParsedFeed, string>, generated?: GenFeed): string[] {
  if (!result.ok) return result.error === '' ? ['failure without a reason'] : [];
  const structured = generated !== undefined && generated.channelEmbed !== 'raw' && generated.items.every((i) => i.titleEmbed !== 'raw' && i.linkEmbed !== 'raw');
  const feed = structured ? generated : undefined;
  const out: string[] = [];
  const { stories, title } = result.value;
  if (stories.length > MAX_STORIES_PER_FEED) out.push(`${stories.length} stories`);
  if (title !== null && title.length > MAX_TITLE) out.push(`feed title of ${title.length} characters`);
  if (feed && title !== null && unexplainedMarkup(title, feed.channelTitle)) out.push(`markup in feed title ${JSON.stringify(title)}`);
  const itemSources = feed?.items.map((i) => i.title ?? '').join('\n');
  const ids = new Set<string>();
  for (const story of stories) {
    const tag = JSON.stringify(story.title);
    if (!isSafeLink(story.link)) out.push(`unsafe link ${JSON.stringify(story.link)} on ${tag}`);
    // A title that is the link itself is the "no title" fallback: a URL, never markup.
    const fallback = story.title === story.link;
    if (story.title.length > MAX_TITLE) out.push(`title of ${story.title.length} characters`);
    if (!fallback && itemSources !== undefined && unexplainedMarkup(story.title, itemSources)) out.push(`markup in title ${tag}`);
    if (story.title === '') out.push('empty title');
    if (story.publishedAt === null || !Number.isFinite(story.publishedAt) || story.publishedAt > NOW) out.push(`publishedAt ${story.publishedAt} on ${tag}`);
    if (ids.has(story.id)) out.push(`duplicate id ${story.id}`);
    ids.add(story.id);
  }
  return out;
}

const parse = (xml: string): Result<ParsedFeed, string> => parseFeedXml(xml, SOURCE, { now: NOW });

// ---- properties ------------------------------------------------------------------------------

describe('parseFeedXml on generated feeds', () => {
  it('never throws, and every story is safe: http(s) links, ≤ 300-character titles without tags, ≤ 50 stories', () => {
    fc.assert(
      fc.property(genFeed, (feed) => {
        expect(violations(parse(feedXml(feed)), feed)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  // One item at a time, so each title is held to its own source text.
  it('a title never carries a tag its source did not escape', () => {
    const single = fc.record({
      format: fc.constantFrom<Format>('rss', 'atom', 'rdf'),
      item: fc.record({ ...genItemFields, titleEmbed: structuredEmbed, linkEmbed: structuredEmbed }),
      channelTitle: titleHtml,
      channelEmbed: structuredEmbed,
    });
    fc.assert(
      fc.property(single, ({ format, item, channelTitle, channelEmbed }) => {
        const feed: GenFeed = { format, channelTitle, channelEmbed, items: [item] };
        expect(violations(parse(feedXml(feed)), feed)).toEqual([]);
      }),
      { numRuns: 800 },
    );
  });

  // The stronger rule for script URLs: however disguised, one is either dropped or, when the
  // disguise breaks the scheme, read as a harmless path on the feed's own site.
  it('a javascript: link in any disguise never becomes a link to another origin', () => {
    const oneItem = fc.record({
      format: fc.constantFrom<Format>('rss', 'atom', 'rdf'),
      raw: javascriptUrl,
      how: embed,
    });
    fc.assert(
      fc.property(oneItem, ({ format, raw, how }) => {
        const item: GenItem = { title: 'T', titleEmbed: 'escaped', link: raw, linkEmbed: how, date: null, guid: 'g' };
        const result = parse(feedXml({ format, channelTitle: 'C', channelEmbed: 'escaped', items: [item] }));
        const links = result.ok ? result.value.stories.map((s) => s.link) : [];
        expect(links.filter((l) => l !== null && new URL(l).origin !== FEED_ORIGIN)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  // Issue 10: 5,000 nested tags in a title overflowed the stack. Up to 100 levels a title reads
  // as its text; past them the whole read fails as a parse error, whatever the nesting depth.
  it('a title nested n tags deep reads as its text up to 100 levels and fails as too deeply nested beyond', () => {
    const deep = fc.record({
      format: fc.constantFrom<Format>('rss', 'atom', 'rdf'),
      depth: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 6_000 })),
      tag: fc.constantFrom('b', 'i', 'span', 'div', 'em'),
      how: structuredEmbed,
    });
    fc.assert(
      fc.property(deep, ({ format, depth, tag, how }) => {
        const item: GenItem = { title: `${`<${tag}>`.repeat(depth)}Deep story`, titleEmbed: how, link: '/news/1', linkEmbed: 'escaped', date: null, guid: 'g' };
        const result = parse(feedXml({ format, channelTitle: 'C', channelEmbed: 'escaped', items: [item] }));
        const seen = result.ok ? result.value.stories.map((s) => s.title) : result.error;
        expect(seen).toEqual(depth <= 100 ? ['Deep story'] : 'story title too deeply nested (more than 100 levels of elements)');
      }),
      { numRuns: 120 },
    );
  });

  it('keeps at most 50 stories, the first ones in feed order', () => {
    const many = fc.record({ format: fc.constantFrom<Format>('rss', 'atom', 'rdf'), n: fc.integer({ min: 0, max: 120 }) });
    fc.assert(
      fc.property(many, ({ format, n }) => {
        const items = Array.from({ length: n }, (_, i): GenItem => ({
          title: `Story ${i}`, titleEmbed: 'escaped', link: `/news/${i}`, linkEmbed: 'escaped', date: null, guid: `g${i}`,
        }));
        const result = parse(feedXml({ format, channelTitle: 'C', channelEmbed: 'escaped', items }));
        expect(result.ok && result.value.stories.map((s) => s.title)).toEqual(
          Array.from({ length: Math.min(n, MAX_STORIES_PER_FEED) }, (_, i) => `Story ${i}`),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('parseFeedXml on mutated and truncated feeds', () => {
  type Mutation =
    | { kind: 'cut'; at: number }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'duplicate'; at: number; length: number };

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('<item>', '</item>', '</entry>', '<![CDATA[', ']]>', '</channel>', '<rss>', '&', '<')),
    }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  );

  function mutate(xml: string, m: Mutation): string {
    const at = xml.length === 0 ? 0 : m.at % (xml.length + 1);
    switch (m.kind) {
      case 'cut':
        return xml.slice(0, at);
      case 'insert':
        return xml.slice(0, at) + m.text + xml.slice(at);
      case 'delete':
        return xml.slice(0, at) + xml.slice(at + m.length);
      case 'duplicate':
        return xml.slice(0, at + m.length) + xml.slice(at);
    }
  }

  it('never throws and keeps every story safe after random cuts, insertions, deletions and repeats', () => {
    fc.assert(
      fc.property(genFeed, fc.array(mutation, { minLength: 1, maxLength: 4 }), (feed, mutations) => {
        const xml = mutations.reduce(mutate, feedXml(feed));
        expect(violations(parse(xml))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  // The cut falls anywhere: in the prolog, between items, inside an item. Complete items must all
  // survive and the item the cut falls in must not come back half-read (feedsmith would close
  // it itself; parseFeedXml cuts a document that does not end with its root back first).
  it('a feed cut at a random point keeps every complete item before the cut, intact and in order', () => {
    // 24 distinct whole feeds (3 formats × 1–8 items): parse each once, not once per cut.
    const parsedWhole = new Map<string, Result<ParsedFeed, string>>();
    const wholeParsed = (xml: string): Result<ParsedFeed, string> => {
      const known = parsedWhole.get(xml) ?? parse(xml);
      parsedWhole.set(xml, known);
      return known;
    };
    const plain = fc.record({
      format: fc.constantFrom<Format>('rss', 'atom', 'rdf'),
      n: fc.integer({ min: 1, max: 8 }),
      // fc.nat, not fc.double in [0, 1]: doubles crowd towards 0, which would test only the prolog.
      cut: fc.nat(),
    });
    fc.assert(
      fc.property(plain, ({ format, n, cut }) => {
        const items = Array.from({ length: n }, (_, i): GenItem => ({
          title: `Story number ${i} with a longer title`, titleEmbed: 'escaped', link: `/news/${i}`, linkEmbed: 'escaped',
          date: new Date(Date.UTC(2026, 9, 13, i)).toUTCString(), guid: `g${i}`,
        }));
        const whole = feedXml({ format, channelTitle: 'C', channelEmbed: 'escaped', items });
        const text = whole.slice(0, cut % (whole.length + 1));
        const close = format === 'atom' ? '</entry>' : '</item>';
        const complete = text.split(close).length - 1;

        const full = wholeParsed(whole);
        const result = parse(text);
        const got = result.ok ? result.value.stories : [];
        const extra = got.slice(complete).map((s) => s.title);
        expect({ complete: got.slice(0, complete), extra }).toEqual({
          complete: full.ok ? full.value.stories.slice(0, complete) : [],
          extra: [],
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('the byte pipeline on garbage', () => {
  const contentType: fc.Arbitrary<string | null> = fc.oneof(
    fc.constant(null),
    fc.constantFrom(
      'text/xml', 'application/rss+xml; charset=utf-8', 'text/xml; charset=windows-1252', 'text/xml; charset="ISO-8859-1"',
      'text/xml; charset=utf-16', 'text/xml; charset=utf-16be', 'text/html; charset=shift_jis', 'text/xml; charset=replacement',
      'text/xml; charset=x-user-defined', 'text/xml; charset=', 'text/xml; charset="', 'text/xml; charset=;;', ';charset=utf-8', '',
    ),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ maxLength: 20 }).map((label) => `text/xml; charset=${label}`),
  );

  /** A generated feed's bytes with random bytes spliced in: a mangled download. */
  const mangled: fc.Arbitrary<Uint8Array> = fc
    .tuple(genFeed, fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })), { maxLength: 4 }))
    .map(([feed, splices]) => {
      let bytes = new TextEncoder().encode(feedXml(feed));
      for (const [at, junk] of splices) {
        const i = at % (bytes.length + 1);
        bytes = Uint8Array.from([...bytes.subarray(0, i), ...junk, ...bytes.subarray(i)]);
      }
      return bytes;
    });

  const bytes: fc.Arbitrary<Uint8Array> = fc.oneof(
    fc.uint8Array({ maxLength: 600 }),
    // byte-order marks and declarations in front of noise reach the other branches of decodeBody
    fc.tuple(
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [], [...new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?>')]),
      fc.uint8Array({ maxLength: 300 }),
    ).map(([head, tail]) => Uint8Array.from([...head, ...tail])),
    mangled,
  );

  it('decodeBody then parseFeedXml never throw, and the result obeys the same rules', () => {
    fc.assert(
      fc.property(bytes, contentType, (body, type) => {
        expect(violations(parse(decodeBody(body, type)))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('safeHttpUrl', () => {
  const anyBase = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(SOURCE.url, 'http://example.com/a/b', 'not a url', 'javascript:alert(1)', 'data:,x', ''),
    fc.webUrl(),
  );

  it('gives null or a normalised http(s) URL without credentials, for any string and base', () => {
    fc.assert(
      fc.property(fc.oneof(otherLink, javascriptUrl, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), anyBase, (raw, base) => {
        const out = safeHttpUrl(raw, base);
        // and what it returns is a fixed point: checking the result again changes nothing
        expect({ safe: isSafeLink(out), again: out === null ? null : safeHttpUrl(out) }).toEqual({ safe: true, again: out });
      }),
      { numRuns: 3000 },
    );
  });

  it('never turns a javascript: URL into a link off the base origin', () => {
    fc.assert(
      fc.property(javascriptUrl, (raw) => {
        const out = safeHttpUrl(raw, SOURCE.url);
        expect(out === null || new URL(out).origin === FEED_ORIGIN).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('decodeBody', () => {
  const anyType = fc.oneof(fc.constant(null), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 20 }).map((l) => `text/xml; charset=${l}`));

  it('never throws, for any bytes and any Content-Type', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), anyType, (body, type) => {
        expect(typeof decodeBody(body, type)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  // With nothing to say otherwise, text is UTF-8, and a UTF-8 BOM is dropped, not shown.
  it('gives back any text sent as UTF-8 with no charset named', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom(null, 'application/rss+xml', 'text/xml; charset=UTF-8'), (text, type) => {
        fc.pre(!text.replace(/^\uFEFF/, '').startsWith('<?xml'));
        expect(decodeBody(new TextEncoder().encode(text), type)).toBe(text.startsWith('\uFEFF') ? text.slice(1) : text);
      }),
      { numRuns: 1000 },
    );
  });

  /** The Encoding Standard's windows-1252 index for 0x80–0x9F; every other byte is its own code point. */
  const CP1252 = [
    0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
    0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
  ];

  it('reads windows-1252 (and its ISO-8859-1 alias) one byte to one character', () => {
    const noBom = fc.uint8Array({ maxLength: 300 }).filter((b) => !(b[0] === 0xff && b[1] === 0xfe) && !(b[0] === 0xfe && b[1] === 0xff) && !(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf));
    fc.assert(
      fc.property(noBom, fc.constantFrom('text/xml; charset=windows-1252', 'text/xml; charset=ISO-8859-1', 'text/xml; charset=latin1'), (body, type) => {
        const expected = String.fromCharCode(...Array.from(body, (b) => (b >= 0x80 && b <= 0x9f ? (CP1252[b - 0x80] ?? b) : b)));
        expect(decodeBody(body, type)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('merging parsed feeds', () => {
  const feedIds = ['a', 'b', 'c'];

  it('keeps one copy of each story, at most 100, newest first, and shows only the asked feed', () => {
    fc.assert(
      fc.property(fc.array(genFeed, { minLength: 1, maxLength: 3 }), (feeds) => {
        let all: Story[] = [];
        feeds.forEach((feed, i) => {
          const source = { ...SOURCE, id: feedIds[i] ?? 'x' };
          const result = parseFeedXml(feedXml(feed), source, { now: NOW });
          if (result.ok) all = mergeFeedStories(all, source.id, result.value.stories, feedIds);
        });
        const keys = all.flatMap((s) => [s.guid ? `g:${s.guid}` : [], s.link ? `l:${s.link}` : []].flat());
        const shown = storiesToShow(all, 'a', NOW);
        expect({
          withinCap: all.length <= MAX_STORIES,
          uniqueKeys: new Set(keys).size === keys.length,
          newestFirst: all.every((s, i) => i === 0 || (all[i - 1]?.publishedAt ?? 0) >= (s.publishedAt ?? 0)),
          shownOnlyA: shown.every((s) => s.feedId === 'a') && shown.length <= 8,
        }).toEqual({ withinCap: true, uniqueKeys: true, newestFirst: true, shownOnlyA: true });
      }),
      { numRuns: 80 },
    );
  });
});

describe('found by the properties', () => {
  // The link stands in for a missing title; a long URL (tracking parameters) must be cut too.
  it('an untitled story with a long link still has a title of at most 300 characters', () => {
    const longLink = `https://www.brecorder.com/news/40390117?${'utm_source=feed&'.repeat(25)}x=1`;
    const result = parse(`<rss version="2.0"><channel><title>C</title><item><link>${escapeXml(longLink)}</link></item></channel></rss>`);
    const titles = result.ok ? result.value.stories.map((s) => s.title.length) : [];
    expect(titles).toEqual([expect.any(Number)]);
    expect(titles.every((length) => length <= MAX_TITLE)).toBe(true);
  });
});
