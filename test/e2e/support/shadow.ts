/**
 * Looking inside the bar's closed shadow root from a test. Page scripts cannot, which is the
 * point; the DevTools protocol can (`pierce: true`), and so can the test.
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

export interface BarView {
  shadowRootType: string;
  text: string;
  /** Computed colour and font size of each quote symbol, and of the first story. */
  symbolStyles: { color: string; fontSize: string }[];
  closeButton: { x: number; y: number } | null;
  menuButtons: Record<string, { x: number; y: number }>;
  bar: { x: number; y: number; width: number; height: number } | null;
  /** The scrolling track's computed transform: it changes while the bar moves. */
  trackTransform: string | null;
  /** The direction the bar is laid out in: its host's or its root element's `dir` (issue 13). */
  dir: string | null;
  /** Every accessible name or title in the shadow tree. */
  names: string[];
}

function walk(node: DomNode, visit: (n: DomNode) => void): void {
  visit(node);
  node.children?.forEach((c) => walk(c, visit));
  node.shadowRoots?.forEach((c) => walk(c, visit));
}

const attr = (n: DomNode, name: string): string | undefined => {
  const a = n.attributes ?? [];
  const i = a.indexOf(name);
  return i === -1 ? undefined : a[i + 1];
};

async function centre(cdp: CDPSession, backendNodeId: number): Promise<{ x: number; y: number } | null> {
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  } catch {
    return null; // not rendered (hidden)
  }
}

/**
 * The bar redraws its items in place when a cycle writes (new nodes, new ids): a read that
 * straddles such a redraw finds its nodes gone, and is taken again from a fresh snapshot.
 */
export async function readBar(page: Page): Promise<BarView | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readBarOnce(page);
    } catch (cause) {
      if (attempt >= 5 || !String(cause).includes('Could not find node')) throw cause;
    }
  }
}

async function readBarOnce(page: Page): Promise<BarView | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    let host: DomNode | undefined;
    walk(root, (n) => {
      if (n.localName === 'psx-ticker-bar') host = n;
    });
    const shadow = host?.shadowRoots?.[0];
    if (!host || !shadow) return null;
    let text = '';
    const symbols: DomNode[] = [];
    let close: DomNode | undefined;
    let barNode: DomNode | undefined;
    let trackNode: DomNode | undefined;
    const menu: Record<string, DomNode> = {};
    const names: string[] = [];
    let dir: string | null = attr(host, 'dir') ?? null;
    walk(shadow, (n) => {
      for (const a of ['aria-label', 'title']) {
        const v = attr(n, a);
        if (v) names.push(v);
      }
      dir ??= attr(n, 'dir') ?? null;
      if (n.nodeName === '#text' && n.nodeValue) text += n.nodeValue;
      if (n.localName === 'style') n.children = []; // not text a user sees
      const cls = attr(n, 'class') ?? '';
      if (cls === 'symbol') symbols.push(n);
      if (cls === 'close') close = n;
      if (cls === 'bar') barNode = n;
      if (cls === 'track') trackNode = n;
      if (n.localName === 'button' && cls === '') {
        const label = n.children?.[0]?.nodeValue;
        if (label) menu[label] = n;
      }
    });
    const symbolStyles = await Promise.all(
      symbols.slice(0, 3).map(async (n) => {
        const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: n.nodeId })) as {
          computedStyle: { name: string; value: string }[];
        };
        const get = (name: string): string => computedStyle.find((p) => p.name === name)?.value ?? '';
        return { color: get('color'), fontSize: get('font-size') };
      }),
    );
    const menuButtons: Record<string, { x: number; y: number }> = {};
    for (const [label, n] of Object.entries(menu)) {
      const at = await centre(cdp, n.backendNodeId);
      if (at) menuButtons[label] = at;
    }
    let bar: BarView['bar'] = null;
    if (barNode) {
      try {
        const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: barNode.backendNodeId })) as { model: { width: number; height: number; content: number[] } };
        bar = { x: model.content[0] ?? 0, y: model.content[1] ?? 0, width: model.width, height: model.height };
      } catch {
        bar = null;
      }
    }
    let trackTransform: string | null = null;
    if (trackNode) {
      const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: trackNode.nodeId })) as {
        computedStyle: { name: string; value: string }[];
      };
      trackTransform = computedStyle.find((p) => p.name === 'transform')?.value ?? null;
    }
    return {
      trackTransform,
      shadowRootType: shadow.shadowRootType ?? '',
      text: text.replace(/\s+/g, ' ').trim(),
      symbolStyles,
      closeButton: close ? await centre(cdp, close.backendNodeId) : null,
      menuButtons,
      bar,
      dir,
      names,
    };
  } finally {
    await cdp.detach();
  }
}
