/**
 * The optional `notifications` permission. Without it alerts still show in the popup, the bar
 * and the badge; with it, each firing is also a system notification.
 */
import { browser } from '../browser';

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/**
 * Asks the user. Call it first thing in the click or submit handler, before any `await`:
 * Firefox honours a permission request only within the user's gesture. A refusal, or a
 * browser that cannot ask, answers false.
 */
export function requestNotifications(): Promise<boolean> {
  return browser.permissions.request(NOTIFICATIONS).catch((cause: unknown) => {
    console.warn('the notifications permission could not be requested:', cause);
    return false;
  });
}

export function hasNotifications(): Promise<boolean> {
  return browser.permissions.contains(NOTIFICATIONS).catch((cause: unknown) => {
    console.warn('the notifications permission could not be checked:', cause);
    return false;
  });
}
