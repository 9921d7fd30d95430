/**
 * Only http(s) URLs ever become links. Feed content is hostile until proven otherwise:
 * `javascript:`, `data:`, `vbscript:` and friends, and tricks such as `java\tscript:` that
 * browsers would normalise, must all come out as "no link".
 */

/**
 * Characters trimmed from either end: what the URL parser drops itself (C0 controls, space),
 * plus invisible ones it would keep (NBSP, zero-width, BOM) that could hide a scheme.
 */
const INVISIBLE = new Set(['\u00A0', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2028', '\u2029', '\u2060', '\uFEFF']);
const isEdgeJunk = (ch: string): boolean => ch <= '\u0020' || ch === '\u007F' || INVISIBLE.has(ch);

/**
 * Trims what a browser would trim. Tabs and newlines *inside* the URL (`java\tscript:`) are
 * removed by the URL parser itself, so the scheme checked below is the one a browser would use;
 * spaces inside stay and are percent-encoded, so the link keeps pointing at the same page.
 */
function trimEdges(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && isEdgeJunk(raw[start] as string)) start++;
  while (end > start && isEdgeJunk(raw[end - 1] as string)) end--;
  return raw.slice(start, end);
}

/**
 * An absolute http(s) URL for `raw`, resolved against `base` when relative; otherwise null.
 * The result is the parser's normalised href, so what is checked is what is used.
 */
export function safeHttpUrl(raw: string | null | undefined, base?: string): string | null {
  if (raw == null) return null;
  const cleaned = trimEdges(raw);
  if (cleaned === '') return null;
  let url: URL;
  try {
    url = base === undefined ? new URL(cleaned) : new URL(cleaned, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}
