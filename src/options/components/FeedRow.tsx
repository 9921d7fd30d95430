import { formatWhen } from '../../shared/format';
import type { FeedDefinition } from '../../shared/feeds';
import type { ErrorKind, SourceStatus } from '../../shared/model';
import type { TimeZoneChoice } from '../../shared/settings';
import { text, type OptionsKey } from '../i18n';
import { feedTitleText } from '../../shared/i18n/market-words';

interface FeedRowProps {
  feed: FeedDefinition;
  /** The feed's health from the background's snapshot, if it has been read yet. */
  health: SourceStatus | undefined;
  isFirst: boolean;
  isLast: boolean;
  now: number;
  zone: TimeZoneChoice;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  /** Asks for the feed's site again, from the click (its access was taken back in the browser). */
  onGrant: () => void;
}

/** Why a feed fails, in the page's language, from the error's kind; the source's own words stay in Diagnostics. */
const REASONS: Record<ErrorKind, OptionsKey> = {
  offline: 'options_feed_reason_offline',
  timeout: 'options_feed_reason_timeout',
  network: 'options_feed_reason_network',
  forbidden: 'options_feed_reason_forbidden',
  'not-found': 'options_feed_reason_not_found',
  'rate-limited': 'options_feed_reason_rate_limited',
  server: 'options_feed_reason_server',
  http: 'options_feed_reason_http',
  parse: 'options_feed_reason_parse',
  internal: 'options_feed_reason_internal',
  'no-access': 'options_feed_reason_no_access',
};

function healthText(health: SourceStatus | undefined, now: number, zone: TimeZoneChoice): string {
  const { t } = text();
  if (!health?.attemptedAt) return t('options_feed_not_read');
  const ok = health.lastOk !== null ? t('options_feed_last_read', { when: formatWhen(health.lastOk, now, zone) }) : t('options_feed_never_read');
  if (health.state !== 'failing' || !health.lastError) return ok;
  return `${ok} ${t('options_feed_failing', { when: formatWhen(health.lastError.at, now, zone), detail: t(REASONS[health.lastError.kind]) })}`;
}

export function FeedRow({ feed, health, isFirst, isLast, now, zone, onMove, onRemove, onGrant }: FeedRowProps) {
  const { t } = text();
  const needsAccess = health?.state === 'failing' && health.lastError?.kind === 'no-access';
  return (
    <li class={`feed feed--${health?.state ?? 'new'}`} data-feed={feed.id}>
      <div class="feed__text">
        <span class="feed__title" dir="auto">
          {feedTitleText(feed)}
        </span>
        <span class="feed__url" dir="ltr">
          {feed.url}
        </span>
        <span class="feed__health" role="status">
          {healthText(health, now, zone)}
        </span>
      </div>
      <div class="feed__actions">
        {needsAccess && (
          <button type="button" onClick={onGrant} aria-label={t('options_feed_grant_label', { title: feedTitleText(feed) })}>
            {t('options_feed_grant')}
          </button>
        )}
        <button type="button" onClick={() => onMove(-1)} disabled={isFirst} aria-label={t('options_feed_up_label', { title: feedTitleText(feed) })}>
          ↑
        </button>
        <button type="button" onClick={() => onMove(1)} disabled={isLast} aria-label={t('options_feed_down_label', { title: feedTitleText(feed) })}>
          ↓
        </button>
        <button type="button" onClick={onRemove} aria-label={t('options_feed_remove_label', { title: feedTitleText(feed) })}>
          {t('options_remove')}
        </button>
      </div>
    </li>
  );
}
