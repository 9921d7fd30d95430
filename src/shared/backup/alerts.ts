/**
 * The alerts in a backup. A backup carries each rule's definition (what it asks and how it
 * re-arms), never its state (armed, fired, snoozed, the day it was last checked) nor the log of
 * fired alerts: those follow this device's market readings, and on another device, or a week
 * later, they would be wrong. An imported rule starts armed and unchecked, so the first trusted
 * reading sets its status and nothing fires on that reading (see checkRule in evaluate.ts).
 *
 * Importing merges: the user's rules stay, and a file rule they already have (same subject,
 * index, kind and threshold) is not added again, so importing one file twice changes nothing
 * the second time. Pure; the write is in apply.ts.
 */
import { MAX_RULES, normaliseAlerts, normaliseRule, type AlertRule, type AlertsState } from '../alerts/rules';
import { clip, type ImportedAlerts, type ImportPlan, type MalformedEntry } from './format';
import { counted, figure, quotedPlace, text } from './i18n';

/** What a backup keeps of a rule. */
export type AlertDefinition = Pick<AlertRule, 'subject' | 'index' | 'kind' | 'threshold' | 'rearm' | 'hysteresisPct'>;

/** `data.alerts` of a version-2 backup. */
export interface AlertsData {
  rules: AlertDefinition[];
}

export function definitionOf(rule: AlertDefinition): AlertDefinition {
  return { subject: rule.subject, index: rule.index, kind: rule.kind, threshold: rule.threshold, rearm: rule.rearm, hysteresisPct: rule.hysteresisPct };
}

/** The backup's alerts: every rule the storage rules keep, by definition, in the user's order. */
export function alertsData(state: AlertsState): AlertsData {
  return { rules: normaliseAlerts(state).rules.map(definitionOf) };
}

/** One alert, as far as duplicates go: the same question asked about the same thing. */
export function sameAlert(a: AlertDefinition, b: AlertDefinition): boolean {
  return a.subject === b.subject && a.index === b.index && a.kind === b.kind && a.threshold === b.threshold;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Stands in for the id a backup does not carry, so that the storage validator can be asked. */
const PLACEHOLDER_ID = 'imported';

/**
 * A file entry as a definition, through the same validator as the stored rules
 * (`normaliseRule`). Where that validator would put a default in place of a value the file
 * does give (a re-arm mode or margin it does not know, an `index` that is no boolean), the
 * entry is refused instead: a default would quietly change what the user asked for. A field
 * the file leaves out takes the default, as a rule stored without it would.
 */
function definitionFrom(raw: unknown): AlertDefinition | null {
  if (!isRecord(raw)) return null;
  if (raw['index'] !== undefined && typeof raw['index'] !== 'boolean') return null;
  const rule = normaliseRule({ ...raw, id: PLACEHOLDER_ID });
  if (!rule) return null;
  if (raw['rearm'] !== undefined && raw['rearm'] !== rule.rearm) return null;
  if (raw['hysteresisPct'] !== undefined && raw['hysteresisPct'] !== rule.hysteresisPct) return null;
  return definitionOf(rule);
}

const shown = (value: unknown): string => clip(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));

export const unreadableAlerts = (): string => text().t('backup_alerts_unreadable');

/**
 * A version-2 file's `data.alerts`. Never fails: an unreadable section is a warning (the
 * settings still import, and the user's alerts are left alone); a bad entry is skipped and
 * listed with its place; a repeat is taken once.
 */
export function checkAlerts(raw: unknown): { alerts?: ImportedAlerts; warnings: string[] } {
  const rules = isRecord(raw) ? raw['rules'] : undefined;
  if (!Array.isArray(rules)) return { warnings: [unreadableAlerts()] };
  const out: ImportedAlerts = { rules: [], malformed: [] };
  rules.forEach((entry: unknown, i) => {
    const definition = definitionFrom(entry);
    if (!definition) out.malformed.push({ position: i + 1, text: shown(entry) });
    else if (!out.rules.some((r) => sameAlert(r, definition))) out.rules.push(definition);
  });
  return { alerts: out, warnings: [] };
}

/** What merging a file's alerts into the user's does. */
export interface AlertsMerge {
  state: AlertsState;
  /** The rules added, each with a fresh id and a fresh state. */
  added: AlertRule[];
  /** Rules of the file the user has already (or that the file repeats). */
  duplicates: number;
  /** New rules that did not fit under MAX_RULES, the file's last ones. */
  leftOut: number;
}

/** A new rule from a definition: armed, never checked, never fired, not snoozed. */
export function importedRule(definition: AlertDefinition, id: string, now: number): AlertRule {
  return { id, ...definitionOf(definition), status: 'armed', createdAt: now, checkedDay: null, firedAt: null, firedValue: null, snoozedUntil: null };
}

export function mergeAlerts(current: AlertsState, imported: readonly AlertDefinition[], now: number, newId: () => string = () => crypto.randomUUID()): AlertsMerge {
  const rules = [...current.rules];
  const added: AlertRule[] = [];
  let duplicates = 0;
  let leftOut = 0;
  for (const definition of imported) {
    if (rules.some((r) => sameAlert(r, definition))) duplicates += 1;
    else if (rules.length >= MAX_RULES) leftOut += 1;
    else {
      const rule = importedRule(definition, newId(), now);
      rules.push(rule);
      added.push(rule);
    }
  }
  return { state: added.length === 0 ? current : { ...current, rules }, added, duplicates, leftOut };
}

/** The sentence for rules left out by the cap, or null when all fitted. */
export function leftOutWarning(merge: Pick<AlertsMerge, 'added' | 'leftOut'>): string | null {
  const { leftOut } = merge;
  if (leftOut === 0) return null;
  const fresh = merge.added.length + leftOut;
  return counted('backup_alerts_left_out', leftOut, { added: figure(merge.added.length), fresh: figure(fresh), max: figure(MAX_RULES) });
}

/** What the preview says of the file's alerts. */
export interface AlertsPreview {
  /** Valid alerts in the file. */
  inFile: number;
  /** Of those, the ones the user does not have. */
  fresh: number;
  /** Of those, the ones that fit under MAX_RULES: what the import adds. */
  adds: number;
  text: string;
  /** Says how many are left out by the cap, or null. */
  warning: string | null;
}

/**
 * The file's alerts against the user's, from the same merge the import does (so the preview
 * cannot promise what the import does not do); null for a file with no alerts section.
 */
export function describeAlerts(current: AlertsState, plan: ImportPlan): AlertsPreview | null {
  if (!plan.alerts) return null;
  const inFile = plan.alerts.rules.length;
  const merge = mergeAlerts(current, plan.alerts.rules, 0, () => PLACEHOLDER_ID);
  const fresh = inFile - merge.duplicates;
  const { t } = text();
  const values = { fresh: figure(fresh), duplicates: figure(merge.duplicates) };
  let sentence: string;
  if (inFile === 0) sentence = t(plan.alerts.malformed.length > 0 ? 'backup_alerts_none_importable' : 'backup_alerts_none');
  else if (fresh === 0) sentence = counted('backup_alerts_none_new', inFile);
  else if (merge.duplicates === 0) sentence = counted('backup_alerts_new', inFile, values);
  else sentence = counted('backup_alerts_new_some_had', inFile, values);
  return { inFile, fresh, adds: merge.added.length, text: sentence, warning: leftOutWarning(merge) };
}

/** The malformed alert entries in one sentence, as the watchlist's are (warnings.ts). */
export function malformedAlertsSentence(malformed: readonly MalformedEntry[], listed: (items: string[]) => string): string | null {
  const { t } = text();
  const bad = malformed.map((entry) => quotedPlace(t('backup_place_alert', { position: figure(entry.position) }), entry.text));
  if (bad.length === 0) return null;
  if (bad.length === 1) return t('backup_skipped_not_alert', { place: bad[0] ?? '' });
  return counted('backup_skipped_not_alerts', bad.length, { list: listed(bad) });
}
