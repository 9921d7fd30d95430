import { describe, expect, it } from 'vitest';
import { parseMarketWatch } from '../../../src/sources/psx/market-watch';
import { readFixture } from '../fixtures';

const HEAD = `<table class="tbl" id="marketWatchTable"><thead><tr><th data-name="symbol">SYMBOL</th>
<th data-name="sector">SECTOR</th><th data-name="listed">LISTED IN</th><th data-name="ldcp">LDCP</th>
<th data-name="open">OPEN</th><th data-name="high">HIGH</th><th data-name="low">LOW</th>
<th data-name="close">CURRENT</th><th data-name="change">CHANGE</th><th data-name="percentChange">CHANGE (%)</th>
<th data-name="volume">VOLUME</th></tr></thead><tbody>`;
const table = (rows: string): string => `${HEAD}${rows}</tbody></table>`;

describe('parseMarketWatch on the sample page', () => {
  const result = parseMarketWatch(readFixture('psx/market-watch-sample.html'));
  if (!result.ok) throw new Error(result.error);

  it('keeps the regular market and drops the futures contract', () => {
    expect(result.value.map((q) => q.symbol)).toEqual(['HUBC', 'OGDC', 'KEL', 'SILK']);
  });

  it('reads every number from data-order, not the formatted text', () => {
    expect(result.value[0]).toEqual({
      symbol: 'HUBC',
      previousClose: 201.87,
      open: 202.05,
      high: 204.4,
      low: 201.1,
      price: 202.71,
      change: 0.84,
      changePercent: 0.4161093773220389,
      volume: 1445702,
    });
    expect(result.value[1]).toMatchObject({ symbol: 'OGDC', change: -3.49, changePercent: -1.0778923961949472 });
  });

  it('reads the symbol, not the XD tag that follows it', () => {
    expect(result.value[2]).toMatchObject({ symbol: 'KEL', price: 6.12, change: 0, changePercent: 0 });
  });
});

describe('parseMarketWatch on awkward rows', () => {
  const row = (cells: string): string => `<tr>${cells}</tr>`;
  const sym = (s: string): string => `<td data-search="${s}" data-order="${s}"><a><strong>${s}</strong></a></td><td>0816</td><td></td>`;

  it.each([
    [
      'a row with text but no data-order falls back to the text',
      row(`${sym('ABC')}<td>10.00</td><td>10.10</td><td>10.50</td><td>9.90</td><td>10.25</td><td>0.25</td><td>2.50%</td><td>1,000</td>`),
      { symbol: 'ABC', price: 10.25, change: 0.25, changePercent: 2.5, volume: 1000 },
    ],
    [
      'a Unicode minus in a text-only cell',
      row(`${sym('ABC')}<td>10.00</td><td></td><td></td><td></td><td>9.50</td><td>\u22120.50</td><td>\u22125.00%</td><td></td>`),
      { symbol: 'ABC', price: 9.5, change: -0.5, changePercent: -5, open: null, volume: null },
    ],
    [
      'missing change cells are derived from LDCP',
      row(`${sym('ABC')}<td data-order="20">20.00</td><td></td><td></td><td></td><td data-order="21">21.00</td>`),
      { symbol: 'ABC', price: 21, change: 1, changePercent: 5, high: null },
    ],
    [
      'an empty data-order is "no value", not zero',
      row(`${sym('ABC')}<td data-order="">-</td><td></td><td></td><td></td><td data-order="5">5.00</td><td data-order="0.1">0.10</td><td data-order="2.04">2.04%</td><td data-order="">-</td>`),
      { symbol: 'ABC', previousClose: null, volume: null },
    ],
  ])('%s', (_name, rows, expected) => {
    const result = parseMarketWatch(table(rows));
    expect(result.ok && result.value[0]).toMatchObject(expected);
  });

  it.each([
    ['a row without a price', row(`${sym('ABC')}<td data-order="1">1</td><td></td><td></td><td></td><td>n/a</td>`)],
    ['a row whose symbol is not a symbol', row(`<td>&lt;script&gt;</td><td></td><td></td><td data-order="1">1</td><td></td><td></td><td></td><td data-order="1">1</td>`)],
    ['a row with missing cells', row(`${sym('ABC')}`)],
  ])('skips %s', (_name, rows) => {
    const good = row(`${sym('OK')}<td data-order="1">1</td><td></td><td></td><td></td><td data-order="1">1</td><td data-order="0">0</td><td data-order="0">0</td><td data-order="5">5</td>`);
    const result = parseMarketWatch(table(rows + good));
    expect(result.ok && result.value.map((q) => q.symbol)).toEqual(['OK']);
  });

  it.each([
    ['an empty table', table('')],
    ['an HTML error page', '<html><body><h1>Service Unavailable</h1></body></html>'],
    ['a table of something else', '<table><tr><td>hello</td></tr></table>'],
    ['nothing at all', ''],
  ])('reports %s as a parse failure', (_name, html) => {
    expect(parseMarketWatch(html).ok).toBe(false);
  });

  it('falls back to the known column order when headers lose their data-name', () => {
    const html = `<table id="marketWatchTable"><thead><tr><th>SYMBOL</th></tr></thead><tbody>${row(
      `${sym('ABC')}<td data-order="1">1</td><td data-order="2">2</td><td data-order="3">3</td><td data-order="4">4</td><td data-order="5">5</td><td data-order="6">6</td><td data-order="7">7</td><td data-order="8">8</td>`,
    )}</tbody></table>`;
    const result = parseMarketWatch(html);
    expect(result.ok && result.value[0]).toMatchObject({ previousClose: 1, price: 5, change: 6, changePercent: 7, volume: 8 });
  });

  it('finds columns by their data-name when the portal reorders them', () => {
    const html = `<table id="marketWatchTable"><thead><tr><th data-name="symbol">S</th><th data-name="close">C</th>
      <th data-name="change">CH</th><th data-name="percentChange">P</th></tr></thead><tbody>
      <tr><td data-order="XYZ">XYZ</td><td data-order="12.5">12.50</td><td data-order="-0.5">-0.50</td><td data-order="-3.84">-3.84%</td></tr></tbody></table>`;
    const result = parseMarketWatch(html);
    expect(result.ok && result.value[0]).toMatchObject({ symbol: 'XYZ', price: 12.5, change: -0.5, changePercent: -3.84 });
  });
});

describe('parseMarketWatch on the 30-symbol fixture', () => {
  it('reads every row and leaves the futures contract out', () => {
    const result = parseMarketWatch(readFixture('psx/market-watch.html'));
    expect(result.ok && result.value.length).toBe(30);
    expect(result.ok && result.value.find((q) => q.symbol === 'HUBC')?.price).toBe(202.71);
  });
});
