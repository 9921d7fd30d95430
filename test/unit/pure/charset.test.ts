import { describe, expect, it } from 'vitest';
import { charsetFromContentType, charsetFromXmlDeclaration, decodeBody } from '../../../src/sources/charset';

const ascii = (text: string): number[] => [...new TextEncoder().encode(text)];
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? ascii(part) : part)));

const BOM = [0xef, 0xbb, 0xbf];
/** `“Café”` in windows-1252: 0x93 and 0x94 are curly quotes, 0xE9 is é. */
const CP1252_CAFE = [0x93, 0x43, 0x61, 0x66, 0xe9, 0x94];
const UTF8_CAFE = [...new TextEncoder().encode('\u201CCaf\u00E9\u201D')];

describe('decodeBody', () => {
  it.each<[string, Uint8Array, string | null, string]>([
    ['UTF-8 bytes, no header', bytes('<t>', UTF8_CAFE, '</t>'), null, '<t>\u201CCaf\u00E9\u201D</t>'],
    ['UTF-8 bytes, header without charset', bytes('<t>', UTF8_CAFE, '</t>'), 'text/xml', '<t>\u201CCaf\u00E9\u201D</t>'],
    [
      'windows-1252 from the header',
      bytes('<t>', CP1252_CAFE, '</t>'),
      'text/xml; charset=windows-1252',
      '<t>\u201CCaf\u00E9\u201D</t>',
    ],
    ['quoted ISO-8859-1 from the header', bytes('<t>Caf', [0xe9], '</t>'), 'text/xml; charset="ISO-8859-1"', '<t>Caf\u00E9</t>'],
    [
      'XML declaration when the header has no charset',
      bytes('<?xml version="1.0" encoding="windows-1252"?><t>', CP1252_CAFE, '</t>'),
      'application/rss+xml',
      '<?xml version="1.0" encoding="windows-1252"?><t>\u201CCaf\u00E9\u201D</t>',
    ],
    [
      'single-quoted encoding in the declaration',
      bytes("<?xml version='1.0' encoding='windows-1252'?><t>", CP1252_CAFE, '</t>'),
      null,
      "<?xml version='1.0' encoding='windows-1252'?><t>\u201CCaf\u00E9\u201D</t>",
    ],
    [
      'the header charset wins over the declaration',
      bytes('<?xml version="1.0" encoding="utf-8"?><t>', CP1252_CAFE, '</t>'),
      'text/xml; charset=windows-1252',
      '<?xml version="1.0" encoding="utf-8"?><t>\u201CCaf\u00E9\u201D</t>',
    ],
    [
      'UTF-8 BOM before a UTF-8 declaration (BOM dropped)',
      bytes(BOM, '<?xml version="1.0" encoding="UTF-8"?><t>', UTF8_CAFE, '</t>'),
      null,
      '<?xml version="1.0" encoding="UTF-8"?><t>\u201CCaf\u00E9\u201D</t>',
    ],
    ['unknown header label falls back to UTF-8', bytes('<t>', UTF8_CAFE, '</t>'), 'text/xml; charset=foo', '<t>\u201CCaf\u00E9\u201D</t>'],
    [
      'unknown declared label falls back to UTF-8',
      bytes('<?xml version="1.0" encoding="x-bogus"?><t>', UTF8_CAFE, '</t>'),
      null,
      '<?xml version="1.0" encoding="x-bogus"?><t>\u201CCaf\u00E9\u201D</t>',
    ],
    ['empty body', new Uint8Array(0), 'text/xml; charset=windows-1252', ''],
  ])('%s', (_name, body, contentType, expected) => {
    expect(decodeBody(body, contentType)).toBe(expected);
  });

  // A byte-order mark is decisive (WHATWG Encoding "decode", XML 1.0 appendix F): a UTF-8 file
  // with a BOM served as `charset=windows-1252` (a common server default) must not become mojibake.
  it('a UTF-8 BOM wins over a contradicting header charset', () => {
    const body = bytes(BOM, '<t>', UTF8_CAFE, '</t>');
    expect(decodeBody(body, 'text/xml; charset=windows-1252')).toBe('<t>\u201CCaf\u00E9\u201D</t>');
  });
});

describe('charsetFromContentType', () => {
  it.each<[string | null, string | null]>([
    ['text/xml; charset=windows-1252', 'windows-1252'],
    ['text/xml; charset="ISO-8859-1"', 'iso-8859-1'],
    ['text/html;charset=UTF-8', 'utf-8'],
    ['text/xml; CHARSET = Windows-1252 ', 'windows-1252'],
    ['text/xml; boundary=x; charset=utf-8', 'utf-8'],
    ['text/xml', null],
    ['text/xml; charset=', null],
    ['text/xml; foo=bar', null],
    // the media type itself is never read as a parameter
    ['charset=utf-8', null],
    ['', null],
    [null, null],
  ])('%j → %j', (contentType, expected) => {
    expect(charsetFromContentType(contentType)).toBe(expected);
  });
});

describe('charsetFromXmlDeclaration', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['double-quoted', bytes('<?xml version="1.0" encoding="windows-1252"?><rss/>'), 'windows-1252'],
    ['single-quoted', bytes("<?xml version='1.0' encoding='ISO-8859-1'?><rss/>"), 'iso-8859-1'],
    ['spaces around =', bytes('<?xml version="1.0" encoding = "UTF-8" ?><rss/>'), 'utf-8'],
    ['after a UTF-8 BOM', bytes(BOM, '<?xml version="1.0" encoding="windows-1252"?><rss/>'), 'windows-1252'],
    ['no encoding attribute', bytes('<?xml version="1.0"?><rss/>'), null],
    ['encoding only after the prolog', bytes('<?xml version="1.0"?><rss encoding="windows-1252"/>'), null],
    ['no declaration', bytes('<rss version="2.0"/>'), null],
    ['declaration not at the start', bytes(' <?xml version="1.0" encoding="windows-1252"?>'), null],
    ['unquoted value', bytes('<?xml version="1.0" encoding=windows-1252?>'), null],
    ['unterminated value', bytes('<?xml version="1.0" encoding="windows-1252'), null],
    ['empty input', new Uint8Array(0), null],
  ])('%s', (_name, body, expected) => {
    expect(charsetFromXmlDeclaration(body)).toBe(expected);
  });
});
