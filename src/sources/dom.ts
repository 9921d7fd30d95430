/**
 * A small, typed view over htmlparser2's DOM. The Chrome service worker has no DOMParser, so
 * every HTML page is read through this one DOM-free parser, in both browsers.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';

export type { Element };

export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true });
}

export function findAll(root: AnyNode | AnyNode[], test: (el: Element) => boolean): Element[] {
  return DomUtils.findAll(test, Array.isArray(root) ? root : [root]);
}

export function findFirst(root: AnyNode | AnyNode[], test: (el: Element) => boolean): Element | null {
  return DomUtils.findOne(test, Array.isArray(root) ? root : [root], true);
}

export function hasClass(el: Element, className: string): boolean {
  const classes = el.attribs['class'];
  return classes !== undefined && classes.split(/\s+/).includes(className);
}

/** True when any class on the element starts with `prefix` (for `change__text--pos|neg|noc`). */
export function classWithPrefix(el: Element, prefix: string): string | null {
  const classes = el.attribs['class'];
  if (classes === undefined) return null;
  return classes.split(/\s+/).find((c) => c.startsWith(prefix)) ?? null;
}

export function attr(el: Element, name: string): string | null {
  return el.attribs[name] ?? null;
}

/** Text of an element with runs of whitespace collapsed, as a reader sees it. */
export function textOf(node: AnyNode | AnyNode[]): string {
  return DomUtils.textContent(node).replace(/\s+/g, ' ').trim();
}

export const byTag =
  (name: string) =>
  (el: Element): boolean =>
    el.name === name;

export const byClass =
  (className: string) =>
  (el: Element): boolean =>
    hasClass(el, className);
