/**
 * Alerts in words, the same on every surface: the popup, the options page, the notification;
 * in the display language (i18n/sentences.ts), with figures in its digits.
 */
import { formatDateTime, formatPrice, zoneSuffix } from '../format';
import { numberFormat } from '../i18n/display';
import { liveRecord, sentences, type SentenceKey } from '../i18n/sentences';
import type { TimeZoneChoice } from '../settings';
import type { AlertKind, AlertRule, FiredAlert, RearmMode } from './rules';

const PERCENT: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false };
const percent = (value: number): string => `${numberFormat(PERCENT).format(value)} %`;

/** A price line to the paisa, and to the 4 decimals a rule may have when it has them (`99.995`, never `100.00`). */
const LINE: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 4 };

/** `1,000,000 shares`. */
const shares = (volume: number): string => sentences().plural('alert_shares', volume);

/** The threshold as the rule's kind writes it: `113.00`, `+3.00 %`, `−3.00 %`, `1,000,000 shares`. */
export function formatThreshold(kind: AlertKind, threshold: number): string {
  switch (kind) {
    case 'price-above':
    case 'price-below':
      return numberFormat(LINE).format(threshold);
    case 'change-above':
      return `+${percent(threshold)}`;
    case 'change-below':
      return `−${percent(threshold)}`;
    case 'volume-above':
      return shares(threshold);
  }
}

const KIND_KEYS: Record<AlertKind, { label: SentenceKey; condition: SentenceKey }> = {
  'price-above': { label: 'alert_kind_price_above', condition: 'alert_condition_price_above' },
  'price-below': { label: 'alert_kind_price_below', condition: 'alert_condition_price_below' },
  'change-above': { label: 'alert_kind_change_above', condition: 'alert_condition_change_above' },
  'change-below': { label: 'alert_kind_change_below', condition: 'alert_condition_change_below' },
  'volume-above': { label: 'alert_kind_volume_above', condition: 'alert_condition_volume_above' },
};

const REARM_KEYS: Record<RearmMode, SentenceKey> = {
  manual: 'alert_rearm_manual',
  hysteresis: 'alert_rearm_hysteresis',
  daily: 'alert_rearm_daily',
};

/** "Price rises to or above": a kind's name in a list of choices. */
export const kindLabel = (kind: AlertKind): string => sentences().t(KIND_KEYS[kind].label);

/** "Re-arm by hand". */
export const rearmLabel = (mode: RearmMode): string => sentences().t(REARM_KEYS[mode]);

/** `KIND_LABELS[kind]`: as kindLabel, read in the display language at each use. */
export const KIND_LABELS: Readonly<Record<AlertKind, string>> = /* @__PURE__ */ liveRecord(Object.keys(KIND_KEYS) as AlertKind[], kindLabel);

/** `REARM_LABELS[mode]`: as rearmLabel. */
export const REARM_LABELS: Readonly<Record<RearmMode, string>> = /* @__PURE__ */ liveRecord(Object.keys(REARM_KEYS) as RearmMode[], rearmLabel);

/** "price rises to or above 113.00". */
export function describeCondition(rule: Pick<AlertRule, 'kind' | 'threshold'>): string {
  return sentences().t(KIND_KEYS[rule.kind].condition, { threshold: formatThreshold(rule.kind, rule.threshold) });
}

/** The figure that fired, as its kind writes it. */
export function formatFiredValue(alert: Pick<FiredAlert, 'kind' | 'value'>): string {
  switch (alert.kind) {
    case 'change-above':
    case 'change-below':
      return `${alert.value > 0 ? '+' : alert.value < 0 ? '−' : ''}${percent(Math.abs(alert.value))}`;
    case 'volume-above':
      return shares(alert.value);
    default:
      return formatPrice(alert.value);
  }
}

const when = (at: number, zone: TimeZoneChoice): string => `${formatDateTime(at, zone)}${zoneSuffix(zone)}`;

/** The rule's state in a few words, for the popup's bell and the options page's list. */
export function describeStatus(rule: AlertRule, now: number, zone: TimeZoneChoice): string {
  const text = sentences();
  const snoozed = rule.snoozedUntil !== null && rule.snoozedUntil > now ? text.t('alert_status_snoozed', { time: when(rule.snoozedUntil, zone) }) : '';
  switch (rule.status) {
    case 'armed':
      return `${text.t('alert_status_armed')}${snoozed}`;
    case 'waiting':
      return `${text.t('alert_status_waiting')}${snoozed}`;
    case 'fired':
      return `${rule.firedAt !== null ? text.t('alert_status_fired_at', { time: when(rule.firedAt, zone) }) : text.t('alert_status_fired')}${snoozed}`;
  }
}

/** A notification's title and text: symbol, condition, price and time in the user's zone. */
export function notificationText(alert: FiredAlert, zone: TimeZoneChoice): { title: string; message: string } {
  const text = sentences();
  const values = { subject: alert.subject, price: formatPrice(alert.price), time: when(alert.at, zone) };
  const withValue = !alert.kind.startsWith('price');
  const key: SentenceKey = alert.index
    ? withValue ? 'alert_notification_index_value' : 'alert_notification_index'
    : withValue ? 'alert_notification_price_value' : 'alert_notification_price';
  return {
    title: text.t('alert_notification_title', { subject: alert.subject, condition: describeCondition(alert) }),
    message: text.t(key, withValue ? { ...values, value: formatFiredValue(alert) } : values),
  };
}
