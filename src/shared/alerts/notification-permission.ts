/**
 * The optional `notifications` permission. Without it alerts still show in the popup, the bar
 * and the badge; with it, each firing is also a system notification.
 */
import { browser } from '../browser';
import { sentences } from '../i18n/sentences';

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/** The user's answer, or why the browser could not ask (said to the user, not read as a "no"). */
export type NotificationsAnswer = { granted: true } | { granted: false; error?: string };

/**
 * Asks the user. Call it in the click or submit handler before any `await`: Firefox honours a
 * permission request only within the user's gesture, and rejects one made after it.
 */
export function requestNotifications(): Promise<NotificationsAnswer> {
  return browser.permissions.request(NOTIFICATIONS).then(
    (granted): NotificationsAnswer => (granted ? { granted: true } : { granted: false }),
    (cause: unknown): NotificationsAnswer => {
      const error = cause instanceof Error ? cause.message : String(cause);
      console.warn('the notifications permission could not be requested:', error);
      return { granted: false, error: sentences().t('sentence_notifications_unaskable', { error }) };
    },
  );
}

export function hasNotifications(): Promise<boolean> {
  return browser.permissions.contains(NOTIFICATIONS).catch((cause: unknown) => {
    console.warn('the notifications permission could not be checked:', cause);
    return false;
  });
}
