/**
 * The backup's reads and writes of the alerts and the holdings, and a confirmed import as a
 * whole: the settings through the caller (the options page saves them as an edit of what is
 * stored then), then the file's alerts merged into `alertsItem` in one update, then its
 * holdings into `holdingsItem` in one update. The outcome is a sentence either way, and a
 * write that failed is said so, never reported as an import that succeeded.
 */
import { alertsItem } from '../alerts/store';
import type { AlertsState } from '../alerts/rules';
import type { Holdings } from '../holdings/model';
import { holdingsItem } from '../holdings/store';
import { err, ok, type Result } from '../result';
import type { Settings } from '../settings';
import { leftOutWarning, mergeAlerts, type AlertsMerge } from './alerts';
import type { ImportPlan } from './format';
import { holdingsLeftOutWarning, mergeHoldings, type HoldingsMerge } from './holdings';
import { applyPlan } from './preview';
import { counted, figure, joined, text } from './i18n';
import { refusalText } from '../storage/refusal-words';

const describe = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

/** The alerts as stored, for a backup: refused when they could not be read, so no backup silently lacks them. */
export async function readAlertsForBackup(): Promise<Result<AlertsState, string>> {
  try {
    const state = await alertsItem.getState();
    if (state.unreadable) return err(text().t('backup_alerts_unreadable_backup', { cause: state.unreadable }));
    return ok(state.value);
  } catch (cause) {
    return err(text().t('backup_alerts_unreadable_backup', { cause: describe(cause) }));
  }
}

/** The alerts as stored, for a preview to count against (the import counts again when it writes). */
export function currentAlerts(): Promise<AlertsState> {
  // Never a reason to refuse a preview: counted against none, and counted again when written.
  return alertsItem.get().catch((cause: unknown): AlertsState => {
    console.warn('alerts unreadable for the import preview; counted against none:', cause);
    return { rules: [], fired: [] };
  });
}

/** The holdings as stored, for a backup or the CSV export: refused when they could not be read, saying what was not made. */
export async function readHoldingsForBackup(purpose: 'backup' | 'export' = 'backup'): Promise<Result<Holdings, string>> {
  const refused = (cause: string): string => text().t(purpose === 'backup' ? 'backup_holdings_unreadable_backup' : 'backup_holdings_unreadable_export', { cause });
  try {
    const state = await holdingsItem.getState();
    if (state.unreadable) return err(refused(state.unreadable));
    return ok(state.value);
  } catch (cause) {
    return err(refused(describe(cause)));
  }
}

/** The holdings as stored, for a preview to count against (the import merges again when it writes). */
export function currentHoldings(): Promise<Holdings> {
  return holdingsItem.get().catch((cause: unknown): Holdings => {
    console.warn('holdings unreadable for the import preview; counted against none:', cause);
    return {};
  });
}

/** What an import did to the holdings: the merge without the holdings. */
export type HoldingsImported = Omit<HoldingsMerge, 'holdings'>;

/**
 * Merges the plan's holdings into the stored ones in one `holdingsItem.update`, against the
 * holdings stored at that moment. Ok(null) when the file has no holdings: nothing is written.
 */
export async function importHoldings(plan: ImportPlan): Promise<Result<HoldingsImported | null, string>> {
  const entries = plan.holdings?.entries;
  if (entries === undefined) return ok(null);
  if (entries.length === 0) return ok({ added: [], replaced: [], unchanged: [], leftOut: [] });
  const seen: { merge?: HoldingsImported } = {};
  const written = await holdingsItem
    .update((current) => {
      const { holdings, ...rest } = mergeHoldings(current, entries);
      seen.merge = rest;
      return holdings;
    })
    .catch((cause: unknown) => ({ ok: false as const, error: { kind: 'write-failed' as const, key: holdingsItem.spec.key, reason: describe(cause), detail: describe(cause) } }));
  if (!written.ok) return err(text().t('backup_holdings_not_saved', { detail: refusalText(written.error) }));
  return seen.merge ? ok(seen.merge) : err(text().t('backup_holdings_not_saved', { detail: text().t('backup_nothing_written') }));
}

/** What an import did to the alerts: the merge without the state. */
export type AlertsImported = Omit<AlertsMerge, 'state'>;

/**
 * Merges the plan's alerts into the stored ones in one `alertsItem.update`, against the rules
 * stored at that moment (not those the preview saw). Ok(null) when the file has no alerts
 * section: nothing is read or written.
 */
export async function importAlerts(plan: ImportPlan, now: number, newId: () => string = () => crypto.randomUUID()): Promise<Result<AlertsImported | null, string>> {
  const rules = plan.alerts?.rules;
  if (rules === undefined) return ok(null);
  if (rules.length === 0) return ok({ added: [], duplicates: 0, leftOut: 0 });
  // Set inside the update: the merge made against the rules stored at the moment of writing.
  const seen: { merge?: AlertsImported } = {};
  const written = await alertsItem
    .update((current) => {
      const { state, ...rest } = mergeAlerts(current, rules, now, newId);
      seen.merge = rest;
      return state;
    })
    // `update` never throws by contract; a broken one (a throwing newId) is still a failure said in words.
    .catch((cause: unknown) => ({ ok: false as const, error: { kind: 'write-failed' as const, key: alertsItem.spec.key, reason: describe(cause), detail: describe(cause) } }));
  if (!written.ok) return err(text().t('backup_alerts_not_saved', { detail: refusalText(written.error) }));
  return seen.merge ? ok(seen.merge) : err(text().t('backup_alerts_not_saved', { detail: text().t('backup_nothing_written') }));
}

/** The sentence after a successful import. */
export function importedMessage(plan: ImportPlan, settingsChanged: number, alerts: AlertsImported | null, holdings: HoldingsImported | null = null): string {
  const { t } = text();
  const parts = [counted('backup_settings_changed', settingsChanged)];
  // A file without alerts (or an empty list) is told as before: settings only.
  if (alerts && alerts.added.length + alerts.duplicates + alerts.leftOut > 0) {
    parts.push(alerts.duplicates > 0 ? counted('backup_alerts_added_had', alerts.added.length, { duplicates: figure(alerts.duplicates) }) : counted('backup_alerts_added', alerts.added.length));
  }
  if (holdings && holdings.added.length + holdings.replaced.length + holdings.unchanged.length + holdings.leftOut.length > 0) {
    const held = [counted('backup_holdings_added', holdings.added.length)];
    if (holdings.replaced.length > 0) held.push(t('backup_holdings_replaced', { count: figure(holdings.replaced.length) }));
    if (holdings.unchanged.length > 0) held.push(t('backup_holdings_unchanged', { count: figure(holdings.unchanged.length) }));
    parts.push(joined(held));
  }
  const warnings = [alerts ? leftOutWarning(alerts) : null, holdings ? holdingsLeftOutWarning(holdings.leftOut) : null].filter((w): w is string => w !== null);
  return [t('backup_imported', { file: plan.fileName, parts: joined(parts) }), ...warnings].join(' ');
}

export interface ApplyImport {
  /** Saves the settings as an edit of the stored ones; rejects when they could not be saved. */
  saveSettings: (edit: (current: Settings) => Settings) => Promise<void>;
  /** How many settings the preview said would change, for the sentence. */
  settingsChanged: number;
  now: number;
  newId?: () => string;
}

/** Why a save was refused, without its full stop; empty when the error says nothing. */
const reason = (error: unknown): string => (error instanceof Error ? error.message.trim().replace(/\.$/, '') : '');

/** A phrase ("the alerts could not be saved: …") as a sentence of its own. */
const asSentence = (phrase: string): string => text().t('backup_sentence', { sentence: phrase.charAt(0).toUpperCase() + phrase.slice(1) });

/**
 * A confirmed import: the settings first, then the alerts, then the holdings; the status
 * sentence, or what failed.
 * `saveSettings` is called before anything is awaited, so the caller may still use the user's
 * gesture (a permission prompt for an imported feed's site needs one). When the settings
 * could not be saved, the alerts and holdings are not written either; when the alerts could
 * not, the holdings are not.
 */
export async function applyImport(plan: ImportPlan, { saveSettings, settingsChanged, now, newId }: ApplyImport): Promise<Result<string, string>> {
  const saving = saveSettings((current) => applyPlan(current, plan));
  try {
    await saving;
  } catch (error) {
    const why = reason(error);
    return err(why === '' ? text().t('backup_import_not_saved') : text().t('backup_import_not_saved_because', { reason: why }));
  }
  const alerts = await importAlerts(plan, now, newId);
  if (!alerts.ok) {
    return err(settingsChanged > 0 ? text().t('backup_but_settings', { error: alerts.error }) : asSentence(alerts.error));
  }
  const holdings = await importHoldings(plan);
  if (!holdings.ok) {
    const settingsIn = settingsChanged > 0;
    const alertsIn = (alerts.value?.added.length ?? 0) > 0;
    const error = holdings.error;
    if (settingsIn && alertsIn) return err(text().t('backup_but_settings_alerts', { error }));
    if (settingsIn) return err(text().t('backup_but_settings', { error }));
    if (alertsIn) return err(text().t('backup_but_alerts', { error }));
    return err(asSentence(error));
  }
  return ok(importedMessage(plan, settingsChanged, alerts.value, holdings.value));
}
