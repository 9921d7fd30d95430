/**
 * The catalogue is kept in fragments, one file per area and language (src/locales/<lang>/<area>.json,
 * Chrome's messages.json format), so each surface bundles only the messages it shows. The
 * browser wants one `_locales/<lang>/messages.json` per language (for the manifest's
 * `__MSG_…__` names and `i18n.getMessage`): this merges the fragments into it, refusing a key
 * defined twice (keys are case-insensitive to the browser).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Messages = Record<string, { message: string; description?: string }>;

export function mergedCatalogue(localesDir: string, lang: string): Messages {
  const dir = path.join(localesDir, lang);
  const out: Messages = {};
  const seen = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const fragment = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Messages;
    for (const [key, entry] of Object.entries(fragment)) {
      const folded = key.toLowerCase();
      const first = seen.get(folded);
      if (first !== undefined) throw new Error(`locales: ${lang}/${file} defines "${key}", already in ${first}`);
      if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`locales: ${lang}/${file}: "${key}" is not a valid message name`);
      seen.set(folded, `${lang}/${file}`);
      out[key] = entry;
    }
  }
  return out;
}

export const localeLanguages = (localesDir: string): string[] =>
  readdirSync(localesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
