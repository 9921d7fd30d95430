/** Paints the toolbar badge from a BadgeView; the only module that touches browser.action. */
import { browser } from '../shared/browser';
import type { BadgeView } from './badge-text';

export async function paintBadge(view: BadgeView): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: view.text }),
    browser.action.setBadgeBackgroundColor({ color: view.colour }),
    browser.action.setTitle({ title: view.title }),
  ]);
}
