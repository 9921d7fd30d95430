/**
 * What an import would do, before it is done: the changes it makes to the current settings, in
 * words, and the settings it would leave. Both come from the same `applyPlan`, so the preview
 * can never promise something the import does not do. Nothing here writes anything.
 */
import type { FeedDefinition } from '../feeds';
import { BADGE_PORTFOLIO, normaliseSettings, type Settings } from '../settings';
import { fieldLabel, SETTINGS_FIELDS, type ImportPlan, type SettingsField } from './format';
import { withWatchlistAdds } from './holdings';
import { figure, joined, text, type BackupKey } from './i18n';

/** Lists compared item by item; only the first two have an order the user sees. */
export type ListField = 'watchlist' | 'indices' | 'collapsedFeeds' | 'barHiddenSites';
export type ValueField = Exclude<SettingsField, ListField | 'feeds'>;

/** One setting the import changes; `text` is the sentence to show. */
export type PlanChange =
  | { kind: 'list'; field: ListField; label: string; added: string[]; removed: string[]; reordered: boolean; text: string }
  | {
      kind: 'feeds';
      field: 'feeds';
      label: string;
      added: FeedDefinition[];
      removed: FeedDefinition[];
      /** Same feed (id), new address, title or source name. */
      updated: FeedDefinition[];
      reordered: boolean;
      text: string;
    }
  | { kind: 'value'; field: ValueField; label: string; from: string; to: string; text: string };

const LISTS: readonly ListField[] = ['watchlist', 'indices', 'collapsedFeeds', 'barHiddenSites'];
const ORDERED: readonly ListField[] = ['watchlist', 'indices'];
const isList = (field: SettingsField): field is ListField => (LISTS as readonly string[]).includes(field);

/** A value's word, from a table of catalogue keys; a value the table lacks is shown as it is. */
const word = (words: Readonly<Record<string, BackupKey>>) => (value: unknown): string => {
  const key = words[String(value)];
  return key ? text().t(key) : String(value);
};
const periodIn = (key: BackupKey) => (value: unknown): string =>
  typeof value === 'number' ? text().t(key, { count: figure(value) }) : text().t(key, { count: String(value) });

const SHOW: Partial<Record<ValueField, (value: unknown) => string>> = {
  timeZone: (v) => text().t(v === 'Asia/Karachi' ? 'backup_value_zone_pkt' : 'backup_value_zone_local'),
  quotesPeriodSec: periodIn('backup_value_every_seconds'),
  feedsPeriodMin: periodIn('backup_value_every_minutes'),
  badge: (v) => (v === 'off' ? text().t('backup_value_badge_off') : v === BADGE_PORTFOLIO ? text().t('backup_value_badge_portfolio') : text().t('backup_value_badge_code', { code: String(v) })),
  sort: word({ user: 'backup_value_sort_user', change: 'backup_value_sort_change', symbol: 'backup_value_sort_symbol' }),
  popupTab: (v) => text().t(v === 'market' ? 'backup_value_tab_market' : 'backup_value_tab_watchlist'),
  // Each language is named in itself (as the options page's choice names it), Urdu also in English for an English reader.
  language: (v) => (v === 'en' ? 'English' : v === 'ur' ? text().t('backup_value_language_ur') : text().t('backup_value_language_auto')),
  digits: (v) => text().t(v === 'arabext' ? 'backup_value_digits_arabext' : 'backup_value_digits_latn'),
  barPosition: word({ top: 'backup_value_bar_top', bottom: 'backup_value_bar_bottom' }),
  barMode: word({ overlay: 'backup_value_bar_overlay', push: 'backup_value_bar_push' }),
  barSpeed: word({ slow: 'backup_value_bar_slow', normal: 'backup_value_bar_normal', fast: 'backup_value_bar_fast' }),
};
function show(field: ValueField, value: unknown): string {
  const custom = SHOW[field];
  if (custom) return custom(value);
  if (typeof value === 'boolean') return text().t(value ? 'backup_value_on' : 'backup_value_off');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Whether the items both lists hold come in a different order. */
function reorderedIn<T>(before: readonly T[], after: readonly T[]): boolean {
  const a = before.filter((x) => after.includes(x));
  const b = after.filter((x) => before.includes(x));
  return a.some((x, i) => x !== b[i]);
}

function sentence(label: string, parts: string[]): string {
  return text().t('backup_change', { label, parts: parts.join(text().t('backup_semicolon')) });
}

function listChange(field: ListField, before: string[], after: string[]): PlanChange | null {
  const added = after.filter((s) => !before.includes(s));
  const removed = before.filter((s) => !after.includes(s));
  const reordered = ORDERED.includes(field) && reorderedIn(before, after);
  if (added.length === 0 && removed.length === 0 && !reordered) return null;
  const { t } = text();
  const parts: string[] = [];
  if (added.length > 0) parts.push(t('backup_adds', { items: joined(added) }));
  if (removed.length > 0) parts.push(t('backup_removes', { items: joined(removed) }));
  // Order is news only where at least two symbols stay: one can be in no other order.
  const kept = after.filter((s) => before.includes(s)).length;
  if (ORDERED.includes(field) && kept >= 2) parts.push(t(reordered ? 'backup_order_changed' : 'backup_order_unchanged'));
  const label = fieldLabel(field);
  return { kind: 'list', field, label, added, removed, reordered, text: sentence(label, parts) };
}

const feedName = (feed: FeedDefinition): string => text().t('backup_feed_name', { title: feed.title, host: new URL(feed.url).host });

function feedsChange(before: FeedDefinition[], after: FeedDefinition[]): PlanChange | null {
  const ids = (feeds: FeedDefinition[]): string[] => feeds.map((f) => f.id);
  const added = after.filter((f) => !ids(before).includes(f.id));
  const removed = before.filter((f) => !ids(after).includes(f.id));
  const updated = after.filter((f) => {
    const old = before.find((b) => b.id === f.id);
    return old !== undefined && (old.url !== f.url || old.title !== f.title || old.name !== f.name);
  });
  const reordered = reorderedIn(ids(before), ids(after));
  if (added.length + removed.length + updated.length === 0 && !reordered) return null;
  const { t } = text();
  const parts: string[] = [];
  if (added.length > 0) parts.push(t('backup_adds', { items: joined(added.map(feedName)) }));
  if (removed.length > 0) parts.push(t('backup_removes', { items: joined(removed.map(feedName)) }));
  if (updated.length > 0) parts.push(t('backup_updates', { items: joined(updated.map(feedName)) }));
  if (reordered) parts.push(t('backup_order_changed'));
  const label = fieldLabel('feeds');
  return { kind: 'feeds', field: 'feeds', label, added, removed, updated, reordered, text: sentence(label, parts) };
}

/** The settings after the import: the file's fields over the current ones, validated; a holdings CSV's symbols added. */
export function applyPlan(current: Settings, plan: ImportPlan): Settings {
  return withWatchlistAdds(normaliseSettings({ ...current, ...plan.settings }), plan.watchlistAdds);
}

/** Every setting the import would change, in the options page's order; empty when none. */
export function describePlan(current: Settings, plan: ImportPlan): PlanChange[] {
  const before = normaliseSettings(current);
  const after = applyPlan(current, plan);
  const changes: PlanChange[] = [];
  for (const field of SETTINGS_FIELDS) {
    let change: PlanChange | null = null;
    if (field === 'feeds') change = feedsChange(before.feeds, after.feeds);
    else if (isList(field)) change = listChange(field, before[field], after[field]);
    else if (before[field] !== after[field]) {
      const label = fieldLabel(field);
      const from = show(field, before[field]);
      const to = show(field, after[field]);
      change = { kind: 'value', field, label, from, to, text: text().t('backup_value_change', { label, from, to }) };
    }
    if (change) changes.push(change);
  }
  return changes;
}
