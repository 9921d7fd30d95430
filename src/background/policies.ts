/** How long each kind of source backs off: from its normal period up to a cap. */
import type { Settings } from '../shared/settings';
import type { BackoffPolicy } from './backoff';

const MINUTE = 60_000;

export const quotesPolicy = (settings: Settings): BackoffPolicy => ({ baseMs: settings.quotesPeriodSec * 1000, maxMs: 30 * MINUTE });
export const feedsPolicy = (settings: Settings): BackoffPolicy => ({ baseMs: settings.feedsPeriodMin * MINUTE, maxMs: 6 * 60 * MINUTE });
export const SYMBOLS_POLICY: BackoffPolicy = { baseMs: 60 * MINUTE, maxMs: 24 * 60 * MINUTE };
export const SERIES_POLICY: BackoffPolicy = { baseMs: 5 * MINUTE, maxMs: 30 * MINUTE };

/** Failed cycles of the portal in a row before PSX Terminal stands in. */
export const FALLBACK_AFTER_FAILURES = 3;
