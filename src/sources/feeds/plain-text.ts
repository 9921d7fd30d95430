/**
 * Feed titles arrive as "HTML in XML": the XML parser has already undone one level of escaping
 * (or none, inside CDATA), and what is left may carry entities (`&amp;`, `&#8216;`) and tags.
 * Reading it once through an HTML parser decodes the remaining entities exactly once and keeps
 * only the text a reader would see, so `<img onerror=…>` and `<script>` never reach a UI.
 */
import { parseDocument } from 'htmlparser2';
import type { AnyNode } from 'domhandler';

const MAX_TITLE_LENGTH = 300;

/** Elements whose contents a reader never sees as text (htmlparser2 keeps them as raw text). */
const INVISIBLE = new Set(['script', 'style', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'object', 'embed']);
/** Elements that break a line: their edges separate words. */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'header', 'footer', 'hr']);

export function htmlToPlainText(html: string): string {
  // A title can still carry a literal CDATA section when a feed wraps it twice.
  const doc = parseDocument(html, { decodeEntities: true, recognizeCDATA: true });
  return collapseWhitespace(visibleText(doc.children));
}

function visibleText(nodes: AnyNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.data;
    else if (node.type === 'tag') {
      if (INVISIBLE.has(node.name)) continue;
      const gap = BREAKS.has(node.name) ? ' ' : '';
      out += gap + visibleText(node.children) + gap;
    } else if (node.type === 'cdata') {
      // A CDATA section inside the title is the feed's HTML once more: read it the same way.
      const inner = node.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
      out += ` ${htmlToPlainText(inner)} `;
    }
  }
  return out;
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cut at a word boundary so a flood of text cannot stretch the popup. */
export function truncateAtWord(text: string, max = MAX_TITLE_LENGTH): string {
  if (text.length <= max) return text;
  // Cut by code points so an emoji or other astral character is never split in half.
  const cut = Array.from(text.slice(0, max)).slice(0, -1).join('').slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
