/** Alerts in words, the same on every surface: the popup, the options page, the notification. */
import { formatDateTime, formatPrice, formatVolume, zoneSuffix } from '../format';
import type { TimeZoneChoice } from '../settings';
import type { AlertKind, AlertRule, FiredAlert, RearmMode } from './rules';

const percent = (value: number): string => `${value.toFixed(2)} %`;

/** A price line to the paisa, and to the 4 decimals a rule may have when it has them (`99.995`, never `100.00`). */
const LINE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** The threshold as the rule's kind writes it: `113.00`, `+3.00 %`, `−3.00 %`, `1,000,000 shares`. */
export function formatThreshold(kind: AlertKind, threshold: number): string {
  switch (kind) {
    case 'price-above':
    case 'price-below':
      return LINE.format(threshold);
    case 'change-above':
      return `+${percent(threshold)}`;
    case 'change-below':
      return `−${percent(threshold)}`;
    case 'volume-above':
      return `${formatVolume(threshold)} shares`;
  }
}

export const KIND_LABELS: Record<AlertKind, string> = {
  'price-above': 'Price rises to or above',
  'price-below': 'Price falls to or below',
  'change-above': 'Day change reaches',
  'change-below': 'Day change falls to',
  'volume-above': 'Volume for the day above',
};

export const REARM_LABELS: Record<RearmMode, string> = {
  manual: 'Re-arm by hand',
  hysteresis: 'Re-arm when it clears by a margin',
  daily: 'Re-arm at the next session',
};

/** "price rises to or above 113.00". */
export function describeCondition(rule: Pick<AlertRule, 'kind' | 'threshold'>): string {
  const label = KIND_LABELS[rule.kind];
  return `${label.charAt(0).toLowerCase()}${label.slice(1)} ${formatThreshold(rule.kind, rule.threshold)}`;
}

/** The figure that fired, as its kind writes it. */
export function formatFiredValue(alert: Pick<FiredAlert, 'kind' | 'value'>): string {
  switch (alert.kind) {
    case 'change-above':
    case 'change-below':
      return `${alert.value > 0 ? '+' : alert.value < 0 ? '−' : ''}${percent(Math.abs(alert.value))}`;
    case 'volume-above':
      return `${formatVolume(alert.value)} shares`;
    default:
      return formatPrice(alert.value);
  }
}


/** The rule's state in a few words, for the popup's bell and the options page's list. */
export function describeStatus(rule: AlertRule, now: number, zone: TimeZoneChoice): string {
  const snoozed = rule.snoozedUntil !== null && rule.snoozedUntil > now ? `; snoozed until ${formatDateTime(rule.snoozedUntil, zone)}${zoneSuffix(zone)}` : '';
  switch (rule.status) {
    case 'armed':
      return `Armed${snoozed}`;
    case 'waiting':
      return `Waiting: the condition is already true, so it fires only after it has been false once${snoozed}`;
    case 'fired':
      return `Fired${rule.firedAt !== null ? ` at ${formatDateTime(rule.firedAt, zone)}${zoneSuffix(zone)}` : ''}${snoozed}`;
  }
}

/** A notification's title and text: symbol, condition, price and time in the user's zone. */
export function notificationText(alert: FiredAlert, zone: TimeZoneChoice): { title: string; message: string } {
  const condition = describeCondition(alert);
  return {
    title: `${alert.subject}: ${condition}`,
    message: `${alert.subject} ${alert.index ? '' : 'price '}${formatPrice(alert.price)}${alert.kind.startsWith('price') ? '' : ` (${formatFiredValue(alert)})`} at ${formatDateTime(alert.at, zone)}${zoneSuffix(zone)}`,
  };
}
