/**
 * The portal's market watch (`GET https://dps.psx.com.pk/market-watch`): every instrument in
 * one table, so one request per cycle serves the whole watchlist.
 *
 * Read in one streaming pass of htmlparser2's tokenizer: the page is ~350 KB of rows, and
 * building a DOM for it only to walk it again took twice as long (see BENCHMARKS.md). Text and
 * attribute values are copied out only where a figure is read from them.
 *
 * Columns are found by their headers, never by position: a table whose required headers cannot
 * be found is a parse failure. Each row is then checked against itself (change against current
 * − LDCP, % against change ÷ LDCP); a row that fails, or lacks a required value, is dropped and
 * counted rather than shown with a figure we cannot stand behind.
 */
import { Tokenizer } from 'htmlparser2';
import type { Quote } from '../../shared/model';
import { err, ok, type Result } from '../../shared/result';
import { isSymbol } from '../../shared/symbol';
import { Budget, PAGE_BUDGET } from '../dom';
import { asPrice, asSigned, asVolume, changeAgrees, parseDisplayNumber, parseRawNumber, percentAgrees } from '../numbers';

/** What a market-watch read returns. */
export interface MarketWatchReading {
  /** Regular-market instruments whose figures are readable and agree with each other. */
  quotes: Quote[];
  /**
   * Rows left out because a required value (symbol, current, change, %) was unreadable or the
   * row failed its cross-checks. Futures contracts are not counted: they are left out on purpose.
   */
  dropped: number;
}

// The figures of a row, in slot order; a header names a slot, a slot is read from its column.
const SYMBOL = 0;
const LDCP = 1;
const OPEN = 2;
const HIGH = 3;
const LOW = 4;
const CURRENT = 5;
const CHANGE = 6;
const PERCENT = 7;
const VOLUME = 8;
const SLOTS = 9;
const LABELS = ['SYMBOL', 'LDCP', 'OPEN', 'HIGH', 'LOW', 'CURRENT', 'CHANGE', 'CHANGE (%)', 'VOLUME'];

/**
 * Header words, upper-cased with whitespace removed. The portal prints the first of each; the
 * others are the same column under names PSX uses on its other tables (the sector summary says
 * CLOSE for the current price).
 */
const HEADER_WORDS: ReadonlyMap<string, number> = new Map([
  ['SYMBOL', SYMBOL],
  ['SCRIP', SYMBOL],
  ['LDCP', LDCP],
  ['PREVCLOSE', LDCP],
  ['PREV.CLOSE', LDCP],
  ['PREVIOUSCLOSE', LDCP],
  ['OPEN', OPEN],
  ['HIGH', HIGH],
  ['LOW', LOW],
  ['CURRENT', CURRENT],
  ['CLOSE', CURRENT],
  ['CHANGE', CHANGE],
  ['CHG', CHANGE],
  ['CHANGE(%)', PERCENT],
  ['CHANGE%', PERCENT],
  ['%CHANGE', PERCENT],
  ['CHG(%)', PERCENT],
  ['CHG%', PERCENT],
  ['VOLUME', VOLUME],
  ['VOL', VOLUME],
  ['VOL.', VOLUME],
]);

/** The portal's own `data-name` on each header, lower-cased; read when the text is not a known word. */
const HEADER_NAMES: ReadonlyMap<string, number> = new Map([
  ['symbol', SYMBOL],
  ['ldcp', LDCP],
  ['open', OPEN],
  ['high', HIGH],
  ['low', LOW],
  ['close', CURRENT],
  ['change', CHANGE],
  ['percentchange', PERCENT],
  ['volume', VOLUME],
]);

/**
 * Without these a row cannot be read or checked, so a table lacking any of them is not the table
 * we know. OPEN, HIGH, LOW and VOLUME are read when present and are null when their column is not.
 */
const REQUIRED = [SYMBOL, LDCP, CURRENT, CHANGE, PERCENT];

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * Futures contracts share the table as `SYM-MON` (`HUBC-OCT`, sometimes `HUBC-OCTB`); the plain
 * symbol is the regular market, which is what the ticker shows.
 */
export function isFuturesContract(symbol: string): boolean {
  const dash = symbol.lastIndexOf('-');
  if (dash <= 0 || symbol.length < dash + 4) return false;
  return MONTHS.includes(symbol.slice(dash + 1, dash + 4));
}

/** A header or an early row's cell, kept whole until the table's columns are known. */
interface LooseCell {
  column: number;
  name: string | null;
  order: string | null;
  search: string | null;
  text: string;
  strong: string;
}

/** One `<table>` being read. Nested tables get their own, so their rows never mix. */
interface TableScan {
  id: string | null;
  /** The last row of `<th>` (or any row in `<thead>`) before the body. */
  header: LooseCell[] | null;
  /** Column → slot, once the first body row has arrived; a hole for a column we do not read. */
  slotAt: number[] | null;
  /** Why the headers could not be used; null while they can. */
  failure: string | null;
  quotes: Quote[];
  dropped: number;
  /** The open thead, tbody or tfoot, if any. */
  section: number;

  // The row being read.
  inRow: boolean;
  rowHasData: boolean;
  column: number;
  loose: LooseCell[];
  // Its cells by slot, once the columns are known.
  present: boolean[];
  order: (string | null)[];
  text: string[];
  search: string | null;
  strong: string;

  // The cell being read.
  inCell: boolean;
  cellSlot: number;
  cellSpan: number;
  cell: LooseCell | null;
  strongDepth: number;
}

const newTable = (): TableScan => ({
  id: null,
  header: null,
  slotAt: null,
  failure: null,
  quotes: [],
  dropped: 0,
  section: 0,
  inRow: false,
  rowHasData: false,
  column: 0,
  loose: [],
  // Sized when the columns are known: a page of thousands of empty tables stays cheap.
  present: [],
  order: [],
  text: [],
  search: null,
  strong: '',
  inCell: false,
  cellSlot: -1,
  cellSpan: 1,
  cell: null,
  strongDepth: 0,
});

// Tags and attributes the reading acts on; everything else is passed over.
const OTHER = 0;
const TABLE = 1;
const TR = 2;
const TD = 3;
const TH = 4;
const STRONG = 5;
// Table sections: opening one ends the row (and the section) before it; closing one ends its row.
const THEAD = 6;
const TBODY = 7;
const TFOOT = 8;
const ID = 1;
const DATA_ORDER = 2;
const DATA_SEARCH = 3;
const DATA_NAME = 4;
const COLSPAN = 5;

/** Whether `html[start, end)` is `name` (lower case), ignoring ASCII case as HTML does. */
function isName(html: string, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) {
    const want = name.charCodeAt(i);
    const got = html.charCodeAt(start + i);
    if (got !== want && (want < 97 || want > 122 || (got | 0x20) !== want)) return false;
  }
  return true;
}

function tagOf(html: string, start: number, end: number): number {
  switch (end - start) {
    case 2:
      if (isName(html, start, end, 'td')) return TD;
      if (isName(html, start, end, 'tr')) return TR;
      if (isName(html, start, end, 'th')) return TH;
      return OTHER;
    case 5:
      if (isName(html, start, end, 'table')) return TABLE;
      if (isName(html, start, end, 'tbody')) return TBODY;
      if (isName(html, start, end, 'thead')) return THEAD;
      if (isName(html, start, end, 'tfoot')) return TFOOT;
      return OTHER;
    case 6:
      return isName(html, start, end, 'strong') ? STRONG : OTHER;
    default:
      return OTHER;
  }
}

function attributeOf(html: string, start: number, end: number): number {
  switch (end - start) {
    case 2:
      return isName(html, start, end, 'id') ? ID : OTHER;
    case 7:
      return isName(html, start, end, 'colspan') ? COLSPAN : OTHER;
    case 9:
      return isName(html, start, end, 'data-name') ? DATA_NAME : OTHER;
    case 10:
      return isName(html, start, end, 'data-order') ? DATA_ORDER : OTHER;
    case 11:
      return isName(html, start, end, 'data-search') ? DATA_SEARCH : OTHER;
    default:
      return OTHER;
  }
}

/**
 * Every table of the page, in document order, read as far as its headers allow.
 *
 * Driven by htmlparser2's tokenizer directly, the same one its `Parser` drives: the tokenizer
 * does the HTML lexing (entities, comments, `<script>` and `<style>` content, quoting), and this
 * reading keeps only the structure a table needs, which is where the time went: the `Parser`
 * copies out every tag name, attribute and text run and keeps an element stack, while a row here
 * needs eight attribute values. The table's own implied end tags are kept as HTML (and the
 * `Parser`) keep them: a cell ends at the next cell, a row at the next row or section, both at
 * the table's end; a `<strong>` left open ends with its cell; tag and attribute names ignore case.
 */
function scanTables(html: string, budget: Budget): TableScan[] {
  const all: TableScan[] = [];
  const open: TableScan[] = [];
  let table: TableScan | null = null;
  /** The tag whose attributes are arriving, if it is one we read. */
  let opening = OTHER;
  /** The attribute being read, if it is one we keep, and its value so far. */
  let attribute = OTHER;
  let value = '';
  let ending = false;

  const startRow = (t: TableScan): void => {
    t.inRow = true;
    t.rowHasData = false;
    t.column = 0;
    if (t.slotAt === null) {
      t.loose = [];
      return;
    }
    t.present.fill(false);
    t.order.fill(null);
    t.text.fill('');
    t.search = null;
    t.strong = '';
  };

  const endCell = (t: TableScan): void => {
    t.inCell = false;
    t.column += t.cellSpan;
    t.cell = null;
    t.cellSlot = -1;
    t.strongDepth = 0;
  };

  const endRow = (t: TableScan): void => {
    if (t.inCell) endCell(t);
    t.inRow = false;
    if (t.slotAt === null) {
      if (!t.rowHasData) {
        // All <th>, or in <thead>: a header row. The last one before the body names the columns.
        if (t.loose.length > 0) t.header = t.loose;
        return;
      }
      if (t.failure === null) {
        const resolved = resolveColumns(t.header);
        if (typeof resolved === 'string') t.failure = resolved;
        else t.slotAt = resolved;
      }
      if (t.slotAt === null) return;
      // The first body row arrived before the columns were known: sort its cells into slots.
      t.present = new Array<boolean>(SLOTS).fill(false);
      t.order = new Array<string | null>(SLOTS).fill(null);
      t.text = new Array<string>(SLOTS).fill('');
      t.search = null;
      t.strong = '';
      for (const cell of t.loose) {
        const slot = t.slotAt[cell.column] ?? -1;
        if (slot < 0 || t.present[slot]) continue;
        t.present[slot] = true;
        t.order[slot] = cell.order;
        t.text[slot] = cell.text;
        if (slot === SYMBOL) {
          t.search = cell.search;
          t.strong = cell.strong;
        }
      }
      t.loose = [];
    } else if (!t.rowHasData) {
      return; // a header row repeated in the body or the footer
    }
    // A row still open when the page ended was cut off: its last figure may be too.
    if (ending) {
      t.dropped++;
      return;
    }
    const quote = readRow(t);
    if (quote === null) t.dropped++;
    else if (quote !== FUTURES) t.quotes.push(quote);
  };

  const startCell = (t: TableScan, isHeader: boolean): void => {
    if (!t.inRow) startRow(t);
    if (t.inCell) endCell(t);
    t.inCell = true;
    t.cellSpan = 1;
    t.strongDepth = 0;
    // A row of <td> inside <thead> is a header row too.
    if (!isHeader && t.section !== THEAD) t.rowHasData = true;
    if (t.slotAt === null) {
      const cell: LooseCell = { column: t.column, name: null, order: null, search: null, text: '', strong: '' };
      t.cell = cell;
      t.loose.push(cell);
      t.cellSlot = -1;
    } else {
      const slot = t.slotAt[t.column] ?? -1;
      // A second cell in the same slot (a colspan overlap) is not read.
      t.cellSlot = slot >= 0 && !t.present[slot] ? slot : -1;
      if (t.cellSlot >= 0) t.present[t.cellSlot] = true;
    }
  };

  /** One attribute of a table or cell tag, whole; the first of a repeated attribute wins, as in the DOM. */
  const setAttribute = (t: TableScan, which: number, text: string): void => {
    if (opening === TABLE) {
      if (which === ID && t.id === null) t.id = text;
      return;
    }
    const cell = t.cell;
    if (which === DATA_ORDER) {
      if (cell !== null) {
        if (cell.order === null) cell.order = text;
      } else if (t.cellSlot >= 0 && t.order[t.cellSlot] === null) t.order[t.cellSlot] = text;
    } else if (which === DATA_SEARCH) {
      if (cell !== null) {
        if (cell.search === null) cell.search = text;
      } else if (t.cellSlot === SYMBOL && t.search === null) t.search = text;
    } else if (which === DATA_NAME) {
      if (cell !== null && cell.name === null) cell.name = text;
    } else if (which === COLSPAN) {
      t.cellSpan = spanOf(text);
    }
  };

  const addText = (t: TableScan, text: string): void => {
    const cell = t.cell;
    if (cell !== null) {
      cell.text += text;
      if (t.strongDepth > 0) cell.strong += text;
      return;
    }
    const slot = t.cellSlot;
    t.text[slot] += text;
    if (slot === SYMBOL && t.strongDepth > 0) t.strong += text;
  };

  /** Whether the cell being read still wants its text: loose cells do; a cell with a raw value does not. */
  const wantsText = (t: TableScan | null): t is TableScan => {
    if (t === null || !t.inCell) return false;
    if (t.cell !== null) return true;
    const slot = t.cellSlot;
    return slot >= 0 && t.order[slot] === null && (slot !== SYMBOL || t.search === null);
  };

  const fromCodePoint = String.fromCodePoint;
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        if (!budget.spend(1)) return tokenizer.pause();
        const tag = tagOf(html, start, end);
        opening = OTHER;
        if (tag === OTHER) return;
        // A table costs far more than a tag (a scan of its own): charged so, 2 MB of them stays cheap.
        if (tag === TABLE && !budget.spend(15)) return tokenizer.pause();
        if (tag === TABLE) {
          table = newTable();
          all.push(table);
          open.push(table);
          opening = TABLE;
          return;
        }
        const t = table;
        if (t === null) return;
        if (tag === TD || tag === TH) {
          startCell(t, tag === TH);
          opening = TD;
        } else if (tag === STRONG) {
          if (t.inCell) t.strongDepth++;
        } else if (tag === TR) {
          if (t.inRow) endRow(t);
          startRow(t);
        } else {
          if (t.inRow) endRow(t);
          t.section = tag;
        }
      },
      onattribname(start, end) {
        if (!budget.spend(1)) return tokenizer.pause();
        attribute = opening === OTHER ? OTHER : attributeOf(html, start, end);
        value = '';
      },
      onattribdata(start, end) {
        if (attribute !== OTHER) value += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (attribute !== OTHER) value += fromCodePoint(codepoint);
      },
      onattribend() {
        if (attribute !== OTHER && table !== null) setAttribute(table, attribute, value);
        attribute = OTHER;
      },
      onopentagend() {
        opening = OTHER;
      },
      onselfclosingtag() {
        // `<td/>` opens a cell in HTML; the slash means nothing.
        opening = OTHER;
      },
      ontext(start, end) {
        if (!budget.spend(1)) return tokenizer.pause();
        const t = table;
        if (wantsText(t)) addText(t, html.slice(start, end));
      },
      ontextentity(codepoint) {
        const t = table;
        if (wantsText(t)) addText(t, fromCodePoint(codepoint));
      },
      onclosetag(start, end) {
        if (!budget.spend(1)) return tokenizer.pause();
        const t = table;
        if (t === null) return;
        const tag = tagOf(html, start, end);
        if (tag === TD || tag === TH) {
          if (t.inCell) endCell(t);
        } else if (tag === STRONG) {
          if (t.strongDepth > 0) t.strongDepth--;
        } else if (tag === TR) {
          if (t.inRow) endRow(t);
        } else if (tag === THEAD || tag === TBODY || tag === TFOOT) {
          // An end tag for a section that is not open is ignored, as HTML ignores it.
          if (tag !== t.section) return;
          if (t.inRow) endRow(t);
          t.section = OTHER;
        } else if (tag === TABLE) {
          if (t.inRow) endRow(t);
          open.pop();
          table = open[open.length - 1] ?? null;
        }
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  // Whatever is still open was left so by the end of the page (a truncated body).
  ending = true;
  for (const t of open) if (t.inRow) endRow(t);
  return all;
}

/** `colspan`, as a whole number of columns from 1 to 1000 (HTML's own cap); 1 when unreadable. */
function spanOf(value: string): number {
  const n = parseRawNumber(value);
  return n !== null && Number.isInteger(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** Upper case, whitespace removed: `Change (%)` and `CHANGE(%)` are one header. */
function headerWord(text: string): string {
  let word = '';
  for (const ch of text) {
    if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' && ch !== '\f' && ch !== '\u00A0') word += ch;
  }
  return word.toUpperCase();
}

/** Page text quoted in an error detail, which is stored and shown: a few words at most. */
const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Column → slot from the header row, or why that row cannot be trusted. */
function resolveColumns(header: LooseCell[] | null): number[] | string {
  if (header === null) return 'no header row';
  const slotAt: number[] = [];
  const columnOf = new Array<number>(SLOTS).fill(-1);
  for (const cell of header) {
    const word = headerWord(cell.text);
    const byText = HEADER_WORDS.get(word);
    const byName = cell.name !== null ? HEADER_NAMES.get(cell.name.trim().toLowerCase()) : undefined;
    if (byText !== undefined && byName !== undefined && byText !== byName) {
      return `header "${clip(word)}" has data-name "${clip(cell.name ?? '')}": which column it is is unclear`;
    }
    const slot = byText ?? byName;
    if (slot === undefined) continue;
    if (columnOf[slot] !== -1) return `two ${LABELS[slot] ?? ''} columns`;
    columnOf[slot] = cell.column;
    slotAt[cell.column] = slot;
  }
  const missing = REQUIRED.filter((slot) => columnOf[slot] === -1).map((slot) => LABELS[slot]);
  if (missing.length > 0) return `no ${missing.join(', ')} header`;
  // Columns we do not read stay holes (read as -1): a hostile colspan cannot make this array big.
  return slotAt;
}

const FUTURES: unique symbol = Symbol('futures');

/** The row as a quote; null when it cannot be shown; FUTURES for a futures contract. */
function readRow(t: TableScan): Quote | null | typeof FUTURES {
  if (!t.present[SYMBOL]) return null;
  // `data-order`/`data-search` hold the bare symbol; the text may carry tags such as `XD`.
  const raw = t.order[SYMBOL] ?? t.search ?? (t.strong.trim() !== '' ? t.strong : t.text[SYMBOL] ?? '');
  const symbol = raw.trim().toUpperCase();
  if (!isSymbol(symbol)) return null;
  if (isFuturesContract(symbol)) return FUTURES;

  const price = asPrice(cellNumber(t, CURRENT));
  const change = asSigned(cellNumber(t, CHANGE));
  const changePercent = asSigned(cellNumber(t, PERCENT));
  if (price === null || change === null || changePercent === null) return null;
  // A blank LDCP stays blank; the row is then checked against the LDCP its own change implies.
  const previousClose = asPrice(cellNumber(t, LDCP));
  if (previousClose !== null ? !changeAgrees(price, previousClose, change) : price - change <= 0) return null;
  if (!percentAgrees(previousClose ?? price - change, change, changePercent)) return null;
  return {
    symbol,
    price,
    change,
    changePercent,
    previousClose,
    open: asPrice(cellNumber(t, OPEN)),
    high: asPrice(cellNumber(t, HIGH)),
    low: asPrice(cellNumber(t, LOW)),
    volume: asVolume(cellNumber(t, VOLUME)),
  };
}

/** The raw `data-order` value when the cell has one; the printed text only when it has not. */
function cellNumber(t: TableScan, slot: number): number | null {
  if (!t.present[slot]) return null;
  const order = t.order[slot] ?? null;
  return order !== null ? parseRawNumber(order) : parseDisplayNumber(t.text[slot]);
}

/**
 * The market watch with the count of rows left out. A page without the table, a table whose
 * required headers cannot be found, and a table with no readable row are failures.
 */
export function parseMarketWatchReading(html: string, budget = new Budget(PAGE_BUDGET)): Result<MarketWatchReading, string> {
  // Every tokenizer event is charged: a 2 MB page of nested tables or cells costs ~100 ms at most,
  // then fails as parse (a 500-row market watch is ~45,000 events).
  const tables = scanTables(html, budget);
  if (budget.exhausted) return err(`the market-watch page is ${budget.failure}`);
  const table = tables.find((t) => t.id === 'marketWatchTable') ?? tables.find(headerHasSymbol);
  if (!table) return err('no market-watch table: an error page or a new layout');
  if (table.failure !== null) return err(`the market-watch table cannot be read: ${table.failure}`);
  if (table.slotAt === null) {
    const resolved = resolveColumns(table.header);
    return err(typeof resolved === 'string' ? `the market-watch table cannot be read: ${resolved}` : 'the market-watch table has no rows');
  }
  if (table.quotes.length === 0) return err(`the market-watch table has no readable rows (${table.dropped} dropped)`);
  return ok({ quotes: table.quotes, dropped: table.dropped });
}

/** How a table without the portal's id is found: its header row names a SYMBOL column. */
function headerHasSymbol(t: TableScan): boolean {
  return (t.header ?? []).some(
    (cell) => HEADER_WORDS.get(headerWord(cell.text)) === SYMBOL || (cell.name !== null && HEADER_NAMES.get(cell.name.trim().toLowerCase()) === SYMBOL),
  );
}

/** The quotes alone, for callers that do not record dropped rows. */
export function parseMarketWatch(html: string): Result<Quote[], string> {
  const reading = parseMarketWatchReading(html);
  return reading.ok ? ok(reading.value.quotes) : reading;
}
