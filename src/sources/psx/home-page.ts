/**
 * The portal's home page (`GET https://dps.psx.com.pk/`): one request that gives the request
 * token, the index carousel and the regular market's board state.
 */
import type { IndexQuote, MarketPhase, MarketStatus } from '../../shared/model';
import { err, ok, type Result } from '../../shared/result';
import { attr, Budget, byClass, byTag, classWithPrefix, findAll, findFirst, PAGE_BUDGET, parseHtml, rawTextOf, textOf, type Element } from '../dom';
import { asPrice, parseDisplayNumber, parseRawNumber } from '../numbers';
import { readRequestToken } from './request-token';
import { pktDateTimeToEpoch } from './pkt-time';

export interface HomePage {
  /** `window.__ps._k`, required as `X-Req-Id` on data requests; null when the page has none. */
  token: string | null;
  indices: IndexQuote[];
  /** The regular market (`data-key="REG"`); null when the page does not show it. */
  market: MarketStatus | null;
  /** The portal's own time stamp of the index figures. */
  asOf: number | null;
}

/**
 * One budget pays for the parse and every search after it, so a hostile page (20,000 nested
 * elements, or carousel items nested in each other) fails as `too deeply nested` or
 * `too large` in bounded time instead of overflowing the stack or searching for seconds.
 */
export function parseHomePage(html: string, budget = new Budget(PAGE_BUDGET)): Result<HomePage, string> {
  const parsed = parseHtml(html, budget);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  // One walk over the whole page finds everything read below; later searches stay inside these.
  const found = findAll(doc, (el) => byTag('script')(el) || isPanel(el) || isItem(el) || isBoard(el), budget);
  const token = readRequestToken(found.filter(byTag('script')).map((s) => rawTextOf(s, budget)));
  const panels = found.filter(isPanel);
  // The first detail panel of each index name, looked up once per carousel item.
  const panelByCode = new Map<string, Element>();
  for (const panel of panels) {
    const code = attr(panel, 'data-name')?.toUpperCase();
    if (code !== undefined && !panelByCode.has(code)) panelByCode.set(code, panel);
  }
  const indices = found
    .filter(isItem)
    .map((item) => readCarouselItem(item, panelByCode, budget))
    .filter((q): q is IndexQuote => q !== null);
  const board = found.find(isBoard);
  const market = board === undefined ? null : readBoardState(board, budget);
  // A search cut short by the budget may have missed what it looked for: nothing is trusted.
  if (budget.exhausted) return err(budget.failure);
  if (indices.length === 0 && market === null) {
    return err('no index carousel and no board state: an error page or a new layout');
  }
  return ok({ token, indices, market, asOf: readAsOf(panels) });
}

const isPanel = byClass('marketIndices__details');
const isItem = byClass('topIndices__item');
/** The regular market's board. */
const isBoard = (el: Element): boolean => attr(el, 'data-key') === 'REG';

/** Budget units for reading one carousel item, beyond its nodes: a dozen searches and numbers. */
const ITEM_COST = 50;

function readCarouselItem(item: Element, panels: Map<string, Element>, budget: Budget): IndexQuote | null {
  if (!budget.spend(ITEM_COST)) return null;
  const text = (className: string): string => textOf(findFirst(item, byClass(className), budget) ?? [], budget);
  const code = text('topIndices__item__name').toUpperCase();
  if (code === '') return null;
  // The carousel prints only formatted text; the detail panel of the same index carries the raw
  // closing value in `data-close`, which wins when present.
  const panel = panels.get(code);
  const value = asPrice(parseRawNumber(panel ? attr(panel, 'data-close') : null) ?? parseDisplayNumber(text('topIndices__item__val')));
  if (value === null) return null;

  const signHolder = findFirst(item, (el) => classWithPrefix(el, 'change__text--') !== null, budget);
  const sign = signHolder ? classWithPrefix(signHolder, 'change__text--') : null;
  const change = withSign(parseDisplayNumber(text('topIndices__item__change')), sign);
  const changePercent = withSign(parseDisplayNumber(text('topIndices__item__changep')), sign);
  // Unreadable is not "unchanged": the index is left out and the caller keeps its last value.
  if (change === null || changePercent === null) return null;
  const dateEl = findFirst(item, byClass('topIndices__item__date'), budget);
  return {
    code,
    value,
    change,
    changePercent,
    staleDate: dateEl ? textOf(dateEl, budget) || null : null,
  };
}

/** The sign class is the portal's own statement of direction; the text may lack the minus. */
function withSign(value: number | null, signClass: string | null): number | null {
  if (value === null) return null;
  if (signClass === 'change__text--neg') return -Math.abs(value);
  if (signClass === 'change__text--pos') return Math.abs(value);
  return value;
}

function readBoardState(board: Element, budget: Budget): MarketStatus | null {
  for (const stat of findAll(board, byClass('markets__item__stat'), budget)) {
    const labelEl = findFirst(stat, byClass('markets__item__stat__label'), budget);
    const labelText = labelEl ? textOf(labelEl, budget) : '';
    if (labelText.toLowerCase() !== 'state') continue;
    const label = textOf(stat, budget).slice(labelText.length).trim();
    if (label !== '') return { phase: phaseOf(label), label };
  }
  return null;
}

/** Board words seen on the portal, normalised; anything new stays visible as "unknown". */
export function phaseOf(label: string): MarketPhase {
  const word = label.toLowerCase().replace(/[^a-z]/g, '');
  switch (word) {
    case 'open':
      return 'open';
    case 'preopen':
      return 'pre-open';
    case 'postclose':
      return 'post-close';
    case 'close':
    case 'closed':
      return 'closed';
    default:
      return 'unknown';
  }
}

function readAsOf(panels: Element[]): number | null {
  for (const panel of panels) {
    const stamp = pktDateTimeToEpoch(attr(panel, 'data-date'));
    if (stamp !== null) return stamp;
  }
  return null;
}
