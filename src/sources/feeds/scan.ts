/**
 * One bounded pass of htmlparser2 in XML mode over a feed, before feedsmith sees it. It
 *
 * - refuses a document nested too deeply or too costly to read (`parseStream`'s budget), so
 *   feedsmith and fast-xml-parser below it only ever get bounded work;
 * - notes where each complete item or entry ends and which elements are open there, so a feed
 *   cut short can be closed after its last whole item, and a feed of thousands of items can be
 *   read for its first `MAX_FEED_ITEMS` only;
 * - reads the attributes of Atom titles that feedsmith does not report: Atom 0.3's `mode`
 *   (`escaped`, `base64`) beside `type`.
 *
 * It reads the same string feedsmith then parses; no regular expression ever looks at the XML.
 */
import type { Handler, Parser } from 'htmlparser2';
import { err, ok, type Result } from '../../shared/result';
import { parseStream, type Budget, type Costs } from '../dom';

/** fast-xml-parser refuses XML nested deeper than 100 elements; refusing it here says why. */
export const FEED_MAX_DEPTH = 100;
/** Items read from one feed at most: twice the stories kept, for duplicates and untitled ones. */
export const MAX_FEED_ITEMS = 100;
/**
 * What the scan charges (`parseStream`'s costs): feedsmith's work is in the objects it builds,
 * ~5 µs per element and ~2 µs per attribute, against well under 1 µs for a run of text and
 * ~0.4 µs for a character reference it decodes again.
 */
const FEED_COSTS: Costs = { element: 16, attribute: 8, node: 1, entity: 2 };
/**
 * Work allowed for the scan of one feed: ~5,500 elements, or 50,000 character references. The
 * 100-item feed of bench/corpus.ts takes ~12,400 (BENCHMARKS.md, "Worst hostile input").
 */
export const FEED_BUDGET = 100_000;
/** Work allowed for reading all the titles of one feed as HTML; 50 real titles take a few hundred. */
export const TITLES_BUDGET = 50_000;

const ATOM_NAMESPACES = new Set([
  'http://www.w3.org/2005/atom',
  'https://www.w3.org/2005/atom',
  'http://www.w3.org/2005/atom/',
  'https://www.w3.org/2005/atom/',
  'http://purl.org/atom/ns#',
  'https://purl.org/atom/ns#',
]);

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf']);

/** The attributes of an Atom title that decide how its content is read. */
export interface TitleMarks {
  /** Atom 0.3: `xml` (the default), `escaped` or `base64`; lower-cased, null when absent. */
  mode: string | null;
  /** `text`, `html`, `xhtml` or a MIME type, lower-cased; null when absent. */
  type: string | null;
  /** It holds elements, not only text: markup written into the XML itself. */
  elements: boolean;
}

/** One `<entry>` of an Atom feed (a child of the root), in document order. */
export interface ScannedEntry {
  /** The marks of its first title, or null when it has no title with content. */
  title: TitleMarks | null;
  /** Index just past its closing tag; null when the document ends inside it. */
  end: number | null;
}

export interface FeedScan {
  /** The root element's local name, lower-cased (`rss`, `feed`, `rdf`), or null for an empty document. */
  root: string | null;
  /** Complete items and entries seen (at any depth), at most `MAX_FEED_ITEMS`. */
  items: number;
  /** Index just past the last complete item's closing tag; -1 when there is none. */
  lastItemEnd: number;
  /** The elements open around that item, outermost first, as written (`rss`, `channel`). */
  openAtLastItem: string[];
  /** The scan stopped at `MAX_FEED_ITEMS` items: the rest of the document was not read. */
  itemLimitReached: boolean;
  /** Atom only: the feed's own title. */
  feedTitle: TitleMarks | null;
  /** Atom only: every entry, in order. */
  entries: ScannedEntry[];
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1).toLowerCase();
const prefixOf = (name: string): string | null => (name.includes(':') ? name.slice(0, name.indexOf(':')) : null);

export function scanFeed(xml: string, budget: Budget): Result<FeedScan, string> {
  const scan: FeedScan = { root: null, items: 0, lastItemEnd: -1, openAtLastItem: [], itemLimitReached: false, feedTitle: null, entries: [] };
  const open: string[] = [];
  /** Prefixes bound to an Atom namespace anywhere so far (`atom:title`). */
  const atomPrefixes = new Set<string>();
  let parser: Parser | null = null;
  let entry: ScannedEntry | null = null;
  let entryHasTitle = false;
  let feedHasTitle = false;
  /** The title being read: its depth, its marks, whether it has any content. */
  let title: { depth: number; marks: TitleMarks; xhtml: boolean; content: boolean; ofFeed: boolean } | null = null;

  const isAtomTitle = (name: string): boolean => {
    const prefix = prefixOf(name);
    return localName(name) === 'title' && (prefix === null || atomPrefixes.has(prefix));
  };

  const handler: Partial<Handler> = {
    onparserinit(p) {
      parser = p;
    },
    onopentag(name, attribs) {
      open.push(name);
      const depth = open.length;
      for (const [key, value] of Object.entries(attribs)) {
        if (key.toLowerCase().startsWith('xmlns:') && ATOM_NAMESPACES.has(value.trim().toLowerCase())) atomPrefixes.add(key.slice(6));
      }
      if (depth === 1) scan.root = localName(name);
      if (scan.root !== 'feed') return;
      if (title !== null) {
        title.marks.elements = true;
        // An xhtml title's own `<div>` is a wrapper, not content (feedsmith finds none in `<div/>`).
        if (!title.xhtml || depth > title.depth + 1) title.content = true;
        return;
      }
      if (depth === 2 && localName(name) === 'entry') {
        entry = { title: null, end: null };
        entryHasTitle = false;
        scan.entries.push(entry);
        return;
      }
      const ofFeed = depth === 2 && !feedHasTitle;
      const ofEntry = depth === 3 && entry !== null && !entryHasTitle;
      if ((ofFeed || ofEntry) && isAtomTitle(name)) {
        const lower = (value: string | undefined): string | null => value?.trim().toLowerCase() || null;
        const type = lower(attribs['type']);
        const xhtml = type === 'xhtml' || type === 'application/xhtml+xml';
        title = { depth, marks: { mode: lower(attribs['mode']), type, elements: false }, xhtml, content: false, ofFeed };
        // feedsmith reads the first title element only, empty or not.
        if (ofFeed) feedHasTitle = true;
        else entryHasTitle = true;
      }
    },
    ontext(data) {
      if (title !== null && !title.content && data.trim() !== '') title.content = true;
    },
    onclosetag(name, isImplied) {
      const depth = open.length;
      if (title !== null && title.depth === depth) {
        const marks = title.content ? title.marks : null;
        if (title.ofFeed) scan.feedTitle = marks;
        else if (entry !== null) entry.title = marks;
        title = null;
      }
      open.pop();
      if (isImplied) return;
      const local = localName(name);
      if (depth === 2 && local === 'entry' && entry !== null) {
        entry.end = (parser?.endIndex ?? -1) + 1;
        entry = null;
      }
      // At the end of a cut document the parser closes what is still open: those are not whole
      // items, only an explicit closing tag is.
      if (local === 'item' || local === 'entry') {
        scan.items++;
        scan.lastItemEnd = (parser?.endIndex ?? -1) + 1;
        scan.openAtLastItem = open.slice();
        if (scan.items >= MAX_FEED_ITEMS) {
          scan.itemLimitReached = true;
          parser?.pause();
        }
      }
    },
  };
  const run = parseStream(xml, handler, {
    budget,
    maxDepth: FEED_MAX_DEPTH,
    costs: FEED_COSTS,
    xmlMode: true,
    decodeEntities: true,
    recognizeCDATA: true,
  });
  return run.ok ? ok(scan) : err(run.error);
}

/**
 * The document up to the end of its last complete item, with the elements open around it
 * closed again; null when there is no whole item, or the root is not a feed's.
 */
export function closeAfterLastItem(xml: string, scan: FeedScan): string | null {
  if (scan.lastItemEnd < 0 || scan.root === null || !FEED_ROOTS.has(scan.root)) return null;
  const closers = scan.openAtLastItem
    .slice()
    .reverse()
    .map((name) => `</${name}>`)
    .join('');
  return `${xml.slice(0, scan.lastItemEnd)}${closers}`;
}
