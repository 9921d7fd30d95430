/** When the popup was last opened, for the "new" marks on stories. */
import { defineItem } from './storage/item';

/** 0.1.0 stored the bare number under the same key: version 0. */
export const lastOpenedItem = defineItem<number | null>({
  area: 'local',
  key: 'popupOpenedAt',
  version: 1,
  normalise: (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? raw : null),
});
