/**
 * One feed: check its address, fetch with the shared deadline, decode by charset, parse into
 * stories. Every read checks the address again, whatever stored it: a feed is read over https
 * from a public host only (an `http:` feed saved by an older version, or synced from elsewhere,
 * is refused here, not fetched), and fetchText refuses a redirect that leaves https or lands on
 * a private address.
 */
import { fetchRefusal } from '../../shared/links';
import type { SourceError, Story } from '../../shared/model';
import { err, type Result } from '../../shared/result';
import { fetchText, type FetchTextOptions } from '../http';
import { parseFeedXml, type FeedSource, type ParsedFeed } from './parse-feed';

export interface ReadFeedOptions extends FetchTextOptions {
  /** This feed's stories from earlier reads (first-seen times of undated stories). */
  previous?: readonly Story[];
}

/** Why a feed address is not read (a phrase), or null when it may be. */
export function feedUrlRefusal(url: string): string | null {
  const refused = fetchRefusal(url);
  if (refused === null) return null;
  return /^http:/i.test(url.trim()) ? 'feeds are read over https only, and this address is http:' : refused;
}

export async function readFeed(source: FeedSource, options: ReadFeedOptions = {}): Promise<Result<ParsedFeed, SourceError>> {
  const now = options.now ?? Date.now;
  const refused = feedUrlRefusal(source.url);
  if (refused !== null) return err({ kind: 'http', detail: refused, at: now() });
  const response = await fetchText(source.url, {
    ...options,
    keepPartialBody: true,
    headers: { Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8' },
  });
  if (!response.ok) return response;
  const parsed = parseFeedXml(response.value.text, source, { now: now(), ...(options.previous ? { previous: options.previous } : {}) });
  return parsed.ok ? parsed : err({ kind: 'parse', detail: parsed.error, at: now() });
}
