/**
 * Reading a file the user chose: its size, its kind, and a backup's envelope (format, version,
 * data). The kind is read from the content, not trusted from the name, because files get
 * renamed: a `{` first means a backup whatever the file is called. What the envelope holds is
 * checked elsewhere (settings-patch.ts for settings, csv.ts for a watchlist list, holdings.ts
 * and holdings-csv.ts for holdings).
 *
 * The top-level `version` guards compatibility: a reader refuses a file newer than itself, as
 * it may mean something this reader cannot know. Within a version growth is additive, so
 * unknown sections in `data` are ignored: `alerts` and `holdings` are read from version 2 on
 * (alerts.ts, holdings.ts), and a version-1 file, which had neither, imports exactly as it did
 * and leaves the alerts and the holdings alone.
 */
import { err, ok, type Result } from '../result';
import { parseWatchlistCsv } from './csv';
import { checkAlerts } from './alerts';
import { ALERTS_SINCE_VERSION, BACKUP_FORMAT, BACKUP_VERSION, fileTooLarge, HOLDINGS_SINCE_VERSION, MAX_BACKUP_BYTES, type ImportPlan, type KnownSymbols } from './format';
import { checkHoldings } from './holdings';
import { holdingsColumns, parseHoldingsCsv } from './holdings-csv';
import { checkSettings } from './settings-patch';
import { figure, text as sentences } from './i18n';

export const notJson = (): string => sentences().t('backup_not_json');
export const wrongFormat = (): string => sentences().t('backup_wrong_format');

export function newerVersionMessage(version: number): string {
  return sentences().t('backup_newer_version', { version: figure(version) });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** UTF-8 size, without encoding the text when its length already decides. */
function tooLarge(text: string): boolean {
  // Each UTF-16 unit is 1 to 3 UTF-8 bytes (a surrogate pair, two units, is 4).
  if (text.length > MAX_BACKUP_BYTES) return true;
  if (text.length * 3 <= MAX_BACKUP_BYTES) return false;
  return new TextEncoder().encode(text).length > MAX_BACKUP_BYTES;
}

function parseBackupJson(text: string, fileName: string, known: KnownSymbols): Result<ImportPlan, string> {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return err(notJson());
  }
  if (!isRecord(file) || file['format'] !== BACKUP_FORMAT) return err(wrongFormat());
  const version = file['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err(sentences().t('backup_no_version'));
  }
  if (version > BACKUP_VERSION) return err(newerVersionMessage(version));
  const data = file['data'];
  if (!isRecord(data)) return err(sentences().t('backup_no_data'));
  const settings = data['settings'];
  // A backup without settings is allowed (it changes nothing); unreadable settings are not.
  if (settings !== undefined && !isRecord(settings)) return err(sentences().t('backup_settings_unreadable'));
  const plan: ImportPlan = { kind: 'backup', fileName, ...checkSettings(settings ?? {}, known) };
  // No alerts section: the user's alerts are left alone, whatever the version.
  if (version >= ALERTS_SINCE_VERSION && data['alerts'] !== undefined) {
    const { alerts, warnings } = checkAlerts(data['alerts']);
    plan.warnings = [...plan.warnings, ...warnings];
    if (alerts) plan.alerts = alerts;
  }
  // The same for the holdings.
  if (version >= HOLDINGS_SINCE_VERSION && data['holdings'] !== undefined) {
    const { holdings, unknownSymbols, warnings } = checkHoldings(data['holdings'], known);
    plan.warnings = [...plan.warnings, ...warnings];
    plan.unknownSymbols = [...new Set([...plan.unknownSymbols, ...unknownSymbols])];
    if (holdings) plan.holdings = holdings;
  }
  return ok(plan);
}

/** A CSV: a holdings list when it has that shape (holdings-csv.ts), else a watchlist. */
function parseCsv(text: string, fileName: string, known: KnownSymbols): Result<ImportPlan, string> {
  // Excel writes a BOM; files from old Macs end lines with a bare CR.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const columns = holdingsColumns(lines);
  return columns ? parseHoldingsCsv(lines, columns, fileName, known) : parseWatchlistCsv(text, fileName, known);
}

export function parseBackupFile(text: string, fileName: string, known: KnownSymbols): Result<ImportPlan, string> {
  if (tooLarge(text)) return err(fileTooLarge());
  const body = text.replace(/^\uFEFF/, '');
  const first = /\S/.exec(body)?.[0];
  if (first === undefined) return err(sentences().t('backup_file_empty'));
  // `[` too: an array is no backup, and saying so beats listing every line as "not a symbol".
  if (first === '{' || first === '[' || /\.json$/i.test(fileName.trim())) return parseBackupJson(body, fileName, known);
  return parseCsv(body, fileName, known);
}
