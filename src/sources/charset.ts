/**
 * `Response.text()` always decodes UTF-8, but feeds are still served as windows-1252 or
 * ISO-8859-1. Decode bytes by a byte-order mark, else the Content-Type charset, else the XML
 * declaration, else UTF-8: the order of the Encoding Standard's "decode" and XML 1.0 Appendix F.
 */

export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const bom = byteOrderMark(bytes);
  if (bom !== null) return new TextDecoder(bom).decode(bytes); // TextDecoder drops the BOM itself
  const header = charsetFromContentType(contentType);
  if (header !== null) return decodeWith(header, bytes);
  let declared = charsetFromXmlDeclaration(bytes);
  // A declaration readable as ASCII cannot be UTF-16 (which would need a BOM): it lies.
  if (declared !== null && declared.startsWith('utf-16')) declared = null;
  // A declaration is the feed's own word and is often stale: bytes that are valid UTF-8 and
  // use it (non-ASCII present) are UTF-8, whatever a single-byte declaration claims.
  if (declared !== null && declared !== 'utf-8' && declared !== 'utf8' && isNonAsciiUtf8(bytes)) return decodeWith('utf-8', bytes);
  return decodeWith(declared ?? 'utf-8', bytes);
}

function isNonAsciiUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    // `stream` tolerates a character cut in half by a body that was truncated.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Every label the Encoding Standard maps to windows-1252, ISO-8859-1 and ASCII included. */
const WINDOWS_1252_LABELS = new Set([
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100',
  'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252',
]);

/** windows-1252's printable characters in 0x80–0x9F, where it differs from ISO-8859-1. */
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Browsers decode these labels as windows-1252, but Node's TextDecoder (where the unit tests
 * run) treats them as ISO-8859-1 and turns curly quotes into control characters. Decoding the
 * single-byte table here gives the same text in every engine.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  bytes.forEach((byte, i) => {
    codes[i] = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte;
  });
  // Every code is a single UTF-16 unit, so UTF-16 decoding of the table is exact and fast.
  return new TextDecoder('utf-16le').decode(codes);
}

function decodeWith(label: string, bytes: Uint8Array): string {
  if (WINDOWS_1252_LABELS.has(label)) return decodeWindows1252(bytes);
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
