/**
 * The sentences the popup shows about the data: still loading, a source failing, data going
 * stale. The facts come decided from the presentation (shared/presentation.ts); this only puts
 * them into words, so each case is table-tested; never a stack trace or an HTTP code alone.
 */
import { formatWhen } from '../shared/format';
import type { ErrorKind } from '../shared/model';
import type { Presentation } from '../shared/presentation';
import type { TimeZoneChoice } from '../shared/settings';

export type Notice =
  | { kind: 'loading'; text: string }
  | { kind: 'unreachable'; text: string }
  | { kind: 'fallback'; text: string }
  | { kind: 'feeds-failing'; text: string };

function reasonPhrase(kind: ErrorKind | null): string {
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

export function marketNotice(presentation: Presentation | null, now: number, zone: TimeZoneChoice): Notice | null {
  const facts = presentation?.notice ?? (presentation === null ? { kind: 'loading' as const, reason: null, since: null, showingFrom: null } : null);
  if (facts === null) return null;
  if (facts.kind === 'loading') return { kind: 'loading', text: 'Loading market data…' };
  const since = facts.since === null ? 'recently' : formatWhen(facts.since, now, zone);
  if (facts.kind === 'fallback' && facts.showingFrom !== null) {
    return { kind: 'fallback', text: `PSX data portal unreachable since ${since} — showing PSX Terminal prices from ${formatWhen(facts.showingFrom, now, zone)}.` };
  }
  const showing = facts.showingFrom === null ? 'no prices yet' : `showing prices from ${formatWhen(facts.showingFrom, now, zone)}`;
  return { kind: 'unreachable', text: `${reasonPhrase(facts.reason)} since ${since} — ${showing}.` };
}

/** Names the failing feeds, and the age of the oldest stories still shown from them. */
export function feedsNotice(
  presentation: Presentation | null,
  feeds: readonly { id: string; title: string }[],
  now: number,
  zone: TimeZoneChoice,
): Notice | null {
  const facts = presentation?.feeds;
  if (!facts || facts.loading) return { kind: 'loading', text: 'Loading stories…' };
  const broken = feeds.filter((f) => facts.failing.includes(f.id));
  if (broken.length === 0) return null;
  const names = broken.map((f) => `“${f.title}”`).join(', ');
  const showing = facts.showingFrom !== null ? ` — showing stories from ${formatWhen(facts.showingFrom, now, zone)}` : '';
  // One word for the whole sentence: the feeds' own failures decide it when they agree.
  const kinds = new Set(broken.map((f) => facts.kinds?.[f.id] ?? 'network'));
  const what = kinds.size === 1 && kinds.has('parse') ? 'could not be read' : kinds.size === 1 && kinds.has('no-access') ? 'need access again (options page)' : 'unreachable';
  const verb = broken.length === 1 ? `feed ${what.replace('need access', 'needs access')}` : `feeds ${what}`;
  return { kind: 'feeds-failing', text: `${names} ${verb}${showing}.` };
}
