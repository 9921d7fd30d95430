/**
 * Since late September 2026 the portal rejects data requests (HTTP 403) that lack
 * `X-Req-Id: <window.__ps._k>`. Every portal page embeds the token in an inline script:
 *   <script>window.__ps = {"_k":"…","v":1};</script>
 * The object is JSON, so it is cut out by matching braces and handed to JSON.parse.
 */

const MARKER = 'window.__ps';

export function readRequestToken(scriptTexts: string[]): string | null {
  for (const text of scriptTexts) {
    const at = text.indexOf(MARKER);
    if (at === -1) continue;
    const open = text.indexOf('{', at);
    if (open === -1) continue;
    const literal = balancedObject(text, open);
    if (literal === null) continue;
    try {
      const parsed: unknown = JSON.parse(literal);
      if (parsed !== null && typeof parsed === 'object' && '_k' in parsed) {
        const token = (parsed as { _k: unknown })._k;
        if (typeof token === 'string' && token.trim() !== '') return token.trim();
      }
    } catch {
      // Not JSON (the site may switch to a JS literal): fail open, requests go without a token.
    }
  }
  return null;
}

/** The text of the `{…}` starting at `open`, honouring braces inside strings. */
function balancedObject(text: string, open: number): string | null {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (quote !== null) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  return null;
}
