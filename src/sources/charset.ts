/**
 * `Response.text()` always decodes UTF-8, but feeds are still served as windows-1252 or
 * ISO-8859-1. Decode bytes by the Content-Type charset, else the XML declaration, else UTF-8.
 */

export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const label = charsetFromContentType(contentType) ?? charsetFromXmlDeclaration(bytes) ?? 'utf-8';
  return decodeWith(label, bytes);
}

function decodeWith(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    // An unknown label (`charset=foo`) is no reason to lose the document.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  for (const part of contentType.split(';').slice(1)) {
    const [name, value] = part.split('=', 2).map((s) => s.trim());
    if (name?.toLowerCase() === 'charset' && value) return unquote(value).toLowerCase();
  }
  return null;
}

/**
 * Reads `encoding="…"` from an `<?xml …?>` prolog. The prolog is ASCII by definition, so the
 * first bytes are read as Latin-1 before the real charset is known.
 */
export function charsetFromXmlDeclaration(bytes: Uint8Array): string | null {
  const raw = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  // A UTF-8 byte-order mark reads as three Latin-1 characters before the prolog.
  const head = raw.startsWith('\u00EF\u00BB\u00BF') ? raw.slice(3) : raw;
  if (!head.startsWith('<?xml')) return null;
  const end = head.indexOf('?>');
  const prolog = end === -1 ? head : head.slice(0, end);
  const at = prolog.indexOf('encoding');
  if (at === -1) return null;
  const rest = prolog.slice(at + 'encoding'.length).trimStart();
  if (!rest.startsWith('=')) return null;
  const value = rest.slice(1).trimStart();
  const quote = value[0];
  if (quote !== '"' && quote !== "'") return null;
  const close = value.indexOf(quote, 1);
  return close === -1 ? null : value.slice(1, close).toLowerCase();
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
