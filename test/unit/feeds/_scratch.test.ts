import { it } from 'vitest';
import { decodeBody } from '../../../src/sources/charset';
import { parseFeedXml } from '../../../src/sources/feeds/parse-feed';
const S = { id: 's', url: 'https://feeds.example.com/rss', name: 'S' };
it('probe', () => {
  for (const enc of ['utf-16', 'UTF-16', 'utf-16le', 'utf-32', 'x-user-defined', 'replacement', 'iso-2022-kr', 'UTF-7']) {
  const xml = `<?xml version="1.0" encoding="${enc}"?><rss version="2.0"><channel><title>T</title><item><title>Plain ASCII story</title><link>https://a.example/1</link></item></channel></rss>`;
  const text = decodeBody(new TextEncoder().encode(xml), 'application/rss+xml');
  const r = parseFeedXml(text, S, { now: 1 });
  console.log(enc, JSON.stringify(text.slice(0, 30)), r.ok ? r.value.stories.map(s => s.title) : r.error);
  }
  for (const ct of ['text/xml; charset=utf-16', 'text/xml; charset=replacement', 'text/xml; charset=x-user-defined']) {
    console.log(ct, JSON.stringify(decodeBody(new TextEncoder().encode('<rss>é</rss>'), ct)));
  }
});
