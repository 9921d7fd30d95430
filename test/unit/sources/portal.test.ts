import { describe, expect, it } from 'vitest';
import { HOME_URL, MARKET_WATCH_URL, readPortal } from '../../../src/sources/psx/portal';
import { fakeFetch } from '../fake-fetch';
import { readFixture } from '../fixtures';

const home = readFixture('psx/home.html');
const homeWithToken = (token: string): string => home.replace('q7Xv2LmR9tKp4WzN8bYc3HdF', token);
const watch = readFixture('psx/market-watch-sample.html');

describe('readPortal', () => {
  it('reads the home page, then the market watch with the token headers', async () => {
    const { fetch, calls } = fakeFetch({ [HOME_URL]: [{ body: home }], [MARKET_WATCH_URL]: [{ body: watch }] });
    const result = await readPortal({ fetchImpl: fetch, wantQuotes: () => true });
    expect(result.ok && result.value.quotes?.map((q) => q.symbol)).toEqual(['HUBC', 'OGDC', 'KEL', 'SILK']);
    expect(result.ok && result.value.market?.phase).toBe('open');
    expect(calls.map((c) => c.url)).toEqual([HOME_URL, MARKET_WATCH_URL]);
    expect(calls[1]?.headers).toMatchObject({ 'x-req-id': 'q7Xv2LmR9tKp4WzN8bYc3HdF', 'x-requested-with': 'XMLHttpRequest' });
  });

  it('re-reads a rotated token once after a 403 and retries', async () => {
    const { fetch, calls } = fakeFetch({
      [HOME_URL]: [{ body: homeWithToken('old-token') }, { body: homeWithToken('new-token') }],
      [MARKET_WATCH_URL]: [{ status: 403 }, { body: watch }],
    });
    const result = await readPortal({ fetchImpl: fetch, wantQuotes: () => true });
    expect(result.ok && result.value.quotes?.length).toBe(4);
    expect(calls.map((c) => [c.url, c.headers['x-req-id']])).toEqual([
      [HOME_URL, undefined],
      [MARKET_WATCH_URL, 'old-token'],
      [HOME_URL, undefined],
      [MARKET_WATCH_URL, 'new-token'],
    ]);
  });

  it('gives up after one retry and keeps the indices it read', async () => {
    const { fetch, calls } = fakeFetch({ [HOME_URL]: [{ body: home }], [MARKET_WATCH_URL]: [{ status: 403 }] });
    const result = await readPortal({ fetchImpl: fetch, wantQuotes: () => true });
    expect(result.ok && result.value.quotes).toBe(null);
    expect(result.ok && result.value.quotesError?.kind).toBe('forbidden');
    expect(result.ok && result.value.indices.length).toBe(6);
    expect(calls).toHaveLength(4);
  });

  it('sends no token when the page has none (fail open)', async () => {
    const { fetch, calls } = fakeFetch({
      [HOME_URL]: [{ body: home.replace('window.__ps = {"_k":"q7Xv2LmR9tKp4WzN8bYc3HdF","v":1};', '') }],
      [MARKET_WATCH_URL]: [{ body: watch }],
    });
    await readPortal({ fetchImpl: fetch, wantQuotes: () => true });
    expect(calls[1]?.headers['x-req-id']).toBeUndefined();
    expect(calls[1]?.headers['x-requested-with']).toBe('XMLHttpRequest');
  });

  it('asks nothing more than the state when quotes are not wanted', async () => {
    const { fetch, calls } = fakeFetch({ [HOME_URL]: [{ body: home }], [MARKET_WATCH_URL]: [{ body: watch }] });
    const result = await readPortal({ fetchImpl: fetch, wantQuotes: () => false });
    expect(result.ok && result.value.quotes).toBe(null);
    expect(calls.map((c) => c.url)).toEqual([HOME_URL]);
  });

  it('reports a home page that is an error page as a parse failure', async () => {
    const { fetch } = fakeFetch({ [HOME_URL]: [{ body: '<html><body>Bad gateway</body></html>' }] });
    const result = await readPortal({ fetchImpl: fetch, wantQuotes: () => true });
    expect(!result.ok && result.error.kind).toBe('parse');
  });
});
