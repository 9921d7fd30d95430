/**
 * Only http(s) URLs ever become links. Feed content is hostile until proven otherwise:
 * `javascript:`, `data:`, `vbscript:` and friends, and tricks such as `java\tscript:` that
 * browsers would normalise, must all come out as "no link".
 */
import { sentences } from './i18n/sentences';

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

/**
 * Whether a host name is this machine or a private network: `localhost` (and `*.localhost`),
 * IPv4 0/8, 10/8, 127/8, 169.254/16, 172.16/12, 192.168/16, and IPv6 `::`, `::1`, fc00::/7,
 * fe80::/10 (IPv4 addresses mapped into IPv6, `::ffff:a.b.c.d`, `::a.b.c.d` and
 * `64:ff9b::a.b.c.d`, by their IPv4 part). The name is first put through the URL parser, so
 * `0x7f.1`, `2130706433` and `[::ffff:127.0.0.1]` are all seen as the 127.0.0.1 they are.
 * Only literal addresses can be judged here: a public name that resolves to a private address
 * is not seen (the extension cannot resolve names).
 */
export function isPrivateHost(hostname: string): boolean {
  let host: string;
  try {
    host = new URL(`https://${hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname}/`).hostname;
  } catch {
    // A host no URL parser accepts cannot be fetched either; treat it as untrusted.
    return true;
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host.startsWith('[') && host.endsWith(']')) {
    const groups = ipv6Groups(host.slice(1, -1));
    return groups === null || isPrivateIpv6(groups);
  }
  const v4 = ipv4Octets(host);
  return v4 !== null && isPrivateIpv4(v4);
}

function ipv4Octets(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function isPrivateIpv4([a = 0, b = 0]: number[]): boolean {
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** The eight 16-bit groups of a canonical (URL-serialised) IPv6 address; null if not one. */
function ipv6Groups(address: string): number[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':');
    return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g)) ? groups.map((g) => parseInt(g, 16)) : null;
  };
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}

function isPrivateIpv6(groups: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  const embedded = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  // ::, ::1 and the IPv4-compatible ::a.b.c.d all fall under 0/8 or the embedded address.
  if (upperZero && (g5 === 0 || g5 === 0xffff)) return g5 === 0 && g6 === 0 ? true : isPrivateIpv4(embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return isPrivateIpv4(embedded);
  return (g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80;
}

/**
 * Why the background would refuse to fetch `raw`, as a phrase (`only https addresses are
 * read, not http:`), or null when it may. Everything the background fetches, and wherever it
 * is redirected, must be https on a public host, with no user name or password.
 */
export function fetchRefusal(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return sentences().t('sentence_address_invalid');
  }
  if (url.protocol !== 'https:') return sentences().t('sentence_address_not_https', { protocol: url.protocol });
  if (url.username !== '' || url.password !== '') return sentences().t('sentence_address_credentials');
  if (isPrivateHost(url.hostname)) return sentences().t('sentence_address_private', { host: url.hostname });
  return null;
}
