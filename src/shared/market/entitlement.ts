/**
 * Ex-entitlement markers (issue 12). The market watch prints them as a tag beside the symbol
 * link (`<div class="tag tag--xd">XD</div>`, also `XD XB`, `XB-XR`); other PSX pages append them
 * to the symbol itself (`KELXD`, `PPLXB`, `ABCXDXB`, `KEL-XD`). Either way the marker belongs to
 * the symbol: it never makes a second symbol, so `KELXD` still matches the watchlist's `KEL`.
 */
import type { Entitlement } from '../model';
import { isSymbol } from '../symbol';

/** The order markers are kept and shown in. */
export const ENTITLEMENTS: readonly Entitlement[] = ['XD', 'XB', 'XR'];

export interface SplitSymbol {
  symbol: string;
  /** In the order XD, XB, XR; empty when the text carries none. */
  entitlements: Entitlement[];
}

const markerAt = (text: string, end: number): Entitlement | null => {
  if (end < 2 || text.charCodeAt(end - 2) !== 88 /* X */) return null;
  const letter = text[end - 1];
  return letter === 'D' ? 'XD' : letter === 'B' ? 'XB' : letter === 'R' ? 'XR' : null;
};

/**
 * What may stand between a symbol and its markers, or between markers. Not `.` or `&`, which
 * symbols themselves contain; `-` is a separator here because no regular-market symbol ends in
 * `-XD` (futures are `SYM-MON`).
 */
const isSeparator = (ch: string | undefined): boolean =>
  ch === ' ' || ch === '-' || ch === '/' || ch === ',' || ch === '+' || ch === '(' || ch === ')' || ch === '\u00A0' || ch === '\t';

/** XD, XB, XR in their order, each once. */
export function inOrder(found: Iterable<Entitlement>): Entitlement[] {
  const set = new Set(found);
  return ENTITLEMENTS.filter((e) => set.has(e));
}

/**
 * A symbol text, and the markers appended to it. Real symbols may end in the same letters (a
 * symbol `ABCXB` beside `ABC`), so letters glued to the symbol are read as markers only when what
 * remains is a known symbol (the directory, the board) and the whole text is not one itself; a
 * separated tail (`KEL-XD`, `KEL XD XB`) is markers whatever `known` says. Without either, the
 * text is the symbol as it stands.
 */
/**
 * Whether the text could carry a marker at all: it ends (before any separators) in XD, XB or XR
 * after at least one more character. A look at two letters, for callers that ask of every row.
 */
export function mayCarryMarker(symbolText: string): boolean {
  let last = symbolText.length;
  while (last > 0 && (isSeparator(symbolText[last - 1]) || symbolText.charCodeAt(last - 1) <= 32)) last--;
  if (last < 3 || (symbolText.charCodeAt(last - 2) | 0x20) !== 120 /* x */) return false;
  const letter = symbolText.charCodeAt(last - 1) | 0x20;
  return letter === 100 /* d */ || letter === 98 /* b */ || letter === 114 /* r */;
}

export function splitEntitlement(symbolText: string, known?: (symbol: string) => boolean): SplitSymbol {
  if (!mayCarryMarker(symbolText)) return { symbol: symbolText.trim().toUpperCase(), entitlements: [] };
  const text = symbolText.trim().toUpperCase();
  // Peel markers off the end, noting each place the symbol could end.
  const candidates: { base: string; markers: Entitlement[]; separated: boolean }[] = [];
  const markers: Entitlement[] = [];
  let end = text.length;
  // Three kinds of marker: a longer run of marker letters is part of the symbol, or nonsense.
  while (markers.length < 3) {
    let e = end;
    while (e > 0 && isSeparator(text[e - 1])) e--;
    const marker = markerAt(text, e);
    if (marker === null) break;
    markers.unshift(marker);
    end = e - 2;
    let b = end;
    while (b > 0 && isSeparator(text[b - 1])) b--;
    const base = text.slice(0, b);
    if (isSymbol(base)) candidates.push({ base, markers: [...markers], separated: b < end });
  }
  if (candidates.length === 0 || known?.(text) === true) return { symbol: text, entitlements: [] };
  // The longest known symbol first: it reads the fewest letters as markers.
  if (known) {
    for (const c of candidates) if (known(c.base)) return { symbol: c.base, entitlements: inOrder(c.markers) };
  }
  // Otherwise only a separated tail, taken whole: `KEL-XD-XB` is KEL, not a symbol `KEL-XD`.
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i];
    if (c?.separated) return { symbol: c.base, entitlements: inOrder(c.markers) };
  }
  return { symbol: text, entitlements: [] };
}

/**
 * The markers in a tag's text: `XD`, `XD XB`, `XB-XR`, `XDXB`, in any case. Words that are not
 * markers (a future `NC`, `SPOT`) are passed over rather than guessed at.
 */
export function readEntitlementTag(text: string): Entitlement[] {
  const found: Entitlement[] = [];
  for (const word of text.toUpperCase().split(/[^A-Z]+/)) {
    if (word.length === 0 || word.length % 2 !== 0) continue;
    const inWord: Entitlement[] = [];
    for (let end = word.length; end > 0; end -= 2) {
      const marker = markerAt(word, end);
      if (marker === null) break;
      inWord.push(marker);
    }
    if (inWord.length * 2 === word.length) found.push(...inWord);
  }
  return inOrder(found);
}
