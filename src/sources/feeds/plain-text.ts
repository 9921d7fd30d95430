/**
 * Feed titles arrive as "HTML in XML": the XML parser has already undone one level of escaping
 * (or none, inside CDATA), and what is left may carry entities (`&amp;`, `&#8216;`) and tags.
 * Reading it once through an HTML parser decodes the remaining entities exactly once and keeps
 * only the text a reader would see, so `<img onerror=…>` and `<script>` never reach a UI.
 *
 * The text is collected as the parser streams, with no DOM and no recursion over elements, and
 * the read is bounded like every other (`parseStream`): a title nested thousands of tags deep
 * fails as `too deeply nested` instead of overflowing the stack.
 */
import type { Handler, Parser } from 'htmlparser2';
import { err, ok, type Result } from '../../shared/result';
import { parseStream, type Budget } from '../dom';

export const MAX_TITLE_LENGTH = 300;

/**
 * Levels of markup a title may nest. fast-xml-parser, under feedsmith, refuses XML deeper than
 * 100 elements; a title's HTML gets the same allowance, far beyond `<a><b><i>` of real titles.
 */
export const TITLE_MAX_DEPTH = 100;
/**
 * A CDATA section inside the title's HTML is read as HTML once more, this many levels at most
 * (a guard only: a section ends at its first `]]>`, so one opened inside it is never closed).
 */
const MAX_CDATA_LEVELS = 3;

/** Elements whose contents a reader never sees as text (htmlparser2 keeps them as raw text). */
const INVISIBLE = new Set(['script', 'style', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'object', 'embed']);
/** Elements that break a line: their edges separate words. */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'header', 'footer', 'hr']);

/**
 * The visible text of a title's HTML, whitespace collapsed; a failure once `budget` or the depth
 * allowance is spent. With `enough`, reading stops once the text is longer than that: what
 * follows would be cut by `truncateAtWord(text, enough)` anyway, and a 2 MB title is not read
 * to its end to show 300 characters of it.
 */
export function htmlToPlainText(html: string, budget: Budget, enough = Infinity): Result<string, string> {
  const text = visibleText(html, budget, enough, 0);
  return text.ok ? ok(collapseWhitespace(text.value)) : text;
}

function visibleText(html: string, budget: Budget, enough: number, cdataLevel: number): Result<string, string> {
  let out = '';
  /** The length of `out` at which to look again whether it is long enough. */
  let checkAt = Number.isFinite(enough) ? 4 * enough : Infinity;
  /** Elements open, as the reader's DOM would have them. */
  let depth = 0;
  /** The depth of the outermost invisible element open; 0 when none is. */
  let hiddenAt = 0;
  /** The text of the CDATA section being read, if one is. */
  let cdata: string | null = null;
  let failure: string | null = null;
  let parser: Parser | null = null;

  const handler: Partial<Handler> = {
    onparserinit(p) {
      parser = p;
    },
    onopentag(name) {
      depth++;
      if (hiddenAt !== 0) return;
      if (INVISIBLE.has(name)) hiddenAt = depth;
      else if (BREAKS.has(name)) out += ' ';
    },
    onclosetag(name) {
      if (depth === 0) return;
      if (hiddenAt === depth) hiddenAt = 0;
      else if (hiddenAt === 0 && BREAKS.has(name)) out += ' ';
      depth--;
    },
    ontext(data) {
      if (hiddenAt !== 0) return;
      if (cdata !== null) cdata += data;
      else append(data);
    },
    oncdatastart() {
      cdata = '';
    },
    oncdataend() {
      const inner = cdata ?? '';
      cdata = null;
      if (hiddenAt !== 0) return;
      // A CDATA section inside the title is the feed's HTML once more: read it the same way.
      const text = cdataLevel < MAX_CDATA_LEVELS ? visibleText(inner, budget, enough, cdataLevel + 1) : err(`too deeply nested (CDATA inside CDATA more than ${MAX_CDATA_LEVELS} times)`);
      if (text.ok) append(` ${collapseWhitespace(text.value)} `);
      else {
        failure = text.error;
        parser?.pause();
      }
    },
  };
  // Text only ever grows at its end, so once its collapsed form is longer than `enough`, the
  // first `enough` characters are final. Checked at doubling lengths (and a long run of text
  // is taken in pieces of that size), so the work is linear in what is kept.
  let full = false;
  function append(text: string): void {
    let rest = text;
    while (!full && rest.length > 0) {
      const room = Math.max(0, checkAt - out.length);
      if (rest.length <= room) {
        out += rest;
        return;
      }
      out += rest.slice(0, room);
      rest = rest.slice(room);
      checkAt = 2 * Math.max(out.length, 1);
      if (collapseWhitespace(out).length > enough) {
        full = true;
        parser?.pause();
      }
    }
  }
  // A title can still carry a literal CDATA section when a feed wraps it twice.
  const run = parseStream(html, handler, { budget, maxDepth: TITLE_MAX_DEPTH, decodeEntities: true, recognizeCDATA: true });
  if (!run.ok) return run;
  return failure === null ? ok(out) : err(failure);
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `collapseWhitespace(text)` as far as `truncateAtWord(…, max)` will look: the same first `max`
 * characters, at a cost bounded by what can be shown rather than by the text's length.
 */
export function collapseEnough(text: string, max = MAX_TITLE_LENGTH): string {
  for (let n = 4 * max; ; n *= 2) {
    const collapsed = collapseWhitespace(text.slice(0, n));
    if (n >= text.length || collapsed.length > max) return collapsed;
  }
}

/** Cut at a word boundary so a flood of text cannot stretch the popup. */
export function truncateAtWord(text: string, max = MAX_TITLE_LENGTH): string {
  if (text.length <= max) return text;
  // Cut by code points so an emoji or other astral character is never split in half.
  const cut = Array.from(text.slice(0, max)).slice(0, -1).join('').slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
