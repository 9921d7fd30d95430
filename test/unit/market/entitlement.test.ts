import { describe, expect, it } from 'vitest';
import { readEntitlementTag, splitEntitlement } from '../../../src/shared/market/entitlement';
import type { Entitlement } from '../../../src/shared/model';

/** A directory, as the popup and the background have it. */
const DIRECTORY = new Set(['KEL', 'PPL', 'HUBC', 'ABC', 'ABCXB', 'ABCXD', 'TREET', 'MEBL', 'BOX', 'XD']);
const known = (s: string): boolean => DIRECTORY.has(s);

describe('splitEntitlement', () => {
  it.each<[string, string, Entitlement[]]>([
    // Glued suffixes, the rest a known symbol.
    ['KELXD', 'KEL', ['XD']],
    ['PPLXB', 'PPL', ['XB']],
    ['HUBCXR', 'HUBC', ['XR']],
    ['PPLXDXB', 'PPL', ['XD', 'XB']],
    ['PPLXBXD', 'PPL', ['XD', 'XB']],
    ['HUBCXDXBXR', 'HUBC', ['XD', 'XB', 'XR']],
    // Any case, padded.
    [' kelxd ', 'KEL', ['XD']],
    // Separated suffixes.
    ['KEL-XD', 'KEL', ['XD']],
    ['KEL XD', 'KEL', ['XD']],
    ['KEL XD XB', 'KEL', ['XD', 'XB']],
    ['KEL-XD-XB', 'KEL', ['XD', 'XB']],
    ['KEL XB-XR', 'KEL', ['XB', 'XR']],
    ['KEL (XD)', 'KEL', ['XD']],
    ['KEL XDXB', 'KEL', ['XD', 'XB']],
    ['KEL\u00A0XD', 'KEL', ['XD']],
    // The same marker twice is one marker.
    ['KEL XD XD', 'KEL', ['XD']],
    // Collisions: a known symbol that ends in marker letters is that symbol.
    ['ABCXB', 'ABCXB', []],
    ['ABCXD', 'ABCXD', []],
    // … and its own markers come off it, not off ABC: the longest known symbol wins.
    ['ABCXBXD', 'ABCXB', ['XD']],
    ['ABCXDXB', 'ABCXD', ['XB']],
    ['ABCXBXR', 'ABCXB', ['XR']],
    ['MEBLXD', 'MEBL', ['XD']],
    // Letters that only look like a marker, the rest unknown: the symbol as it stands.
    ['ZZZXB', 'ZZZXB', []],
    ['TREET', 'TREET', []],
    ['BOX', 'BOX', []],
    // A marker alone is not a symbol with a marker.
    ['XD', 'XD', []],
    ['XB', 'XB', []],
    ['-XD', '-XD', []],
    // Markers only at the end.
    ['XDKEL', 'XDKEL', []],
    ['KELXDA', 'KELXDA', []],
    // More markers than there are kinds: part of the symbol, or nonsense.
    ['KELXDXBXRXD', 'KELXDXBXRXD', []],
    // Futures are not markers, and keep their hyphen.
    ['HUBC-OCT', 'HUBC-OCT', []],
    ['', '', []],
  ])('%j with the directory → %s %j', (text, symbol, entitlements) => {
    expect(splitEntitlement(text, known)).toEqual({ symbol, entitlements });
  });

  it.each<[string, string, Entitlement[]]>([
    // Without a directory, glued letters are never taken off: a real symbol may end in them.
    ['KELXD', 'KELXD', []],
    ['ABCXB', 'ABCXB', []],
    ['PPLXDXB', 'PPLXDXB', []],
    // Separated markers are markers anyway.
    ['KEL-XD', 'KEL', ['XD']],
    ['KEL XD XB', 'KEL', ['XD', 'XB']],
    ['NEWCO XR', 'NEWCO', ['XR']],
    // Only the separated part: KELXD then XB, since nothing says KELXD is not a symbol.
    ['KELXD XB', 'KELXD', ['XB']],
    ['KELXD-XB', 'KELXD', ['XB']],
    // A base that is not a symbol: left as it is, for the caller to refuse.
    ['A B XD', 'A B XD', []],
    ['$$ XD', '$$ XD', []],
  ])('%j without a directory → %s %j', (text, symbol, entitlements) => {
    expect(splitEntitlement(text)).toEqual({ symbol, entitlements });
  });

  it('with a directory, a glued marker behind a separated one comes off too', () => {
    expect(splitEntitlement('KELXD XB', known)).toEqual({ symbol: 'KEL', entitlements: ['XD', 'XB'] });
  });

  it('the whole text wins when it is known, even with a separator (a symbol the directory has)', () => {
    expect(splitEntitlement('KEL-XD', (s) => s === 'KEL-XD' || s === 'KEL')).toEqual({ symbol: 'KEL-XD', entitlements: [] });
  });

  it('never asks the directory about a text without marker letters at its end', () => {
    const asked: string[] = [];
    splitEntitlement('HUBC', (s) => (asked.push(s), true));
    expect(asked).toEqual([]);
  });
});

describe('readEntitlementTag', () => {
  it.each<[string, Entitlement[]]>([
    ['XD', ['XD']],
    ['XB', ['XB']],
    ['XR', ['XR']],
    ['XD XB', ['XD', 'XB']],
    ['XB-XR', ['XB', 'XR']],
    ['XR, XD', ['XD', 'XR']],
    ['XDXB', ['XD', 'XB']],
    ['xd', ['XD']],
    ['  XD\n', ['XD']],
    [' XD  XB ', ['XD', 'XB']],
    ['XD XD', ['XD']],
    ['XD/XB/XR', ['XD', 'XB', 'XR']],
    // Words that are not markers are passed over.
    ['SPOT', []],
    ['NC XD', ['XD']],
    ['XDX', []],
    ['XDNC', []],
    ['EXD', []],
    ['', []],
  ])('%j → %j', (text, expected) => {
    expect(readEntitlementTag(text)).toEqual(expected);
  });
});
