/**
 * A feed cut short (a dropped connection, or our own byte cap) is still worth its complete
 * items. htmlparser2 reads the cut document in XML mode (so `</item>` inside CDATA or a comment
 * is not mistaken for one) and reports where the last whole item or entry ends (`scanFeed`); the
 * document is cut there and the elements open around that item closed again, then the feed
 * parser reads it properly.
 */
import { Budget } from '../dom';
import { closeAfterLastItem, FEED_BUDGET, scanFeed } from './scan';

/** The document up to its last complete item, closed again; null when there is none to save (or it cannot be read). */
export function closeTruncatedFeed(xml: string): string | null {
  const scan = scanFeed(xml, new Budget(FEED_BUDGET));
  return scan.ok ? closeAfterLastItem(xml, scan.value) : null;
}
