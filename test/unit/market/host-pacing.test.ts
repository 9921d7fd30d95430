import { describe, expect, it } from 'vitest';
import {
  createCyclePacer,
  HOST_DEFAULT_WAIT_MS,
  HOST_SPACING_MS,
  HOST_WAIT_MAX_MS,
  hostFree,
  hostHeldUntil,
  hostOf,
  MAX_PACED_HOSTS,
  normaliseHostPacing,
  pruneHostPacing,
  recordHostRateLimit,
} from '../../../src/background/host-pacing';
import { fetchText } from '../../../src/sources/http';
import { fakeFetch } from '../fake-fetch';

const NOW = Date.UTC(2026, 9, 14, 6, 0);
const MINUTE = 60_000;
const PSX = 'dps.psx.com.pk';
const HOME = 'https://dps.psx.com.pk/';
const WATCH = 'https://dps.psx.com.pk/market-watch';
const SERIES = 'https://dps.psx.com.pk/timeseries/int/HUBC';
const FEED = 'https://www.brecorder.com/feeds/world';

describe('the host record', () => {
  it('spaces requests 250 ms apart and holds a host at most 30 min, 1 min without Retry-After', () => {
    expect([HOST_SPACING_MS, HOST_WAIT_MAX_MS, HOST_DEFAULT_WAIT_MS]).toEqual([250, 30 * MINUTE, MINUTE]);
  });

  it('records a host, keeps the later of two times, and never changes its input', () => {
    const empty = {};
    const one = recordHostRateLimit(empty, PSX, NOW + MINUTE);
    expect(empty).toEqual({});
    expect(one).toEqual({ [PSX]: NOW + MINUTE });
    expect(recordHostRateLimit(one, PSX, NOW + 10 * MINUTE)).toEqual({ [PSX]: NOW + 10 * MINUTE });
    expect(recordHostRateLimit(one, PSX, NOW)).toBe(one);
    expect(recordHostRateLimit(one, 'psxterminal.com', NOW + MINUTE)).toEqual({ [PSX]: NOW + MINUTE, 'psxterminal.com': NOW + MINUTE });
    expect(recordHostRateLimit(one, PSX, Number.NaN)).toBe(one);
    expect(recordHostRateLimit(one, PSX, Infinity)).toBe(one);
  });

  it.each<[string, Record<string, number>, number, boolean]>([
    ['an unknown host', {}, NOW, true],
    ['a held host', { [PSX]: NOW + MINUTE }, NOW, false],
    ['when the hold ends', { [PSX]: NOW + MINUTE }, NOW + MINUTE, true],
    ['after the hold', { [PSX]: NOW + MINUTE }, NOW + 2 * MINUTE, true],
    ['held exactly the longest wait', { [PSX]: NOW + HOST_WAIT_MAX_MS }, NOW, false],
    ['held further than the longest wait (clock put back)', { [PSX]: NOW + HOST_WAIT_MAX_MS + 1 }, NOW, true],
    ['held until year 9999', { [PSX]: Date.UTC(9999, 0) }, NOW, true],
    ['NaN', { [PSX]: Number.NaN }, NOW, true],
    ['another host held', { 'psxterminal.com': NOW + MINUTE }, NOW, true],
  ])('hostFree: %s → %s', (_name, state, now, expected) => {
    expect(hostFree(state, PSX, now)).toBe(expected);
    expect(hostHeldUntil(state, PSX, now) === null).toBe(expected);
  });

  it.each<[string, unknown, Record<string, number>]>([
    ['not an object', 'x', {}],
    ['null', null, {}],
    ['an array', [NOW + MINUTE], {}],
    ['mixed', { a: NOW + MINUTE, b: NOW - 1, c: 'soon', d: NOW + 10 * 365 * 24 * 60 * MINUTE, e: Number.NaN }, { a: NOW + MINUTE }],
  ])('pruneHostPacing keeps only believable holds still running: %s', (_name, raw, expected) => {
    expect(pruneHostPacing(raw, NOW)).toEqual(expected);
  });

  it('normaliseHostPacing checks the shape only, and keeps the latest holds when there are too many', () => {
    expect(normaliseHostPacing({ a: 1, b: 'x', c: Number.NaN, '': 5, d: NOW - 1 })).toEqual({ a: 1, d: NOW - 1 });
    const many = Object.fromEntries(Array.from({ length: MAX_PACED_HOSTS + 5 }, (_, i) => [`h${i}.example`, NOW + i]));
    const kept = normaliseHostPacing(many);
    expect(Object.keys(kept)).toHaveLength(MAX_PACED_HOSTS);
    expect(kept['h0.example']).toBeUndefined();
    expect(kept[`h${MAX_PACED_HOSTS + 4}.example`]).toBe(NOW + MAX_PACED_HOSTS + 4);
  });

  it('hostOf gives the lower-case host name without port, or null', () => {
    expect([hostOf('https://DPS.psx.com.pk:443/x'), hostOf('https://example.com:8443/'), hostOf('not a url')]).toEqual([PSX, 'example.com', null]);
  });
});

describe('a cycle’s pacer, through fetchText', () => {
  const clock = (start = NOW): { now: () => number; advance: (ms: number) => void } => {
    let t = start;
    return { now: () => t, advance: (ms) => (t += ms) };
  };

  it('starts requests to one host 250 ms apart, in order, and other hosts at once', async () => {
    const waits: number[] = [];
    const { now } = clock();
    const pacer = createCyclePacer({}, { now, wait: (ms) => (waits.push(ms), Promise.resolve()) });
    const { fetch, calls } = fakeFetch({ [HOME]: [{ body: 'h' }], [WATCH]: [{ body: 'w' }], [SERIES]: [{ body: 's' }], [FEED]: [{ body: 'f' }] });
    const results = await Promise.all([HOME, WATCH, FEED, SERIES].map((url) => fetchText(url, { fetchImpl: fetch, now, gate: pacer })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(waits).toEqual([250, 500]);
    expect(calls.map((c) => c.url)).toEqual([HOME, FEED, WATCH, SERIES]);
  });

  it('does not space a request that comes after the spacing has passed', async () => {
    const waits: number[] = [];
    const { now, advance } = clock();
    const pacer = createCyclePacer({}, { now, wait: (ms) => (waits.push(ms), Promise.resolve()) });
    const { fetch } = fakeFetch({ [HOME]: [{ body: 'h' }], [WATCH]: [{ body: 'w' }] });
    await fetchText(HOME, { fetchImpl: fetch, now, gate: pacer });
    advance(HOST_SPACING_MS);
    await fetchText(WATCH, { fetchImpl: fetch, now, gate: pacer });
    expect(waits).toEqual([]);
  });

  it('a 429 on one route holds every route of that host, in this cycle and the next, until it runs out', async () => {
    const { now, advance } = clock();
    const pacer = createCyclePacer({}, { now, wait: () => Promise.resolve() });
    const { fetch, calls } = fakeFetch({
      [WATCH]: [{ status: 429, headers: { 'Retry-After': '120' } }],
      [SERIES]: [{ body: 's' }],
      [HOME]: [{ body: 'h' }],
      [FEED]: [{ body: 'f' }],
    });
    const watch = await fetchText(WATCH, { fetchImpl: fetch, now, gate: pacer });
    expect(!watch.ok && watch.error).toMatchObject({ kind: 'rate-limited', retryAt: NOW + 120_000 });
    const series = await fetchText(SERIES, { fetchImpl: fetch, now, gate: pacer });
    expect(!series.ok && series.error).toEqual({ kind: 'rate-limited', detail: `held back: ${PSX} answered HTTP 429`, at: NOW, retryAt: NOW + 120_000 });
    // another host is not held
    expect((await fetchText(FEED, { fetchImpl: fetch, now, gate: pacer })).ok).toBe(true);
    expect(calls.map((c) => c.url)).toEqual([WATCH, FEED]);

    // What the caller stores, and the next cycle starts from.
    const stored: unknown = JSON.parse(JSON.stringify(pacer.state()));
    expect(stored).toEqual({ [PSX]: NOW + 120_000 });
    advance(MINUTE);
    const next = createCyclePacer(stored, { now, wait: () => Promise.resolve() });
    expect((await fetchText(HOME, { fetchImpl: fetch, now, gate: next })).ok).toBe(false);
    advance(MINUTE);
    expect((await fetchText(HOME, { fetchImpl: fetch, now, gate: next })).ok).toBe(true);
    expect(next.state()).toEqual({});
  });

  it.each<[string, Record<string, string>, number]>([
    ['no Retry-After: a minute', {}, NOW + HOST_DEFAULT_WAIT_MS],
    ['Retry-After 0: a minute', { 'Retry-After': '0' }, NOW + HOST_DEFAULT_WAIT_MS],
    ['garbage: a minute', { 'Retry-After': 'later' }, NOW + HOST_DEFAULT_WAIT_MS],
    ['10 min', { 'Retry-After': '600' }, NOW + 10 * MINUTE],
    ['a far-future date: 30 min', { 'Retry-After': 'Fri, 31 Dec 9999 23:59:59 GMT' }, NOW + HOST_WAIT_MAX_MS],
    ['a delay in milliseconds: 30 min', { 'Retry-After': '120000' }, NOW + HOST_WAIT_MAX_MS],
  ])('a 429 with %s holds the host', async (_name, headers, until) => {
    const { now } = clock();
    const pacer = createCyclePacer({}, { now, wait: () => Promise.resolve() });
    const { fetch } = fakeFetch({ [WATCH]: [{ status: 429, headers }] });
    await fetchText(WATCH, { fetchImpl: fetch, now, gate: pacer });
    expect(pacer.state()).toEqual({ [PSX]: until });
  });

  it('other failures do not hold the host', async () => {
    const { now } = clock();
    const pacer = createCyclePacer({}, { now, wait: () => Promise.resolve() });
    const { fetch } = fakeFetch({ [WATCH]: [{ status: 503, headers: { 'Retry-After': '600' } }] });
    await fetchText(WATCH, { fetchImpl: fetch, now, gate: pacer });
    expect(pacer.state()).toEqual({});
  });

  it('a request queued behind one answered 429 is not sent', async () => {
    const { now } = clock();
    let release: () => void = () => undefined;
    const pacer = createCyclePacer({}, { now, wait: () => new Promise<void>((resolve) => (release = resolve)) });
    const { fetch, calls } = fakeFetch({ [WATCH]: [{ status: 429 }], [SERIES]: [{ body: 's' }] });
    const first = fetchText(WATCH, { fetchImpl: fetch, now, gate: pacer });
    const second = fetchText(SERIES, { fetchImpl: fetch, now, gate: pacer });
    await first;
    release();
    const queued = await second;
    expect(!queued.ok && queued.error).toMatchObject({ kind: 'rate-limited', retryAt: NOW + HOST_DEFAULT_WAIT_MS });
    expect(calls.map((c) => c.url)).toEqual([WATCH]);
  });

  it('the deadline starts after the wait for a turn', async () => {
    const pacer = createCyclePacer({}, { spacingMs: 60 });
    const { fetch } = fakeFetch({ [HOME]: [{ body: 'h' }], [WATCH]: [{ body: 'w' }] });
    const [home, watch] = await Promise.all([
      fetchText(HOME, { fetchImpl: fetch, gate: pacer, timeoutMs: 30 }),
      fetchText(WATCH, { fetchImpl: fetch, gate: pacer, timeoutMs: 30 }),
    ]);
    expect([home.ok, watch.ok]).toEqual([true, true]);
  });
});
