/**
 * A backup's settings, validated field by field with the same rules as storage
 * (`normaliseSettings`), but only for the fields the file holds: a partial or hand-edited file
 * changes what it names and nothing else. A value of the wrong kind is not replaced by a
 * default, which would silently undo the user's own setting; it is skipped and reported.
 */
import { normaliseSettings, type Settings } from '../settings';
import { FIELD_LABELS, SETTINGS_FIELDS, type KnownSymbols, type MalformedEntry, type SettingsField, type SettingsPatch } from './format';
import { screenSymbols } from './symbols';
import { sentences } from '../i18n/sentences';

export interface CheckedSettings {
  settings: SettingsPatch;
  unknownSymbols: string[];
  malformed: MalformedEntry[];
  warnings: string[];
}

type Kind = 'array' | 'boolean' | 'number' | 'string' | 'other';
function kindOf(value: unknown): Kind {
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'boolean' || type === 'number' || type === 'string' ? type : 'other';
}

// What each field must be, read off the defaults so that it follows `normaliseSettings`.
const DEFAULTS = normaliseSettings(undefined);

function put<K extends SettingsField>(patch: SettingsPatch, field: K, value: Settings[K]): void {
  patch[field] = value;
}

export function checkSettings(raw: Record<string, unknown>, known: KnownSymbols): CheckedSettings {
  const out: CheckedSettings = { settings: {}, unknownSymbols: [], malformed: [], warnings: [] };
  // Unknown keys are ignored: a later build may add settings, and `version` is not the user's.
  for (const field of SETTINGS_FIELDS) {
    if (!Object.hasOwn(raw, field)) continue;
    const value = raw[field];
    const label = FIELD_LABELS[field];
    if (kindOf(value) !== kindOf(DEFAULTS[field])) {
      out.warnings.push(sentences().t('sentence_setting_invalid', { label }));
      continue;
    }
    if (field === 'watchlist' && Array.isArray(value)) {
      const screened = screenSymbols(value.map((item, i) => ({ position: i + 1, value: item })), known);
      out.unknownSymbols.push(...screened.unknownSymbols);
      out.malformed.push(...screened.malformed);
      out.warnings.push(...screened.warnings);
      // An emptied watchlist is taken as the user's choice; one emptied by our checks is not.
      if (value.length > 0 && screened.symbols.length === 0) {
        out.warnings.push(sentences().t('sentence_watchlist_none_importable'));
        continue;
      }
      put(out.settings, field, screened.symbols);
      continue;
    }
    const taken = normaliseSettings({ [field]: value })[field];
    // A string the rules change (an unknown sort, a badge that is no symbol) fell back to a default.
    if (typeof value === 'string' && taken !== value) {
      out.warnings.push(sentences().t('sentence_setting_invalid', { label }));
      continue;
    }
    if (Array.isArray(value) && Array.isArray(taken) && taken.length < value.length) {
      const dropped = value.length - taken.length;
      out.warnings.push(sentences().t('sentence_entries_dropped', { count: dropped, label }));
    }
    put(out.settings, field, taken);
  }
  return out;
}
