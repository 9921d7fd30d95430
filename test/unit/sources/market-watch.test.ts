import { describe, expect, it } from 'vitest';
import { parseMarketWatch, parseMarketWatchReading } from '../../../src/sources/psx/market-watch';
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
      // LISTED IN: ALLSHR,KMI30,KSE100,KSE30 (issue 12).
      shariah: true,
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

  it('reads the symbol, not the XD tag that follows it, and the tag as its marker', () => {
    expect(result.value[2]).toMatchObject({ symbol: 'KEL', price: 6.12, change: 0, changePercent: 0, entitlements: ['XD'] });
  });

  it('marks only what the page marks: no tag, no marker; no KMI index, no Shariah flag', () => {
    expect(result.value.map((q) => [q.symbol, q.entitlements, q.shariah])).toEqual([
      ['HUBC', undefined, true],
      ['OGDC', undefined, true],
      ['KEL', ['XD'], undefined],
      ['SILK', undefined, undefined],
    ]);
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
    // Change and % are never made up from LDCP: a made-up 0 would read as "unchanged".
    ['a row without its change cells', row(`${sym('ABC')}<td data-order="20">20.00</td><td></td><td></td><td></td><td data-order="21">21.00</td>`)],
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

  it('never reads by position: headers that lost their names make the table unreadable', () => {
    const html = `<table id="marketWatchTable"><thead><tr><th>SYMBOL</th></tr></thead><tbody>${row(
      `${sym('ABC')}<td data-order="1">1</td><td data-order="2">2</td><td data-order="3">3</td><td data-order="4">4</td><td data-order="5">5</td><td data-order="6">6</td><td data-order="7">7</td><td data-order="8">8</td>`,
    )}</tbody></table>`;
    const result = parseMarketWatch(html);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('no LDCP, CURRENT, CHANGE, CHANGE (%) header');
  });

  it('finds columns by their data-name when the portal reorders them', () => {
    const html = `<table id="marketWatchTable"><thead><tr><th data-name="symbol">S</th><th data-name="close">C</th>
      <th data-name="change">CH</th><th data-name="percentChange">P</th><th data-name="ldcp">L</th></tr></thead><tbody>
      <tr><td data-order="XYZ">XYZ</td><td data-order="12.5">12.50</td><td data-order="-0.5">-0.50</td><td data-order="-3.84">-3.84%</td><td data-order="13">13.00</td></tr></tbody></table>`;
    const result = parseMarketWatch(html);
    expect(result.ok && result.value[0]).toMatchObject({ symbol: 'XYZ', price: 12.5, change: -0.5, changePercent: -3.84, previousClose: 13 });
    // Columns the table does not have are absent, not zero.
    expect(result.ok && result.value[0]).toMatchObject({ open: null, high: null, low: null, volume: null });
  });
});

describe('parseMarketWatch on the 30-symbol fixture', () => {
  it('reads every row and leaves the futures contract out', () => {
    const result = parseMarketWatch(readFixture('psx/market-watch.html'));
    expect(result.ok && result.value.length).toBe(30);
    expect(result.ok && result.value.find((q) => q.symbol === 'HUBC')?.price).toBe(202.71);
  });
});

// Issue 10's crafted pages, and the rules that answer them: columns by header only, each row
// checked against itself, unreadable figures absent rather than zero.
describe('parseMarketWatch on crafted pages (issue 10)', () => {
  type Header = [dataName: string | null, text: string];
  const PORTAL_HEADERS: Header[] = [
    ['symbol', 'SYMBOL'], ['sector', 'SECTOR'], ['listed', 'LISTED IN'], ['ldcp', 'LDCP'], ['open', 'OPEN'], ['high', 'HIGH'],
    ['low', 'LOW'], ['close', 'CURRENT'], ['change', 'CHANGE'], ['percentChange', 'CHANGE (%)'], ['volume', 'VOLUME'],
  ];
  // HUBC's row as the portal writes it, one cell per header above.
  const HUBC: string[] = [
    '<td data-search="HUBC" data-order="HUBC"><a><strong>HUBC</strong></a></td>', '<td>0816</td>', '<td>KSE100</td>',
    '<td data-order="201.87">201.87</td>', '<td data-order="202.05">202.05</td>', '<td data-order="204.4">204.40</td>',
    '<td data-order="201.1">201.10</td>', '<td data-order="202.71">202.71</td>', '<td data-order="0.84">0.84</td>',
    '<td data-order="0.4161093773220389">0.42%</td>', '<td data-order="1445702">1,445,702</td>',
  ];
  const page = (headers: Header[], rows: string[][]): string =>
    `<table class="tbl" id="marketWatchTable"><thead><tr>${headers
      .map(([name, text]) => `<th${name === null ? '' : ` data-name="${name}"`}>${text}</th>`)
      .join('')}</tr></thead><tbody>${rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('')}</tbody></table>`;
  const insert = <T,>(list: T[], at: number, item: T): T[] => [...list.slice(0, at), item, ...list.slice(at)];
  const rename = (list: Header[], dataName: string, to: Header): Header[] => list.map((h) => (h[0] === dataName ? to : h));
  const HUBC_QUOTE = { symbol: 'HUBC', previousClose: 201.87, open: 202.05, high: 204.4, low: 201.1, price: 202.71, change: 0.84, volume: 1445702 };

  it('a renamed CURRENT header with an inserted column is a parse failure, not the day\'s low as the price', () => {
    // The crafted page: an ISIN column before LDCP shifts every figure one place right, so the
    // old fixed positions read LOW where CURRENT was; CURRENT itself is renamed.
    const headers = rename(insert(PORTAL_HEADERS, 3, ['isin', 'ISIN']), 'close', ['last', 'LAST']);
    const result = parseMarketWatch(page(headers, [insert(HUBC, 3, '<td data-order="7">PK0065001015</td>')]));
    expect(result).toEqual({ ok: false, error: 'the market-watch table cannot be read: no CURRENT header' });
  });

  it.each<[string, Header[]]>([
    ['SYMBOL renamed', rename(PORTAL_HEADERS, 'symbol', ['code', 'CODE'])],
    ['LDCP renamed', rename(PORTAL_HEADERS, 'ldcp', ['prev', 'YESTERDAY'])],
    ['CHANGE renamed', rename(PORTAL_HEADERS, 'change', ['delta', 'DELTA'])],
    ['CHANGE (%) renamed', rename(PORTAL_HEADERS, 'percentChange', ['pct', 'PCT'])],
    ['a header whose text and data-name name different columns', rename(PORTAL_HEADERS, 'low', ['close', 'LOW'])],
    ['two CURRENT columns', insert(PORTAL_HEADERS, 3, ['price', 'CURRENT'])],
  ])('%s (with an inserted column) is a parse failure', (_name, headers) => {
    const result = parseMarketWatch(page(insert(headers, 1, ['isin', 'ISIN']), [insert(HUBC, 1, '<td>X</td>')]));
    expect(result.ok).toBe(false);
  });

  it('the failure reaches the caller as a parse error of the source', async () => {
    const { readPortal, HOME_URL, MARKET_WATCH_URL } = await import('../../../src/sources/psx/portal');
    const { fakeFetch } = await import('../fake-fetch');
    const headers = rename(insert(PORTAL_HEADERS, 3, ['isin', 'ISIN']), 'close', ['last', 'LAST']);
    const { fetch } = fakeFetch({
      [HOME_URL]: [{ body: readFixture('psx/home.html') }],
      [MARKET_WATCH_URL]: [{ body: page(headers, [insert(HUBC, 3, '<td>X</td>')]) }],
    });
    const result = await readPortal({ fetchImpl: fetch, wantQuotes: () => true });
    expect(result.ok && result.value.quotes).toBe(null);
    expect(result.ok && result.value.quotesError?.kind).toBe('parse');
  });

  it('an inserted column with every header named is read by name, not shifted', () => {
    const headers = insert(insert(PORTAL_HEADERS, 7, ['bid', 'BID']), 0, ['rank', '#']);
    const cells = insert(insert(HUBC, 7, '<td data-order="202.5">202.50</td>'), 0, '<td data-order="1">1</td>');
    const result = parseMarketWatch(page(headers, [cells]));
    expect(result.ok && result.value[0]).toMatchObject(HUBC_QUOTE);
  });

  it('reads known variants of the header words, in any case and spacing', () => {
    const headers: Header[] = [
      [null, 'Symbol'], [null, 'Prev. Close'], [null, 'Open'], [null, 'High'], [null, 'Low'], [null, 'Close'],
      [null, 'Chg'], [null, 'Change\n %'], [null, 'Vol.'],
    ];
    const cells = [HUBC[0], ...HUBC.slice(3)] as string[];
    const result = parseMarketWatch(page(headers, [cells]));
    expect(result.ok && result.value[0]).toMatchObject(HUBC_QUOTE);
  });

  it('reads across a colspan in the headers and the rows', () => {
    // SECTOR and LISTED IN under one header two columns wide; one row with both cells, one with
    // a single cell two columns wide.
    const other = HUBC.map((c) => c.replaceAll('HUBC', 'OTHER'));
    const html = page([PORTAL_HEADERS[0] as Header, ['sector', 'SECTOR'], ...PORTAL_HEADERS.slice(3)], [
      HUBC,
      [other[0] as string, '<td colspan="2">0816 KSE100</td>', ...other.slice(3)],
    ]).replace('<th data-name="sector">', '<th data-name="sector" colspan="2">');
    const result = parseMarketWatch(html);
    expect(result.ok && result.value).toMatchObject([HUBC_QUOTE, { ...HUBC_QUOTE, symbol: 'OTHER' }]);
  });

  const withCell = (index: number, cell: string): string[] => HUBC.map((c, i) => (i === index ? cell : c));
  const OTHER = HUBC.map((c) => c.replaceAll('HUBC', 'OTHER'));

  it.each<[string, string[]]>([
    ['a hex price', withCell(7, '<td data-order="0xCA">202.71</td>')],
    ['an exponent price', withCell(7, '<td data-order="2.0271e2">202.71</td>')],
    ['a negative price', withCell(7, '<td data-order="-202.71">-202.71</td>')],
    ['a zero price', withCell(7, '<td data-order="0">0.00</td>')],
    ['an empty price', withCell(7, '<td data-order="">202.71</td>')],
    ['an Infinity change', withCell(8, '<td data-order="Infinity">0.84</td>')],
    ['an unreadable %', withCell(9, '<td data-order="n/a">0.42%</td>')],
    ['a change that is not current − LDCP', withCell(8, '<td data-order="1.84">1.84</td>')],
    ['a % that is not change ÷ LDCP', withCell(9, '<td data-order="4.161093773220389">4.16%</td>')],
    ['the change in the % column', withCell(9, '<td data-order="0.84">0.84%</td>')],
    ['the price in the LDCP column (a shifted row)', withCell(3, '<td data-order="202.71">202.71</td>')],
    ['a symbol that is not a symbol', withCell(0, '<td data-order="&lt;b&gt;">x</td>')],
  ])('drops and counts %s', (_name, cells) => {
    const result = parseMarketWatchReading(page(PORTAL_HEADERS, [cells, OTHER]));
    expect(result.ok && result.value).toMatchObject({ dropped: 1, quotes: [{ symbol: 'OTHER' }] });
  });

  it('a page whose every row is dropped is a failure that says so', () => {
    const result = parseMarketWatchReading(page(PORTAL_HEADERS, [withCell(7, '<td data-order="-1">-1</td>')]));
    expect(result).toEqual({ ok: false, error: 'the market-watch table has no readable rows (1 dropped)' });
  });

  it('unreadable optional figures are absent, never 0', () => {
    const cells = withCell(4, '<td data-order="0">0.00</td>').map((c, i) =>
      i === 5 ? '<td data-order="0x10">16</td>' : i === 6 ? '<td data-order="-1">-1</td>' : i === 10 ? '<td data-order="1.5">1.5</td>' : c,
    );
    const result = parseMarketWatch(page(PORTAL_HEADERS, [cells]));
    expect(result.ok && result.value[0]).toMatchObject({ open: null, high: null, low: null, volume: null, price: 202.71 });
  });

  it('the raw value wins over text that disagrees with it', () => {
    const cells = withCell(7, '<td data-order="202.71">999.99</td>');
    const result = parseMarketWatch(page(PORTAL_HEADERS, [cells]));
    expect(result.ok && result.value[0]?.price).toBe(202.71);
  });

  it('futures contracts are left out without being counted as dropped', () => {
    const futures = HUBC.map((c) => c.replaceAll('HUBC', 'HUBC-OCT'));
    const result = parseMarketWatchReading(page(PORTAL_HEADERS, [futures, HUBC]));
    expect(result.ok && result.value).toMatchObject({ dropped: 0, quotes: [{ symbol: 'HUBC' }] });
  });

  it('a row cut off by the end of the page is dropped: its last figure may be cut too', () => {
    const html = page(PORTAL_HEADERS, [OTHER, HUBC]);
    // Cut inside HUBC's volume text: "1,445,7".
    const cut = html.slice(0, html.lastIndexOf('02</td>'));
    const result = parseMarketWatchReading(cut);
    expect(result.ok && result.value).toMatchObject({ dropped: 1, quotes: [{ symbol: 'OTHER' }] });
  });

  // The reading drives htmlparser2's tokenizer and keeps the table's implied end tags itself.
  it.each<[string, (html: string) => string]>([
    ['upper-case tags and attribute names', (h) => h.replaceAll('<td', '<TD').replaceAll('</td>', '</TD>').replaceAll('data-order', 'DATA-ORDER').replaceAll('<tr>', '<TR>')],
    ['no end tags for cells and rows', (h) => h.replaceAll('</td>', '').replaceAll('</tr>', '')],
    ['unquoted and single-quoted attributes', (h) => h.replace('data-order="202.71"', 'data-order=202.71').replace('data-order="0.84"', "data-order='0.84'")],
    ['a character reference in a raw value', (h) => h.replace('data-order="202.71"', 'data-order="&#50;02.71"')],
    ['cells and rows inside a comment, a script and a textarea', (h) => h.replace('<td>0816</td>', '<td>0816<!-- <td data-order="1"></tr> --><script>"<td>9</td></tr>"</script><textarea><td></textarea></td>')],
    ['a row without its <tr>', (h) => h.replace('<tbody><tr>', '<tbody>')],
    ['a stray end tag for a section that is not open', (h) => h.replace('<td>0816</td>', '<td>0816</td></tfoot></thead>')],
    ['a nested table in a cell', (h) => h.replace('<td>0816</td>', '<td><table><tr><td data-order="HUBC">X</td><td data-order="1">1</td></tr></table></td>')],
  ])('reads the table through %s', (_name, edit) => {
    const result = parseMarketWatchReading(edit(page(PORTAL_HEADERS, [HUBC])));
    expect(result.ok && result.value).toEqual({ quotes: [{ ...HUBC_QUOTE, changePercent: 0.4161093773220389 }], dropped: 0 });
  });

  it('reads a header row of <td> cells inside <thead>', () => {
    const html = page(PORTAL_HEADERS, [HUBC]).replaceAll('<th data-name', '<td data-name').replaceAll('</th>', '</td>');
    expect(html).not.toContain('</th>');
    const result = parseMarketWatch(html);
    expect(result.ok && result.value[0]).toMatchObject(HUBC_QUOTE);
  });

  it('quotes no more than a few words of the page in its error', () => {
    const headers = rename(PORTAL_HEADERS, 'low', ['close', `LOW${'W'.repeat(5000)}`]);
    const result = parseMarketWatch(page(headers, [HUBC]));
    expect(!result.ok && result.error.length).toBeLessThan(200);
  });

  it('a section that starts inside a row ends the row, as HTML does', () => {
    const html = page(PORTAL_HEADERS, [HUBC]).replace('<td data-order="0.84">', '<tbody><td data-order="0.84">');
    const result = parseMarketWatchReading(html);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe('the market-watch table has no readable rows (2 dropped)');
  });

  it('counts nothing as dropped on the sample pages', () => {
    for (const name of ['psx/market-watch.html', 'psx/market-watch-sample.html']) {
      const result = parseMarketWatchReading(readFixture(name));
      expect(result.ok && result.value.dropped).toBe(0);
    }
  });
});

describe('a hostile market-watch page', () => {
  it.each([
    ['2 MB of nested tables', '<table>'.repeat(250_000)],
    ['2 MB of header cells', `<table id="marketWatchTable"><thead><tr>${'<th>x</th>'.repeat(200_000)}`],
    ['2 MB of empty rows', `<table id="marketWatchTable"><tbody>${'<tr></tr>'.repeat(230_000)}`],
  ])('%s fails as too large, quickly, without throwing', (_name, html) => {
    const started = performance.now();
    const result = parseMarketWatchReading(html);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('too large') });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
