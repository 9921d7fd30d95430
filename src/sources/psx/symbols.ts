/** `GET https://dps.psx.com.pk/symbols`: the instrument directory, JSON. */
import type { SourceError } from '../../shared/model';
import { err, ok, type Result } from '../../shared/result';
import { isSymbol } from '../../shared/symbol';
import type { Instrument } from '../../shared/symbol-directory';
import { fetchText, type FetchTextOptions } from '../http';
import { PORTAL_ORIGIN } from './portal';

export const SYMBOLS_URL = `${PORTAL_ORIGIN}/symbols`;

export function parseSymbols(json: unknown): Result<Instrument[], string> {
  if (!Array.isArray(json)) return err('the directory is not a list');
  const instruments: Instrument[] = [];
  const seen = new Set<string>();
  for (const entry of json as Record<string, unknown>[]) {
    const symbol = typeof entry?.['symbol'] === 'string' ? entry['symbol'].trim().toUpperCase() : '';
    if (!isSymbol(symbol) || seen.has(symbol)) continue;
    seen.add(symbol);
    const name = typeof entry['name'] === 'string' ? entry['name'].trim().slice(0, 200) : '';
    instruments.push({
      symbol,
      name: name === '' ? symbol : name,
      sector: typeof entry['sectorName'] === 'string' ? entry['sectorName'].trim().slice(0, 100) : '',
      isETF: entry['isETF'] === true,
      isDebt: entry['isDebt'] === true,
    });
  }
  return instruments.length > 0 ? ok(instruments) : err('the directory lists no instrument');
}

export async function readSymbols(options: FetchTextOptions = {}): Promise<Result<Instrument[], SourceError>> {
  const now = options.now ?? Date.now;
  const response = await fetchText(SYMBOLS_URL, { ...options, headers: { Accept: 'application/json' } });
  if (!response.ok) return response;
  let json: unknown;
  try {
    json = JSON.parse(response.value.text);
  } catch {
    return err({ kind: 'parse', detail: 'symbols: not JSON (an error page?)', at: now() });
  }
  const parsed = parseSymbols(json);
  return parsed.ok ? parsed : err({ kind: 'parse', detail: `symbols: ${parsed.error}`, at: now() });
}
