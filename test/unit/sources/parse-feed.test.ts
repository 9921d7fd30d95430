import { describe, expect, it } from 'vitest';
import { parseFeedXml, type FeedSource } from '../../../src/sources/feeds/parse-feed';
import { readFixture } from '../fixtures';

const WORLD: FeedSource = { id: 'world', url: 'https://www.brecorder.com/feeds/world', name: 'Business Recorder' };

const rss = (items: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;

function stories(xml: string) {
  const result = parseFeedXml(xml, WORLD);
  if (!result.ok) throw new Error(result.error);
  return result.value.stories;
}

describe('parseFeedXml on the Business Recorder sample', () => {
  const result = parseFeedXml(readFixture('feeds/world-sample.xml'), WORLD);

  it('reads the channel title and every item, items with attributes included', () => {
    expect(result.ok && result.value.title).toBe('Business Recorder - World');
    expect(result.ok && result.value.stories).toMatchObject([
      {
        id: 'world:https://www.brecorder.com/news/40390117',
        guid: 'https://www.brecorder.com/news/40390117',
        feedId: 'world',
        title: 'Oil steadies as traders weigh OPEC+ output plans',
        link: 'https://www.brecorder.com/news/40390117/oil-steadies-as-traders-weigh-opec-output-plans',
        source: 'Business Recorder',
        publishedAt: Date.UTC(2026, 9, 14, 6, 2),
      },
      expect.objectContaining({ title: 'Lavrov says EU \u2018failing\u2019 to push Russia out of Central Asia', publishedAt: Date.UTC(2026, 9, 14, 4, 28) }),
      // `&amp;` inside CDATA arrives literally and is decoded exactly once more.
      expect.objectContaining({ title: 'Markets & money: Asia stocks mixed' }),
    ]);
  });
});

describe('parseFeedXml titles become plain text', () => {
  it.each([
    ['CDATA', '<title><![CDATA[Plain CDATA title]]></title>', 'Plain CDATA title'],
    ['entities inside CDATA', '<title><![CDATA[Q&amp;A: &#8216;rates&#8217;]]></title>', 'Q&A: \u2018rates\u2019'],
    ['an XML-escaped numeric entity', '<title>Lavrov &#8216;failing&#8217;</title>', 'Lavrov \u2018failing\u2019'],
    ['escaped markup', '<title>&lt;b&gt;Bold&lt;/b&gt; move</title>', 'Bold move'],
    ['markup in CDATA', '<title><![CDATA[<i>Italic</i> and <b>bold</b>]]></title>', 'Italic and bold'],
    ['an image with an event handler', '<title>&lt;img src=x onerror=alert(1)&gt;Gold climbs</title>', 'Gold climbs'],
    ['a script element', '<title><![CDATA[<script>alert(1)</script>Rupee steady]]></title>', 'Rupee steady'],
    ['runs of whitespace', '<title>  Many\n\n   spaces\there </title>', 'Many spaces here'],
    ['right-to-left text', '<title>پاکستان اسٹاک ایکسچینج</title>', 'پاکستان اسٹاک ایکسچینج'],
  ])('%s', (_name, title, expected) => {
    expect(stories(rss(`<item>${title}<link>https://www.brecorder.com/n/1</link></item>`))[0]?.title).toBe(expected);
  });

  it('cuts a flood of text at a word', () => {
    const long = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const title = stories(rss(`<item><title>${long}</title><link>https://a.example/1</link></item>`))[0]?.title ?? '';
    expect(title.length).toBeLessThanOrEqual(300);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('parseFeedXml links', () => {
  it.each([
    ['https', 'https://www.brecorder.com/news/1', 'https://www.brecorder.com/news/1'],
    ['http', 'http://example.com/a', 'http://example.com/a'],
    ['relative, resolved against the feed', '/news/2', 'https://www.brecorder.com/news/2'],
    ['padded', '  https://www.brecorder.com/news/3  ', 'https://www.brecorder.com/news/3'],
    ['javascript:', 'javascript:alert(1)', null],
    ['javascript: with a tab', 'java&#9;script:alert(1)', null],
    ['data:', 'data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;', null],
    ['vbscript:', 'vbscript:msgbox(1)', null],
  ])('%s', (_name, link, expected) => {
    expect(stories(rss(`<item><title>T</title><link>${link}</link></item>`))[0]?.link).toBe(expected);
  });
});

describe('parseFeedXml formats and failures', () => {
  it('reads Atom, with the alternate link and an HTML title', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><title type="html">&lt;b&gt;Atom&lt;/b&gt; story</title><link rel="alternate" href="https://a.example/1"/>
      <id>tag:a,2026:1</id><updated>2026-10-14T06:02:00Z</updated></entry></feed>`;
    expect(stories(atom)).toEqual([
      expect.objectContaining({ title: 'Atom story', link: 'https://a.example/1', publishedAt: Date.UTC(2026, 9, 14, 6, 2), id: 'world:tag:a,2026:1' }),
    ]);
  });

  it('reads RSS 1.0 (RDF) with a Dublin Core date', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>R</title></channel>
      <item><title>RDF story</title><link>https://r.example/1</link><dc:date>2026-10-14T06:02:00Z</dc:date></item></rdf:RDF>`;
    expect(stories(rdf)).toEqual([expect.objectContaining({ title: 'RDF story', publishedAt: Date.UTC(2026, 9, 14, 6, 2) })]);
  });

  it('drops duplicates and items with neither title nor link', () => {
    const items = `<item><title>A</title><guid>1</guid></item><item><title>A again</title><guid>1</guid></item><item><description>x</description></item>`;
    expect(stories(rss(items)).map((s) => s.title)).toEqual(['A']);
  });

  it('keeps at most 50 stories', () => {
    const items = Array.from({ length: 80 }, (_, i) => `<item><title>S${i}</title><guid>${i}</guid></item>`).join('');
    expect(stories(rss(items))).toHaveLength(50);
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>'],
    ['an empty body', ''],
    ['plain text', 'Service temporarily unavailable'],
  ])('rejects %s', (_name, body) => {
    expect(parseFeedXml(body, WORLD).ok).toBe(false);
  });

  it('reads an empty channel as no stories, not a failure', () => {
    expect(stories(rss(''))).toEqual([]);
  });
});
