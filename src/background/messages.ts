/** Commands from the popup and the options page, answered with a Result. */
import { browser, type Runtime } from '../shared/browser';
import { feedIdFor } from '../shared/feeds';
import { safeHttpUrl } from '../shared/links';
import { isMessage, type FeedCheck, type RefreshSummary, type Reply } from '../shared/protocol';
import { readFeed } from '../sources/feeds/read-feed';
import { refresh } from './refresh';

type AnyReply = Reply<'refreshNow'> | Reply<'checkFeed'>;

function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  try {
    return new URL(sender.url).origin === new URL(browser.runtime.getURL('/')).origin;
  } catch {
    return false;
  }
}

const describe = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

export function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<AnyReply> | undefined {
  // Only this extension's own pages may command the background: its content script runs inside
  // other sites' pages and shares the id, so the sender's page must be ours too.
  if (!fromExtensionPage(sender) || !isMessage(message)) return undefined;
  switch (message.type) {
    case 'refreshNow':
      return refresh('user').then(
        (value): Reply<'refreshNow'> => ({ ok: true, value: value satisfies RefreshSummary }),
        (cause: unknown) => ({ ok: false, error: describe(cause) }),
      );
    case 'checkFeed':
      return checkFeed(message.payload.url);
  }
}

async function checkFeed(raw: string): Promise<Reply<'checkFeed'>> {
  const url = safeHttpUrl(raw);
  if (url === null) return { ok: false, error: 'Only http and https addresses can be feeds.' };
  const result = await readFeed({ id: feedIdFor(url), url, name: new URL(url).hostname });
  if (!result.ok) {
    const { kind, detail } = result.error;
    return { ok: false, error: kind === 'parse' ? 'That address does not serve an RSS or Atom feed.' : `The feed could not be fetched (${detail}).` };
  }
  const value: FeedCheck = { title: result.value.title, stories: result.value.stories.length };
  return { ok: true, value };
}
