/**
 * The snapshot lives in `storage.local` under one key: the background writes it after each
 * cycle, the UIs read it at once and follow `storage.onChanged`. Reading validates the shape
 * loosely, so data written by an older version degrades to "no data" instead of a crash.
 */
import { browser } from './browser';
import { emptySnapshot, type Snapshot } from './model';

export const SNAPSHOT_KEY = 'snapshot';

export function normaliseSnapshot(raw: unknown): Snapshot {
  const empty = emptySnapshot();
  if (raw === null || typeof raw !== 'object') return empty;
  const s = raw as Partial<Record<keyof Snapshot, unknown>>;
  const isRecord = (v: unknown): v is Record<string, never> => v !== null && typeof v === 'object' && !Array.isArray(v);
  return {
    quotes: isRecord(s.quotes) ? s.quotes : empty.quotes,
    indices: isRecord(s.indices) ? s.indices : empty.indices,
    stories: Array.isArray(s.stories) ? (s.stories as Snapshot['stories']) : empty.stories,
    market: isRecord(s.market) ? (s.market as unknown as Snapshot['market']) : null,
    marketAsOf: typeof s.marketAsOf === 'number' ? s.marketAsOf : null,
    marketReadAt: typeof s.marketReadAt === 'number' ? s.marketReadAt : null,
    quoteSource: s.quoteSource === 'psx-terminal' ? 'psx-terminal' : 'psx-portal',
    sources: isRecord(s.sources) ? s.sources : empty.sources,
    closingQuotesHeld: s.closingQuotesHeld === true,
    updatedAt: typeof s.updatedAt === 'number' ? s.updatedAt : null,
  };
}

export async function readSnapshot(): Promise<Snapshot> {
  const stored = await browser.storage.local.get(SNAPSHOT_KEY);
  return normaliseSnapshot(stored[SNAPSHOT_KEY]);
}

export async function writeSnapshot(snapshot: Snapshot): Promise<void> {
  await browser.storage.local.set({ [SNAPSHOT_KEY]: snapshot });
}
