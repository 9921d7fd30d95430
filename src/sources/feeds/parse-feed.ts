/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom through feedsmith, a maintained DOM-free parser that runs in
 * the Chrome service worker and the Firefox event page alike. feedsmith returns text with one
 * level of XML escaping undone and CDATA left literal; `htmlToPlainText` does the rest.
 */
import { parseFeed as parseWithFeedsmith } from 'feedsmith';
import type { Story } from '../../shared/model';
import { safeHttpUrl } from '../../shared/links';
import { err, ok, type Result } from '../../shared/result';
import { parseFeedDate } from './feed-date';
import { collapseWhitespace, htmlToPlainText, truncateAtWord } from './plain-text';
import { closeTruncatedFeed } from './repair';

export interface FeedSource {
  id: string;
  /** The feed's own URL, the base for relative links. */
  url: string;
  /** Shown beside each story. */
  name: string;
}

export interface ParsedFeed {
  title: string | null;
  stories: Story[];
  /** The document was cut short and only its complete items were read. */
  repaired: boolean;
}

export interface ParseOptions {
  /** The time of reading: undated stories are dated by when they were first seen, future dates clamp to it. */
  now?: number;
  /** This feed's stories from earlier reads, to keep an undated story's first-seen time. */
  previous?: readonly Story[];
}

/** The most stories kept per feed; a feed that sends thousands is cut, not trusted. */
export const MAX_STORIES_PER_FEED = 50;

/** A loose view of the item shapes feedsmith produces for the three formats. */
interface LooseItem {
  title?: unknown;
  link?: unknown;
  links?: unknown;
  guid?: unknown;
  id?: unknown;
  pubDate?: unknown;
  published?: unknown;
  updated?: unknown;
  dc?: { date?: unknown; dates?: unknown };
}

type Feedsmith = ReturnType<typeof parseWithFeedsmith>;

function tryParse(xml: string): Feedsmith | null {
  try {
    return parseWithFeedsmith(xml);
  } catch {
    return null;
  }
}

/** A whole document ends with its root's closing tag; anything else was cut short. */
function looksComplete(xml: string): boolean {
  const end = xml.trimEnd().toLowerCase();
  return end.endsWith('</rss>') || end.endsWith('</feed>') || end.endsWith('</rdf:rdf>');
}

export function parseFeedXml(xml: string, source: FeedSource, options: ParseOptions = {}): Result<ParsedFeed, string> {
  // feedsmith closes a cut document itself and would keep a half item (no link, no date):
  // a document that does not end with its root is cut back to its last complete item first.
  const complete = looksComplete(xml);
  const closed = complete ? null : closeTruncatedFeed(xml);
  let parsed = closed === null ? null : tryParse(closed);
  const repaired = parsed !== null;
  parsed ??= tryParse(xml);
  // Cut before its first item ended: the channel is real, but no item in it is whole.
  const noWholeItem = !complete && !repaired;
  if (parsed === null) return err('not a feed (an HTML page, or XML the parser cannot read)');
  const now = options.now ?? Date.now();
  const firstSeen = new Map((options.previous ?? []).map((s) => [s.id, s.firstSeenAt ?? s.publishedAt ?? now]));
  const feed = parsed.feed as { title?: unknown; items?: unknown; entries?: unknown };
  const rawItems = noWholeItem ? [] : ((Array.isArray(feed.items) ? feed.items : Array.isArray(feed.entries) ? feed.entries : []) as LooseItem[]);
  const stories: Story[] = [];
  const seen = new Set<string>();
  // Atom titles are plain text unless typed html/xhtml (RFC 4287 §3.1.1); RSS titles are HTML.
  const textTitles = parsed.format === 'atom';
  for (const item of rawItems) {
    const story = toStory(item, source, now, firstSeen, textTitles);
    if (story === null || seen.has(story.id)) continue;
    seen.add(story.id);
    stories.push(story);
    if (stories.length === MAX_STORIES_PER_FEED) break;
  }
  const title = textValue(feed.title);
  return ok({ title: title ? truncateAtWord(htmlToPlainText(title)) : null, stories, repaired });
}

function titleText(title: unknown, atom: boolean): string {
  const raw = textValue(title);
  if (raw === null) return '';
  const type = title !== null && typeof title === 'object' && 'type' in title ? (title as { type: unknown }).type : undefined;
  const plain = atom && type !== 'html' && type !== 'xhtml';
  return truncateAtWord(plain ? collapseWhitespace(raw) : htmlToPlainText(raw));
}

function toStory(item: LooseItem, source: FeedSource, now: number, firstSeen: Map<string, number>, atom: boolean): Story | null {
  const title = titleText(item.title, atom);
  const link = safeHttpUrl(linkOf(item), source.url);
  if (title === '' && link === null) return null;
  const guid = textValue(item.guid) ?? textValue(item.id);
  const id = `${source.id}:${guid ?? link ?? title}`;
  const seenAt = firstSeen.get(id) ?? now;
  const dated = parseFeedDate(
    textValue(item.pubDate) ?? textValue(item.published) ?? textValue(item.updated) ?? firstDcDate(item.dc),
  );
  return {
    id,
    feedId: source.id,
    guid,
    title: title === '' ? truncateAtWord(link ?? '') : title,
    link,
    source: source.name,
    // Undated: when we first saw it. Dated in the future (a wrong server clock): now.
    publishedAt: dated === null ? seenAt : Math.min(dated, now),
    firstSeenAt: seenAt,
  };
}

/** Atom entries carry `links: [{ href, rel }]`; the alternate (or first) one is the article. */
function linkOf(item: LooseItem): string | null {
  const direct = textValue(item.link);
  if (direct !== null) return direct;
  if (!Array.isArray(item.links)) return null;
  const links = item.links as { href?: unknown; rel?: unknown }[];
  const alternate = links.find((l) => l.rel === undefined || l.rel === 'alternate') ?? links[0];
  return alternate ? textValue(alternate.href) : null;
}

function firstDcDate(dc: LooseItem['dc']): string | null {
  if (!dc) return null;
  if (Array.isArray(dc.dates)) return textValue(dc.dates[0]);
  return textValue(dc.date);
}

/** feedsmith gives plain strings, or `{ value }` objects for guids and Atom text constructs. */
function textValue(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return String(value);
  if (value !== null && typeof value === 'object' && 'value' in value) return textValue((value as { value: unknown }).value);
  return null;
}
