/**
 * Property-based tests for the market-watch parser over generated pages: random symbols and
 * figures, the columns in any order, extra columns inserted anywhere (one holding a nested
 * table), headers named by their text, their `data-name` or both, formatted text that disagrees
 * with `data-order`, repeated attributes, unreadable raw values of every kind, rows that
 * contradict themselves, and futures contracts.
 *
 * Every row is generated with the answer it must give (its quote, "dropped" or "futures"), so
 * the properties are exact: the parser returns precisely the good rows' quotes, each figure equal
 * to the raw value it came from; counts precisely the bad rows as dropped; never shows 0 where the
 * raw value was unreadable; and fails a page whose required headers are missing, as `parse`.
 * Bad rows carry a defect well outside the cross-check tolerances, never near their edge.
 *
 * Run counts are sized for a 2-core CI machine (a few seconds); failures print fast-check's seed
 * and the shrunk counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../src/shared/model';
import { parseMarketWatch, parseMarketWatchReading } from '../../../src/sources/psx/market-watch';
import { HOME_URL, MARKET_WATCH_URL, readPortal } from '../../../src/sources/psx/portal';
import { fakeFetch } from '../fake-fetch';
import { readFixture } from '../fixtures';

type Slot = 'symbol' | 'ldcp' | 'open' | 'high' | 'low' | 'close' | 'change' | 'percentChange' | 'volume' | 'listed';
const SLOTS: Slot[] = ['symbol', 'ldcp', 'open', 'high', 'low', 'close', 'change', 'percentChange', 'volume', 'listed'];
const REQUIRED: Slot[] = ['symbol', 'ldcp', 'close', 'change', 'percentChange'];
const OPTIONAL: Slot[] = ['open', 'high', 'low', 'volume', 'listed'];

// ---- HTML pieces ------------------------------------------------------------------------------

const escAttr = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
const escText = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

/** A cell as HTML, and what the parser must read from it (null: unreadable or absent). */
interface Cell {
  html: string;
  value: number | null;
}

/** Raw values the strict reader must refuse; `Number()` reads most of them. */
const JUNK = [
  '', ' ', '\t', '0x1A', '0X10', '0b11', '0o7', '1e3', '2.5E-2', 'e5', 'Infinity', '-Infinity', 'NaN', 'abc', '1,445',
  '12abc', '--5', '5.', '.', '+', '-', '1_000', '\u00A042', '\u0663', '1.2.3', '5-', 'null', 'undefined', '[]',
];
const junk = fc.constantFrom(...JUNK);

/** Text a cell may print beside its raw value, mostly disagreeing with it. */
const noise: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('999.99', '-1', '0', '0.00', '1,000,000', 'n/a', '', '-', '(0.42%)', 'XD'),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => grouped(c)),
  fc.constantFrom('<i class="icon-up-dir"></i> 12.34', '<b>7</b>', '<span>5</span>%'),
);

/** Money as the portal's raw value: cents ÷ 100, shortest decimal (`201.87`, `0.1`, `-3.49`). */
const money = (cents: number): string => String(cents / 100);

/** Money as printed for people: `-1,234.56`. */
function grouped(cents: number): string {
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100));
  let groupedWhole = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) groupedWhole += ',';
    groupedWhole += whole[i];
  }
  return `${cents < 0 ? '-' : ''}${groupedWhole}.${String(abs % 100).padStart(2, '0')}`;
}

const groupedCount = (n: number): string => grouped(n * 100).slice(0, -3);

/** `<td data-order>`; sometimes with a second, hostile data-order after it (the first wins). */
const rawCell = (raw: string, text: string, second: string | null = null): string =>
  `<td class="right" data-order="${escAttr(raw)}"${second === null ? '' : ` data-order="${escAttr(second)}"`}>${text}</td>`;
const textCell = (text: string): string => `<td class="right"><i class="icon-dir"></i> ${escText(text)}</td>`;
const EMPTY: Cell = { html: '<td></td>', value: null };

const second = fc.option(fc.oneof(junk, fc.constantFrom('999', '0', '-5')), { nil: null, freq: 3 });

/** A cell holding `value` as its raw data-order, beside disagreeing text. */
const rawOf = (raw: string, value: number): fc.Arbitrary<Cell> =>
  fc.tuple(noise, second).map(([text, dup]) => ({ html: rawCell(raw, text, dup), value }));
/** A cell whose raw value is unreadable, beside text that may well be a readable number. */
const junkCell: fc.Arbitrary<Cell> = fc.tuple(junk, noise).map(([raw, text]) => ({ html: rawCell(raw, text), value: null }));

const cents = fc.integer({ min: 1, max: 10_000_000 });
/** True one time in `n`. */
const oneIn = (n: number): fc.Arbitrary<boolean> => fc.nat(n - 1).map((k) => k === 0);

/** OPEN, HIGH, LOW: a price above zero, or absent (0 is "no trade", never a price). */
const optionalPrice: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: cents.chain((c) => rawOf(money(c), c / 100)) },
  { weight: 1, arbitrary: cents.map((c) => ({ html: textCell(grouped(c)), value: c / 100 })) },
  { weight: 1, arbitrary: noise.map((text) => ({ html: rawCell('0', text), value: null })) },
  { weight: 1, arbitrary: cents.map((c) => ({ html: rawCell(`-${money(c)}`, money(c)), value: null })) },
  { weight: 1, arbitrary: junkCell },
  { weight: 1, arbitrary: fc.constant(EMPTY) },
);

/** VOLUME: a whole number ≥ 0, or absent. */
const volumeCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }).chain((v) => rawOf(String(v), v)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }).map((v) => ({ html: textCell(groupedCount(v)), value: v })) },
  { weight: 1, arbitrary: fc.constant<Cell>({ html: rawCell('1.5', '1.5'), value: null }) },
  { weight: 1, arbitrary: fc.constant<Cell>({ html: rawCell('-100', '-100'), value: null }) },
  { weight: 1, arbitrary: junkCell },
  { weight: 1, arbitrary: fc.constant(EMPTY) },
);

/**
 * The symbol cell in the shapes the portal uses: data-order, data-search, or the `<strong>` text;
 * with the entitlement markers it must read from it (issue 12): a tag beside the link, or letters
 * the printed symbol carries beyond its raw value.
 */
const symbolCell = (symbol: string): fc.Arbitrary<[html: string, entitlements: Quote['entitlements']]> =>
  fc.constantFrom<[string, Quote['entitlements']]>(
    [`<td data-search="${symbol}" data-order="${symbol}"><a class="tbl__symbol"><strong>${symbol}</strong></a></td>`, undefined],
    [`<td data-order="${symbol}"><a><strong>${symbol}</strong></a><div class="tag tag--xd">XD</div></td>`, ['XD']],
    [`<td data-search="${symbol}"><a><strong>NOT THIS</strong></a></td>`, undefined],
    [`<td><a class="tbl__symbol"><strong>${symbol}</strong></a><div class="tag">XD</div></td>`, ['XD']],
    [`<td data-order="${symbol}"><a><strong>${symbol}</strong></a><div class="tag tag--skim">XB-XR</div><span class="tag">XD</span></td>`, ['XD', 'XB', 'XR']],
    [`<td data-search="${symbol}" data-order="${symbol}"><a><strong>${symbol}XB</strong></a></td>`, ['XB']],
    [`<td><a><strong>${symbol}</strong></a> <span class="tag">xd xb</span></td>`, ['XD', 'XB']],
  );

const symbol = fc.stringMatching(/^[A-Z][A-Z0-9]{1,6}$/);

/** LISTED IN, and whether it names a KMI index (issue 12); text only, a raw value beside it is not read. */
const listedCell: fc.Arbitrary<[html: string, shariah: boolean]> = fc.constantFrom<[string, boolean]>(
  ['<td>ALLSHR,KSE100</td>', false],
  ['<td>ALLSHR,KMI30,KSE100,KSE30</td>', true],
  ['<td>KMIALLSHR</td>', true],
  ['<td>ALLSHR, kmi30</td>', true],
  ['<td></td>', false],
  ['<td data-order="7">ALLSHR,KMI30</td>', true],
  // A name that only contains KMI is not a KMI index; nor is text of a table nested in the cell.
  ['<td>ALLSHR,XKMI30</td>', false],
  ['<td><table><tr><td>KMI30</td></tr></table></td>', false],
);

// ---- rows -------------------------------------------------------------------------------------

/** One row: a cell per slot, and what it must come to. */
interface Row {
  cells: Record<Slot, string>;
  /** The raw value of each figure as read (null: unreadable); for the "never 0" property. */
  readable: Partial<Record<Slot, number | null>>;
  outcome: { kind: 'quote'; quote: Quote } | { kind: 'dropped'; why: string } | { kind: 'futures' };
}

/** A row whose figures are readable where they must be and agree with each other. */
const goodRow: fc.Arbitrary<Row> = fc
  .record({
    symbol,
    ldcpCents: cents,
    closeCents: cents,
    ldcpShape: fc.constantFrom('raw', 'raw', 'raw', 'text', 'zero', 'junk', 'empty'),
    closeAsText: oneIn(5),
    changeAsText: oneIn(5),
    open: optionalPrice,
    high: optionalPrice,
    low: optionalPrice,
    volume: volumeCell,
    listed: listedCell,
    texts: fc.tuple(noise, noise, noise),
    junkLdcp: junkCell,
  })
  .chain((r) =>
    fc.tuple(fc.constant(r), symbolCell(r.symbol), second).map(([r, [symbolHtml, entitlements], dup]): Row => {
      const changeCents = r.closeCents - r.ldcpCents;
      const price = r.closeCents / 100;
      const change = changeCents / 100;
      const changePercent = (change / (r.ldcpCents / 100)) * 100;
      const ldcp: Cell =
        r.ldcpShape === 'raw'
          ? { html: rawCell(money(r.ldcpCents), r.texts[0], dup), value: r.ldcpCents / 100 }
          : r.ldcpShape === 'text'
            ? { html: textCell(grouped(r.ldcpCents)), value: r.ldcpCents / 100 }
            : r.ldcpShape === 'zero'
              ? { html: rawCell('0', money(r.ldcpCents)), value: null }
              : r.ldcpShape === 'junk'
                ? r.junkLdcp
                : EMPTY;
      const close = r.closeAsText ? textCell(grouped(r.closeCents)) : rawCell(money(r.closeCents), r.texts[1]);
      const changeHtml = r.changeAsText ? textCell(grouped(changeCents)) : rawCell(money(changeCents), r.texts[2]);
      return {
        cells: {
          symbol: symbolHtml,
          ldcp: ldcp.html,
          open: r.open.html,
          high: r.high.html,
          low: r.low.html,
          close,
          change: changeHtml,
          percentChange: rawCell(String(changePercent), `${changePercent.toFixed(2)}%`),
          volume: r.volume.html,
          listed: r.listed[0],
        },
        readable: { ldcp: ldcp.value, open: r.open.value, high: r.high.value, low: r.low.value, volume: r.volume.value },
        outcome: {
          kind: 'quote',
          quote: {
            symbol: r.symbol,
            price,
            change,
            changePercent,
            previousClose: ldcp.value,
            open: r.open.value,
            high: r.high.value,
            low: r.low.value,
            volume: r.volume.value,
            ...(entitlements ? { entitlements } : {}),
            ...(r.listed[1] ? { shariah: true as const } : {}),
          },
        },
      };
    }),
  );

/** A row with one defect that must drop it: its LDCP is always readable, so the checks are exact. */
const badRow: fc.Arbitrary<Row> = fc
  .record({
    base: goodRow,
    ldcpCents: cents,
    closeCents: cents,
    defect: fc.constantFrom('price-junk', 'price-negative', 'price-zero', 'change-junk', 'percent-junk', 'change-off', 'percent-off', 'symbol', 'change-missing'),
    raw: junk,
    offCents: fc.integer({ min: 5, max: 1_000_000 }),
    sign: fc.constantFrom(1, -1),
    badSymbol: fc.constantFrom('', ' ', 'A B', '&lt;B&gt;', '-OCT', 'ÄÖ', 'X'.repeat(30), '$$'),
  })
  .map(({ base, ldcpCents, closeCents, defect, raw, offCents, sign, badSymbol }): Row => {
    const ldcp = ldcpCents / 100;
    const changeCents = closeCents - ldcpCents;
    const percent = (changeCents / 100 / ldcp) * 100;
    const cells: Record<Slot, string> = {
      ...base.cells,
      ldcp: rawCell(money(ldcpCents), '1.00'),
      close: rawCell(money(closeCents), '1.00'),
      change: rawCell(money(changeCents), '0.00'),
      percentChange: rawCell(String(percent), '0.00%'),
    };
    // Far outside the tolerance: 0.01 + 1e-9 × price for the change; 0.01 + 1 ÷ LDCP for the %.
    const percentOff = percent + sign * (2 * (0.01 + 1 / ldcp) + 1 + 1e-6 * Math.abs(percent));
    if (defect === 'price-junk') cells.close = rawCell(raw, money(closeCents));
    else if (defect === 'price-negative') cells.close = rawCell(`-${money(closeCents)}`, money(closeCents));
    else if (defect === 'price-zero') cells.close = rawCell('0', money(closeCents));
    else if (defect === 'change-junk') cells.change = rawCell(raw, money(changeCents));
    else if (defect === 'percent-junk') cells.percentChange = rawCell(raw, `${percent.toFixed(2)}%`);
    else if (defect === 'change-off') cells.change = rawCell(money(changeCents + sign * offCents), money(changeCents));
    else if (defect === 'percent-off') cells.percentChange = rawCell(String(percentOff), `${percent.toFixed(2)}%`);
    else if (defect === 'symbol') cells.symbol = `<td data-order="${badSymbol}">${badSymbol}</td>`;
    else cells.change = EMPTY.html;
    return { cells, readable: {}, outcome: { kind: 'dropped', why: defect } };
  });

/** A futures contract (`HUBC-OCT`): left out, not counted, whatever its figures. */
const futuresRow: fc.Arbitrary<Row> = fc
  .tuple(fc.oneof(goodRow, badRow), symbol, fc.constantFrom('OCT', 'NOV', 'DECB', 'JAN'))
  .map(([row, base, month]) => {
    const contract = `${base}-${month}`;
    return { ...row, cells: { ...row.cells, symbol: `<td data-order="${contract}"><strong>${contract}</strong></td>` }, outcome: { kind: 'futures' } };
  });

const rows = fc.array(fc.oneof({ weight: 5, arbitrary: goodRow }, { weight: 2, arbitrary: badRow }, { weight: 1, arbitrary: futuresRow }), {
  minLength: 0,
  maxLength: 20,
});

// ---- columns and headers ----------------------------------------------------------------------

const HEADER_TEXTS: Record<Slot, string[]> = {
  symbol: ['SYMBOL', 'Symbol', 'SCRIP'],
  ldcp: ['LDCP', 'Prev. Close', 'PREVIOUS CLOSE'],
  open: ['OPEN', 'Open'],
  high: ['HIGH', 'High'],
  low: ['LOW', 'low'],
  close: ['CURRENT', 'Current', 'CLOSE'],
  change: ['CHANGE', 'Chg'],
  percentChange: ['CHANGE (%)', 'CHANGE(%)', '% Change', 'CHANGE <small>(%)</small>'],
  volume: ['VOLUME', 'Vol.'],
  listed: ['LISTED IN', 'Listed In'],
};

/** How a known column's header names it: by its text, by its data-name, or both. */
const headerFor = (slot: Slot): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...HEADER_TEXTS[slot]), fc.constantFrom('text', 'name', 'both')).map(([text, how]) =>
    how === 'text'
      ? `<th class="right">${text}</th>`
      : how === 'name'
        ? `<th data-name="${slot}">COL ${slot.length}</th>`
        : `<th class="right" data-name="${slot}">${text}</th>`,
  );

/** Columns the parser does not read; their cells carry numbers that would mislead a shifted read. */
const EXTRA_HEADERS = ['<th data-name="sector">SECTOR</th>', '<th>ISIN</th>', '<th data-name="bid">BID</th>', '<th>#</th>', '<th data-name="trades">TRADES</th>'];
const extraCell: fc.Arbitrary<string> = fc.oneof(
  cents.map((c) => rawCell(money(c), grouped(c))),
  fc.constantFrom('<td>0816</td>', '<td>ALLSHR,KSE100</td>', '<td></td>'),
  // A nested table inside a cell: its rows must never mix with the market watch's.
  cents.map((c) => `<td><table><tr><th>SYMBOL</th><th>CURRENT</th></tr><tr><td data-order="ZZZ">ZZZ</td><td data-order="${money(c)}">x</td></tr></table></td>`),
);

type Column = { kind: 'known'; slot: Slot; header: string } | { kind: 'extra'; header: string; cells: string[] };

interface Layout {
  columns: Column[];
  /** Optional slots whose column the table does not have: their figures are null. */
  missing: Slot[];
}

const layout = (rowCount: number): fc.Arbitrary<Layout> =>
  fc
    .record({
      order: fc.shuffledSubarray(SLOTS, { minLength: SLOTS.length, maxLength: SLOTS.length }),
      absent: fc.record({ open: oneIn(6), high: oneIn(6), low: oneIn(6), volume: oneIn(6), listed: oneIn(4) }),
      headers: fc.record(Object.fromEntries(SLOTS.map((s) => [s, headerFor(s)])) as Record<Slot, fc.Arbitrary<string>>),
      extras: fc.array(
        fc.record({ header: fc.constantFrom(...EXTRA_HEADERS), at: fc.nat(), cells: fc.array(extraCell, { minLength: rowCount, maxLength: rowCount }) }),
        { maxLength: 4 },
      ),
    })
    .map(({ order, absent, headers, extras }) => {
      const missing = OPTIONAL.filter((s) => absent[s as keyof typeof absent]);
      const columns: Column[] = order.filter((s) => !missing.includes(s)).map((slot) => ({ kind: 'known', slot, header: headers[slot] }));
      for (const extra of extras) columns.splice(extra.at % (columns.length + 1), 0, { kind: 'extra', header: extra.header, cells: extra.cells });
      return { columns, missing };
    });

function renderPage(columns: Column[], body: Row[]): string {
  const head = columns.map((c) => c.header).join('');
  const trs = body
    .map((row, r) => `<tr>\n  ${columns.map((c) => (c.kind === 'known' ? row.cells[c.slot] : (c.cells[r] ?? '<td></td>'))).join('')}\n</tr>`)
    .join('\n');
  // A decoy table before the real one: it has a SYMBOL header but not the portal's id.
  return `<html><body><table class="decoy"><tr><th>SYMBOL</th><th>CURRENT</th></tr><tr><td data-order="DECOY">DECOY</td><td data-order="1">1</td></tr></table>
<div class="tbl__wrapper"><table class="tbl" id="marketWatchTable"><thead class="tbl__head"><tr>${head}</tr></thead><tbody class="tbl__body">
${trs}
</tbody></table></div></body></html>`;
}

const page = rows.chain((body) => layout(body.length).map((l) => ({ body, layout: l })));

const expectedQuote = ({ shariah, ...quote }: Quote, missing: Slot[]): Quote => ({
  ...quote,
  open: missing.includes('open') ? null : quote.open,
  high: missing.includes('high') ? null : quote.high,
  low: missing.includes('low') ? null : quote.low,
  volume: missing.includes('volume') ? null : quote.volume,
  // Without a LISTED IN column nothing says a symbol is in a KMI index: absent, not guessed.
  ...(shariah && !missing.includes('listed') ? { shariah } : {}),
});

// ---- properties -------------------------------------------------------------------------------

describe('parseMarketWatch over generated pages', () => {
  it('returns exactly the good rows, each figure equal to the raw value it came from, and counts exactly the bad ones', () => {
    fc.assert(
      fc.property(page, ({ body, layout: { columns, missing } }) => {
        const result = parseMarketWatchReading(renderPage(columns, body));
        const good = body.flatMap((r) => (r.outcome.kind === 'quote' ? [expectedQuote(r.outcome.quote, missing)] : []));
        const bad = body.filter((r) => r.outcome.kind === 'dropped').length;
        if (good.length === 0) {
          expect(result.ok).toBe(false);
          return;
        }
        expect(result).toEqual({ ok: true, value: { quotes: good, dropped: bad } });
      }),
      { numRuns: 300 },
    );
  });

  it('never shows 0 where the raw value was unreadable', () => {
    fc.assert(
      fc.property(page, ({ body, layout: { columns } }) => {
        const result = parseMarketWatch(renderPage(columns, body));
        if (!result.ok) return;
        const goodRows = body.filter((r) => r.outcome.kind === 'quote');
        expect(result.value).toHaveLength(goodRows.length);
        result.value.forEach((quote, i) => {
          const readable = (goodRows[i] as Row).readable;
          const shown: Partial<Record<Slot, number | null>> = { ldcp: quote.previousClose, open: quote.open, high: quote.high, low: quote.low, volume: quote.volume };
          for (const slot of ['ldcp', 'open', 'high', 'low', 'volume'] as const) {
            if (readable[slot] === null) expect(shown[slot], `${quote.symbol} ${slot}`).toBe(null);
          }
          // The figures a quote cannot do without are real readings, and prices are above zero.
          for (const price of [quote.price, quote.previousClose, quote.open, quote.high, quote.low]) {
            if (price !== null) expect(price).toBeGreaterThan(0);
          }
          if (quote.volume !== null) expect(Number.isInteger(quote.volume) && quote.volume >= 0).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  /** Breaks one required header: removed, renamed, contradicted by its data-name, or doubled. */
  const broken = page.chain(({ body, layout: { columns } }) =>
    fc
      .record({ slot: fc.constantFrom(...REQUIRED), how: fc.constantFrom('remove', 'rename', 'contradict', 'double'), other: fc.constantFrom(...SLOTS) })
      .map(({ slot, how, other }) => {
        const at = columns.findIndex((c) => c.kind === 'known' && c.slot === slot);
        const next = [...columns];
        if (how === 'remove') next.splice(at, 1);
        else if (how === 'rename') next[at] = { kind: 'extra', header: '<th data-name="last">LAST PRICE</th>', cells: body.map(() => rawCell('1', '1')) };
        else if (how === 'contradict') {
          const liar = other === slot ? (slot === 'close' ? 'low' : 'close') : other;
          next[at] = { kind: 'known', slot, header: `<th data-name="${liar}">${HEADER_TEXTS[slot][0] ?? ''}</th>` };
        } else next.splice(at, 0, { kind: 'known', slot, header: `<th>${HEADER_TEXTS[slot][0] ?? ''}</th>` });
        return { html: renderPage(next, body), how, slot };
      }),
  );

  it('fails a page whose required headers are missing or ambiguous, and never reads it by position', () => {
    fc.assert(
      fc.property(broken, ({ html }) => {
        const result = parseMarketWatchReading(html);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.error).toMatch(/^(the market-watch table cannot be read|no market-watch table)/);
      }),
      { numRuns: 300 },
    );
  });

  it('reports those pages to the caller as a parse failure of the market watch', async () => {
    const home = readFixture('psx/home.html');
    await fc.assert(
      fc.asyncProperty(broken, async ({ html }) => {
        const { fetch } = fakeFetch({ [HOME_URL]: [{ body: home }], [MARKET_WATCH_URL]: [{ body: html }] });
        const result = await readPortal({ fetchImpl: fetch, wantQuotes: () => true });
        expect(result.ok && result.value.quotes).toBe(null);
        expect(result.ok && result.value.quotesError?.kind).toBe('parse');
      }),
      { numRuns: 40 },
    );
  });
});
