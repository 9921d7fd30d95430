/**
 * A refused write in the page's language: from the refusal's facts (storage/item.ts keeps no
 * words, since the ticker bar bundles it), for the pages that tell the user.
 */
import { common } from '../i18n/common';
import type { WriteRefusal } from './item';

export function refusalText(refusal: WriteRefusal): string {
  const t = common().t;
  switch (refusal.kind) {
    case 'read-failed':
      return t('storage_item_unreadable', { key: refusal.key, reason: refusal.reason });
    case 'newer-version':
      return t('storage_item_newer', { key: refusal.key });
    case 'write-failed':
      // The browser's own words (QUOTA_BYTES quota exceeded): a technical reason, as it said it.
      return refusal.reason;
  }
}
