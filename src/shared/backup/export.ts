/**
 * Writing backups: the whole of the user's data as versioned JSON (the settings, the alert
 * rules and the holdings), and the watchlist alone as a one-column CSV that spreadsheets and
 * other portfolio tools open (the holdings CSV is in holdings-csv.ts).
 */
import type { AlertsState } from '../alerts/rules';
import type { Holdings } from '../holdings/model';
import { isSymbol } from '../symbol';
import { normaliseSettings, type Settings } from '../settings';
import { alertsData, type AlertsData } from './alerts';
import { BACKUP_FORMAT, BACKUP_VERSION, SETTINGS_FIELDS } from './format';
import { holdingsData, type HoldingEntry } from './holdings';

/** The top level of a backup file, as written by this version (2). */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the backup was made, ISO 8601 in UTC. */
  exportedAt: string;
  /** The extension version that wrote it: for people and bug reports, never for parsing. */
  app: string;
  /** The alerts are their rules' definitions: no state, no fired log (alerts.ts). The holdings: every one, A–Z. */
  data: { settings: Record<string, unknown>; alerts: AlertsData; holdings: HoldingEntry[] };
}

/** The backup's settings: every field by name, from a validated copy, without the storage version. */
function settingsData(settings: Settings): Record<string, unknown> {
  // Normalised first, so a backup never carries a value an import would refuse.
  const clean = normaliseSettings(settings);
  const out: Record<string, unknown> = {};
  for (const field of SETTINGS_FIELDS) out[field] = clean[field];
  return out;
}

/** `alerts` and `holdings` are required: a caller that forgot them would write a backup that silently lacks them. */
export function exportBackup(settings: Settings, now: number, appVersion: string, alerts: AlertsState, holdings: Holdings): string {
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    app: appVersion,
    data: { settings: settingsData(settings), alerts: alertsData(alerts), holdings: holdingsData(holdings) },
  };
  // Indented, with a final newline: people open backups in editors and diff them.
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * `symbol` header, one symbol per line, CRLF (RFC 4180, and what Excel expects). Only real
 * symbols are written: they cannot start with `=`, `+`, `-` or `@`, so a spreadsheet never
 * reads a line as a formula.
 */
export function exportWatchlistCsv(watchlist: string[]): string {
  const rows = ['symbol', ...watchlist.filter(isSymbol)];
  return rows.map((row) => `${row}\r\n`).join('');
}

/** The user's calendar date, not UTC's: a backup made at 02:00 in Karachi is named for that day. */
function localDate(now: number): string {
  const date = new Date(now);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function backupFileName(now: number): string {
  return `psx-overlay-backup-${localDate(now)}.json`;
}

export function watchlistFileName(now: number): string {
  return `psx-watchlist-${localDate(now)}.csv`;
}

export function holdingsFileName(now: number): string {
  return `psx-holdings-${localDate(now)}.csv`;
}
