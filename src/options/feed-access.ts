/**
 * Asking again for a feed's site after the user took the access back in the browser. Called
 * straight from the click: the prompt needs the user's gesture, so nothing is awaited first.
 */
import { browser } from '../shared/browser';
import { originPattern, type FeedDefinition } from '../shared/feeds';
import { claimOrigins } from '../shared/permission-owners';
import { sendMessage } from '../shared/protocol';

export async function grantFeed(feed: FeedDefinition): Promise<boolean> {
  const origins = [originPattern(feed.url)];
  const granted = await browser.permissions.request({ origins }).catch((cause: unknown) => {
    console.warn('the feed’s permission request failed:', cause);
    return false;
  });
  if (!granted) return false;
  await claimOrigins(origins, `feed:${feed.id}`);
  // Read it now rather than at the next alarm; the background checks the grant before fetching.
  void sendMessage('refreshNow', {});
  return true;
}
