/** Synthetic inputs at live scale: ~480 market-watch rows, a 100-item feed. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const fixture = (name: string): string => readFileSync(path.resolve('test/fixtures', name), 'utf8');

/** The 30-symbol fixture's rows repeated under new symbols to the live table's size. */
export function marketWatchPage(rows: number): string {
  const html = fixture('psx/market-watch.html');
  const bodyStart = html.indexOf('<tbody class="tbl__body">') + '<tbody class="tbl__body">'.length;
  const bodyEnd = html.indexOf('</tbody>');
  const rowHtml = html.slice(bodyStart, bodyEnd).split('</tr>').filter((r) => r.includes('<tr>'));
  const out: string[] = [];
  for (let i = 0; out.length < rows; i++) {
    const template = rowHtml[i % rowHtml.length] as string;
    const symbol = `S${String(i).padStart(4, '0')}`;
    out.push(template.replace(/data-search="[^"]+" data-order="[^"]+"/, `data-search="${symbol}" data-order="${symbol}"`) + '</tr>');
  }
  return html.slice(0, bodyStart) + out.join('\n') + html.slice(bodyEnd);
}

export function feedXml(items: number): string {
  const item = (i: number): string =>
    `<item><title><![CDATA[Story ${i}: markets &amp; money, &#8216;quoted&#8217; <b>bold</b>]]></title>` +
    `<link>https://www.brecorder.com/news/${40390000 + i}/story-${i}</link>` +
    `<description>&lt;p&gt;Body of story ${i} with some length to it, as real feeds have.&lt;/p&gt;</description>` +
    `<pubDate>Wed, 14 Oct 2026 ${String(i % 24).padStart(2, '0')}:02:00 +0500</pubDate>` +
    `<guid>https://www.brecorder.com/news/${40390000 + i}</guid></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Business Recorder - World</title>${Array.from(
    { length: items },
    (_, i) => item(i),
  ).join('')}</channel></rss>`;
}

export const homePage = (): string => fixture('psx/home.html');
