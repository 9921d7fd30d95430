/**
 * The sentences the popup shows about the data itself: still loading, a source failing, data
 * going stale. Pure, so each case is table-tested; never a stack trace or an HTTP code alone.
 */
import { formatWhen } from '../shared/format';
import type { ErrorKind, Snapshot, SourceStatus } from '../shared/model';
import type { TimeZoneChoice } from '../shared/settings';

export type Notice =
  | { kind: 'loading'; text: string }
  | { kind: 'unreachable'; text: string }
  | { kind: 'fallback'; text: string }
  | { kind: 'feeds-failing'; text: string };

function failing(status: SourceStatus | undefined): boolean {
  if (!status?.lastError) return false;
  return status.lastOk === null || status.lastError.at >= status.lastOk;
}

function reasonPhrase(kind: ErrorKind): string {
  switch (kind) {
    case 'offline':
      return 'You appear to be offline';
    case 'timeout':
      return 'PSX data portal not answering';
    case 'parse':
      return 'PSX data portal sent a page we could not read';
    case 'rate-limited':
      return 'PSX data portal asked us to slow down';
    default:
      return 'PSX data portal unreachable';
  }
}

/** The first failing PSX source decides the sentence; quotes matter more than indices. */
export function marketNotice(snapshot: Snapshot, now: number, zone: TimeZoneChoice): Notice | null {
  const home = snapshot.sources['psx-home'];
  const quotes = snapshot.sources['psx-quotes'];
  const failed = failing(quotes) ? quotes : failing(home) ? home : undefined;
  if (!failed?.lastError) {
    if (home?.attemptedAt == null && quotes?.attemptedAt == null) {
      return { kind: 'loading', text: 'Loading market data…' };
    }
    return null;
  }
  const since = formatWhen(failed.failingSince ?? failed.lastError.at, now, zone);
  const terminal = snapshot.sources['psx-terminal'];
  if (snapshot.quoteSource === 'psx-terminal' && terminal?.lastOk != null) {
    return {
      kind: 'fallback',
      text: `PSX data portal unreachable since ${since} — showing PSX Terminal prices from ${formatWhen(terminal.lastOk, now, zone)}.`,
    };
  }
  const lastGood = quotes?.lastOk ?? home?.lastOk ?? null;
  const showing =
    lastGood === null ? 'no prices yet' : `showing prices from ${formatWhen(lastGood, now, zone)}`;
  return { kind: 'unreachable', text: `${reasonPhrase(failed.lastError.kind)} since ${since} — ${showing}.` };
}

/** Names the failing feeds, and the age of the oldest stories still shown from them. */
export function feedsNotice(
  snapshot: Snapshot,
  feeds: readonly { id: string; title: string }[],
  now: number,
  zone: TimeZoneChoice,
): Notice | null {
  const statuses = feeds.map((f) => snapshot.sources[`feed:${f.id}`]);
  if (statuses.every((s) => s?.attemptedAt == null)) return { kind: 'loading', text: 'Loading stories…' };
  const broken = feeds.filter((_, i) => failing(statuses[i]));
  if (broken.length === 0) return null;
  const names = broken.map((f) => `“${f.title}”`).join(', ');
  const kept = broken.map((f) => snapshot.sources[`feed:${f.id}`]?.lastOk ?? 0).filter((t) => t > 0);
  const showing = kept.length > 0 ? ` — showing stories from ${formatWhen(Math.min(...kept), now, zone)}` : '';
  return { kind: 'feeds-failing', text: `${names} ${broken.length === 1 ? 'feed' : 'feeds'} unreachable${showing}.` };
}
