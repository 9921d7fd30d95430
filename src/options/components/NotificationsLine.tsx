/** Whether fired alerts are also system notifications, and the button that asks for them. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../shared/browser';
import { hasNotifications, requestNotifications } from '../../shared/alerts/notification-permission';
import { text } from '../i18n';

export function NotificationsLine() {
  // null until the browser has answered.
  const [allowed, setAllowed] = useState<boolean | null>(null);
  /** What the last ask answered: the user's refusal, or why the browser could not ask at all. */
  const [refused, setRefused] = useState(false);
  const [askError, setAskError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const check = (): void => void hasNotifications().then((has) => alive && setAllowed(has));
    check();
    // The user may allow or take back the permission elsewhere (the browser's own settings).
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      alive = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);

  const allow = (): void => {
    // First thing in the click: Firefox grants a permission only within the user's gesture.
    const asked = requestNotifications();
    void asked.then((answer) => {
      setAllowed(answer.granted);
      // Not a "no" when the browser could not ask (Firefox outside a user gesture): said as that.
      const error = answer.granted ? null : (answer.error ?? null);
      setRefused(!answer.granted && error === null);
      setAskError(error);
    });
  };

  const { t } = text();
  if (allowed === null) return <p class="alerts__notifications">{t('options_notif_checking')}</p>;
  if (allowed) {
    return (
      <p class="alerts__notifications" role="status">
        {t('options_notif_on')}
      </p>
    );
  }
  return (
    <div class="alerts__notifications">
      <p role="status">
        {refused ? t('options_notif_refused') : t('options_notif_off')}
      </p>
      {askError !== null && (
        <p class="alerts__notifications-error" role="alert">
          {askError}
        </p>
      )}
      <button type="button" onClick={allow}>
        {t('options_notif_allow')}
      </button>
    </div>
  );
}
