/**
 * Commands from the popup and the options page, and the bar's two, answered with a Result.
 * The bar runs inside other sites' pages: it may only hide itself, and only on its own tab's
 * site; every settings write happens here, under the settings lock.
 */
import { browser, type Runtime } from '../shared/browser';
import { feedIdFor } from '../shared/feeds';
import { safeHttpUrl } from '../shared/links';
import { isMessage, type FeedCheck, type Message, type MessageMap, type MessageName, type RefreshSummary, type Reply } from '../shared/protocol';
import { updateSettings } from '../shared/settings-items';
import { readFeed } from '../sources/feeds/read-feed';
import { applyStoredDisplay, text } from './i18n';
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

/** Who sent a message: one of our own pages, or the bar inside a site's page (with that site). */
export type Sender = { kind: 'page' } | { kind: 'bar'; site: string };

type Handler<N extends MessageName> = (payload: MessageMap[N]['request'], from: Sender) => Promise<Reply<N>>;

/**
 * One handler per message, typed against the message map: a message without a handler, or a
 * handler with the wrong payload or reply, does not compile. `from` says who may send it.
 */
const HANDLERS: { [N in MessageName]: { from: readonly Sender['kind'][]; handle: Handler<N> } } = {
  refreshNow: {
    from: ['page'],
    handle: () =>
      refresh('user').then(
        (value): Reply<'refreshNow'> => ({ ok: true, value: value satisfies RefreshSummary }),
        (cause: unknown) => ({ ok: false, error: describe(cause) }),
      ),
  },
  checkFeed: { from: ['page'], handle: (payload) => checkFeed(payload.url) },
  hideBarOnSite: { from: ['bar'], handle: (_payload, from) => (from.kind === 'bar' ? hideOnSite(from.site) : refused()) },
  hideBarEverywhere: { from: ['bar'], handle: () => hideEverywhere() },
};

const refused = async (): Promise<{ ok: false; error: string }> => {
  await applyStoredDisplay();
  return { ok: false, error: text().t('bg_error_not_allowed') };
};

function senderOf(sender: Runtime.MessageSender): Sender | null {
  if (fromExtensionPage(sender)) return { kind: 'page' };
  const site = fromOurContentScript(sender);
  return site === null ? null : { kind: 'bar', site };
}

function dispatch<N extends MessageName>(message: Message<N>, from: Sender): Promise<Reply<N>> | undefined {
  const entry = HANDLERS[message.type] as { from: readonly Sender['kind'][]; handle: Handler<N> };
  // The bar runs inside other sites' pages and shares our id: it gets its own messages only.
  if (!entry.from.includes(from.kind)) return undefined;
  return entry.handle(message.payload, from);
}

export function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<AnyReply> | undefined {
  if (!isMessage(message)) return undefined;
  const from = senderOf(sender);
  if (from === null) return undefined;
  return dispatch(message, from) as Promise<AnyReply> | undefined;
}

async function checkFeed(raw: string): Promise<Reply<'checkFeed'>> {
  const url = safeHttpUrl(raw);
  // The sentence is shown by the options page: in the user's language.
  const speak = applyStoredDisplay();
  if (url === null) {
    await speak;
    return { ok: false, error: text().t('bg_error_feed_scheme') };
  }
  const result = await readFeed({ id: feedIdFor(url), url, name: new URL(url).hostname });
  if (!result.ok) {
    await speak;
    const { kind, detail } = result.error;
    // The detail is the technical reason as the fetch gave it ("HTTP 404"), left as it is.
    return { ok: false, error: kind === 'parse' ? text().t('bg_error_not_a_feed') : text().t('bg_error_feed_fetch', { detail }) };
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
