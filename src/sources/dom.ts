/**
 * A small, typed view over htmlparser2's DOM, and the one way this extension runs htmlparser2.
 * The Chrome service worker has no DOMParser, so every HTML page (and every feed, in XML mode)
 * is read through this one DOM-free parser, in both browsers.
 *
 * Every read is bounded. A page or feed is hostile until proven otherwise, and htmlparser2's
 * own cost grows with the square of the nesting (its open-element stack is an array shifted at
 * every tag, and every closing tag is looked up in it): 20,000 nested `<div>`s took 0.6 s to
 * parse (and overflowed the stack of the recursive walks after), 100,000 took 15 s, 2 MB of
 * them over a minute. `parseStream` therefore stops a read that goes deeper than `maxDepth` or
 * spends its `Budget`, and says so as a failure: `too deeply nested (…)` or `too large (…)`.
 * The same budget pays for the walks over the DOM afterwards (`findAll`, `findFirst`,
 * `textOf`), which use an explicit stack rather than recursion, so no input can overflow the
 * call stack.
 */
import { DomHandler, ElementType, Parser, type Handler, type ParserOptions } from 'htmlparser2';
import type { AnyNode, Document, Element, Text } from 'domhandler';
import { err, ok, type Result } from '../shared/result';

export type { Element };

/** Far deeper than any page we read (the portal's go ~12 levels), far shallower than where cost explodes. */
export const MAX_DEPTH = 256;

/**
 * Work units for one portal page: parser events plus DOM nodes visited. A streaming read of the
 * 500-row market watch (~350 KB) takes ~45,000 at unit costs; the sample home page ~2,200 as
 * `parseHomePage` counts them (DOM costs, searches). The worst hostile page within the 2 MB
 * body cap costs ~60 ms at this figure (BENCHMARKS.md, "Worst hostile input").
 */
export const PAGE_BUDGET = 130_000;

/**
 * Costs of a page read into a DOM: domhandler builds an object per element and per attribute,
 * and a node per run of text or comment; the figures keep each kind of hostile page (flat tags,
 * attributes, comments) near the same time per unit.
 */
const DOM_COSTS: Costs = { element: 3, attribute: 4, node: 2, entity: 1 };

/** Text is handed to the parser this much at a time, so a read stopped early stops soon. */
const CHUNK = 64 * 1024;

/**
 * Work allowed for one read, shared by the parse and every walk over its result. Spending past
 * zero marks it exhausted; whoever started the read turns that into a `too large` failure.
 */
export class Budget {
  #left: number;

  constructor(readonly size: number) {
    this.#left = size;
  }

  /** Takes `units`; false once the budget is spent. */
  spend(units: number): boolean {
    this.#left -= units;
    return this.#left >= 0;
  }

  get exhausted(): boolean {
    return this.#left < 0;
  }

  /** Units spent so far (more than `size` once exhausted). */
  get spent(): number {
    return this.size - this.#left;
  }

  /** The failure to report once exhausted. */
  get failure(): string {
    return `too large (more than ${this.size} steps of parsing)`;
  }
}

/**
 * Budget units charged per event of each kind. A closing tag costs 1, an element closed by the
 * parser (`<p><p>`, `<br>`, `<x/>`) costs `node`; opening and closing tags cost 1 more per 16
 * levels of depth, as htmlparser2's work for them grows.
 */
export interface Costs {
  /** An opening tag. */
  element: number;
  attribute: number;
  /** A run of text, a comment, a CDATA section, a processing instruction or a declaration. */
  node: number;
  /** A character reference, in text or in an attribute value. */
  entity: number;
}

const UNIT_COSTS: Costs = { element: 1, attribute: 1, node: 1, entity: 1 };

export interface StreamOptions extends ParserOptions {
  budget: Budget;
  /** Open elements allowed at once; one more fails the read. Default `MAX_DEPTH`. */
  maxDepth?: number;
  /**
   * What each kind of event costs (default 1 each). A reader whose work per event differs says
   * so: a DOM makes an object of every element, attribute and node; feedsmith does several
   * microseconds of work per element.
   */
  costs?: Partial<Costs>;
}

const depthFailure = (maxDepth: number): string => `too deeply nested (more than ${maxDepth} levels of elements)`;

interface Meter {
  budget: Budget;
  costs: Costs;
  depth: number;
  failure: string | null;
}

/**
 * htmlparser2's parser, charging the budget for every tokenizer event, including those that
 * reach no handler (a closing tag with nothing open to close still costs a search of the stack).
 * A closing or opening tag costs more the deeper it is, as htmlparser2's work for it does.
 */
class BoundedParser extends Parser {
  /** Set by `pause()`, whether the meter or the handler asked. */
  stopped = false;

  constructor(
    cbs: Partial<Handler>,
    options: ParserOptions,
    private readonly meter: Meter,
  ) {
    super(cbs, options);
  }

  override pause(): void {
    this.stopped = true;
    super.pause();
  }

  /** Takes `units` from the budget; once it is spent, records the failure and stops. */
  charge(units: number): boolean {
    if (this.stopped) return false;
    if (this.meter.budget.spend(units)) return true;
    this.meter.failure ??= this.meter.budget.failure;
    this.pause();
    return false;
  }

  tagCost(): number {
    return 1 + (this.meter.depth >> 4);
  }

  override onopentagname(start: number, endIndex: number): void {
    if (this.charge(this.meter.costs.element + this.tagCost())) super.onopentagname(start, endIndex);
  }

  override onclosetag(start: number, endIndex: number): void {
    if (this.charge(this.tagCost())) super.onclosetag(start, endIndex);
  }

  override onattribname(start: number, endIndex: number): void {
    if (this.charge(this.meter.costs.attribute)) super.onattribname(start, endIndex);
  }

  override onattribentity(cp: number): void {
    if (this.charge(this.meter.costs.entity)) super.onattribentity(cp);
  }

  override ontext(start: number, endIndex: number): void {
    if (this.charge(this.meter.costs.node)) super.ontext(start, endIndex);
  }

  override ontextentity(cp: number, endIndex: number): void {
    if (this.charge(this.meter.costs.entity)) super.ontextentity(cp, endIndex);
  }

  override oncomment(start: number, endIndex: number, offset: number): void {
    if (this.charge(this.meter.costs.node)) super.oncomment(start, endIndex, offset);
  }

  override oncdata(start: number, endIndex: number, offset: number): void {
    if (this.charge(this.meter.costs.node)) super.oncdata(start, endIndex, offset);
  }

  override ondeclaration(start: number, endIndex: number): void {
    if (this.charge(this.meter.costs.node)) super.ondeclaration(start, endIndex);
  }

  override onprocessinginstruction(start: number, endIndex: number): void {
    if (this.charge(this.meter.costs.node)) super.onprocessinginstruction(start, endIndex);
  }
}

/**
 * Runs htmlparser2 over `text` with `handler`'s callbacks, within `options.budget` and
 * `options.maxDepth`; the handler may stop early by calling `pause()` on the parser it is given
 * in `onparserinit` (that is a success: the handler knows why it stopped). Never throws; a
 * handler that needs a bounded read of HTML or XML calls this instead of `new Parser`.
 */
export function parseStream(text: string, handler: Partial<Handler>, options: StreamOptions): Result<void, string> {
  const { budget, maxDepth = MAX_DEPTH, costs, ...parserOptions } = options;
  const meter: Meter = { budget, costs: { ...UNIT_COSTS, ...costs }, depth: 0, failure: null };
  let parser: BoundedParser | null = null;
  const fail = (failure: string): void => {
    meter.failure ??= failure;
    parser?.pause();
  };
  // Every callback is forwarded; opening and closing tags also keep the depth.
  const cbs: Partial<Handler> = {
    onparserinit: (p) => handler.onparserinit?.(p),
    onreset: () => handler.onreset?.(),
    onend: () => handler.onend?.(),
    onerror: (error) => handler.onerror?.(error),
    onopentagname(name) {
      meter.depth++;
      if (meter.depth > maxDepth) return fail(depthFailure(maxDepth));
      handler.onopentagname?.(name);
    },
    onopentag: (name, attribs, isImplied) => handler.onopentag?.(name, attribs, isImplied),
    onattribute: (name, value, quote) => handler.onattribute?.(name, value, quote),
    onclosetag(name, isImplied) {
      // An element closed by the parser rather than by a closing tag (`<p><p>`, `<br>`, `<x/>`)
      // has no tokenizer event of its own to charge; its closing is charged here, as a node.
      if (isImplied && parser !== null && !parser.charge(meter.costs.node + parser.tagCost() - 1)) return;
      meter.depth = Math.max(0, meter.depth - 1);
      handler.onclosetag?.(name, isImplied);
    },
    ontext: (data) => handler.ontext?.(data),
    oncomment: (data) => handler.oncomment?.(data),
    oncommentend: () => handler.oncommentend?.(),
    oncdatastart: () => handler.oncdatastart?.(),
    oncdataend: () => handler.oncdataend?.(),
    onprocessinginstruction: (name, data) => handler.onprocessinginstruction?.(name, data),
  };
  parser = new BoundedParser(cbs, parserOptions, meter);
  for (let at = 0; at < text.length && !parser.stopped; at += CHUNK) parser.write(text.slice(at, at + CHUNK));
  if (!parser.stopped) parser.end();
  return meter.failure === null ? ok(undefined) : err(meter.failure);
}

/** An HTML page as a DOM, built within `budget` (which the walks over it then draw on). */
export function parseHtml(html: string, budget: Budget): Result<Document, string> {
  const handler = new DomHandler();
  const run = parseStream(html, handler, { budget, costs: DOM_COSTS, decodeEntities: true, lowerCaseAttributeNames: true });
  return run.ok ? ok(handler.root) : run;
}

type Roots = AnyNode | AnyNode[];

/**
 * Visits every node under `roots` (the roots included) in document order, one budget unit
 * each, until `stop` returns true or the budget is spent. An explicit stack, never recursion.
 */
function visit(roots: Roots, budget: Budget, stop: (node: AnyNode) => boolean): void {
  const stack: AnyNode[] = Array.isArray(roots) ? roots.slice().reverse() : [roots];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!budget.spend(1) || stop(node)) return;
    const children = childrenOf(node);
    if (children === null) continue;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push(child);
    }
  }
}

// domhandler's node types, read once: walks test them on every node, and a property of an
// imported namespace costs a lookup each time under some module loaders (vitest's, for one).
const ROOT = ElementType.Root;
const TAG = ElementType.Tag;
const SCRIPT = ElementType.Script;
const STYLE = ElementType.Style;
const CDATA = ElementType.CDATA;
const TEXT = ElementType.Text;

const isElement = (node: AnyNode): node is Element => node.type === TAG || node.type === SCRIPT || node.type === STYLE;
const isTextNode = (node: AnyNode): node is Text => node.type === TEXT;

/**
 * A node's children, or null for a leaf. Decided by `type` rather than domhandler's
 * hasChildren (`Object.hasOwn`) or an `in` test, which cost several times more per node.
 */
function childrenOf(node: AnyNode): AnyNode[] | null {
  if (node.type === TAG || node.type === ROOT || node.type === SCRIPT || node.type === STYLE || node.type === CDATA) return node.children;
  return null;
}

/** Characters of text per budget unit: collapsing whitespace costs per run, so text is work too. */
const CHARS_PER_UNIT = 4;

/** Every element under `root` (itself included) that passes `test`, in document order. */
export function findAll(root: Roots, test: (el: Element) => boolean, budget: Budget): Element[] {
  const found: Element[] = [];
  visit(root, budget, (node) => {
    if (isElement(node) && test(node)) found.push(node);
    return false;
  });
  return found;
}

/** The first element under `root` (itself included) that passes `test`. */
export function findFirst(root: Roots, test: (el: Element) => boolean, budget: Budget): Element | null {
  let found: Element | null = null;
  visit(root, budget, (node) => {
    if (isElement(node) && test(node)) found = node;
    return found !== null;
  });
  return found;
}

/** ASCII whitespace, which separates class names. */
const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;

/**
 * Where the class names in `classes` that start with `prefix` begin. Searched in place, with
 * no array of names built: it runs for every element of every walk.
 */
function classStart(classes: string, prefix: string, from: number): number {
  for (let at = classes.indexOf(prefix, from); at !== -1; at = classes.indexOf(prefix, at + 1)) {
    if (at === 0 || isSpace(classes.charCodeAt(at - 1))) return at;
  }
  return -1;
}

export function hasClass(el: Element, className: string): boolean {
  const classes = el.attribs['class'];
  if (classes === undefined) return false;
  for (let at = classStart(classes, className, 0); at !== -1; at = classStart(classes, className, at + 1)) {
    const end = at + className.length;
    if (end === classes.length || isSpace(classes.charCodeAt(end))) return true;
  }
  return false;
}

/** The first class on the element that starts with `prefix` (for `change__text--pos|neg|noc`). */
export function classWithPrefix(el: Element, prefix: string): string | null {
  const classes = el.attribs['class'];
  if (classes === undefined) return null;
  const at = classStart(classes, prefix, 0);
  if (at === -1) return null;
  let end = at + prefix.length;
  while (end < classes.length && !isSpace(classes.charCodeAt(end))) end++;
  return classes.slice(at, end);
}

export function attr(el: Element, name: string): string | null {
  return el.attribs[name] ?? null;
}

/**
 * The text nodes under `node` in order (script and CDATA contents included, comments not), as
 * `textContent` gives them; '' once the budget is spent.
 */
export function rawTextOf(node: Roots, budget: Budget): string {
  const parts: string[] = [];
  let length = 0;
  visit(node, budget, (n) => {
    if (!isTextNode(n)) return false;
    parts.push(n.data);
    length += n.data.length;
    return false;
  });
  // Charged by length too: whoever reads 2 MB of script text does work on every character.
  return budget.spend(length >> 5) ? parts.join('') : '';
}

/** Text of an element with runs of whitespace collapsed, as a reader sees it; '' once the budget is spent. */
export function textOf(node: Roots, budget: Budget): string {
  const raw = rawTextOf(node, budget);
  return budget.spend(Math.floor(raw.length / CHARS_PER_UNIT)) ? raw.replace(/\s+/g, ' ').trim() : '';
}

export const byTag =
  (name: string) =>
  (el: Element): boolean =>
    el.name === name;

export const byClass =
  (className: string) =>
  (el: Element): boolean =>
    hasClass(el, className);
