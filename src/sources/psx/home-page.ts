/**
 * The portal's home page (`GET https://dps.psx.com.pk/`): one request that gives the request
 * token, the index carousel and the regular market's board state.
 */
import type { IndexQuote, MarketPhase, MarketStatus } from '../../shared/model';
import { err, ok, type Result } from '../../shared/result';
import { attr, byClass, byTag, classWithPrefix, findAll, findFirst, parseHtml, textOf, type Element } from '../dom';
import { parseDisplayNumber, parseRawNumber } from '../numbers';
import type { Document } from 'domhandler';
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

export function parseHomePage(html: string): Result<HomePage, string> {
  const doc = parseHtml(html);
  const token = readRequestToken(findAll(doc, byTag('script')).map((s) => textOf(s)));
  const panels = findAll(doc, byClass('marketIndices__details'));
  const indices = findAll(doc, byClass('topIndices__item'))
    .map((item) => readCarouselItem(item, panels))
    .filter((q): q is IndexQuote => q !== null);
  const market = readBoardState(doc, 'REG');
  if (indices.length === 0 && market === null) {
    return err('no index carousel and no board state: an error page or a new layout');
  }
  return ok({ token, indices, market, asOf: readAsOf(panels) });
}

function readCarouselItem(item: Element, panels: Element[]): IndexQuote | null {
  const code = textOf(findFirst(item, byClass('topIndices__item__name')) ?? []).toUpperCase();
  if (code === '') return null;
  // The carousel prints only formatted text; the detail panel of the same index carries the raw
  // closing value in `data-close`, which wins when present.
  const panel = panels.find((p) => attr(p, 'data-name')?.toUpperCase() === code);
  const value =
    parseRawNumber(panel ? attr(panel, 'data-close') : null) ??
    parseDisplayNumber(textOf(findFirst(item, byClass('topIndices__item__val')) ?? []));
  if (value === null) return null;

  const signHolder = findFirst(item, (el) => classWithPrefix(el, 'change__text--') !== null);
  const sign = signHolder ? classWithPrefix(signHolder, 'change__text--') : null;
  const change = withSign(parseDisplayNumber(textOf(findFirst(item, byClass('topIndices__item__change')) ?? [])), sign);
  const changePercent = withSign(
    parseDisplayNumber(textOf(findFirst(item, byClass('topIndices__item__changep')) ?? [])),
    sign,
  );
  const dateEl = findFirst(item, byClass('topIndices__item__date'));
  return {
    code,
    value,
    change: change ?? 0,
    changePercent: changePercent ?? 0,
    staleDate: dateEl ? textOf(dateEl) || null : null,
  };
}

/** The sign class is the portal's own statement of direction; the text may lack the minus. */
function withSign(value: number | null, signClass: string | null): number | null {
  if (value === null) return null;
  if (signClass === 'change__text--neg') return -Math.abs(value);
  if (signClass === 'change__text--pos') return Math.abs(value);
  return value;
}

function readBoardState(root: Document, market: string): MarketStatus | null {
  const board = findFirst(root, (el) => attr(el, 'data-key') === market);
  if (!board) return null;
  for (const stat of findAll(board, byClass('markets__item__stat'))) {
    const labelEl = findFirst(stat, byClass('markets__item__stat__label'));
    if (!labelEl || textOf(labelEl).toLowerCase() !== 'state') continue;
    const label = textOf(stat).slice(textOf(labelEl).length).trim();
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
