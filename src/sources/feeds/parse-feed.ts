/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom through feedsmith, a maintained DOM-free parser that runs in
 * the Chrome service worker and the Firefox event page alike. feedsmith returns text with one
 * level of XML escaping undone and CDATA left literal; `htmlToPlainText` does the rest.
 *
 * A bounded scan of the same string comes first (`scanFeed`): it refuses a document too deep or
 * too costly to read, finds where items end (to repair a cut feed, and to read only the first
 * `MAX_FEED_ITEMS` of a huge one), and reads the Atom 0.3 `mode` of titles, which feedsmith
 * does not report. One `Budget` pays for the scan and for reading every title.
 */
import { parseFeed as parseWithFeedsmith } from 'feedsmith';
import type { Story } from '../../shared/model';
import { safeHttpUrl } from '../../shared/links';
import { err, ok, type Result } from '../../shared/result';
import { Budget } from '../dom';
import { parseFeedDate } from './feed-date';
import { collapseEnough, htmlToPlainText, MAX_TITLE_LENGTH, truncateAtWord } from './plain-text';
import { closeAfterLastItem, FEED_BUDGET, scanFeed, TITLES_BUDGET, type FeedScan, type TitleMarks } from './scan';

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

const NOT_A_FEED = 'not a feed (an HTML page, or XML the parser cannot read)';

/** Dublin Core as feedsmith gives it, on a channel, an item or an entry. */
interface LooseDc {
  date?: unknown;
  dates?: unknown;
  title?: unknown;
  titles?: unknown;
}

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
  dc?: LooseDc;
}

interface LooseFeed {
  title?: unknown;
  items?: unknown;
  entries?: unknown;
  dc?: LooseDc;
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

/** What feedsmith read, and from which part of the document. */
interface Reading {
  parsed: Feedsmith;
  /** feedsmith read the document up to here (then closed); null when it read all of it. */
  cutAt: number | null;
  repaired: boolean;
  /** Cut before its first item ended: the channel is real, but no item in it is whole. */
  noWholeItem: boolean;
}

function readDocument(xml: string, scan: FeedScan): Reading | null {
  // More items than would ever be shown: the scan stopped at the last one worth reading.
  if (scan.itemLimitReached) {
    const cut = closeAfterLastItem(xml, scan);
    const parsed = cut === null ? null : tryParse(cut);
    return parsed === null ? null : { parsed, cutAt: scan.lastItemEnd, repaired: false, noWholeItem: false };
  }
  // feedsmith closes a cut document itself and would keep a half item (no link, no date):
  // a document that does not end with its root is cut back to its last complete item first.
  const complete = looksComplete(xml);
  if (!complete) {
    const closed = closeAfterLastItem(xml, scan);
    const parsed = closed === null ? null : tryParse(closed);
    if (parsed !== null) return { parsed, cutAt: scan.lastItemEnd, repaired: true, noWholeItem: false };
  }
  const parsed = tryParse(xml);
  return parsed === null ? null : { parsed, cutAt: null, repaired: false, noWholeItem: !complete };
}

export function parseFeedXml(xml: string, source: FeedSource, options: ParseOptions = {}): Result<ParsedFeed, string> {
  const scanned = scanFeed(xml, new Budget(FEED_BUDGET));
  if (!scanned.ok) return err(`feed ${scanned.error}`);
  const scan = scanned.value;
  const reading = readDocument(xml, scan);
  if (reading === null) return err(NOT_A_FEED);
  const { parsed, cutAt, repaired, noWholeItem } = reading;
  const now = options.now ?? Date.now();
  const firstSeen = new Map((options.previous ?? []).map((s) => [s.id, s.firstSeenAt ?? s.publishedAt ?? now]));
  const feed = parsed.feed as LooseFeed;
  const rawItems = noWholeItem ? [] : ((Array.isArray(feed.items) ? feed.items : Array.isArray(feed.entries) ? feed.entries : []) as LooseItem[]);
  // Atom titles are plain text unless typed html/xhtml (RFC 4287 §3.1.1); RSS titles are HTML.
  const atom = parsed.format === 'atom';
  const marks = atom ? marksByItem(rawItems, scan, cutAt) : [];
  // Reading titles as HTML has its own allowance, shared by every title of the feed.
  const budget = new Budget(TITLES_BUDGET);
  const stories: Story[] = [];
  const seen = new Set<string>();
  for (const [index, item] of rawItems.entries()) {
    const story = toStory(item, marks[index] ?? null, { source, now, firstSeen, atom, budget });
    if (!story.ok) return err(`story ${story.error}`);
    if (story.value === null || seen.has(story.value.id)) continue;
    seen.add(story.value.id);
    stories.push(story.value);
    if (stories.length === MAX_STORIES_PER_FEED) break;
  }
  const title = readTitle(titleSource(feed.title, feed.dc, atom, atom ? scan.feedTitle : null), budget);
  if (!title.ok) return err(`feed ${title.error}`);
  return ok({ title: title.value === '' ? null : title.value, stories, repaired });
}

/**
 * The scan's title marks for each of feedsmith's items, matched in order over the entries that
 * have a title in both. feedsmith drops entries it finds empty, so the two lists are matched
 * only when they agree on how many titled entries there are; when they do not (a malformed
 * document the two parsers read differently), no item gets marks rather than someone else's.
 */
function marksByItem(items: LooseItem[], scan: FeedScan, cutAt: number | null): (TitleMarks | null)[] {
  const read = scan.entries.filter((e) => cutAt === null || (e.end !== null && e.end <= cutAt));
  const marks = read.flatMap((e) => (e.title === null ? [] : [e.title]));
  const titled = items.map((item) => textValue(item.title) !== null);
  if (titled.filter(Boolean).length !== marks.length) return items.map(() => null);
  let next = 0;
  return titled.map((has) => (has ? (marks[next++] ?? null) : null));
}

/** A title as the feed wrote it, and how to read it. */
interface TitleSource {
  text: string;
  /** HTML, to be reduced to its text; otherwise already text. */
  html: boolean;
  /** Atom 0.3 `mode="base64"`: the text is base64 of UTF-8. */
  base64: boolean;
}

/**
 * How a title is read:
 * - RSS and RDF titles, and `dc:title` (used when there is no `title`), are HTML;
 * - an Atom title is HTML when its `type` names HTML (`html`, `xhtml`, `text/html`,
 *   `application/xhtml+xml`), or, with no `type`, when Atom 0.3 says `mode="escaped"`; it is
 *   text when typed `text` or `text/plain`, or untyped; markup written as XML elements inside a
 *   text title (invalid, but it happens) is still reduced to its text, never shown;
 * - Atom 0.3 `mode="base64"` is decoded first, then read by its type.
 */
function titleSource(title: unknown, dc: LooseDc | undefined, atom: boolean, marks: TitleMarks | null): TitleSource | null {
  const text = textValue(title);
  if (text === null) {
    const dcTitle = dc === undefined ? null : Array.isArray(dc.titles) ? textValue(dc.titles[0]) : textValue(dc.title);
    return dcTitle === null ? null : { text: dcTitle, html: true, base64: false };
  }
  if (!atom) return { text, html: true, base64: false };
  const type = mediaType(typeOf(title) ?? marks?.type ?? null);
  const mode = marks?.mode ?? null;
  const html = type !== null ? type.includes('html') : mode === 'escaped';
  return { text, html: html || marks?.elements === true, base64: mode === 'base64' };
}

function readTitle(source: TitleSource | null, budget: Budget): Result<string, string> {
  if (source === null) return ok('');
  let text = source.text;
  if (source.base64) {
    const decoded = decodeBase64Utf8(text);
    // Not base64 of UTF-8: there is no title to show, rather than one of noise.
    if (decoded === null) return ok('');
    text = decoded;
  }
  if (!source.html) return ok(truncateAtWord(collapseEnough(text)));
  const plain = htmlToPlainText(text, budget, MAX_TITLE_LENGTH);
  return plain.ok ? ok(truncateAtWord(plain.value)) : err(`title ${plain.error}`);
}

/** `type` of an Atom text construct as feedsmith reports it. */
function typeOf(title: unknown): string | null {
  if (title === null || typeof title !== 'object' || !('type' in title)) return null;
  const type = (title as { type: unknown }).type;
  return typeof type === 'string' ? type : null;
}

/** `text/html; charset=utf-8` → `text/html`; null for nothing. */
function mediaType(type: string | null): string | null {
  const bare = type?.split(';')[0]?.trim().toLowerCase() ?? '';
  return bare === '' ? null : bare;
}

/** base64 of UTF-8, decoded; null when it is not valid base64 or not valid UTF-8. */
function decodeBase64Utf8(text: string): string | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

interface StoryContext {
  source: FeedSource;
  now: number;
  firstSeen: Map<string, number>;
  atom: boolean;
  budget: Budget;
}

function toStory(item: LooseItem, marks: TitleMarks | null, context: StoryContext): Result<Story | null, string> {
  const { source, now, firstSeen, atom, budget } = context;
  const read = readTitle(titleSource(item.title, item.dc, atom, marks), budget);
  if (!read.ok) return read;
  const title = read.value;
  const link = safeHttpUrl(linkOf(item), source.url);
  if (title === '' && link === null) return ok(null);
  const guid = textValue(item.guid) ?? textValue(item.id);
  const id = `${source.id}:${guid ?? link ?? title}`;
  const seenAt = firstSeen.get(id) ?? now;
  const dated = parseFeedDate(
    textValue(item.pubDate) ?? textValue(item.published) ?? textValue(item.updated) ?? firstDcDate(item.dc),
  );
  return ok({
    id,
    feedId: source.id,
    guid,
    title: title === '' ? truncateAtWord(link ?? '') : title,
    link,
    source: source.name,
    // Undated: when we first saw it. Dated in the future (a wrong server clock): now.
    publishedAt: dated === null ? seenAt : Math.min(dated, now),
    firstSeenAt: seenAt,
  });
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

function firstDcDate(dc: LooseDc | undefined): string | null {
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
