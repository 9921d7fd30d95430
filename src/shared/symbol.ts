/**
 * What counts as a PSX symbol wherever one enters the extension (settings, the market watch,
 * the directory, the fallback source): capitals and digits, with `.`, `&` or `-` after the first.
 */
const SYMBOL = /^[A-Z0-9][A-Z0-9.&-]{0,23}$/;

export function isSymbol(text: string): boolean {
  return SYMBOL.test(text);
}
