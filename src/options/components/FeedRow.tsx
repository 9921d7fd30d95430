import { formatWhen } from '../../shared/format';
import type { FeedDefinition } from '../../shared/feeds';
import type { SourceStatus } from '../../shared/model';
import type { TimeZoneChoice } from '../../shared/settings';

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

function healthText(health: SourceStatus | undefined, now: number, zone: TimeZoneChoice): string {
  if (!health?.attemptedAt) return 'Not read yet.';
  const ok = health.lastOk !== null ? `Last read ${formatWhen(health.lastOk, now, zone)}.` : 'Never read successfully.';
  if (health.state !== 'failing' || !health.lastError) return ok;
  return `${ok} Failing since ${formatWhen(health.lastError.at, now, zone)}: ${health.lastError.detail}.`;
}

export function FeedRow({ feed, health, isFirst, isLast, now, zone, onMove, onRemove, onGrant }: FeedRowProps) {
  const needsAccess = health?.state === 'failing' && health.lastError?.kind === 'no-access';
  return (
    <li class={`feed feed--${health?.state ?? 'new'}`} data-feed={feed.id}>
      <div class="feed__text">
        <span class="feed__title" dir="auto">
          {feed.title}
        </span>
        <span class="feed__url">{feed.url}</span>
        <span class="feed__health" role="status">
          {healthText(health, now, zone)}
        </span>
      </div>
      <div class="feed__actions">
        {needsAccess && (
          <button type="button" onClick={onGrant} aria-label={`Grant access to ${feed.title}`}>
            Grant access
          </button>
        )}
        <button type="button" onClick={() => onMove(-1)} disabled={isFirst} aria-label={`Move ${feed.title} up`}>
          ↑
        </button>
        <button type="button" onClick={() => onMove(1)} disabled={isLast} aria-label={`Move ${feed.title} down`}>
          ↓
        </button>
        <button type="button" onClick={onRemove} aria-label={`Remove ${feed.title}`}>
          Remove
        </button>
      </div>
    </li>
  );
}
