/** One feed: fetch with the shared deadline, decode by charset, parse into stories. */
import type { SourceError, Story } from '../../shared/model';
import { err, type Result } from '../../shared/result';
import { fetchText, type FetchTextOptions } from '../http';
import { parseFeedXml, type FeedSource, type ParsedFeed } from './parse-feed';

export interface ReadFeedOptions extends FetchTextOptions {
  /** This feed's stories from earlier reads (first-seen times of undated stories). */
  previous?: readonly Story[];
}

export async function readFeed(source: FeedSource, options: ReadFeedOptions = {}): Promise<Result<ParsedFeed, SourceError>> {
  const now = options.now ?? Date.now;
  const response = await fetchText(source.url, {
    ...options,
    keepPartialBody: true,
    headers: { Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8' },
  });
  if (!response.ok) return response;
  const parsed = parseFeedXml(response.value.text, source, { now: now(), ...(options.previous ? { previous: options.previous } : {}) });
  return parsed.ok ? parsed : err({ kind: 'parse', detail: parsed.error, at: now() });
}
