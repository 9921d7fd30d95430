import { describe, expect, it } from 'vitest';
import { feedsNotice } from '../../../src/popup/notices';
import type { ErrorKind } from '../../../src/shared/model';
import type { Presentation } from '../../../src/shared/presentation';

const FEEDS = [
  { id: 'world', title: 'World' },
  { id: 'latest-news', title: 'Latest news' },
];

const withFeeds = (kinds: Record<string, ErrorKind>): Presentation =>
  ({ feeds: { loading: false, failing: Object.keys(kinds), showingFrom: null, kinds } }) as unknown as Presentation;

describe('feedsNotice says how the feeds failed', () => {
  it.each<[string, Record<string, ErrorKind>, string]>([
    ['a feed that answered something unreadable', { world: 'parse' }, '“World” feed could not be read.'],
    ['a feed whose access was taken back', { world: 'no-access' }, '“World” feed needs access again (options page).'],
    ['an unreachable feed', { world: 'timeout' }, '“World” feed unreachable.'],
    ['two unreadable feeds', { world: 'parse', 'latest-news': 'parse' }, '“World”, “Latest news” feeds could not be read.'],
    ['two feeds failing differently', { world: 'parse', 'latest-news': 'server' }, '“World”, “Latest news” feeds unreachable.'],
  ])('%s', (_name, kinds, text) => {
    expect(feedsNotice(withFeeds(kinds), FEEDS, 0, 'local')?.text).toBe(text);
  });
});
