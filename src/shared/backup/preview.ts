/**
 * What an import would do, before it is done: the changes it makes to the current settings, in
 * words, and the settings it would leave. Both come from the same `applyPlan`, so the preview
 * can never promise something the import does not do. Nothing here writes anything.
 */
import type { FeedDefinition } from '../feeds';
import { BADGE_PORTFOLIO, normaliseSettings, type Settings } from '../settings';
import { FIELD_LABELS, SETTINGS_FIELDS, type ImportPlan, type SettingsField } from './format';
import { withWatchlistAdds } from './holdings';

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

const SORTS: Record<string, string> = { user: 'your order', change: '% change', symbol: 'A–Z' };
const SHOW: Partial<Record<ValueField, (value: unknown) => string>> = {
  timeZone: (v) => (v === 'Asia/Karachi' ? 'Pakistan time (PKT)' : 'your time zone'),
  quotesPeriodSec: (v) => `every ${String(v)} s`,
  feedsPeriodMin: (v) => `every ${String(v)} min`,
  badge: (v) => (v === 'off' ? 'nothing' : v === BADGE_PORTFOLIO ? 'portfolio day %' : `${String(v)} % change`),
  sort: (v) => SORTS[String(v)] ?? String(v),
  popupTab: (v) => (v === 'market' ? 'Market (top movers)' : 'Watchlist'),
  language: (v) => (v === 'en' ? 'English' : v === 'ur' ? 'اردو (Urdu)' : "the browser's"),
  digits: (v) => (v === 'arabext' ? 'Urdu digits (۱۲۳)' : 'Latin digits (123)'),
};
function show(field: ValueField, value: unknown): string {
  const custom = SHOW[field];
  if (custom) return custom(value);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Whether the items both lists hold come in a different order. */
function reorderedIn<T>(before: readonly T[], after: readonly T[]): boolean {
  const a = before.filter((x) => after.includes(x));
  const b = after.filter((x) => before.includes(x));
  return a.some((x, i) => x !== b[i]);
}

function sentence(label: string, parts: string[]): string {
  return `${label}: ${parts.join('; ')}.`;
}

function listChange(field: ListField, before: string[], after: string[]): PlanChange | null {
  const added = after.filter((s) => !before.includes(s));
  const removed = before.filter((s) => !after.includes(s));
  const reordered = ORDERED.includes(field) && reorderedIn(before, after);
  if (added.length === 0 && removed.length === 0 && !reordered) return null;
  const parts: string[] = [];
  if (added.length > 0) parts.push(`adds ${added.join(', ')}`);
  if (removed.length > 0) parts.push(`removes ${removed.join(', ')}`);
  // Order is news only where at least two symbols stay: one can be in no other order.
  const kept = after.filter((s) => before.includes(s)).length;
  if (ORDERED.includes(field) && kept >= 2) parts.push(reordered ? 'order changed' : 'order unchanged');
  const label = FIELD_LABELS[field];
  return { kind: 'list', field, label, added, removed, reordered, text: sentence(label, parts) };
}

const feedName = (feed: FeedDefinition): string => `“${feed.title}” (${new URL(feed.url).host})`;

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
  const parts: string[] = [];
  if (added.length > 0) parts.push(`adds ${added.map(feedName).join(', ')}`);
  if (removed.length > 0) parts.push(`removes ${removed.map(feedName).join(', ')}`);
  if (updated.length > 0) parts.push(`updates ${updated.map(feedName).join(', ')}`);
  if (reordered) parts.push('order changed');
  const label = FIELD_LABELS.feeds;
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
      const label = FIELD_LABELS[field];
      const from = show(field, before[field]);
      const to = show(field, after[field]);
      change = { kind: 'value', field, label, from, to, text: `${label}: ${from} → ${to}.` };
    }
    if (change) changes.push(change);
  }
  return changes;
}
