/**
 * Issue 10: an index whose change the parser cannot read was shown as "0.00 / unchanged" and the
 * badge as "0.0". An index is returned only when its value, change and % all read; otherwise it
 * is left out and the background keeps its last good value (mergeIndices).
 */
import { describe, expect, it } from 'vitest';
import { parseHomePage } from '../../../src/sources/psx/home-page';

const carousel = (value: string, change: string, percent: string, sign = 'change__text--neg'): string =>
  `<div class="topIndices__item"><div><div class="topIndices__item__name">KSE100</div>
    <div class="topIndices__item__val">${value}</div></div><div class="${sign}">
    <div class="topIndices__item__change">${change}</div><div class="topIndices__item__changep">${percent}</div></div></div>
   <div class="topIndices__item"><div><div class="topIndices__item__name">KSE30</div>
    <div class="topIndices__item__val">51,930.77</div></div><div class="change__text--neg">
    <div class="topIndices__item__change">-160.02</div><div class="topIndices__item__changep">(-0.31%)</div></div></div>`;

const codes = (html: string): string[] | false => {
  const result = parseHomePage(html);
  return result.ok && result.value.indices.map((i) => i.code);
};

describe('parseHomePage: an index it cannot read is left out, never shown as 0', () => {
  it('reads a well-formed index', () => {
    const result = parseHomePage(carousel('171,208.54', '-412.66', '(-0.24%)'));
    expect(result.ok && result.value.indices[0]).toEqual({ code: 'KSE100', value: 171208.54, change: -412.66, changePercent: -0.24, staleDate: null });
  });

  it.each<[string, string, string, string]>([
    ['an unreadable change', '171,208.54', 'n/a', '(-0.24%)'],
    ['an empty change', '171,208.54', '', '(-0.24%)'],
    ['an unreadable %', '171,208.54', '-412.66', '(--)'],
    ['an empty %', '171,208.54', '-412.66', ''],
    ['a change in hex', '171,208.54', '0x19C', '(-0.24%)'],
    ['a % with an exponent', '171,208.54', '-412.66', '(-2.4e-1%)'],
    ['a negative value', '-171,208.54', '-412.66', '(-0.24%)'],
    ['a zero value', '0.00', '-412.66', '(-0.24%)'],
    ['a value with a decimal comma', '171208,54', '-412.66', '(-0.24%)'],
  ])('%s', (_name, value, change, percent) => {
    expect(codes(carousel(value, change, percent))).toEqual(['KSE30']);
  });

  it('a raw data-close that is not a price leaves the index out rather than reading 0', () => {
    const html = `${carousel('171,208.54', '-412.66', '(-0.24%)')}<div class="marketIndices__details" data-name="KSE100" data-close="0"></div>`;
    expect(codes(html)).toEqual(['KSE30']);
  });

  it('an unchanged index that says so is still read as 0', () => {
    const result = parseHomePage(carousel('18,652.24', '0.00', '(0.00%)', 'change__text--noc'));
    expect(result.ok && result.value.indices[0]).toMatchObject({ code: 'KSE100', change: 0, changePercent: 0 });
  });
});
