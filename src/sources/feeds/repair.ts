/**
 * A feed cut short (a dropped connection, or our own byte cap) is still worth its complete
 * items. This does not read the XML: it only finds where the last complete item ends and puts
 * back the closing tags the parser needs, then the parser does the reading.
 */

const ENDINGS: { close: string; suffix: string }[] = [
  { close: '</item>', suffix: '</channel></rss>' },
  { close: '</entry>', suffix: '</feed>' },
];

/** The document up to its last complete item, closed again; null when there is none to save. */
export function closeTruncatedFeed(xml: string): string | null {
  for (const { close, suffix } of ENDINGS) {
    const end = xml.lastIndexOf(close);
    if (end === -1) continue;
    const head = xml.slice(0, end + close.length);
    // RSS 1.0 items sit outside <channel>, directly in <rdf:RDF>.
    if (close === '</item>' && head.includes('<rdf:RDF')) return `${head}</rdf:RDF>`;
    if (close === '</item>' && !head.includes('<channel')) return null;
    return `${head}${suffix}`;
  }
  return null;
}
