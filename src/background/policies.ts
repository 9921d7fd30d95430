/** How long each kind of source backs off: from its normal period up to a cap. */
import type { SourceId } from '../shared/model';
import type { Settings } from '../shared/settings';
import type { BackoffPolicy } from './backoff';

const MINUTE = 60_000;

/** The caps. No wait, whether our backoff or a server's `Retry-After`, runs past its source's. */
export const QUOTES_MAX_WAIT_MS = 30 * MINUTE;
export const FEEDS_MAX_WAIT_MS = 6 * 60 * MINUTE;
export const SYMBOLS_MAX_WAIT_MS = 24 * 60 * MINUTE;
export const SERIES_MAX_WAIT_MS = 30 * MINUTE;

export const quotesPolicy = (settings: Settings): BackoffPolicy => ({ baseMs: settings.quotesPeriodSec * 1000, maxMs: QUOTES_MAX_WAIT_MS });
export const feedsPolicy = (settings: Settings): BackoffPolicy => ({ baseMs: settings.feedsPeriodMin * MINUTE, maxMs: FEEDS_MAX_WAIT_MS });
export const SYMBOLS_POLICY: BackoffPolicy = { baseMs: 60 * MINUTE, maxMs: SYMBOLS_MAX_WAIT_MS };
export const SERIES_POLICY: BackoffPolicy = { baseMs: 5 * MINUTE, maxMs: SERIES_MAX_WAIT_MS };

/**
 * The longest wait any source may be given. A stored `nextTry` further ahead than this is
 * impossible whatever the source, so it is invalid even where the source's own policy is not
 * known.
 */
export const LONGEST_WAIT_MS = Math.max(QUOTES_MAX_WAIT_MS, FEEDS_MAX_WAIT_MS, SYMBOLS_MAX_WAIT_MS, SERIES_MAX_WAIT_MS);

/** The policy each source is failed with (the same as the tasks pass to `fail`). */
export function policyFor(id: SourceId, settings: Settings): BackoffPolicy {
  switch (id) {
    case 'psx-home':
    case 'psx-quotes':
    case 'psx-terminal':
      return quotesPolicy(settings);
    case 'psx-symbols':
      return SYMBOLS_POLICY;
    case 'psx-series':
      return SERIES_POLICY;
    default:
      return feedsPolicy(settings);
  }
}

/** Failed cycles of the portal in a row before PSX Terminal stands in. */
export const FALLBACK_AFTER_FAILURES = 3;
