/**
 * Issue 12's reading of the market watch: entitlement markers (a tag beside the symbol link, or
 * a suffix on the symbol text) and the Shariah flag from LISTED IN. The expected values come from
 * the fixtures' generator (test/fixtures/psx/make-market-watch-entitlements.mjs).
 */
import { describe, expect, it } from 'vitest';
import { lockState } from '../../../src/shared/market/circuit';
import type { Quote } from '../../../src/shared/model';
import { listsKmiIndex, parseMarketWatch, parseMarketWatchReading } from '../../../src/sources/psx/market-watch';
import { readFixture } from '../fixtures';
import { EXPECTED } from '../market/board-fixture';

const parse = (name: string, known?: (s: string) => boolean): Quote[] => {
  const reading = parseMarketWatchReading(readFixture(name), undefined, known ? { known } : {});
  if (!reading.ok) throw new Error(reading.error);
  expect(reading.value.dropped).toBe(0);
  return reading.value.quotes;
};
const marks = (quotes: Quote[]): Record<string, [Quote['entitlements'], Quote['shariah']]> =>
  Object.fromEntries(quotes.map((q) => [q.symbol, [q.entitlements, q.shariah]]));
const EXPECTED_MARKS = Object.fromEntries(
  EXPECTED.symbols.map((s) => [s.symbol, [s.entitlements.length > 0 ? s.entitlements : undefined, s.shariah ? true : undefined]]),
);
const directory = new Set(EXPECTED.directory);

describe('the tag form (market-watch-entitlements.html)', () => {
  const quotes = parse('psx/market-watch-entitlements.html');

  it('reads every symbol once, futures left out, with its markers and Shariah flag', () => {
    expect(quotes.map((q) => q.symbol)).toEqual(EXPECTED.symbols.map((s) => s.symbol));
    expect(marks(quotes)).toEqual(EXPECTED_MARKS);
  });

  it('reads the markers apart from the figures: KEL is the same quote with or without its tag', () => {
    const plain = parseMarketWatch(readFixture('psx/market-watch.html'));
    const kel = quotes.find((q) => q.symbol === 'KEL');
    expect(plain.ok && plain.value.find((q) => q.symbol === 'KEL')).toEqual({ ...kel, entitlements: ['XD'] });
  });

  it('finds the circuit-locked rows the fixture holds, and no others', () => {
    const locks = Object.fromEntries(quotes.map((q) => [q.symbol, lockState(q)]));
    expect(locks).toEqual(Object.fromEntries(EXPECTED.symbols.map((s) => [s.symbol, s.lock])));
  });
});

describe('the suffix form (market-watch-suffixes.html)', () => {
  it('with the directory, reads the same symbols and markers as the tag form', () => {
    const quotes = parse('psx/market-watch-suffixes.html', (s) => directory.has(s));
    expect(quotes.map((q) => q.symbol)).toEqual(EXPECTED.symbols.map((s) => s.symbol));
    // TRG's "SPOT" tag was no marker; the suffix form has nothing for it either.
    expect(marks(quotes)).toEqual(EXPECTED_MARKS);
  });

  it('a marker never makes a second symbol: KELXD is KEL, FCCL-XB-XR is FCCL, SEARL-XD is SEARL', () => {
    const symbols = parse('psx/market-watch-suffixes.html', (s) => directory.has(s)).map((q) => q.symbol);
    for (const made of ['KELXD', 'FCCL-XB-XR', 'FCCLXBXR', 'SEARL-XD', 'HUMNL XR', 'SSGC XD XB', 'PPLXDXB']) expect(symbols).not.toContain(made);
    expect(symbols).toContain('ABCXB');
  });

  it('without the directory, only a marker glued to text with no raw value stays on it (PPLXDXB)', () => {
    const quotes = parse('psx/market-watch-suffixes.html');
    const withoutPpl = { ...EXPECTED_MARKS };
    delete withoutPpl['PPL'];
    expect(marks(quotes)).toEqual({ ...withoutPpl, PPLXDXB: [undefined, true] });
  });
});

describe('a real symbol that looks like another with a marker', () => {
  const HEAD = `<table id="marketWatchTable"><thead><tr><th data-name="symbol">SYMBOL</th><th data-name="ldcp">LDCP</th><th data-name="close">CURRENT</th>
    <th data-name="change">CHANGE</th><th data-name="percentChange">CHANGE (%)</th></tr></thead><tbody>`;
  const ABC = '<tr><td data-order="ABC">ABC</td><td data-order="10">10.00</td><td data-order="10.5">10.50</td><td data-order="0.5">0.50</td><td data-order="5">5.00%</td></tr>';
  // ABCXB, newly listed, not yet in the directory the parser was given.
  const ABCXB = '<tr><td data-order="ABCXB">ABCXB</td><td data-order="40">40.00</td><td data-order="45">45.00</td><td data-order="5">5.00</td><td data-order="12.5">12.50%</td></tr>';
  it.each([
    ['its own row first', ABC + ABCXB],
    ['its own row last', ABCXB + ABC],
  ])('never gets the other instrument\'s price (%s): one ABC, at its own price, the other row counted', (_name, rows) => {
    const reading = parseMarketWatchReading(`${HEAD}${rows}</tbody></table>`, undefined, { known: (s) => s === 'ABC' });
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.value.quotes.map((q) => [q.symbol, q.price, q.entitlements])).toEqual([['ABC', 10.5, undefined]]);
    expect(reading.value.dropped).toBe(1);
  });
});

describe('the market watch on marker edge cases', () => {
  const HEAD = `<table id="marketWatchTable"><thead><tr><th data-name="symbol">SYMBOL</th><th data-name="listed">LISTED IN</th>
    <th data-name="ldcp">LDCP</th><th data-name="close">CURRENT</th><th data-name="change">CHANGE</th><th data-name="percentChange">CHANGE (%)</th></tr></thead><tbody>`;
  const FIGURES = '<td data-order="10">10.00</td><td data-order="11">11.00</td><td data-order="1">1.00</td><td data-order="10">10.00%</td>';
  const one = (symbolCell: string, listed = '<td>ALLSHR</td>', head = HEAD): Quote | undefined => {
    const result = parseMarketWatch(`${head}<tr>${symbolCell}${listed}${FIGURES}</tr><tr><td data-order="OTHER">OTHER</td>${listed}${FIGURES}</tr></tbody></table>`);
    if (!result.ok) throw new Error(result.error);
    return result.value[0];
  };

  it.each<[string, string, Partial<Quote>]>([
    // Tag and attribute names ignore case; class values do not, as in CSS.
    ['a tag in upper case', '<td data-order="KEL"><A><STRONG>KEL</STRONG></A><DIV CLASS="tag tag--xd">XD</DIV></td>', { symbol: 'KEL', entitlements: ['XD'] }],
    ['a tag with its text in an element', '<td data-order="KEL"><a>KEL</a><div class="tag"><b>XD</b> <i>XR</i></div></td>', { symbol: 'KEL', entitlements: ['XD', 'XR'] }],
    ['a tag holding an element of its own name', '<td data-order="KEL"><a>KEL</a><div class="tag"><div>XD</div>XB</div></td>', { symbol: 'KEL', entitlements: ['XD', 'XB'] }],
    ['a tag left open ends with its cell', '<td data-order="KEL"><a>KEL</a><div class="tag">XB</td>', { symbol: 'KEL', entitlements: ['XB'] }],
    ['two tags are two words', '<td data-order="KEL"><a>KEL</a><div class="tag">XD</div><div class="tag">NC</div></td>', { symbol: 'KEL', entitlements: ['XD'] }],
    ['a tag in the text-only form does not join the symbol', '<td><a class="tbl__symbol">KEL</a><div class="tag">XD</div></td>', { symbol: 'KEL', entitlements: ['XD'] }],
    ['an entity in a tag', '<td data-order="KEL"><a>KEL</a><div class="tag">XD&nbsp;XB</div></td>', { symbol: 'KEL', entitlements: ['XD', 'XB'] }],
    ['a self-closing tag element opens it, as HTML does', '<td data-order="KEL"><a>KEL</a><div class="tag"/>XD</td>', { symbol: 'KEL', entitlements: ['XD'] }],
    ['the printed symbol carries the marker beyond the raw value', '<td data-order="KEL"><a><strong>KELXD</strong></a></td>', { symbol: 'KEL', entitlements: ['XD'] }],
    ['a raw value with a separated marker', '<td data-order="KEL-XD"><a><strong>KEL-XD</strong></a></td>', { symbol: 'KEL', entitlements: ['XD'] }],
    ['a tag and a suffix together', '<td data-order="KEL"><a><strong>KELXB</strong></a><div class="tag">XD</div></td>', { symbol: 'KEL', entitlements: ['XD', 'XB'] }],
    // Without a <strong>, the cell's printed text is the link's and the marker's: the raw value
    // says where the symbol ends, so a renamed tag class still reads as the marker.
    ['a marker in an element of another class, beside a raw value', '<td data-order="KEL"><a class="tbl__symbol">KEL</a><span class="badge">XD</span></td>', { symbol: 'KEL', entitlements: ['XD'] }],
  ])('%s', (_name, cell, expected) => {
    expect(one(cell)).toMatchObject(expected);
  });

  it.each<[string, string]>([
    ['a class that only contains the word', '<td data-order="KEL"><a><strong>KEL</strong></a><div class="tagline">XD</div></td>'],
    ['classes that only start or end with it', '<td data-order="KEL"><a><strong>KEL</strong></a><span class="tags">XD</span><span class="my-tag">XB</span></td>'],
    ['the word in upper case (class values keep their case)', '<td data-order="KEL"><a><strong>KEL</strong></a><div class="TAG">XD</div></td>'],
    ['text that is no marker', '<td data-order="KEL"><a>KEL</a><div class="tag">SPOT</div></td>'],
    ['printed text that is another symbol', '<td data-order="KEL"><a><strong>OTHERXD</strong></a></td>'],
    ['a raw value glued to its marker, without the directory', '<td data-order="KELXD"><a><strong>KELXD</strong></a></td>'],
  ])('no marker from %s', (_name, cell) => {
    expect(one(cell)?.entitlements).toBeUndefined();
  });

  it('a tag in another cell is not the symbol\'s, and does not hide that cell\'s figure', () => {
    const html = `${HEAD}<tr><td data-order="KEL">KEL</td><td>ALLSHR</td><td data-order="10"><div class="tag">XD</div></td><td data-order="11">11</td><td data-order="1">1</td><td data-order="10">10%</td></tr></tbody></table>`;
    const result = parseMarketWatch(html);
    expect(result.ok && result.value[0]).toMatchObject({ symbol: 'KEL', previousClose: 10 });
    expect(result.ok && result.value[0]?.entitlements).toBeUndefined();
  });

  it('a header cell with a tag class keeps its text: tags are looked for in data rows only', () => {
    const head = HEAD.replace('>LISTED IN<', '>LISTED <span class="tag">IN</span><');
    expect(one('<td data-order="KEL">KEL</td>', '<td>KMI30</td>', head)).toMatchObject({ symbol: 'KEL', shariah: true });
  });

  describe('LISTED IN', () => {
    it.each<[string, string, true | undefined]>([
      ['KMI30', '<td>ALLSHR,KMI30,KSE100</td>', true],
      ['KMIALLSHR', '<td>KMIALLSHR</td>', true],
      ['any KMI index', '<td>KSE100, KMI-NEW</td>', true],
      ['no KMI index', '<td>ALLSHR,KSE100,KSE30</td>', undefined],
      ['a name that only contains KMI', '<td>XKMI30</td>', undefined],
      ['empty', '<td></td>', undefined],
      ['text beside a raw value', '<td data-order="3">KMI30</td>', true],
      ['in an element', '<td><span>KMI30</span>,<span>KSE100</span></td>', true],
    ])('%s → %s', (_name, listed, shariah) => {
      expect(one('<td data-order="HUBC">HUBC</td>', listed)?.shariah).toBe(shariah);
    });

    it('found by its header text alone', () => {
      const head = HEAD.replace('<th data-name="listed">LISTED IN</th>', '<th>Listed In</th>');
      expect(one('<td data-order="HUBC">HUBC</td>', '<td>KMI30</td>', head)?.shariah).toBe(true);
    });

    it('a table without the column reads as before, with no Shariah flags, not as an error', () => {
      const head = HEAD.replace('<th data-name="listed">LISTED IN</th>', '<th data-name="sector">SECTOR</th>');
      expect(one('<td data-order="HUBC">HUBC</td>', '<td>KMI30</td>', head)).toMatchObject({ symbol: 'HUBC', price: 11 });
      expect(one('<td data-order="HUBC">HUBC</td>', '<td>KMI30</td>', head)?.shariah).toBeUndefined();
    });

    it('two LISTED IN columns: neither is read, and the figures still are', () => {
      const head = HEAD.replace('<th data-name="listed">LISTED IN</th>', '<th data-name="listed">LISTED IN</th><th>LISTED IN</th>');
      const quote = one('<td data-order="HUBC">HUBC</td>', '<td>KMI30</td><td>KMI30</td>', head);
      expect(quote).toMatchObject({ symbol: 'HUBC', price: 11 });
      expect(quote?.shariah).toBeUndefined();
    });
  });

  it.each([
    ['KMI30', true],
    ['ALLSHR,KMI30', true],
    ['allshr, kmiallshr', true],
    ['ALLSHR KMI30', true],
    ['ALLSHR,KSE100', false],
    ['XKMI30', false],
    ['', false],
  ])('listsKmiIndex(%j) → %s', (text, expected) => {
    expect(listsKmiIndex(text)).toBe(expected);
  });

  it('2 MB of tags in a symbol cell fails as too large, quickly', () => {
    const html = `${HEAD}<tr><td data-order="KEL">KEL${'<div class="tag">XD</div>'.repeat(80_000)}</td></tr></tbody></table>`;
    const started = performance.now();
    expect(parseMarketWatchReading(html)).toEqual({ ok: false, error: expect.stringContaining('too large') });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
