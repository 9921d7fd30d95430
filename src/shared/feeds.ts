/** The feeds the extension reads by default: Business Recorder's world stories and latest news. */
export interface FeedDefinition {
  id: string;
  url: string;
  name: string;
}

export const WORLD_FEED: FeedDefinition = {
  id: 'world',
  url: 'https://www.brecorder.com/feeds/world',
  name: 'Business Recorder',
};

export const LATEST_NEWS_FEED: FeedDefinition = {
  id: 'latest-news',
  url: 'https://www.brecorder.com/feeds/latest-news',
  name: 'Business Recorder',
};

export const DEFAULT_FEEDS: readonly FeedDefinition[] = [WORLD_FEED, LATEST_NEWS_FEED];
