/**
 * System notifications for fired alerts, when the user allowed the optional `notifications`
 * permission (asked when they set their first alert). Without it the alert still shows in the
 * popup, the bar and the badge. A click opens the symbol's PSX page and marks the alert seen.
 */
import { notificationText } from '../../shared/alerts/describe';
import { hasNotifications } from '../../shared/alerts/notification-permission';
import type { FiredAlert } from '../../shared/alerts/rules';
import { alertsItem, markSeen } from '../../shared/alerts/store';
import { browser } from '../../shared/browser';
import { recordEvents } from '../../shared/diagnostics';
import type { Settings } from '../../shared/settings';
import { applyDisplay } from '../i18n';

const PREFIX = 'psx-alert:';
const PSX_PAGE = 'https://dps.psx.com.pk/';

/** Where a click on an alert about this subject goes. */
export function pageFor(alert: Pick<FiredAlert, 'subject' | 'index'>): string {
  return alert.index ? `${PSX_PAGE}indices` : `${PSX_PAGE}company/${encodeURIComponent(alert.subject)}`;
}

/** Symbol, condition, price and time, in the user's zone and language (their settings now). */
export async function notifyFired(fired: readonly FiredAlert[], settings: Pick<Settings, 'timeZone' | 'language' | 'digits'>, now: number): Promise<void> {
  const api = browser.notifications;
  if (!api || !(await hasNotifications())) return;
  await applyDisplay(settings);
  const zone = settings.timeZone;
  const failures: string[] = [];
  for (const alert of fired) {
    const { title, message } = notificationText(alert, zone);
    await api
      .create(`${PREFIX}${alert.id}`, { type: 'basic', iconUrl: browser.runtime.getURL('icons/icon-128.png'), title, message })
      .catch((cause: unknown) => failures.push(`${alert.subject}: ${cause instanceof Error ? cause.message : String(cause)}`));
  }
  if (failures.length > 0) await recordEvents([{ at: now, kind: 'internal', subject: 'notifications', detail: `not shown: ${failures.join('; ')}` }]);
}

/**
 * A click on one of our notifications. The alert is looked up in storage by the id we gave it,
 * never read from the id itself, so the page opened is always one we built.
 */
export async function onNotificationClicked(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(PREFIX)) return;
  const id = notificationId.slice(PREFIX.length);
  const alert = (await alertsItem.get()).fired.find((f) => f.id === id);
  await browser.notifications?.clear(notificationId);
  if (!alert) return;
  await browser.tabs.create({ url: pageFor(alert) });
  const seen = await markSeen([id]);
  if (!seen.ok) await recordEvents([{ at: Date.now(), kind: 'storage', subject: 'alerts', detail: `a clicked alert was not marked seen: ${seen.error.message}` }]);
}

const onClicked = (id: string): void =>
  void onNotificationClicked(id).catch((cause: unknown) => {
    console.warn('notification click not handled:', cause);
    return recordEvents([{ at: Date.now(), kind: 'internal', subject: 'notifications', detail: `a click was not handled: ${cause instanceof Error ? cause.message : String(cause)}` }]);
  });

/**
 * The notifications API exists only while its permission is granted: the listener goes on at
 * the worker's start if it is, and when the user grants it later.
 */
export function listenForNotificationClicks(): void {
  const api = browser.notifications;
  if (api && !api.onClicked.hasListener(onClicked)) api.onClicked.addListener(onClicked);
}
