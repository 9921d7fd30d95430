/**
 * Issue 10: a portal page with ~20,000 nested elements overflowed the stack in the DOM searches
 * (and htmlparser2's own work grows with the square of the nesting). Every read is now bounded:
 * it fails as a parse error, in bounded time, and never throws.
 */
import { Element, Text } from 'domhandler';
import type { Handler, Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { Budget, findAll, findFirst, MAX_DEPTH, PAGE_BUDGET, parseHtml, parseStream, textOf } from '../../../src/sources/dom';
import { parseHomePage } from '../../../src/sources/psx/home-page';
import { HOME_URL, readPortal } from '../../../src/sources/psx/portal';
import { fakeFetch } from '../fake-fetch';
import { readFixture } from '../fixtures';

/**
 * Generous for a shared 2-core machine under load: the reads below take from under 1 ms to
 * ~80 ms of CPU (BENCHMARKS.md); before the bounds, 20,000 nested elements overflowed the
 * stack and 2 MB of them took over a minute.
 */
const TIME_BOUND_MS = 1_000;
const MB2 = 2 * 1024 * 1024;
const fill = (head: string, unit: string): string => head + unit.repeat(Math.floor((MB2 - head.length) / unit.length));

/** The result and the wall time of one call; a throw fails the test with the thrown error. */
function timed<T>(read: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = read();
  return { result, ms: performance.now() - start };
}

const carouselItem = (code: string): string =>
  `<div class="topIndices__item"><div class="topIndices__item__name">${code}</div><div class="topIndices__item__val">1,000.00</div>` +
  `<div class="change__text--pos"><div class="topIndices__item__change">1.00</div><div class="topIndices__item__changep">(0.10%)</div></div></div>`;

describe('parseHomePage on hostile pages', () => {
  it.each<{ name: string; html: string; words: string }>([
    { name: '20,000 nested elements', html: `<html><body>${'<div>'.repeat(20_000)}${carouselItem('KSE100')}</body></html>`, words: 'too deeply nested' },
    { name: '20,000 carousel items nested in each other', html: `<html><body>${'<div class="topIndices__item"><div class="topIndices__item__name">K'.repeat(20_000)}</body></html>`, words: 'too deeply nested' },
    { name: '2 MB of elements nested 400,000 deep', html: fill('<html><body>', '<div>'), words: 'too deeply nested' },
    { name: '2 MB of flat elements', html: fill('<html><body>', '<i>x</i>'), words: 'too large' },
    { name: '2 MB of carousel items', html: fill('<html><body>', carouselItem('KSE100')), words: 'too large' },
    { name: '2 MB of closing tags with nothing open to close, 255 levels deep', html: fill(`<html><body>${'<abc>'.repeat(253)}`, '</abd>'), words: 'too large' },
    { name: '2 MB of comments', html: fill('<html><body>', '<!---->'), words: 'too large' },
    { name: '200,000 attributes on one element', html: `<div ${Array.from({ length: 200_000 }, (_, i) => `a${i}=1`).join(' ')}>`, words: 'too large' },
    // Parses within the budget, but each item's searches cover everything inside it.
    { name: 'carousel items nested 250 deep around 2,000 elements', html: `<html><body>${'<div class="topIndices__item"><span class="topIndices__item__name">K</span>'.repeat(250)}${'<i>x</i>'.repeat(2_000)}</body></html>`, words: 'too large' },
  ])('$name: a parse failure ($words), within the time bound', ({ html, words }) => {
    const { result, ms } = timed(() => parseHomePage(html));
    expect(result.ok ? 'read' : result.error).toContain(words);
    expect(ms).toBeLessThan(TIME_BOUND_MS);
  });

  it('reaches the background as { kind: "parse" } with the reason', async () => {
    const { fetch } = fakeFetch({ [HOME_URL]: [{ body: `<html><body>${'<div>'.repeat(20_000)}</body></html>` }] });
    const result = await readPortal({ fetchImpl: fetch, wantQuotes: () => false, now: () => 1 });
    expect(result).toEqual({ ok: false, error: { kind: 'parse', detail: `home page: too deeply nested (more than ${MAX_DEPTH} levels of elements)`, at: 1 } });
  });

  it('a search cut short by the budget fails the read rather than returning what it found so far', () => {
    const html = `<html><body>${'<div class="topIndices__item"><span class="topIndices__item__name">K</span>'.repeat(200)}</body></html>`;
    const parseOnly = new Budget(PAGE_BUDGET);
    expect(parseHtml(html, parseOnly).ok).toBe(true);
    // Enough for the parse, not for the searches: each item's searches cover the items inside it.
    const result = parseHomePage(html, new Budget(parseOnly.spent + 1_000));
    expect(result.ok ? 'read' : result.error).toContain('too large');
  });

  it('the sample home page reads with most of the budget to spare', () => {
    const budget = new Budget(PAGE_BUDGET);
    const result = parseHomePage(readFixture('psx/home.html'), budget);
    expect(result.ok && result.value.indices.length).toBe(6);
    expect(budget.spent).toBeLessThan(PAGE_BUDGET / 20);
  });
});

describe('the DOM helpers', () => {
  /** Elements nested in each other, built directly: deeper than any parse may go. */
  function deepTree(depth: number): Element {
    let node = new Element('b', { class: 'leaf' }, [new Text('deep text')]);
    for (let i = 1; i < depth; i++) node = new Element(i % 2 ? 'div' : 'span', {}, [node]);
    return node;
  }

  it('walk a tree 50,000 deep without recursion', () => {
    const root = deepTree(50_000);
    const budget = new Budget(1_000_000);
    expect(findFirst(root, (el) => el.attribs['class'] === 'leaf', budget)?.name).toBe('b');
    expect(findAll(root, (el) => el.name === 'b', budget)).toHaveLength(1);
    expect(textOf(root, budget)).toBe('deep text');
    expect(budget.exhausted).toBe(false);
  });

  it('stop when the budget is spent, and say so', () => {
    const budget = new Budget(500);
    expect(findFirst(deepTree(50_000), (el) => el.name === 'b', budget)).toBe(null);
    expect(budget.exhausted).toBe(true);
    expect(budget.failure).toBe('too large (more than 500 steps of parsing)');
  });

  it('parseStream lets a handler stop early, and that is a success', () => {
    let parser: Parser | null = null;
    let seen = 0;
    const handler: Partial<Handler> = {
      onparserinit: (p) => (parser = p),
      onopentag: () => {
        if (++seen === 10) parser?.pause();
      },
    };
    const result = parseStream('<a></a>'.repeat(1_000), handler, { budget: new Budget(PAGE_BUDGET) });
    expect({ result, seen }).toEqual({ result: { ok: true, value: undefined }, seen: 10 });
  });

  it('parseStream charges closing tags that close nothing (htmlparser2 searches its stack for each)', () => {
    const html = `${'<abc>'.repeat(200)}${'</abd>'.repeat(100_000)}`;
    const result = parseStream(html, {}, { budget: new Budget(PAGE_BUDGET) });
    expect(result.ok ? 'read' : result.error).toContain('too large');
  });
});
