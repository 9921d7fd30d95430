/**
 * The backup file's shape and the plan an import produces. The file is versioned on its own,
 * apart from how settings are stored, so a storage change never breaks an old backup:
 *
 * - version 1 holds `data.settings`;
 * - version 2 adds `data.alerts`: `{ rules: [...] }`, each rule's definition only (subject,
 *   index, kind, threshold, rearm, hysteresisPct), never its state or the fired log, which
 *   belong to one device's market readings (alerts.ts); and `data.holdings`:
 *   `[{ symbol, quantity, averagePrice }, ...]` (holdings.ts, issue 12).
 *
 * A version-1 file still imports, as it always did, and leaves the alerts and holdings alone;
 * so does a version-2 file without the section.
 */
import type { Holding } from '../holdings/model';
import type { Settings } from '../settings';
import type { AlertDefinition } from './alerts';
import { text, type BackupKey } from './i18n';

export const BACKUP_FORMAT = 'psx-market-overlay-backup';
/** The newest backup version this build writes and reads; newer files are refused. */
export const BACKUP_VERSION = 2;
/** The first version with `data.alerts`; an `alerts` in an older file is not ours, and ignored. */
export const ALERTS_SINCE_VERSION = 2;
/** The first version with `data.holdings`; version 2 is not released yet, so it gains them. */
export const HOLDINGS_SINCE_VERSION = 2;
/** A full backup is a few kilobytes: anything past 1 MB is not one, and is not read. */
export const MAX_BACKUP_BYTES = 1024 * 1024;
export const fileTooLarge = (): string => text().t('backup_file_too_large');

/**
 * Every setting a backup carries. `version` is the storage layout's business, not the user's
 * data, so it is never written to or read from a backup.
 */
export type SettingsField = Exclude<keyof Settings, 'version'>;

/** Only the settings a file contains, each already validated; the others are left alone. */
export type SettingsPatch = Partial<Pick<Settings, SettingsField>>;

/**
 * Names for people: each field's catalogue key (backup.json), read through `fieldLabel` or
 * `FIELD_LABELS`. Typed as a full record so that a
 * field added to `Settings` fails to compile here until it has a name, and so is never silently
 * left out of backups.
 */
const FIELD_KEYS: Readonly<Record<SettingsField, BackupKey>> = {
  watchlist: 'backup_field_watchlist',
  indices: 'backup_field_indices',
  timeZone: 'backup_field_time_zone',
  quotesPeriodSec: 'backup_field_quotes_period_sec',
  feedsPeriodMin: 'backup_field_feeds_period_min',
  badge: 'backup_field_badge',
  feeds: 'backup_field_feeds',
  sort: 'backup_field_sort',
  collapsedFeeds: 'backup_field_collapsed_feeds',
  privacy: 'backup_field_privacy',
  showBar: 'backup_field_show_bar',
  barPosition: 'backup_field_bar_position',
  barMode: 'backup_field_bar_mode',
  barSpeed: 'backup_field_bar_speed',
  barHiddenSites: 'backup_field_bar_hidden_sites',
  alertsOnFallback: 'backup_field_alerts_on_fallback',
  badgeAlerts: 'backup_field_badge_alerts',
  popupTab: 'backup_field_popup_tab',
  shariahOnly: 'backup_field_shariah_only',
  language: 'backup_field_language',
  digits: 'backup_field_digits',
};

/** A field's name in the display language. */
export const fieldLabel = (field: SettingsField): string => text().t(FIELD_KEYS[field]);

/** Each field's name, read in the display language at the moment it is read. */
export const FIELD_LABELS: Readonly<Record<SettingsField, string>> = Object.defineProperties(
  {},
  Object.fromEntries(Object.keys(FIELD_KEYS).map((field) => [field, { enumerable: true, get: () => fieldLabel(field as SettingsField) }])),
) as Record<SettingsField, string>;

/** The fields in a stable order: the order the file writes them and the preview lists them. */
export const SETTINGS_FIELDS = Object.keys(FIELD_KEYS) as SettingsField[];

/** A line (CSV) or watchlist entry (JSON) that is not a symbol. */
export interface MalformedEntry {
  /** CSV: the 1-based line number in the file. JSON: the 1-based place in the watchlist (or in the alerts). */
  position: number;
  /** What was there, cut to 40 characters for display. */
  text: string;
}

/** What importing a file would do; nothing is written until the user confirms it. */
export interface ImportPlan {
  /**
   * A full backup (JSON), a watchlist list (CSV, which replaces the watchlist only), or a
   * holdings list (CSV `symbol,quantity,average price`: merged into the holdings, its symbols
   * added to the end of the watchlist where missing).
   */
  kind: 'backup' | 'watchlist-csv' | 'holdings-csv';
  fileName: string;
  settings: SettingsPatch;
  /** Well-formed symbols the PSX directory does not list: skipped, not imported. */
  unknownSymbols: string[];
  /** Entries that are not symbols at all: skipped. */
  malformed: MalformedEntry[];
  /** Other things the user should know (a list cut short, a setting that was not valid). */
  warnings: string[];
  /** The file's alerts (version 2 on); absent when it has none to offer, which leaves the user's alone. */
  alerts?: ImportedAlerts;
  /** The file's holdings (version 2 on, or a holdings CSV); absent leaves the user's alone. */
  holdings?: ImportedHoldings;
  /** Symbols to add at the end of the watchlist where missing (a holdings CSV's), so their holdings show. */
  watchlistAdds?: string[];
}

/** A backup's or a CSV's holdings, checked; merged into the user's, the file's winning per symbol. */
export interface ImportedHoldings {
  /** Valid holdings of symbols PSX lists, one per symbol (a repeated symbol: its last), in the file's order. */
  entries: { symbol: string; holding: Holding }[];
  /** Entries that are not valid holdings: their place (CSV line, or place in the JSON list) and why. */
  malformed: (MalformedEntry & { reason: string })[];
}

/** A backup's alert rules, checked; merged into the user's on import, never replacing them. */
export interface ImportedAlerts {
  /** Valid definitions, one per subject, index, kind and threshold, in the file's order. */
  rules: AlertDefinition[];
  /** Entries that are not valid alerts: their 1-based place in the file's list of rules. */
  malformed: MalformedEntry[];
}

/** What the import parsers need to know about the world: the directory, when it is loaded. */
export interface KnownSymbols {
  /** Every listed symbol, or null while the directory has not been fetched (then none are refused). */
  symbols: ReadonlySet<string> | null;
}

/** Display text for something a user put in a file: one line, at most 40 characters. */
export function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
