/**
 * Price alerts as data: what a rule asks, what state it is in, and the conditions themselves.
 * Pure; the stored form and its edits are in store.ts, the evaluation in evaluate.ts.
 *
 * A rule fires on a crossing, never on a level: it fires when its condition becomes true
 * between two trusted readings. Its status says what the last trusted reading it saw was:
 *
 * - `armed`: the condition was false; the next reading that makes it true fires the rule.
 * - `waiting`: the condition was already true (a rule created above its line, a crossing
 *   while snoozed, a day that opened past it); it arms once a reading makes it false.
 * - `fired`: it fired, and stays so until re-armed (by hand, by the hysteresis margin, or at
 *   the next session, as the rule's re-arm mode says).
 */
import type { IndexQuote, Quote } from '../model';
import { sentences } from '../i18n/sentences';
import { isSymbol } from '../symbol';

export type AlertKind = 'price-above' | 'price-below' | 'change-above' | 'change-below' | 'volume-above';
export type RearmMode = 'manual' | 'hysteresis' | 'daily';
export type AlertStatus = 'armed' | 'waiting' | 'fired';

export const ALERT_KINDS: readonly AlertKind[] = ['price-above', 'price-below', 'change-above', 'change-below', 'volume-above'];
export const REARM_MODES: readonly RearmMode[] = ['manual', 'hysteresis', 'daily'];

export const MAX_RULES = 200;
export const MAX_FIRED_LOG = 50;
/** The hysteresis margin unless a rule says otherwise, in percent of the threshold. */
export const DEFAULT_HYSTERESIS_PCT = 0.5;

export interface AlertRule {
  id: string;
  /** A PSX symbol, or an index code when `index` is true. */
  subject: string;
  index: boolean;
  kind: AlertKind;
  /** PKR for price rules, percent (2.5 = 2.5 %) for change rules (always positive), shares for volume. */
  threshold: number;
  rearm: RearmMode;
  /** For `hysteresis`: how far past the line (in percent of it) the condition must clear. */
  hysteresisPct: number;
  status: AlertStatus;
  createdAt: number;
  /** PKT midnight of the day of the last trusted reading this rule was checked against; null before any. */
  checkedDay: number | null;
  firedAt: number | null;
  /** The value that fired it (price, % or volume). */
  firedValue: number | null;
  /** Nothing fires before this time; a fired rule is re-armed when it passes. */
  snoozedUntil: number | null;
}

/** One fired alert, for the popup's list, the options page's history and the badge count. */
export interface FiredAlert {
  /** Unique per firing. */
  id: string;
  ruleId: string;
  subject: string;
  index: boolean;
  kind: AlertKind;
  threshold: number;
  /** The value that crossed (price, % or volume) and the price at that moment. */
  value: number;
  price: number;
  /** When the reading that fired it was read. */
  at: number;
  seen: boolean;
}

export interface AlertsState {
  rules: AlertRule[];
  /** Newest first, at most MAX_FIRED_LOG. */
  fired: FiredAlert[];
}

/** The figures of one trusted reading of a symbol or an index, as rules need them. */
export interface Reading {
  subject: string;
  index: boolean;
  price: number;
  /** Percent against the last close. */
  changePercent: number;
  volume: number | null;
  /** The day's open and last close, for the first reading of a new day; null when unknown. */
  open: number | null;
  previousClose: number | null;
  /** When it was read (a UTC epoch). */
  at: number;
}

/** A quote as a reading, stamped with when it was read. */
export function readingOfQuote(quote: Quote, at: number = quote.readAt ?? 0): Reading {
  return { subject: quote.symbol, index: false, price: quote.price, changePercent: quote.changePercent, volume: quote.volume, open: quote.open, previousClose: quote.previousClose, at };
}

/** An index as a reading; indices carry no time of their own, so the home page's read time. */
export function readingOfIndex(index: IndexQuote, at: number): Reading {
  return { subject: index.code, index: true, price: index.value, changePercent: index.changePercent, volume: null, open: null, previousClose: null, at };
}

/** The figure a rule of this kind looks at, or null when the reading does not have it. */
export function metricOf(kind: AlertKind, reading: Pick<Reading, 'price' | 'changePercent' | 'volume'>): number | null {
  switch (kind) {
    case 'price-above':
    case 'price-below':
      return reading.price > 0 ? reading.price : null;
    case 'change-above':
    case 'change-below':
      return Number.isFinite(reading.changePercent) ? reading.changePercent : null;
    case 'volume-above':
      return reading.volume;
  }
}

/** Is the rule's condition true at this figure? */
export function conditionHolds(rule: Pick<AlertRule, 'kind' | 'threshold'>, value: number): boolean {
  switch (rule.kind) {
    case 'price-above':
      return value >= rule.threshold;
    case 'price-below':
      return value <= rule.threshold;
    case 'change-above':
      return value >= rule.threshold;
    case 'change-below':
      return value <= -rule.threshold;
    case 'volume-above':
      return value > rule.threshold;
  }
}

/**
 * Has the condition cleared by the hysteresis margin? For prices and volume the margin is a
 * share of the threshold (0.5 % of 100.00 is 0.50); for a day change it is that many
 * percentage points, which is the same move of the price to within a rounding.
 */
export function conditionCleared(rule: Pick<AlertRule, 'kind' | 'threshold' | 'hysteresisPct'>, value: number): boolean {
  const share = rule.hysteresisPct / 100;
  // Margin lines at the figures' own precision (4 decimals), so 100 × 1.005 is 100.5 exactly
  // and the line is the same distance from the threshold on both sides.
  const line = (v: number): number => Math.round(v * 10_000) / 10_000;
  switch (rule.kind) {
    case 'price-above':
      return value < line(rule.threshold * (1 - share));
    case 'price-below':
      return value > line(rule.threshold * (1 + share));
    case 'change-above':
      return value < line(rule.threshold - rule.hysteresisPct);
    case 'change-below':
      return value > line(-rule.threshold + rule.hysteresisPct);
    case 'volume-above':
      return value <= line(rule.threshold * (1 - share));
  }
}

/** What a new or re-armed rule's status is, given the figure on screen when it was set. */
export function statusFor(rule: Pick<AlertRule, 'kind' | 'threshold'>, value: number | null): AlertStatus {
  return value !== null && conditionHolds(rule, value) ? 'waiting' : 'armed';
}

/** The largest threshold each kind accepts; prices have at most 4 decimals, volumes none. */
const LIMITS: Record<AlertKind, { max: number; decimals: number }> = {
  'price-above': { max: 1_000_000, decimals: 4 },
  'price-below': { max: 1_000_000, decimals: 4 },
  'change-above': { max: 100, decimals: 2 },
  'change-below': { max: 100, decimals: 2 },
  'volume-above': { max: 10_000_000_000, decimals: 0 },
};

/** Why a threshold typed by the user is not accepted (a sentence in the display language), or null when it is. */
export function thresholdProblem(kind: AlertKind, value: number): string | null {
  const { max, decimals } = LIMITS[kind];
  if (!Number.isFinite(value) || value <= 0) return sentences().t(kind === 'volume-above' ? 'alert_error_shares_above_zero' : 'alert_error_above_zero', { min: 0 });
  if (value > max) return sentences().t('alert_error_at_most', { max });
  const scaled = value * 10 ** decimals;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-6) return decimals === 0 ? sentences().t('alert_error_whole_shares') : sentences().plural('alert_error_decimals', decimals);
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const finiteOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9-]{1,40}$/.test(v);

/** One stored rule, validated field by field (the rule `normaliseAlerts` applies to each); null when it cannot be kept. */
export function normaliseRule(raw: unknown): AlertRule | null {
  if (!isRecord(raw)) return null;
  const { id, subject, kind, threshold } = raw;
  if (!isId(id) || typeof subject !== 'string' || !isSymbol(subject)) return null;
  if (typeof kind !== 'string' || !ALERT_KINDS.includes(kind as AlertKind)) return null;
  if (typeof threshold !== 'number' || thresholdProblem(kind as AlertKind, threshold) !== null) return null;
  const index = raw['index'] === true;
  // Indices have no volume.
  if (index && kind === 'volume-above') return null;
  const rearm = REARM_MODES.includes(raw['rearm'] as RearmMode) ? (raw['rearm'] as RearmMode) : 'manual';
  const hysteresis = finiteOrNull(raw['hysteresisPct']);
  const status = raw['status'] === 'fired' || raw['status'] === 'waiting' ? raw['status'] : 'armed';
  return {
    id,
    subject,
    index,
    kind: kind as AlertKind,
    threshold,
    rearm,
    hysteresisPct: hysteresis !== null && hysteresis > 0 && hysteresis <= 10 ? hysteresis : DEFAULT_HYSTERESIS_PCT,
    status,
    createdAt: finiteOrNull(raw['createdAt']) ?? 0,
    checkedDay: finiteOrNull(raw['checkedDay']),
    firedAt: finiteOrNull(raw['firedAt']),
    firedValue: finiteOrNull(raw['firedValue']),
    snoozedUntil: finiteOrNull(raw['snoozedUntil']),
  };
}

function normaliseFired(raw: unknown): FiredAlert | null {
  if (!isRecord(raw)) return null;
  const { id, ruleId, subject, kind, threshold, value, price, at } = raw;
  if (!isId(id) || !isId(ruleId) || typeof subject !== 'string' || !isSymbol(subject)) return null;
  if (typeof kind !== 'string' || !ALERT_KINDS.includes(kind as AlertKind)) return null;
  const numbers = [threshold, value, price, at].map(finiteOrNull);
  if (numbers.some((n) => n === null)) return null;
  const [t, v, p, a] = numbers as number[];
  return { id, ruleId, subject, index: raw['index'] === true, kind: kind as AlertKind, threshold: t!, value: v!, price: p!, at: a!, seen: raw['seen'] === true };
}

/** Field by field: a malformed rule is dropped on its own, never the others with it. */
export function normaliseAlerts(raw: unknown): AlertsState {
  const s = isRecord(raw) ? raw : {};
  const rules: AlertRule[] = [];
  for (const r of Array.isArray(s['rules']) ? s['rules'] : []) {
    const rule = normaliseRule(r);
    if (rule && !rules.some((x) => x.id === rule.id)) rules.push(rule);
    if (rules.length === MAX_RULES) break;
  }
  const fired = (Array.isArray(s['fired']) ? s['fired'] : []).map(normaliseFired).filter((f): f is FiredAlert => f !== null).slice(0, MAX_FIRED_LOG);
  return { rules, fired };
}

export const emptyAlerts = (): AlertsState => ({ rules: [], fired: [] });

/** How long the bar highlights a symbol whose alert fired. */
export const HIGHLIGHT_MS = 60_000;

/** What the surfaces show of the alerts: the unseen count (popup, badge), and symbols to highlight (bar) until when. */
export interface AlertsFacts {
  unseen: number;
  highlight: Record<string, number>;
}

export function alertsFacts(state: AlertsState, now: number): AlertsFacts {
  const highlight: Record<string, number> = {};
  for (const f of state.fired) {
    const until = f.at + HIGHLIGHT_MS;
    if (!f.index && until > now && (highlight[f.subject] ?? 0) < until) highlight[f.subject] = until;
  }
  return { unseen: state.fired.filter((f) => !f.seen).length, highlight };
}
