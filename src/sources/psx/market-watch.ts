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
 *
 * Besides the figures, each row says whether the symbol trades ex-entitlement (a tag such as
 * `XD` beside the symbol link, or a marker appended to the symbol text) and whether LISTED IN
 * names a KMI index (issue 12). Neither is required: without them a row is read as before.
 */
import { Tokenizer } from 'htmlparser2';
import { inOrder, mayCarryMarker, readEntitlementTag, splitEntitlement } from '../../shared/market/entitlement';
import { isFuturesContract } from '../../shared/market/regular-board';
import type { Entitlement, Quote } from '../../shared/model';
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
/** LISTED IN: the indices a symbol is in, read as text (the portal gives it no raw value). */
const LISTED = 9;
const SLOTS = 10;
const LABELS = ['SYMBOL', 'LDCP', 'OPEN', 'HIGH', 'LOW', 'CURRENT', 'CHANGE', 'CHANGE (%)', 'VOLUME', 'LISTED IN'];

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
  ['LISTEDIN', LISTED],
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
  ['listed', LISTED],
]);

/**
 * Without these a row cannot be read or checked, so a table lacking any of them is not the table
 * we know. OPEN, HIGH, LOW and VOLUME are read when present and are null when their column is not.
 */
const REQUIRED = [SYMBOL, LDCP, CURRENT, CHANGE, PERCENT];

// Moved to shared/ so the popup can apply it to the board (issue 12); kept here for callers.
export { isFuturesContract };

export interface MarketWatchOptions {
  /**
   * Symbols known to exist (the directory): with it, a marker glued to a symbol printed without a
   * raw value (`KELXD`) is read as a marker. Without it only separated markers (`KEL XD`) are.
   */
  known?: (symbol: string) => boolean;
}

/** A header or an early row's cell, kept whole until the table's columns are known. */
interface LooseCell {
  column: number;
  name: string | null;
  order: string | null;
  search: string | null;
  text: string;
  strong: string;
  /** Text of entitlement tags in the cell, kept out of `text`. */
  tags: string;
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
  /** Text of the entitlement tags in the symbol cell. */
  tags: string;
  /** Where the reading of LISTED IN stands (see `kmiStep`), and whether it named a KMI index. */
  listedState: number;
  kmi: boolean;

  // The cell being read.
  inCell: boolean;
  cellSlot: number;
  cellSpan: number;
  cell: LooseCell | null;
  strongDepth: number;
  /** Elements of `tagName` open inside an entitlement tag of the symbol cell; 0 outside one. */
  tagDepth: number;
  tagName: string;
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
  tags: '',
  listedState: WORD_START,
  kmi: false,
  inCell: false,
  cellSlot: -1,
  cellSpan: 1,
  cell: null,
  strongDepth: 0,
  tagDepth: 0,
  tagName: '',
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
/** Any other element inside the symbol cell: an entitlement tag if its class says `tag`. */
const MAYBE_TAG = 9;
const ID = 1;
const DATA_ORDER = 2;
const DATA_SEARCH = 3;
const DATA_NAME = 4;
const COLSPAN = 5;
const CLASS = 6;

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

const isClassSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/**
 * Whether a class value, `html[start, end)`, has the word `tag` (`tag tag--skim tag--xd`), as
 * `.tag` would match it. Read in place: every symbol link has a class, and copying each out was
 * a measurable part of the parse. A character reference inside the value (which no real class
 * needs) arrives apart and counts as a space.
 */
function hasTagClass(html: string, start: number, end: number): boolean {
  // A loop over the value, not `indexOf`, which would search on past its end through the page.
  for (let at = start; at + 3 <= end; at++) {
    if (html.charCodeAt(at) !== 116 /* t */ || html.charCodeAt(at + 1) !== 97 /* a */ || html.charCodeAt(at + 2) !== 103 /* g */) continue;
    if ((at === start || isClassSpace(html.charCodeAt(at - 1))) && (at + 3 === end || isClassSpace(html.charCodeAt(at + 3)))) return true;
  }
  return false;
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
function scanTables(html: string, budget: Budget, known?: (symbol: string) => boolean): TableScan[] {
  const all: TableScan[] = [];
  const open: TableScan[] = [];
  let table: TableScan | null = null;
  /** The tag whose attributes are arriving, if it is one we read. */
  let opening = OTHER;
  /** The attribute being read, if it is one we keep, and its value so far. */
  let attribute = OTHER;
  let value = '';
  let ending = false;
  /** The element opening in the symbol cell (MAYBE_TAG), by name, and whether its class is `tag`. */
  let candidateStart = 0;
  let candidateEnd = 0;
  let candidateIsTag = false;
  let classSeen = false;

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
    t.tags = '';
    t.listedState = WORD_START;
    t.kmi = false;
  };

  const endCell = (t: TableScan): void => {
    t.inCell = false;
    t.column += t.cellSpan;
    t.cell = null;
    t.cellSlot = -1;
    t.strongDepth = 0;
    // A tag left open ends with its cell, like the <strong>.
    t.tagDepth = 0;
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
      t.tags = '';
      for (const cell of t.loose) {
        const slot = t.slotAt[cell.column] ?? -1;
        if (slot < 0 || t.present[slot]) continue;
        t.present[slot] = true;
        t.order[slot] = cell.order;
        t.text[slot] = cell.text;
        if (slot === SYMBOL) {
          t.search = cell.search;
          t.strong = cell.strong;
          t.tags = cell.tags;
        } else if (slot === LISTED) t.kmi = listsKmiIndex(cell.text);
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
    const quote = readRow(t, known);
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
      const cell: LooseCell = { column: t.column, name: null, order: null, search: null, text: '', strong: '', tags: '' };
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

  /**
   * Whether the cell being read still wants its text: loose cells do; a cell with a raw value does
   * not, except the symbol (its printed text may carry a marker the raw value lacks). LISTED IN
   * is read as it arrives instead (`readListed`).
   */
  const wantsText = (t: TableScan): boolean => {
    if (t.cell !== null) return true;
    const slot = t.cellSlot;
    return slot >= 0 && (t.order[slot] === null || slot === SYMBOL);
  };

  /**
   * Text of the symbol cell, which is nearly always its raw value printed again (`HUBC`): then
   * that string is used rather than a copy, since this is asked of every row.
   */
  const symbolText = (t: TableScan, start: number, end: number): string => {
    const raw = t.order[SYMBOL] ?? t.search;
    return raw !== null && raw.length === end - start && html.startsWith(raw, start) ? raw : html.slice(start, end);
  };

  /** LISTED IN, read in place as it arrives: one per row, and only a yes or no is wanted of it. */
  const readListed = (t: TableScan, start: number, end: number): void => {
    let state = t.listedState;
    for (let i = start; i < end && state !== KMI_FOUND; i++) state = kmiStep(state, html.charCodeAt(i));
    t.listedState = state;
    if (state === KMI_FOUND) t.kmi = true;
  };

  /** Text inside an entitlement tag goes to the tags, never into the symbol's own text. */
  const addTagText = (t: TableScan, text: string): void => {
    if (t.cell !== null) t.cell.tags += text;
    else t.tags += text;
  };

  /** Tags are looked for in the symbol cell only (in every cell of the row before the columns are known). */
  const inSymbolCell = (t: TableScan): boolean => t.inCell && (t.cellSlot === SYMBOL || (t.cell !== null && t.rowHasData));

  const fromCodePoint = String.fromCodePoint;
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        if (!budget.spend(1)) return tokenizer.pause();
        const tag = tagOf(html, start, end);
        opening = OTHER;
        // Kept out of line: this callback runs for every tag, and grown it was no longer inlined.
        if (tag === OTHER) return otherTag(start, end);
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
        attribute = opening === OTHER ? OTHER : opening === MAYBE_TAG ? classOf(start, end) : attributeOf(html, start, end);
        value = '';
      },
      onattribdata(start, end) {
        if (attribute === CLASS) {
          // The first class attribute wins, as in the DOM.
          if (!classSeen && !candidateIsTag) candidateIsTag = hasTagClass(html, start, end);
        } else if (attribute !== OTHER) value += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (attribute !== OTHER && attribute !== CLASS) value += fromCodePoint(codepoint);
      },
      onattribend() {
        if (attribute === CLASS) {
          classSeen = true;
          attribute = OTHER;
          return;
        }
        if (attribute !== OTHER && table !== null) setAttribute(table, attribute, value);
        attribute = OTHER;
      },
      onopentagend() {
        if (opening === MAYBE_TAG) openTag();
        opening = OTHER;
      },
      onselfclosingtag() {
        // `<td/>` (and `<div class="tag"/>`) opens an element in HTML; the slash means nothing.
        if (opening === MAYBE_TAG) openTag();
        opening = OTHER;
      },
      ontext(start, end) {
        if (!budget.spend(1)) return tokenizer.pause();
        const t = table;
        if (t === null || !t.inCell) return;
        if (t.tagDepth > 0) addTagText(t, html.slice(start, end));
        else if (t.cellSlot === LISTED && t.cell === null) readListed(t, start, end);
        else if (wantsText(t)) addText(t, t.cellSlot === SYMBOL ? symbolText(t, start, end) : html.slice(start, end));
      },
      ontextentity(codepoint) {
        const t = table;
        if (t === null || !t.inCell) return;
        if (t.tagDepth > 0) addTagText(t, fromCodePoint(codepoint));
        else if (t.cellSlot === LISTED && t.cell === null) {
          t.listedState = kmiStep(t.listedState, codepoint);
          if (t.listedState === KMI_FOUND) t.kmi = true;
        } else if (wantsText(t)) addText(t, fromCodePoint(codepoint));
      },
      onclosetag(start, end) {
        if (!budget.spend(1)) return tokenizer.pause();
        const t = table;
        if (t === null) return;
        if (t.tagDepth > 0 && isName(html, start, end, t.tagName)) {
          t.tagDepth--;
          return;
        }
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
  /** An element the table reading does not know: in the symbol cell, it may be an entitlement tag. */
  function otherTag(start: number, end: number): void {
    const t = table;
    if (t === null || !inSymbolCell(t)) return;
    // Inside a tag: another element of its name nests, so its end tag is not the tag's.
    if (t.tagDepth > 0) {
      if (isName(html, start, end, t.tagName)) t.tagDepth++;
      return;
    }
    opening = MAYBE_TAG;
    // Where its name is; copied out only if it proves to be a tag (few are).
    candidateStart = start;
    candidateEnd = end;
    candidateIsTag = false;
    classSeen = false;
  }

  function classOf(start: number, end: number): number {
    return isName(html, start, end, 'class') ? CLASS : OTHER;
  }

  /** The end of an opening tag: an element of the symbol cell whose class is `tag` starts a tag. */
  function openTag(): void {
    const t = table;
    if (candidateIsTag && t !== null && inSymbolCell(t)) {
      t.tagDepth = 1;
      t.tagName = html.slice(candidateStart, candidateEnd).toLowerCase();
      // Two tags side by side (`XD`, `NC`) are two words, not one `XDNC`.
      addTagText(t, ' ');
    }
    opening = OTHER;
  }

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
  let listedTwice = false;
  for (const cell of header) {
    const word = headerWord(cell.text);
    const byText = HEADER_WORDS.get(word);
    const byName = cell.name !== null ? HEADER_NAMES.get(cell.name.trim().toLowerCase()) : undefined;
    if (byText !== undefined && byName !== undefined && byText !== byName) {
      return `header "${clip(word)}" has data-name "${clip(cell.name ?? '')}": which column it is is unclear`;
    }
    const slot = byText ?? byName;
    if (slot === undefined) continue;
    if (slot === LISTED && columnOf[slot] !== -1) {
      // Two LISTED IN columns: which one is the symbol's is unclear, so neither is read. It
      // carries no figure, so the table stays readable (its Shariah flags are absent).
      listedTwice = true;
      continue;
    }
    if (columnOf[slot] !== -1) return `two ${LABELS[slot] ?? ''} columns`;
    columnOf[slot] = cell.column;
    slotAt[cell.column] = slot;
  }
  if (listedTwice) {
    for (let c = 0; c < slotAt.length; c++) if (slotAt[c] === LISTED) delete slotAt[c];
  }
  const missing = REQUIRED.filter((slot) => columnOf[slot] === -1).map((slot) => LABELS[slot]);
  if (missing.length > 0) return `no ${missing.join(', ')} header`;
  // Columns we do not read stay holes (read as -1): a hostile colspan cannot make this array big.
  return slotAt;
}

const FUTURES: unique symbol = Symbol('futures');

/** The row as a quote; null when it cannot be shown; FUTURES for a futures contract. */
function readRow(t: TableScan, known: ((symbol: string) => boolean) | undefined): Quote | null | typeof FUTURES {
  if (!t.present[SYMBOL]) return null;
  // `data-order`/`data-search` hold the bare symbol; the printed text is the fallback.
  const raw = t.order[SYMBOL] ?? t.search;
  const printed = t.strong.trim() !== '' ? t.strong : (t.text[SYMBOL] ?? '');
  // A marker appended to the symbol is split off wherever it is (`KEL-XD`): it never makes a
  // second symbol. Glued to a raw value (`KELXD`) it needs `known` to say KEL is the symbol.
  const text = raw ?? printed;
  const split = mayCarryMarker(text) ? splitEntitlement(text, known) : null;
  const symbol = split?.symbol ?? text.trim().toUpperCase();
  if (!isSymbol(symbol)) return null;
  const readFromMarkedText = symbol !== text.trim().toUpperCase();
  if (isFuturesContract(symbol)) return FUTURES;
  let marks: Entitlement[] = split?.entitlements ?? [];
  // The raw value is the bare symbol and the printed one `KELXD`: the letters beyond it are
  // markers, since the raw value says what the symbol is.
  if (raw !== null && printed !== symbol && mayCarryMarker(printed)) {
    const shown = splitEntitlement(printed, (s) => s === symbol);
    if (shown.symbol === symbol) marks = inOrder([...marks, ...shown.entitlements]);
  }
  if (t.tags !== '') marks = inOrder([...marks, ...readEntitlementTag(t.tags)]);

  const price = asPrice(cellNumber(t, CURRENT));
  const change = asSigned(cellNumber(t, CHANGE));
  const changePercent = asSigned(cellNumber(t, PERCENT));
  if (price === null || change === null || changePercent === null) return null;
  // A blank LDCP stays blank; the row is then checked against the LDCP its own change implies.
  const previousClose = asPrice(cellNumber(t, LDCP));
  if (previousClose !== null ? !changeAgrees(price, previousClose, change) : price - change <= 0) return null;
  if (!percentAgrees(previousClose ?? price - change, change, changePercent)) return null;
  const quote: Quote = {
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
  // Absent rather than empty or false: most rows carry neither, and the board stores ~500 rows.
  if (marks.length > 0) quote.entitlements = marks;
  if (t.present[LISTED] && t.kmi) quote.shariah = true;
  if (readFromMarkedText) MARKED_TEXT.add(quote);
  return quote;
}

/** Quotes whose symbol was read by peeling markers off a longer text (`ABCXB` read as ABC). */
const MARKED_TEXT = new WeakSet<Quote>();

/**
 * One quote per symbol. Should a row read as ABC by peeling a marker off `ABCXB` meet ABC's own
 * row (ABCXB a real symbol the directory did not list yet), the row printed as the symbol wins:
 * a marker must never put another instrument's price on the user's symbol. Either way the other
 * row is left out and counted.
 */
function onePerSymbol(quotes: Quote[]): { quotes: Quote[]; dropped: number } {
  const bySymbol = new Map<string, Quote>();
  let dropped = 0;
  for (const quote of quotes) {
    const seen = bySymbol.get(quote.symbol);
    if (seen === undefined) bySymbol.set(quote.symbol, quote);
    else {
      dropped++;
      if (MARKED_TEXT.has(seen) && !MARKED_TEXT.has(quote)) bySymbol.set(quote.symbol, quote);
    }
  }
  return { quotes: [...bySymbol.values()], dropped };
}

/**
 * Whether LISTED IN (`ALLSHR,KMI30,KSE100`) names a KMI index: KMI30, KMIALLSHR and any other
 * the exchange names so. These are PSX's own Shariah-compliant index lists (issue 12).
 */
export function listsKmiIndex(listedIn: string): boolean {
  let state = WORD_START;
  for (let i = 0; i < listedIn.length && state !== KMI_FOUND; i++) state = kmiStep(state, listedIn.charCodeAt(i));
  return state === KMI_FOUND;
}

// Reading LISTED IN a character at a time, across text runs and character references alike:
// at the start of a name, after its K, after its KM; inside a name; a KMI name found.
const WORD_START = 0;
const AFTER_K = 1;
const AFTER_KM = 2;
const IN_WORD = 3;
const KMI_FOUND = 4;

/** The portal separates names with commas; spaces may follow them. */
const isNameSeparator = (code: number): boolean => code === 44 || code === 59 || code === 32 || code === 9 || code === 10 || code === 12 || code === 13 || code === 0xa0;

function kmiStep(state: number, code: number): number {
  if (state === KMI_FOUND) return state;
  if (isNameSeparator(code)) return WORD_START;
  const upper = code >= 97 && code <= 122 ? code - 32 : code;
  if (state === WORD_START) return upper === 75 /* K */ ? AFTER_K : IN_WORD;
  if (state === AFTER_K) return upper === 77 /* M */ ? AFTER_KM : IN_WORD;
  if (state === AFTER_KM) return upper === 73 /* I */ ? KMI_FOUND : IN_WORD;
  return IN_WORD;
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
export function parseMarketWatchReading(html: string, budget = new Budget(PAGE_BUDGET), options: MarketWatchOptions = {}): Result<MarketWatchReading, string> {
  // Every tokenizer event is charged: a 2 MB page of nested tables or cells costs ~100 ms at most,
  // then fails as parse (a 500-row market watch is ~45,000 events).
  const tables = scanTables(html, budget, options.known);
  if (budget.exhausted) return err(`the market-watch page is ${budget.failure}`);
  const table = tables.find((t) => t.id === 'marketWatchTable') ?? tables.find(headerHasSymbol);
  if (!table) return err('no market-watch table: an error page or a new layout');
  if (table.failure !== null) return err(`the market-watch table cannot be read: ${table.failure}`);
  if (table.slotAt === null) {
    const resolved = resolveColumns(table.header);
    return err(typeof resolved === 'string' ? `the market-watch table cannot be read: ${resolved}` : 'the market-watch table has no rows');
  }
  if (table.quotes.length === 0) return err(`the market-watch table has no readable rows (${table.dropped} dropped)`);
  const unique = onePerSymbol(table.quotes);
  return ok({ quotes: unique.quotes, dropped: table.dropped + unique.dropped });
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
