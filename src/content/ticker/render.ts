/** Builds the bar's DOM from BarItems with createElement and textContent only, never markup. */
import type { BarItem } from './items';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderItem(item: BarItem): HTMLElement {
  if (item.kind === 'quote') {
    const span = el('span', item.alerted ? 'item quote alerted' : 'item quote');
    // Marked in words as well as by the outline (an emoji bell is an empty box without an emoji font).
    if (item.alerted) span.append(el('span', 'alert-word', 'ALERT'), ' ');
    span.append(el('span', 'symbol', item.symbol), ` ${item.price} `, el('span', item.direction, item.change));
    return span;
  }
  if (item.href) {
    const a = el('a', 'item story', item.title);
    a.href = item.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.dir = 'auto';
    return a;
  }
  const span = el('span', 'item story', item.title);
  span.dir = 'auto';
  return span;
}

export function createElement<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  return el(tag, className, text);
}
