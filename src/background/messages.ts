/** Commands from the popup and the bar, answered with a Result. */
import type { Runtime } from 'webextension-polyfill';
import { browser } from '../shared/browser';
import { isMessage, type Reply } from '../shared/protocol';
import { refresh } from './refresh';

export function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<Reply<'refreshNow'>> | undefined {
  // Only this extension's own pages may command the background.
  if (sender.id !== browser.runtime.id || !isMessage(message)) return undefined;
  switch (message.type) {
    case 'refreshNow':
      return refresh('user').then(
        (value) => ({ ok: true, value }),
        (cause: unknown) => ({ ok: false, error: cause instanceof Error ? cause.message : String(cause) }),
      );
  }
}
