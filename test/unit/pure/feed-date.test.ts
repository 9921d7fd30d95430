import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../src/sources/feeds/feed-date';

/** 14 Oct 2026 06:02:00 UTC, the instant most rows below describe. */
const INSTANT = Date.UTC(2026, 9, 14, 6, 2, 0);

describe('parseFeedDate', () => {
  it.each<[string | null | undefined, number | null]>([
    // RFC 2822 (RSS)
    ['Wed, 14 Oct 2026 11:02:00 +0500', INSTANT],
    ['Wed,14 Oct 2026 11:02:00 +0500', INSTANT],
    ['14 Oct 2026 11:02:00 +0500', INSTANT],
    ['  Wed, 14 Oct 2026 11:02:00 +0500  ', INSTANT],
    ['Wed, 14 Oct 2026 06:02:00 GMT', INSTANT],
    ['Wed, 14 Oct 2026 06:02:00 UT', INSTANT],
    ['Wed, 14 Oct 2026 06:02:00 gmt', INSTANT],
    ['Wed, 14 Oct 2026 06:02:00 +0000', INSTANT],
    ['Wed, 14 Oct 2026 01:02:00 EST', INSTANT],
    ['Wed, 14 Oct 2026 02:02:00 EDT', INSTANT],
    ['Tue, 13 Oct 2026 23:02:00 PDT', INSTANT],
    ['Wed, 14 Oct 2026 00:32:00 -0530', INSTANT],
    ['Wed, 14 Oct 26 06:02:00 GMT', INSTANT],
    ['Thu, 14 Oct 99 06:02:00 GMT', Date.UTC(1999, 9, 14, 6, 2, 0)],
    ['Wed, 14 Oct 2026 11:02 +0500', INSTANT],
    ['Wed, 14 October 2026 11:02:00 +0500', INSTANT],
    ['Wed, 14 Oct 2026 06:02:00', INSTANT], // no zone: read as GMT
    ['Wed, 14 Oct 2026 11:02:00 +0500 (PKT)', INSTANT],
    // ISO 8601 (Atom, Dublin Core)
    ['2026-10-14T06:02:00Z', INSTANT],
    ['2026-10-14T11:02:00+05:00', INSTANT],
    ['2026-10-14T06:02:00.000Z', INSTANT],
    ['2026-10-14', Date.UTC(2026, 9, 14)],
    // nothing usable
    ['Wed, 14 Oct 2026 11:02:00 XYZ', null],
    ['Wed, 14 Foo 2026 11:02:00 GMT', null],
    ['Wed, 14 Oct 2026 aa:bb:cc GMT', null],
    ['Wed, 14 Oct 2026 noon GMT', null],
    ['Wed, 14 Oct 2026', null],
    ['yesterday', null],
    ['not a date at all', null],
    ['2026', null],
    ['2026-99-99', null],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (text, expected) => {
    expect(parseFeedDate(text)).toBe(expected);
  });
});
