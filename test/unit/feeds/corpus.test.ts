/**
 * The feed pipeline end to end after the network, on a corpus of real bytes: each file in
 * test/fixtures/feeds/corpus is decoded with the Content-Type it is served with, parsed, and
 * compared with expected.json. Non-UTF-8 fixtures are stored as the bytes a server would send
 * (windows-1252, ISO-8859-1, UTF-16LE), so the charset logic is exercised, not bypassed.
 */
import { closeTruncatedFeed } from '../../../src/sources/feeds/repair';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../../src/shared/model';
import type { Result } from '../../../src/shared/result';
import { decodeBody } from '../../../src/sources/charset';
import { parseFeedXml, type FeedSource, type ParsedFeed } from '../../../src/sources/feeds/parse-feed';
import { fetchText, MAX_BODY_BYTES } from '../../../src/sources/http';

const CORPUS_DIR = path.resolve(__dirname, '../../fixtures/feeds/corpus');

interface ExpectedStory {
  title: string;
  link: string | null;
  /** ISO 8601, so a wrong date reads as a date in the diff. */
  publishedAt: string | null;
}

interface CorpusCase {
  file: string;
  /** What the case is about, for the reader of expected.json. */
  why: string;
  contentType: string | null;
  stories?: ExpectedStory[];
  /** The feed must be rejected (an HTML page, not a feed). */
  failure?: true;
  /** With `failure`: words the reason must contain (`too deeply nested`). */
  error?: string;
  /** Checked only when given: the document was cut short and repaired. */
  repaired?: boolean;
  /** Set when the expected output is right and the code is not: the case runs as `it.fails`. */
  bug?: string;
}

interface Corpus {
  feedUrl: string;
  now: string;
  cases: CorpusCase[];
}

const corpus = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'expected.json'), 'utf8')) as Corpus;
const SOURCE: FeedSource = { id: 'corpus', url: corpus.feedUrl, name: 'Corpus' };
const NOW = Date.parse(corpus.now);

const readBytes = (file: string): Uint8Array => new Uint8Array(readFileSync(path.join(CORPUS_DIR, file)));

/** Everything after the fetch: bytes and Content-Type in, parsed feed out. */
function readCase(c: CorpusCase, now = NOW, previous?: readonly Story[]): Result<ParsedFeed, string> {
  const xml = decodeBody(readBytes(c.file), c.contentType);
  return parseFeedXml(xml, SOURCE, previous === undefined ? { now } : { now, previous });
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The result reduced to what expected.json states, so one toEqual compares the whole case. */
function observed(c: CorpusCase, result: Result<ParsedFeed, string>): object {
  if (!result.ok) return c.error === undefined ? { failure: true } : { failure: true, error: result.error.includes(c.error) ? c.error : result.error };
  const stories = result.value.stories.map((s) => ({ title: s.title, link: s.link, publishedAt: iso(s.publishedAt) }));
  return c.repaired === undefined ? { stories } : { stories, repaired: result.value.repaired };
}

function wanted(c: CorpusCase): object {
  if (c.failure) return c.error === undefined ? { failure: true } : { failure: true, error: c.error };
  return c.repaired === undefined ? { stories: c.stories } : { stories: c.stories, repaired: c.repaired };
}

const caseNamed = (file: string): CorpusCase => {
  const found = corpus.cases.find((c) => c.file === file);
  if (!found) throw new Error(`no corpus case ${file}`);
  return found;
};

describe('feed corpus: bytes + Content-Type → stories', () => {
  // A fixture nobody checks, or a case whose file is gone, would silently shrink the corpus.
  it('expected.json lists every fixture file exactly once', () => {
    const files = readdirSync(CORPUS_DIR).filter((f) => f !== 'expected.json').sort();
    expect(corpus.cases.map((c) => c.file).sort()).toEqual(files);
  });

  it.each(corpus.cases.filter((c) => c.bug === undefined))('$file', (c) => {
    expect(observed(c, readCase(c))).toEqual(wanted(c));
  });


  // `now` stands in for "first seen" only on the first read; later reads pass the earlier
  // stories so an undated story does not jump to the top every time the feed is fetched.
  it('an undated story keeps the time it was first seen on later reads', () => {
    const dates = caseNamed('dates.xml');
    const first = readCase(dates);
    if (!first.ok) throw new Error(first.error);
    const later = readCase(dates, NOW + 3_600_000, first.value.stories);
    if (!later.ok) throw new Error(later.error);
    const undated = later.value.stories.filter((s) => s.title === 'Undated story' || s.title === 'Unreadable date');
    expect(undated.map((s) => [s.title, iso(s.publishedAt)])).toEqual([
      ['Undated story', corpus.now],
      ['Unreadable date', corpus.now],
    ]);
  });
});

describe('a 5 MB feed through fetchText', () => {
  const CHUNK = 64 * 1024;
  // Items of ~60 kB put 34 complete items under the 2 MB cap and 88 in the whole
  // body: more than the 50-story cap, so "all of them" and "the ones before the cut" differ.
  const item = (i: number): string =>
    `<item><title>Story ${i}</title><link>https://www.brecorder.com/news/${i}</link>` +
    `<guid>${i}</guid><description>${'lorem ipsum '.repeat(5_000)}</description></item>\n`;

  function bigFeed(): { body: string; items: number } {
    const parts = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>\n'];
    let size = parts[0]?.length ?? 0;
    let items = 0;
    while (size < 5 * 1024 * 1024) {
      const next = item(++items);
      parts.push(next);
      size += next.length;
    }
    parts.push('</channel></rss>');
    return { body: parts.join(''), items };
  }

  it('reads only maxBytes, says truncated, and the parser keeps the complete items before the cut', async () => {
    const { body, items } = bigFeed();
    const bytes = new TextEncoder().encode(body); // ASCII only: one byte per character
    let pulled = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(pulled, pulled + CHUNK));
        pulled += CHUNK;
      },
      cancel() {
        cancelled = true;
      },
    });
    const fetchImpl: typeof fetch = () =>
      Promise.resolve(new Response(stream, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } }));

    const fetched = await fetchText(SOURCE.url, { fetchImpl, now: () => NOW });
    if (!fetched.ok) throw new Error(fetched.error.detail);
    const head = body.slice(0, MAX_BODY_BYTES);
    const complete = head.split('</item>').length - 1;
    const parsed = parseFeedXml(fetched.value.text, SOURCE, { now: NOW });
    if (!parsed.ok) throw new Error(parsed.error);

    expect({
      bodyOver5MB: bytes.length > 5 * 1024 * 1024,
      truncated: fetched.value.truncated,
      textLength: fetched.value.text.length,
      // the download stops soon after the cap instead of draining the 5 MB
      stoppedEarly: cancelled && pulled <= MAX_BODY_BYTES + 2 * CHUNK,
      repaired: parsed.value.repaired,
      titles: parsed.value.stories.map((s) => s.title),
      notAll: complete < items,
    }).toEqual({
      bodyOver5MB: true,
      truncated: true,
      textLength: MAX_BODY_BYTES,
      stoppedEarly: true,
      repaired: true,
      titles: Array.from({ length: complete }, (_, i) => `Story ${i + 1}`),
      notAll: true,
    });
    // The cut falls inside a description, not right after a closing tag (see the
    // truncated-rss-at-tag.xml bug case), and some items are complete before it.
    expect(complete).toBeGreaterThan(0);
  });

  // Feeds keep what arrived before a dropped connection (readFeed asks for it); portal pages,
  // which cannot be read in part, still fail.
  it('a connection dropped mid-body still yields the complete items already received', async () => {
    const head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Dropped</title>' +
      [1, 2, 3].map((i) => `<item><title>Story ${i}</title><link>https://www.brecorder.com/news/${i}</link></item>`).join('') +
      '<item><title>Story 4 never arri';
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new TypeError('network error'));
        controller.enqueue(new TextEncoder().encode(head));
        sent = true;
      },
    });
    const fetchImpl: typeof fetch = () => Promise.resolve(new Response(stream, { headers: { 'Content-Type': 'application/rss+xml' } }));
    const fetched = await fetchText(SOURCE.url, { fetchImpl, now: () => NOW, keepPartialBody: true });
    expect(fetched.ok && fetched.value.truncated).toBe(true);
    const parsed = fetched.ok ? parseFeedXml(fetched.value.text, SOURCE, { now: NOW }) : null;
    expect(parsed?.ok && parsed.value.stories.map((s) => s.title)).toEqual(['Story 1', 'Story 2', 'Story 3']);
    sent = false;
    const strict = await fetchText(SOURCE.url, { fetchImpl: () => Promise.resolve(new Response(new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new TypeError('network error'));
        controller.enqueue(new TextEncoder().encode(head));
        sent = true;
      },
    }))), now: () => NOW });
    expect(strict.ok).toBe(false);
  });
});

describe('closeTruncatedFeed reads the cut document with a parser', () => {
  it.each([
    [
      'a closing tag inside CDATA is not an item end',
      '<rss><channel><item><title><![CDATA[a </item> b]]></title></item><item><title>cut',
      '<rss><channel><item><title><![CDATA[a </item> b]]></title></item></channel></rss>',
    ],
    [
      'prefixed Atom entries',
      '<feed><atom:entry><title>A</title></atom:entry><atom:entry><title>cut',
      '<feed><atom:entry><title>A</title></atom:entry></feed>',
    ],
    ['nothing whole to keep', '<rss><channel><item><title>cut', null],
    ['not a feed', '<html><body>cut', null],
  ])('%s', (_name, xml, expected) => {
    expect(closeTruncatedFeed(xml)).toBe(expected);
  });
});
