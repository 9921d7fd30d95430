/**
 * The sentences the popup shows about the data: still loading, a source failing, data going
 * stale. The facts come decided from the presentation (shared/presentation.ts); this only puts
 * them into words, so each case is table-tested; never a stack trace or an HTTP code alone.
 */
import { formatWhen } from '../shared/format';
import type { ErrorKind } from '../shared/model';
import type { Presentation } from '../shared/presentation';
import type { TimeZoneChoice } from '../shared/settings';
import { text, type PopupKey } from './i18n';
import { feedTitleText } from '../shared/i18n/market-words';

export type Notice =
  | { kind: 'loading'; text: string }
  | { kind: 'unreachable'; text: string }
  | { kind: 'fallback'; text: string }
  | { kind: 'feeds-failing'; text: string };

const REASONS: Partial<Record<ErrorKind, PopupKey>> = {
  offline: 'popup_reason_offline',
  timeout: 'popup_reason_timeout',
  parse: 'popup_reason_parse',
  'rate-limited': 'popup_reason_rate_limited',
};

function reasonPhrase(kind: ErrorKind | null): string {
  return text().t((kind === null ? undefined : REASONS[kind]) ?? 'popup_reason_unreachable');
}

export function marketNotice(presentation: Presentation | null, now: number, zone: TimeZoneChoice): Notice | null {
  const facts = presentation?.notice ?? (presentation === null ? { kind: 'loading' as const, reason: null, since: null, showingFrom: null } : null);
  if (facts === null) return null;
  const { t } = text();
  if (facts.kind === 'loading') return { kind: 'loading', text: t('popup_notice_loading_market') };
  const since = facts.since === null ? t('popup_since_recently') : formatWhen(facts.since, now, zone);
  if (facts.kind === 'fallback' && facts.showingFrom !== null) {
    return { kind: 'fallback', text: t('popup_notice_fallback', { since, from: formatWhen(facts.showingFrom, now, zone) }) };
  }
  const showing = facts.showingFrom === null ? t('popup_showing_none') : t('popup_showing_from', { time: formatWhen(facts.showingFrom, now, zone) });
  return { kind: 'unreachable', text: t('popup_notice_unreachable', { reason: reasonPhrase(facts.reason), since, showing }) };
}

/** Names the failing feeds, and the age of the oldest stories still shown from them. */
export function feedsNotice(
  presentation: Presentation | null,
  feeds: readonly { id: string; title: string }[],
  now: number,
  zone: TimeZoneChoice,
): Notice | null {
  const facts = presentation?.feeds;
  const { t, plural } = text();
  if (!facts || facts.loading) return { kind: 'loading', text: t('popup_notice_loading_stories') };
  const broken = feeds.filter((f) => facts.failing.includes(f.id));
  if (broken.length === 0) return null;
  const names = broken.map((f) => t('popup_feed_name', { title: feedTitleText(f) })).join(t('popup_list_separator'));
  // One word for the whole sentence: the feeds' own failures decide it when they agree.
  const kinds = new Set(broken.map((f) => facts.kinds?.[f.id] ?? 'network'));
  const what = kinds.size === 1 && kinds.has('parse') ? 'popup_feeds_parse' : kinds.size === 1 && kinds.has('no-access') ? 'popup_feeds_no_access' : 'popup_feeds_unreachable';
  const failure = plural(what, broken.length, { names });
  const sentence =
    facts.showingFrom !== null ? t('popup_feeds_sentence_showing', { failure, time: formatWhen(facts.showingFrom, now, zone) }) : t('popup_feeds_sentence', { failure });
  return { kind: 'feeds-failing', text: sentence };
}
