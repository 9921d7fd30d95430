/**
 * Bytes as storage.sync counts them: the UTF-8 length of the key plus the JSON of the value.
 * Validators use it to keep every sync item under its 8 KB quota whatever the user stores.
 */
const encoder = new TextEncoder();

export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/** The longest run of `list` (from its start, or its newest end) whose JSON fits in `maxBytes`. */
export function keepWithinBytes<T>(list: T[], maxBytes: number, keep: 'oldest' | 'newest'): T[] {
  if (jsonBytes(list) <= maxBytes) return list;
  const ordered = keep === 'newest' ? [...list].reverse() : list;
  const kept: T[] = [];
  let bytes = 2; // the brackets
  for (const item of ordered) {
    const cost = jsonBytes(item) + (kept.length > 0 ? 1 : 0);
    if (bytes + cost > maxBytes) break;
    kept.push(item);
    bytes += cost;
  }
  return keep === 'newest' ? kept.reverse() : kept;
}
