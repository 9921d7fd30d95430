/**
 * Diagnostics: the last 200 things that went wrong or changed (source failures with their kind,
 * backoffs, migrations, permission changes, storage refusals), kept in storage.local so the
 * options page can show them and copy a report. Nothing leaves the machine.
 *
 * Two items, not one: every local write is sent, old and new value, to each tab showing the
 * bar, so the newest events live in a small head (≤ 20) written on each event, and the older
 * ones move to an archive only when the head is full — one large write per 20 events.
 */
import { defineItem } from './storage/item';

/** `data`: a source answered, but some of what it said was left out (rows that did not add up). */
export type DiagnosticKind = 'failure' | 'backoff' | 'recovered' | 'data' | 'migration' | 'permission' | 'storage' | 'internal';

export interface DiagnosticEvent {
  at: number;
  kind: DiagnosticKind;
  /** The source (`psx-home`, `feed:world`) or the part of the extension it concerns. */
  subject: string;
  /** One line: the error kind and detail, the backoff, what was migrated. */
  detail: string;
}

export const HEAD_EVENTS = 20;
export const MAX_EVENTS = 200;

const KINDS: ReadonlySet<string> = new Set(['failure', 'backoff', 'recovered', 'data', 'migration', 'permission', 'storage', 'internal']);

export function normaliseEvents(raw: unknown, max: number): DiagnosticEvent[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (e): e is DiagnosticEvent =>
        e !== null && typeof e === 'object' && typeof e.at === 'number' && KINDS.has(e.kind) && typeof e.subject === 'string' && typeof e.detail === 'string',
    )
    .map((e) => ({ at: e.at, kind: e.kind, subject: e.subject.slice(0, 80), detail: e.detail.slice(0, 300) }))
    .slice(-max);
}

export const diagnosticsHeadItem = defineItem<DiagnosticEvent[]>({
  area: 'local',
  key: 'diagnostics',
  version: 1,
  normalise: (raw) => normaliseEvents(raw, HEAD_EVENTS),
});

export const diagnosticsArchiveItem = defineItem<DiagnosticEvent[]>({
  area: 'local',
  key: 'diagnosticsArchive',
  version: 1,
  normalise: (raw) => normaliseEvents(raw, MAX_EVENTS - HEAD_EVENTS),
  // The newest half: a full disk costs the oldest events first.
  prune: (events) => events.slice(Math.ceil(events.length / 2)),
});

/** Appends events: to the head while it has room, else the head moves to the archive first. */
export async function recordEvents(events: readonly DiagnosticEvent[]): Promise<void> {
  if (events.length === 0) return;
  for (const e of events) console.warn(`[diagnostics] ${e.kind} ${e.subject}: ${e.detail}`);
  let overflow: DiagnosticEvent[] = [];
  const head = await diagnosticsHeadItem.update((current) => {
    const all = [...current, ...events];
    if (all.length <= HEAD_EVENTS) {
      overflow = [];
      return all;
    }
    overflow = all.slice(0, all.length - HEAD_EVENTS);
    return all.slice(-HEAD_EVENTS);
  });
  if (!head.ok) console.warn('diagnostics not recorded:', head.error.detail);
  if (overflow.length > 0) {
    const moved = overflow;
    const archive = await diagnosticsArchiveItem.update((current) => [...current, ...moved].slice(-(MAX_EVENTS - HEAD_EVENTS)));
    if (!archive.ok) console.warn('diagnostics archive not written:', archive.error.detail);
  }
}

/** Oldest first, at most MAX_EVENTS. */
export function allEvents(archive: readonly DiagnosticEvent[], head: readonly DiagnosticEvent[]): DiagnosticEvent[] {
  return [...archive, ...head].slice(-MAX_EVENTS);
}
