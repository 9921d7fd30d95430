/**
 * A feed cut short (a dropped connection, or our own byte cap) is still worth its complete
 * items. htmlparser2 reads the cut document in XML mode (so `</item>` inside CDATA or a comment
 * is not mistaken for one) and reports where the last whole item or entry ends; the document is
 * cut there and the root's closing tags put back, then the feed parser reads it properly.
 */
import { Parser } from 'htmlparser2';

const CLOSERS: Record<string, string> = {
  rss: '</channel></rss>',
  feed: '</feed>',
  'rdf:rdf': '</rdf:RDF>',
};

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** The document up to its last complete item, closed again; null when there is none to save. */
export function closeTruncatedFeed(xml: string): string | null {
  let root: string | null = null;
  let lastEnd = -1;
  const parser = new Parser(
    {
      onopentag(name) {
        root ??= name.toLowerCase();
      },
      onclosetag(name, isImplied) {
        // At the end of a cut document the parser closes what is still open: those are not
        // whole items, only an explicit closing tag is.
        const local = localName(name).toLowerCase();
        if (!isImplied && (local === 'item' || local === 'entry')) lastEnd = parser.endIndex;
      },
    },
    { xmlMode: true, recognizeCDATA: true },
  );
  parser.end(xml);
  const closer = root === null ? undefined : CLOSERS[root];
  if (closer === undefined || lastEnd < 0) return null;
  return `${xml.slice(0, lastEnd + 1)}${closer}`;
}
