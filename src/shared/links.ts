/**
 * Only http(s) URLs ever become links. Feed content is hostile until proven otherwise:
 * `javascript:`, `data:`, `vbscript:` and friends, and tricks such as `java\tscript:` that
 * browsers would normalise, must all come out as "no link".
 */

/** C0 controls, DEL and whitespace: the characters URL parsers strip or skip silently. */
function stripInvisible(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || code === 0xa0 || (code >= 0x2000 && code <= 0x200f) || code === 0xfeff) continue;
    out += ch;
  }
  return out;
}

/**
 * An absolute http(s) URL for `raw`, resolved against `base` when relative; otherwise null.
 * The result is the parser's normalised href, so what is checked is what is used.
 */
export function safeHttpUrl(raw: string | null | undefined, base?: string): string | null {
  if (raw == null) return null;
  const cleaned = stripInvisible(raw);
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
