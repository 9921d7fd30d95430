// @vitest-environment happy-dom
/**
 * The options page's "Add an alert" form (issue 11): a rule on any index or watchlist symbol,
 * the threshold prefilled from the market view, the rule checked against that same figure.
 * happy-dom has no keyboard defaults, so `press` does what a browser does with Enter in a box
 * (it submits the form), and a select's change event is what the arrow keys end in.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/options/App';
import { normaliseRule, type AlertRule, type AlertsState } from '../../../src/shared/alerts/rules';
import { alertsItem } from '../../../src/shared/alerts/store';
import { browser } from '../../../src/shared/browser';
import { marketItem } from '../../../src/shared/market-store';
import { emptySnapshot, type IndexQuote, type Quote, type SourceStatus } from '../../../src/shared/model';
import { pktMidnight } from '../../../src/shared/session';
import { updateSettings } from '../../../src/shared/settings-items';
import { grantedApis, permissionsControl } from '../fake-permissions';
import { storeSnapshot } from '../support/store';

// Wednesday 14 Oct 2026, 11:42 PKT.
const AT = Date.UTC(2026, 9, 14, 6, 42);

/** A stored rule on HUBC, its other fields as storage fills them in. */
const rule = (id: string): AlertRule => normaliseRule({ id, subject: 'HUBC', kind: 'price-above', threshold: 113, createdAt: AT })!;

const quote = (symbol: string, price: number): Quote => ({ symbol, price, change: 1, changePercent: 0.9, previousClose: price - 1, open: price - 0.5, high: price, low: price - 1, volume: 100_000, readAt: AT - 60_000 });
const index = (code: string, value: number): IndexQuote => ({ code, value, change: 120, changePercent: 0.2, staleDate: null });

/**
 * How far the cycle would trust the market view: `fresh` (the portal answered a minute ago),
 * `stale` (the quotes source is failing), `held` (the latest read left the quotes out).
 */
type View = 'fresh' | 'stale' | 'held';
const READ = AT - 60_000;
const ok = (at: number): SourceStatus => ({ state: 'ok', attemptedAt: at, lastOk: at, lastError: null, failures: 0, nextTry: null });
const failing = (at: number): SourceStatus => ({ state: 'failing', attemptedAt: at, lastOk: at - 20 * 60_000, lastError: { kind: 'network', detail: 'Failed to fetch', at }, failures: 3, nextTry: null });

async function seed(alerts: Partial<AlertsState> = {}, market: { quotes?: Record<string, Quote>; indices?: Record<string, IndexQuote>; view?: View } = {}): Promise<void> {
  await updateSettings((s) => ({ ...s, timeZone: 'Asia/Karachi', indices: ['KSE100', 'KSE30'], watchlist: ['HUBC', 'OGDC'] }));
  await alertsItem.update(() => ({ rules: [], fired: [], ...alerts }));
  // The market view with the presentation the background would compute for it.
  const view = market.view ?? 'fresh';
  const quotesSource = view === 'stale' ? failing(AT - 30_000) : ok(view === 'held' ? READ + 30_000 : READ);
  await storeSnapshot(
    { ...emptySnapshot(), quotes: market.quotes ?? {}, indices: market.indices ?? {}, sources: { 'psx-home': ok(READ), 'psx-quotes': quotesSource }, marketReadAt: READ, marketAsOf: READ, updatedAt: READ },
    undefined,
    AT,
  );
}

/** The options page, once its form has read the market view (the threshold shows what `ready` expects). */
async function show(ready: (threshold: HTMLInputElement) => void = () => undefined): Promise<HTMLElement> {
  render(<App />);
  const form = await screen.findByRole('form', { name: 'Add an alert' });
  await waitFor(() => ready(threshold()));
  return form;
}

const form = (): HTMLElement => screen.getByRole('form', { name: 'Add an alert' });
const subject = (): HTMLSelectElement => within(form()).getByRole('combobox', { name: 'Subject' }) as HTMLSelectElement;
const condition = (): HTMLSelectElement => within(form()).getByRole('combobox', { name: 'Condition' }) as HTMLSelectElement;
const threshold = (): HTMLInputElement => within(form()).getByRole('textbox', { name: /^Threshold \(/ }) as HTMLInputElement;
const rearm = (): HTMLSelectElement => within(form()).getByRole('combobox', { name: 'Re-arm mode' }) as HTMLSelectElement;
const addButton = (): HTMLButtonElement => within(form()).getByRole('button', { name: 'Add alert' }) as HTMLButtonElement;
const status = (): string => within(form()).getByRole('status').textContent ?? '';
const stored = (): Promise<AlertsState> => alertsItem.get();

/** A key as the browser handles it: the page's handlers first, then the default action. */
function press(target: HTMLElement, key: string): void {
  target.focus();
  const unhandled = fireEvent.keyDown(target, { key });
  if (!unhandled || key !== 'Enter') return;
  if (target instanceof HTMLButtonElement) fireEvent.click(target);
  else if (target instanceof HTMLInputElement) act(() => target.form?.requestSubmit());
}

/** What Tab visits, in order: focusable, not disabled, not taken out with tabindex=-1. */
const tabOrder = (): HTMLElement[] =>
  [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled);

/** Types a threshold into the box and submits with Enter. */
function submitWith(value: string): void {
  fireEvent.input(threshold(), { target: { value } });
  press(threshold(), 'Enter');
}

beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'], now: AT }));
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the add-an-alert form', () => {
  it('lists the indices and the watchlist, each control named and in the tab order', async () => {
    await seed();
    await show();
    const groups = [...subject().querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.textContent)]);
    expect(groups).toEqual([
      ['Indices', ['KSE100 (index)', 'KSE30 (index)']],
      ['Watchlist', ['HUBC', 'OGDC']],
    ]);
    const order = tabOrder();
    const controls = [subject(), condition(), threshold(), rearm(), addButton()];
    const at = controls.map((c) => order.indexOf(c));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(rearm().value).toBe('hysteresis');
  });

  it('creates an index rule, KSE100 at or above 60,000, with the keyboard only', async () => {
    await seed({}, { indices: { KSE100: index('KSE100', 59_000) } });
    await show((box) => expect(box.value).toBe('59000'));
    press(subject(), 'ArrowDown');
    fireEvent.change(subject(), { target: { value: 'index:KSE100' } });
    press(condition(), 'ArrowDown');
    fireEvent.change(condition(), { target: { value: 'price-above' } });
    press(threshold(), 'Tab');
    submitWith('60000');
    await waitFor(async () => expect((await stored()).rules).toHaveLength(1));
    expect((await stored()).rules[0]).toMatchObject({ subject: 'KSE100', index: true, kind: 'price-above', threshold: 60_000, rearm: 'hysteresis', status: 'armed', createdAt: AT });
    await waitFor(() => expect(status()).toBe('Alert added: KSE100 (index) price rises to or above 60,000.00.'));
    // The list shows it, as an index.
    const li = await screen.findByText('KSE100');
    expect(li.closest('li')?.textContent).toContain('KSE100 (index) price rises to or above 60,000.00');
  });

  it('creates a symbol rule with the chosen condition and re-arm mode', async () => {
    await seed({}, { quotes: { OGDC: quote('OGDC', 210) } });
    await show();
    fireEvent.change(subject(), { target: { value: 'symbol:OGDC' } });
    fireEvent.change(condition(), { target: { value: 'volume-above' } });
    fireEvent.change(rearm(), { target: { value: 'daily' } });
    submitWith('2000000');
    await waitFor(async () => expect((await stored()).rules).toHaveLength(1));
    expect((await stored()).rules[0]).toMatchObject({ subject: 'OGDC', index: false, kind: 'volume-above', threshold: 2_000_000, rearm: 'daily', status: 'armed' });
  });

  it('offers no volume condition for an index', async () => {
    await seed();
    await show();
    const kinds = (): string[] => [...condition().options].map((o) => o.value);
    expect(subject().value).toBe('index:KSE100');
    expect(kinds()).not.toContain('volume-above');
    fireEvent.change(subject(), { target: { value: 'symbol:HUBC' } });
    expect(kinds()).toContain('volume-above');
    fireEvent.change(condition(), { target: { value: 'volume-above' } });
    expect(threshold().getAttribute('aria-label')).toBe('Threshold (shares)');
    // Back to an index: the volume condition goes with it.
    fireEvent.change(subject(), { target: { value: 'index:KSE30' } });
    expect(kinds()).not.toContain('volume-above');
    expect(condition().value).toBe('price-above');
  });

  it('prefills the threshold with the figure the market view holds, and leaves it empty when there is none', async () => {
    await seed({}, { quotes: { HUBC: quote('HUBC', 113.25) }, indices: { KSE100: index('KSE100', 61_234.5) } });
    await show((box) => expect(box.value).toBe('61234.5'));
    expect(threshold().getAttribute('aria-label')).toBe('Threshold (PKR)');
    fireEvent.change(subject(), { target: { value: 'symbol:HUBC' } });
    expect(threshold().value).toBe('113.25');
    fireEvent.change(condition(), { target: { value: 'change-above' } });
    expect(threshold().value).toBe('0.9');
    fireEvent.change(condition(), { target: { value: 'volume-above' } });
    expect(threshold().value).toBe('100000');
    fireEvent.change(subject(), { target: { value: 'index:KSE30' } });
    expect(threshold().value).toBe('');
    // What the user typed stays until the subject or the unit changes.
    fireEvent.change(subject(), { target: { value: 'symbol:HUBC' } });
    fireEvent.change(condition(), { target: { value: 'price-above' } });
    fireEvent.input(threshold(), { target: { value: '120' } });
    fireEvent.change(condition(), { target: { value: 'price-below' } });
    expect(threshold().value).toBe('120');
    fireEvent.change(condition(), { target: { value: 'change-below' } });
    expect(threshold().value).toBe('0.9');
  });

  it('makes a rule already true waiting, and says so', async () => {
    await seed({}, { indices: { KSE100: index('KSE100', 61_000) } });
    await show((box) => expect(box.value).toBe('61000'));
    submitWith('60000');
    await waitFor(async () => expect((await stored()).rules[0]?.status).toBe('waiting'));
    await waitFor(() =>
      expect(status()).toBe('Alert added: KSE100 (index) price rises to or above 60,000.00. Already true now: it will fire only after it has been on the other side once.'),
    );
  });

  // HUBC is at 113.25 in every case, so a rule at or above 110 is already true: only a figure
  // the cycle would trust may say so; over any other the rule is left armed and unchecked.
  it.each([
    ['fresh', 'waiting', pktMidnight(READ)],
    ['stale', 'armed', null],
    ['held', 'armed', null],
  ] as const)('checks a new rule over a %s market view against a trusted figure only: %s', async (view, expected, checkedDay) => {
    await seed({}, { quotes: { HUBC: quote('HUBC', 113.25) }, view });
    expect((await marketItem.get()).presentation?.stale).toBe(view === 'stale');
    expect((await marketItem.get()).presentation?.heldQuotes?.['HUBC'] !== undefined).toBe(view === 'held');
    await show();
    fireEvent.change(subject(), { target: { value: 'symbol:HUBC' } });
    // The box still starts from the figure on screen, trusted or not.
    expect(threshold().value).toBe('113.25');
    submitWith('110');
    await waitFor(async () => expect((await stored()).rules).toHaveLength(1));
    expect((await stored()).rules[0]).toMatchObject({ subject: 'HUBC', threshold: 110, status: expected, checkedDay });
    const added = 'Alert added: HUBC price rises to or above 110.00.';
    await waitFor(() => expect(status()).toBe(expected === 'waiting' ? `${added} Already true now: it will fire only after it has been on the other side once.` : added));
  });

  it('checks an index rule over a stale market view against nothing: armed', async () => {
    await seed({}, { indices: { KSE100: index('KSE100', 61_000) }, view: 'stale' });
    await show((box) => expect(box.value).toBe('61000'));
    submitWith('60000');
    await waitFor(async () => expect((await stored()).rules).toHaveLength(1));
    expect((await stored()).rules[0]).toMatchObject({ subject: 'KSE100', status: 'armed', checkedDay: null });
    await waitFor(() => expect(status()).toBe('Alert added: KSE100 (index) price rises to or above 60,000.00.'));
  });

  it('accepts thousands separators in the threshold', async () => {
    await seed();
    await show();
    submitWith('60,000.5');
    await waitFor(async () => expect((await stored()).rules).toHaveLength(1));
    expect((await stored()).rules[0]).toMatchObject({ subject: 'KSE100', threshold: 60_000.5 });
  });

  it('has a margin box for the hysteresis mode only, and stores the margin typed', async () => {
    await seed();
    await show();
    const margin = (): HTMLInputElement | null => within(form()).queryByRole('textbox', { name: 'Margin (%)' }) as HTMLInputElement | null;
    expect(rearm().value).toBe('hysteresis');
    expect(margin()?.value).toBe('0.5');
    // In the tab order, after the mode it belongs to.
    const order = tabOrder();
    expect(order.indexOf(margin()!)).toBe(order.indexOf(rearm()) + 1);
    fireEvent.change(rearm(), { target: { value: 'manual' } });
    expect(margin()).toBeNull();
    fireEvent.change(rearm(), { target: { value: 'hysteresis' } });
    fireEvent.input(margin()!, { target: { value: '1.5' } });
    submitWith('60000');
    await waitFor(async () => expect((await stored()).rules).toHaveLength(1));
    expect((await stored()).rules[0]).toMatchObject({ rearm: 'hysteresis', hysteresisPct: 1.5 });
  });

  it.each(['0', '10.01', 'abc', '0x1', ''])('refuses the margin %j with its message, writes nothing and asks nothing', async (typed) => {
    await seed();
    await show();
    const request = vi.spyOn(browser.permissions, 'request');
    const margin = within(form()).getByRole('textbox', { name: 'Margin (%)' });
    fireEvent.input(margin, { target: { value: typed } });
    submitWith('60000');
    const problem = await within(form()).findByRole('alert');
    expect(problem.textContent).toBe('Enter a margin above 0 and at most 10 %.');
    expect(margin.getAttribute('aria-invalid')).toBe('true');
    expect(margin.getAttribute('aria-describedby')).toBe(problem.id);
    expect(document.activeElement).toBe(margin);
    expect(request).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 20));
    expect((await stored()).rules).toEqual([]);
  });

  it.each([
    ['0', 'Enter a number above 0.'],
    ['', 'Enter a number above 0.'],
    ['60000.12345', 'Use at most 4 decimals.'],
    ['0x1F', 'Enter a number above 0.'],
    ['1e3', 'Enter a number above 0.'],
  ])('refuses the threshold %j with its message, writes nothing and asks nothing', async (typed, message) => {
    await seed();
    await show();
    const before = await stored();
    const request = vi.spyOn(browser.permissions, 'request');
    submitWith(typed);
    const problem = await within(form()).findByRole('alert');
    expect(problem.textContent).toBe(message);
    expect(threshold().getAttribute('aria-invalid')).toBe('true');
    expect(threshold().getAttribute('aria-describedby')).toBe(problem.id);
    expect(document.activeElement).toBe(threshold());
    expect(request).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 20));
    expect(await stored()).toEqual(before);
    expect(status()).toBe('');
  });

  it('says when 200 alerts are already set, and adds nothing', async () => {
    const rules = Array.from({ length: 200 }, (_, i) => rule(`r${i}`));
    await seed({ rules });
    await show();
    submitWith('60000');
    const alert = await within(form()).findByRole('alert');
    expect(alert.textContent).toBe('Alert not added: At most 200 alerts; delete one first.');
    expect((await stored()).rules).toHaveLength(200);
    expect(status()).toBe('');
  });
});

describe('notifications', () => {
  it('are asked for with the first rule, within the submit itself', async () => {
    await seed();
    await show();
    const request = vi.spyOn(browser.permissions, 'request');
    expect(grantedApis.has('notifications')).toBe(false);
    submitWith('60000');
    // Asked before anything was awaited.
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    await waitFor(async () => expect((await stored()).rules).toHaveLength(1));
    expect(grantedApis.has('notifications')).toBe(true);
    await waitFor(() => expect(status()).toBe('Alert added: KSE100 (index) price rises to or above 60,000.00.'));
  });

  it('are not asked for again once a rule exists', async () => {
    await seed({ rules: [rule('r1')] });
    await show();
    const request = vi.spyOn(browser.permissions, 'request');
    submitWith('60000');
    await waitFor(async () => expect((await stored()).rules).toHaveLength(2));
    expect(request).not.toHaveBeenCalled();
  });

  it('refused: the rule is still saved, and the form says notifications are off', async () => {
    permissionsControl.userGrants = false;
    await seed();
    await show();
    submitWith('60000');
    await waitFor(async () => expect((await stored()).rules).toHaveLength(1));
    expect((await stored()).rules[0]).toMatchObject({ subject: 'KSE100', index: true, threshold: 60_000 });
    expect(grantedApis.has('notifications')).toBe(false);
    await waitFor(() => expect(status()).toContain('Alert added: KSE100 (index) price rises to or above 60,000.00.'));
    await waitFor(() => expect(status()).toContain('Notifications were not allowed'));
    expect(within(form()).queryByRole('alert')).toBeNull();
  });

  it('could not be asked: the rule is saved, and the form says why in an alert, not as a refusal', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(browser.permissions, 'request').mockRejectedValue(new Error('permissions.request may only be called from a user input handler'));
    await seed();
    await show();
    submitWith('60000');
    await waitFor(async () => expect((await stored()).rules).toHaveLength(1));
    const alert = await within(form()).findByRole('alert');
    expect(alert.textContent).toBe('The browser could not ask for notifications: permissions.request may only be called from a user input handler');
    await waitFor(() => expect(status()).toBe('Alert added: KSE100 (index) price rises to or above 60,000.00.'));
    expect(status()).not.toContain('not allowed');
    expect(warn).toHaveBeenCalled();
  });
});

it('says how to add one when there are no indices and no watchlist', async () => {
  await seed();
  await updateSettings((s) => ({ ...s, indices: [], watchlist: [] }));
  render(<App />);
  expect(await screen.findByText('Add a symbol to the watchlist, or an index, to set an alert on it here.')).toBeTruthy();
  expect(screen.queryByRole('form', { name: 'Add an alert' })).toBeNull();
});
