/** Builds the bar's DOM from BarItems with createElement and textContent only, never markup. */
import { display } from '../../shared/i18n/display';
import { text } from './i18n';
import type { BarItem } from './items';

/** Arabic script (Urdu, in the feeds this extension suggests): the title gets the Urdu font stack. */
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

/**
 * A story's language, for its font and a screen reader's voice: Urdu when it is written in
 * Arabic script; in the Urdu bar a Latin-script headline is English (the other feeds'
 * language), so it keeps the Latin font; in the English bar it inherits the bar's.
 */
function storyLang(node: HTMLElement, title: string): void {
  if (ARABIC_SCRIPT.test(title)) node.lang = 'ur';
  else if (display().lang === 'ur') node.lang = 'en';
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderItem(item: BarItem): HTMLElement {
  if (item.kind === 'quote') {
    const span = el('span', item.alerted ? 'item quote alerted' : 'item quote');
    // Symbol, price and ▲/▼ change read left to right in either language, isolated from the
    // Urdu around them.
    span.dir = 'ltr';
    // Marked in words as well as by the outline (an emoji bell is an empty box without an emoji font).
    if (item.alerted) span.append(el('span', 'alert-word', text().t('bar_alert')), ' ');
    span.append(el('span', 'symbol', item.symbol), ` ${item.price} `, el('span', item.direction, item.change));
    return span;
  }
  if (item.href) {
    const a = el('a', 'item story', item.title);
    a.href = item.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.dir = 'auto';
    storyLang(a, item.title);
    return a;
  }
  const span = el('span', 'item story', item.title);
  span.dir = 'auto';
  storyLang(span, item.title);
  return span;
}

export function createElement<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  return el(tag, className, text);
}
