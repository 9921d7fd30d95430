import { describe, expect, it } from 'vitest';
import { parseHomePage } from '../../../src/sources/psx/home-page';
import { readFixture } from '../fixtures';

describe('parseHomePage on the sample home page', () => {
  const result = parseHomePage(readFixture('psx/home.html'));
  if (!result.ok) throw new Error(result.error);
  const page = result.value;

  it('reads the request token from window.__ps', () => {
    expect(page.token).toBe('q7Xv2LmR9tKp4WzN8bYc3HdF');
  });

  it('reads the regular market board, not the futures or square-up boards', () => {
    expect(page.market).toEqual({ phase: 'open', label: 'Open' });
  });

  it.each([
    // The KSE100 value comes from the detail panel's raw data-close; the rest from the carousel.
    ['KSE100', 171208.54, -412.66, -0.24, null],
    ['KSE100PR', 52144.1, -125.7, -0.24, null],
    ['ALLSHR', 104870.02, 58.31, 0.06, null],
    ['KSE30', 51930.77, -160.02, -0.31, null],
    ['KMI30', 244102.88, 1020.45, 0.42, null],
    ['HBLTTI', 18652.24, 0, 0, '13-10-2026'],
  ])('reads %s', (code, value, change, changePercent, staleDate) => {
    expect(page.indices.find((i) => i.code === code)).toEqual({ code, value, change, changePercent, staleDate });
  });

  it('reads the portal time stamp as PKT', () => {
    expect(page.asOf).toBe(Date.UTC(2026, 9, 14, 6, 41, 50));
  });
});

describe('parseHomePage on pages that are not the home page', () => {
  it.each([
    ['an HTML error page served with 200', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['an empty body', ''],
    ['a maintenance page with a script', '<html><script>window.__ps = {"_k":"abc"}</script><p>Down for maintenance</p></html>'],
  ])('rejects %s', (_name, html) => {
    expect(parseHomePage(html).ok).toBe(false);
  });

  it('fails open without a token: data is still read', () => {
    const html = readFixture('psx/home.html').replace('window.__ps = {"_k":"q7Xv2LmR9tKp4WzN8bYc3HdF","v":1};', '');
    const result = parseHomePage(html);
    expect(result.ok && result.value.token).toBe(null);
    expect(result.ok && result.value.indices.length).toBe(6);
  });

  it('applies the sign class when the printed change lacks a minus', () => {
    const html = `<div class="topIndices__item"><div><div class="topIndices__item__name">KSE30</div>
      <div class="topIndices__item__val">51,930.77</div></div><div class="change__text--neg">
      <div class="topIndices__item__change">160.02</div><div class="topIndices__item__changep">(0.31%)</div></div></div>`;
    const result = parseHomePage(html);
    expect(result.ok && result.value.indices[0]).toMatchObject({ change: -160.02, changePercent: -0.31 });
  });

  it('reads a Unicode minus in the carousel text', () => {
    const html = `<div class="topIndices__item"><div class="topIndices__item__name">KSE100</div>
      <div class="topIndices__item__val">171,208.54</div><div class="topIndices__item__change">\u2212412.66</div>
      <div class="topIndices__item__changep">(\u22120.24%)</div></div>`;
    const result = parseHomePage(html);
    expect(result.ok && result.value.indices[0]).toMatchObject({ change: -412.66, changePercent: -0.24 });
  });

  it.each([
    ['Closed', 'closed'],
    ['Pre-Open', 'pre-open'],
    ['Ready', 'unknown'],
  ])('reads the board state %s', (label, phase) => {
    const html = `<div class="glide__slide" data-key="REG"><div class="markets__item__stat">
      <div class="markets__item__stat__label">State</div><div>${label}</div></div></div>`;
    const result = parseHomePage(html);
    expect(result.ok && result.value.market).toEqual({ phase, label });
  });
});
