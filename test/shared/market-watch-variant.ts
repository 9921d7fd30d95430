/**
 * The market-watch fixture with one symbol's price moved: current, change and % rewritten
 * together (and the day's high or low stretched to include it), so the row still passes the
 * parser's cross-checks. For tests that move a price across an alert's line. Edited through
 * the same HTML parser the extension uses, and written back with its serializer.
 */
import { parseDocument } from 'htmlparser2';
import { findOne, getAttributeValue, getChildren } from 'domutils';
import render from 'dom-serializer';
import { Element, Text } from 'domhandler';

/** Cells after the symbol, code and index columns: LDCP, open, high, low, current, change, %, volume. */
const FIRST_FIGURE = 3;

export function withPrice(page: string, symbol: string, price: number): string {
  const doc = parseDocument(page);
  const link = findOne((el) => el.name === 'a' && getAttributeValue(el, 'href') === `/company/${symbol}`, doc.children);
  const row = link?.parent?.parent;
  if (!(row instanceof Element) || row.name !== 'tr') throw new Error(`${symbol} is not in the market watch fixture`);
  const cells = getChildren(row).filter((c): c is Element => c instanceof Element && c.name === 'td');
  const figures = cells.slice(FIRST_FIGURE);
  const value = (i: number): number => Number(figures[i]?.attribs['data-order']);
  const ldcp = value(0);
  const change = Number((price - ldcp).toFixed(2));
  const percent = (change / ldcp) * 100;
  const set = (i: number, order: number, text: string): void => {
    const cell = figures[i];
    if (!cell) throw new Error(`${symbol}'s row has no cell ${i}`);
    cell.attribs['data-order'] = String(order);
    cell.children = [new Text(text)];
  };
  set(2, Math.max(value(2), price), Math.max(value(2), price).toFixed(2));
  set(3, Math.min(value(3), price), Math.min(value(3), price).toFixed(2));
  set(4, price, price.toFixed(2));
  set(5, change, change.toFixed(2));
  set(6, percent, `${percent.toFixed(2)}%`);
  return render(doc, { decodeEntities: false });
}
