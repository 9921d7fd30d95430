/**
 * Commands from the popup and the options page, and the bar's two, answered with a Result.
 * The bar runs inside other sites' pages: it may only hide itself, and only on its own tab's
 * site; every settings write happens here, under the settings lock.
 */
import { browser, type Runtime } from '../shared/browser';
import { feedIdFor } from '../shared/feeds';
import { safeHttpUrl } from '../shared/links';
import { CONTENT_SCRIPT_MESSAGES, isMessage, type FeedCheck, type MessageName, type RefreshSummary, type Reply } from '../shared/protocol';
import { updateSettings } from '../shared/settings-items';
import { readFeed } from '../sources/feeds/read-feed';
import { refresh } from './refresh';

type AnyReply = { [N in MessageName]: Reply<N> }[MessageName];

/** Our content script, in a top frame of an ordinary page: the only place the bar runs. */
function fromOurContentScript(sender: Runtime.MessageSender): string | null {
  if (sender.id !== browser.runtime.id || sender.tab?.url === undefined || (sender.frameId ?? 0) !== 0) return null;
  try {
    const url = new URL(sender.tab.url);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.hostname : null;
  } catch {
    return null;
  }
}

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
  if (!isMessage(message)) return undefined;
  // Only this extension's own pages may command the background: its content script runs inside
  // other sites' pages and shares the id, so it gets the bar's two messages and nothing else.
  if (!fromExtensionPage(sender)) {
    const site = fromOurContentScript(sender);
    if (site === null || !CONTENT_SCRIPT_MESSAGES.has(message.type)) return undefined;
    if (message.type === 'hideBarOnSite') return hideOnSite(site);
    if (message.type === 'hideBarEverywhere') return hideEverywhere();
    return undefined;
  }
  switch (message.type) {
    case 'hideBarOnSite':
    case 'hideBarEverywhere':
      return Promise.resolve({ ok: false, error: 'Only the bar on a page can hide itself.' });
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

async function hideOnSite(site: string): Promise<Reply<'hideBarOnSite'>> {
  const saved = await updateSettings((s) => ({ ...s, barHiddenSites: [...s.barHiddenSites.filter((h) => h !== site), site] }));
  return saved.ok ? { ok: true, value: { site } } : { ok: false, error: saved.error.detail };
}

async function hideEverywhere(): Promise<Reply<'hideBarEverywhere'>> {
  const saved = await updateSettings((s) => ({ ...s, showBar: false }));
  return saved.ok ? { ok: true, value: null } : { ok: false, error: saved.error.detail };
}
