// @vitest-environment happy-dom
/**
 * The popup's side of price alerts (issue 11): the bell on each row, its form, the fired list.
 * happy-dom has no keyboard defaults, so `press` does what a browser does with an unhandled key
 * (Enter clicks a button, Enter in a text box submits its form), and the tab order is computed
 * from the DOM with the popup's own stylesheet applied.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import type { AlertRule, AlertsState, FiredAlert } from '../../../src/shared/alerts/rules';
import { alertsItem } from '../../../src/shared/alerts/store';
import { KIND_LABELS, REARM_LABELS } from '../../../src/shared/alerts/describe';
import { marketItem } from '../../../src/shared/market-store';
import { emptySnapshot, type Snapshot, type SourceStatus } from '../../../src/shared/model';
import { pktMidnight } from '../../../src/shared/session';
import { updateSettings } from '../../../src/shared/settings-items';
import { grantedApis, permissionsControl } from '../fake-permissions';
import { storageFaults } from '../fake-storage';
import { storeSnapshot } from '../support/store';

const POPUP_CSS = readFileSync('src/popup/popup.css', 'utf8');

/**
 * How far the cycle would trust the market view: `fresh` (as read), `stale` (the quotes source
 * is failing), `held` (the latest read, 30 s later, left the quotes out: the last good ones).
 */
type View = 'fresh' | 'stale' | 'held';
const failing = (at: number): SourceStatus => ({ state: 'failing', attemptedAt: at, lastOk: at - 20 * 60_000, lastError: { kind: 'network', detail: 'Failed to fetch', at }, failures: 3, nextTry: null });
const ok = (at: number): SourceStatus => ({ state: 'ok', attemptedAt: at, lastOk: at, lastError: null, failures: 0, nextTry: null });

function snapshot(view: View = 'fresh'): Snapshot {
  const at = Date.now();
  return {
    ...emptySnapshot(),
    ...(view === 'stale' ? { sources: { 'psx-quotes': failing(at) } } : view === 'held' ? { sources: { 'psx-quotes': ok(at + 30_000) } } : {}),
    quotes: {
      HUBC: { symbol: 'HUBC', price: 113.23, change: 6.23, changePercent: 5.82, previousClose: 107, open: 108, high: null, low: null, volume: 1_234_567, readAt: at },
      OGDC: { symbol: 'OGDC', price: 320.29, change: -3.49, changePercent: -1.0778, previousClose: 323.78, open: null, high: null, low: null, volume: null, readAt: at },
    },
    market: { phase: 'open', label: 'Open' },
    marketReadAt: at,
    marketAsOf: at,
    updatedAt: at,
  };
}

function rule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'r1',
    subject: 'HUBC',
    index: false,
    kind: 'price-above',
    threshold: 113,
    rearm: 'hysteresis',
    hysteresisPct: 0.5,
    status: 'armed',
    createdAt: Date.now() - 3_600_000,
    checkedDay: null,
    firedAt: null,
    firedValue: null,
    snoozedUntil: null,
    ...overrides,
  };
}

function fired(overrides: Partial<FiredAlert> = {}): FiredAlert {
  return { id: 'f1', ruleId: 'r1', subject: 'HUBC', index: false, kind: 'price-above', threshold: 113, value: 113.23, price: 113.23, at: Date.now(), seen: false, ...overrides };
}

async function open(alerts?: AlertsState, view: View = 'fresh'): Promise<void> {
  if (alerts) await alertsItem.update(() => alerts);
  await updateSettings((s) => ({ ...s, watchlist: ['HUBC', 'OGDC'] }));
  await storeSnapshot(snapshot(view));
  const style = document.createElement('style');
  style.textContent = POPUP_CSS;
  document.head.append(style);
  render(<App />);
  // A held quote is shown with its age: "113.23 (from 11:41)".
  await vi.waitFor(() => expect(document.querySelector('li.quote[data-symbol="HUBC"] .quote__price')?.textContent).toMatch(view === 'held' ? /^113\.23 \(from / : /^113\.23$/));
}

const row = (symbol: string): HTMLElement => document.querySelector(`li.quote[data-symbol="${symbol}"]`) as HTMLElement;
const bell = (symbol = 'HUBC'): HTMLButtonElement => screen.getByRole('button', { name: `Alerts for ${symbol}` }) as HTMLButtonElement;
const form = (): HTMLFormElement | null => document.querySelector('form[data-alert-form]');
const threshold = (): HTMLInputElement => within(form()!).getByRole('textbox', { name: /^(Price \(PKR\)|Percent|Shares)$/ }) as HTMLInputElement;
const margin = (): HTMLInputElement | null => within(form()!).queryByRole('textbox', { name: 'Margin (%)' }) as HTMLInputElement | null;
const stored = (): Promise<AlertsState> => alertsItem.get();
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

/** A key as the browser handles it: the page's handlers first, then the default action. */
function press(target: Element, key: string): void {
  const unhandled = fireEvent.keyDown(target, { key });
  if (!unhandled || key !== 'Enter') return;
  if (target instanceof HTMLButtonElement) fireEvent.click(target);
  else if (target instanceof HTMLInputElement) act(() => target.form?.requestSubmit());
}

/** What Tab visits, in order: focusable, not disabled, not taken out with tabindex=-1, and rendered. */
function tabOrder(): HTMLElement[] {
  const shown = (el: Element | null): boolean => {
    for (let e = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || e.hasAttribute('hidden')) return false;
    }
    return el !== null && getComputedStyle(el).visibility !== 'hidden';
  };
  return [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && shown(el),
  );
}

/** Opens HUBC's form with the keyboard, types a threshold and submits with Enter. */
async function addWithKeyboard(value: string): Promise<void> {
  press(bell(), 'Enter');
  fireEvent.input(threshold(), { target: { value } });
  press(threshold(), 'Enter');
  await settle();
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  document.head.querySelectorAll('style').forEach((s) => s.remove());
  localStorage.clear();
  storageFaults.clearFaults();
  vi.restoreAllMocks();
});

describe('the bell', () => {
  it('is a named button in the tab order, right after the symbol link, and says how many alerts', async () => {
    await open({ rules: [rule(), rule({ id: 'r2', kind: 'price-below', threshold: 100 })], fired: [] });
    const hubc = bell('HUBC');
    expect(hubc.tagName).toBe('BUTTON');
    expect(hubc.hasAttribute('tabindex')).toBe(false);
    expect(hubc.getAttribute('aria-expanded')).toBe('false');
    // In the accessibility tree and visible without hover, under the popup's stylesheet.
    expect(getComputedStyle(hubc).visibility).not.toBe('hidden');
    const order = tabOrder();
    const link = row('HUBC').querySelector('a.quote__symbol') as HTMLElement;
    expect(order[order.indexOf(link) + 1]).toBe(hubc);
    expect(order).toContain(bell('OGDC'));
    // The marker: a visible count, and words for screen readers through the description.
    expect(hubc.querySelector('.quote__bell-count')?.textContent).toBe('2');
    expect(document.getElementById(hubc.getAttribute('aria-describedby')!)?.textContent).toBe('2 alerts');
    expect(document.getElementById(bell('OGDC').getAttribute('aria-describedby')!)?.textContent).toBe('No alerts');
  });

  it('hears the row keys from the bell too (issue 13): Delete on the bell removes the symbol, keys in the form do not', async () => {
    await open();
    press(bell(), 'Enter');
    // Not taken by a row (which would prevent its default: the character deleted in the box).
    expect(fireEvent.keyDown(threshold(), { key: 'Delete' })).toBe(true);
    expect(row('HUBC')).not.toBeNull();
    press(threshold(), 'Escape');
    await vi.waitFor(() => expect(document.activeElement).toBe(bell()));
    fireEvent.keyDown(bell(), { key: 'Delete' });
    await vi.waitFor(() => expect(row('HUBC')).toBeNull());
  });
});

describe('the alert form', () => {
  it('opens with Enter on the bell, focus inside, the current price filled in and the defaults chosen', async () => {
    await open();
    press(bell(), 'Enter');
    const f = form();
    expect(f).not.toBeNull();
    expect(f!.getAttribute('data-alert-form')).toBe('HUBC');
    expect(bell().getAttribute('aria-expanded')).toBe('true');
    expect(bell().getAttribute('aria-controls')).toBe(f!.id);
    expect(f!.contains(document.activeElement)).toBe(true);
    expect(threshold().value).toBe('113.23');
    const [kind, rearm] = within(f!).getAllByRole('combobox') as HTMLSelectElement[];
    expect([...kind!.options].map((o) => o.textContent)).toEqual(Object.values(KIND_LABELS));
    expect(kind!.value).toBe('price-above');
    expect([...rearm!.options].map((o) => o.textContent)).toEqual(Object.values(REARM_LABELS));
    expect(rearm!.value).toBe('hysteresis');
  });

  it('saves a rule typed and submitted with Enter, and shows it in the form and on the bell', async () => {
    await open();
    await addWithKeyboard('115');
    const { rules } = await stored();
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 115, rearm: 'hysteresis', status: 'armed' });
    expect(within(form()!).getByRole('status').textContent).toBe('Alert saved: price rises to or above 115.00.');
    const listed = within(form()!).getByRole('list', { name: 'HUBC alerts' });
    expect(listed.textContent).toContain('price rises to or above 115.00');
    expect(listed.textContent).toContain('Armed');
    expect(document.getElementById(bell().getAttribute('aria-describedby')!)?.textContent).toBe('1 alert');
  });

  it('offers defaults that fit the kind: a percent past today’s move, the next round volume', async () => {
    await open();
    press(bell(), 'Enter');
    const kind = within(form()!).getAllByRole('combobox')[0] as HTMLSelectElement;
    fireEvent.change(kind, { target: { value: 'change-above' } });
    expect(threshold().value).toBe('6');
    fireEvent.change(kind, { target: { value: 'volume-above' } });
    expect(threshold().value).toBe('2000000');
    fireEvent.change(kind, { target: { value: 'price-below' } });
    expect(threshold().value).toBe('113.23');
    press(threshold(), 'Enter');
    await settle();
    expect((await stored()).rules[0]).toMatchObject({ kind: 'price-below', threshold: 113.23 });
  });

  it('asks for the notifications permission with the first rule only', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    await open();
    expect(grantedApis.has('notifications')).toBe(false);
    press(bell(), 'Enter');
    fireEvent.input(threshold(), { target: { value: '115' } });
    press(threshold(), 'Enter');
    // Asked within the submit itself, before anything was awaited (Firefox keeps the gesture only so long).
    expect(request).toHaveBeenCalledTimes(1);
    await settle();
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(grantedApis.has('notifications')).toBe(true);
    fireEvent.input(threshold(), { target: { value: '120' } });
    press(threshold(), 'Enter');
    await settle();
    expect((await stored()).rules).toHaveLength(2);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('still saves and shows the rule when the user refuses notifications', async () => {
    permissionsControl.userGrants = false;
    await open();
    await addWithKeyboard('115');
    expect(grantedApis.has('notifications')).toBe(false);
    expect((await stored()).rules).toHaveLength(1);
    const status = within(form()!).getByRole('status').textContent ?? '';
    expect(status).toContain('Alert saved: price rises to or above 115.00.');
    expect(status).toContain('Notifications were not allowed');
    // The user's answer, not an error.
    expect(within(form()!).queryByRole('alert')).toBeNull();
    expect(within(form()!).getByRole('list', { name: 'HUBC alerts' }).textContent).toContain('price rises to or above 115.00');
    expect(bell().querySelector('.quote__bell-count')?.textContent).toBe('1');
  });

  it('says why in an alert when the browser could not ask, instead of calling it a refusal', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(new Error('permissions.request may only be called from a user input handler'));
    await open();
    await addWithKeyboard('115');
    expect((await stored()).rules).toHaveLength(1);
    expect(within(form()!).getByRole('alert').textContent).toBe('The browser could not ask for notifications: permissions.request may only be called from a user input handler');
    const status = within(form()!).getByRole('status').textContent ?? '';
    expect(status).toBe('Alert saved: price rises to or above 115.00.');
    expect(status).not.toContain('not allowed');
    expect(grantedApis.has('notifications')).toBe(false);
    expect(warn).toHaveBeenCalled();
  });

  it('says why a threshold is refused, inline, and saves nothing', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    await open();
    await addWithKeyboard('abc');
    const message = within(form()!).getByRole('alert');
    expect(message.textContent).toBe('Enter a number above 0.');
    expect(threshold().getAttribute('aria-invalid')).toBe('true');
    expect(threshold().getAttribute('aria-describedby')).toBe(message.id);
    fireEvent.input(threshold(), { target: { value: '113.23456' } });
    press(threshold(), 'Enter');
    await settle();
    expect(within(form()!).getByRole('alert').textContent).toBe('Use at most 4 decimals.');
    expect((await stored()).rules).toEqual([]);
    // Nothing to save, nothing to ask for.
    expect(request).not.toHaveBeenCalled();
  });

  it('says so when a rule is already true: above the line now, it waits', async () => {
    await open();
    await addWithKeyboard('110');
    expect((await stored()).rules[0]).toMatchObject({ threshold: 110, status: 'waiting' });
    expect(within(form()!).getByRole('status').textContent).toBe(
      'Alert saved: price rises to or above 110.00. Already true now: it will fire only after the price has been on the other side once.',
    );
    expect(within(form()!).getByRole('list', { name: 'HUBC alerts' }).textContent).toContain('Waiting: the condition is already true');
  });

  // The price on screen (113.23) satisfies "at or above 110" in every case; only a figure the
  // cycle would trust may make the rule waiting. Over any other it is armed and unchecked, and
  // the first trusted reading sets its status without firing.
  it.each([
    ['fresh', 'waiting', true],
    ['stale', 'armed', false],
    ['held', 'armed', false],
  ] as const)('checks a new rule over a %s market view against a trusted figure only: %s', async (view, status, checked) => {
    await open(undefined, view);
    const presentation = (await marketItem.get()).presentation;
    expect(presentation?.stale).toBe(view === 'stale');
    expect(presentation?.heldQuotes?.['HUBC'] !== undefined).toBe(view === 'held');
    press(bell(), 'Enter');
    // The box starts from the figure on screen all the same.
    expect(threshold().value).toBe('113.23');
    fireEvent.input(threshold(), { target: { value: '110' } });
    press(threshold(), 'Enter');
    await settle();
    const saved = (await stored()).rules[0];
    expect(saved).toMatchObject({ threshold: 110, status, checkedDay: checked ? pktMidnight(Date.now()) : null });
    expect(within(form()!).getByRole('status').textContent).toBe(`Alert saved: price rises to or above 110.00.${status === 'waiting' ? ' Already true now: it will fire only after the price has been on the other side once.' : ''}`);
  });

  it.each([
    ['fresh', 'waiting'],
    ['stale', 'armed'],
    ['held', 'armed'],
  ] as const)('re-arms over a %s market view against a trusted figure only: %s', async (view, status) => {
    await open({ rules: [rule({ status: 'fired', firedAt: Date.now(), firedValue: 113.23 })], fired: [] }, view);
    fireEvent.click(bell());
    fireEvent.click(within(form()!).getByRole('button', { name: 'Re-arm HUBC alert: price rises to or above 113.00' }));
    await settle();
    expect((await stored()).rules[0]).toMatchObject({ status, firedAt: null, checkedDay: status === 'waiting' ? pktMidnight(Date.now()) : null });
  });

  it('has a margin box for the hysteresis mode only, and stores the margin typed', async () => {
    await open();
    press(bell(), 'Enter');
    const rearm = within(form()!).getByRole('combobox', { name: 'Re-arm' }) as HTMLSelectElement;
    expect(rearm.value).toBe('hysteresis');
    expect(margin()?.value).toBe('0.5');
    // Keyboard reachable, right after the mode it belongs to.
    const order = tabOrder();
    expect(order.indexOf(margin()!)).toBe(order.indexOf(rearm) + 1);
    fireEvent.change(rearm, { target: { value: 'daily' } });
    expect(margin()).toBeNull();
    fireEvent.change(rearm, { target: { value: 'hysteresis' } });
    fireEvent.input(margin()!, { target: { value: '2.25' } });
    fireEvent.input(threshold(), { target: { value: '115' } });
    press(threshold(), 'Enter');
    await settle();
    expect((await stored()).rules[0]).toMatchObject({ rearm: 'hysteresis', hysteresisPct: 2.25 });
  });

  it('stores the default margin for another mode, where none is typed', async () => {
    await open();
    press(bell(), 'Enter');
    fireEvent.change(within(form()!).getByRole('combobox', { name: 'Re-arm' }), { target: { value: 'manual' } });
    fireEvent.input(threshold(), { target: { value: '115' } });
    press(threshold(), 'Enter');
    await settle();
    expect((await stored()).rules[0]).toMatchObject({ rearm: 'manual', hysteresisPct: 0.5 });
  });

  it.each(['0', '10.5', '-1', 'abc', '1e0', ''])('refuses the margin %j, inline, and saves and asks nothing', async (typed) => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    await open();
    press(bell(), 'Enter');
    fireEvent.input(margin()!, { target: { value: typed } });
    fireEvent.input(threshold(), { target: { value: '115' } });
    press(threshold(), 'Enter');
    await settle();
    const message = within(form()!).getByRole('alert');
    expect(message.textContent).toBe('Enter a margin above 0 and at most 10 %.');
    expect(margin()!.getAttribute('aria-invalid')).toBe('true');
    expect(margin()!.getAttribute('aria-describedby')).toBe(message.id);
    expect(threshold().getAttribute('aria-invalid')).toBeNull();
    expect((await stored()).rules).toEqual([]);
    expect(request).not.toHaveBeenCalled();
  });

  it.each([
    ['0x1F', 'price-above'],
    ['1e3', 'price-above'],
    ['Infinity', 'price-above'],
    ['1,00', 'price-above'],
    ['0b11', 'volume-above'],
  ])('refuses %j as a threshold instead of reading it as a number', async (typed, kind) => {
    await open();
    press(bell(), 'Enter');
    fireEvent.change(within(form()!).getAllByRole('combobox')[0]!, { target: { value: kind } });
    fireEvent.input(threshold(), { target: { value: typed } });
    press(threshold(), 'Enter');
    await settle();
    expect(within(form()!).getByRole('alert').textContent).toMatch(/^Enter a (number|number of shares) above 0\.$/);
    expect((await stored()).rules).toEqual([]);
  });

  it('accepts thousands separators in the threshold', async () => {
    await open();
    press(bell(), 'Enter');
    fireEvent.change(within(form()!).getAllByRole('combobox')[0]!, { target: { value: 'volume-above' } });
    fireEvent.input(threshold(), { target: { value: '2,500,000' } });
    press(threshold(), 'Enter');
    await settle();
    expect((await stored()).rules[0]).toMatchObject({ kind: 'volume-above', threshold: 2_500_000 });
  });

  it('shows a storage refusal instead of swallowing it', async () => {
    await open();
    press(bell(), 'Enter');
    storageFaults.failAlways('local', 'set', 'disk full');
    fireEvent.input(threshold(), { target: { value: '115' } });
    press(threshold(), 'Enter');
    await settle();
    expect(within(form()!).getByRole('alert').textContent).toMatch(/^The alert could not be saved: .*disk full/);
    expect(within(form()!).getByRole('status').textContent).toBe('');
  });

  it('re-arms and deletes the symbol’s rules, with buttons naming the symbol and the condition', async () => {
    await open({ rules: [rule({ status: 'fired', firedAt: Date.now(), firedValue: 113.23 }), rule({ id: 'r2', kind: 'price-below', threshold: 100 })], fired: [] });
    fireEvent.click(bell());
    const list = within(form()!).getByRole('list', { name: 'HUBC alerts' });
    expect(list.textContent).toMatch(/Fired at /);
    // Only the fired rule has anything to re-arm.
    expect(within(list).queryByRole('button', { name: 'Re-arm HUBC alert: price falls to or below 100.00' })).toBeNull();
    fireEvent.click(within(list).getByRole('button', { name: 'Re-arm HUBC alert: price rises to or above 113.00' }));
    await settle();
    // Re-armed against the price on screen, which is above the line: it waits.
    expect((await stored()).rules.find((r) => r.id === 'r1')?.status).toBe('waiting');
    fireEvent.click(within(form()!).getByRole('button', { name: 'Delete HUBC alert: price falls to or below 100.00' }));
    await settle();
    expect((await stored()).rules.map((r) => r.id)).toEqual(['r1']);
    expect(within(form()!).getByRole('list', { name: 'HUBC alerts' }).textContent).not.toContain('100.00');
  });

  it('offers Re-arm on fired rules only, not on a snoozed one that has not fired (as the options page)', async () => {
    const later = Date.now() + 3_600_000;
    await open({ rules: [rule({ snoozedUntil: later }), rule({ id: 'r2', threshold: 100, kind: 'price-below', status: 'waiting', snoozedUntil: later })], fired: [] });
    fireEvent.click(bell());
    const list = within(form()!).getByRole('list', { name: 'HUBC alerts' });
    expect(list.textContent).toContain('snoozed until');
    expect(within(list).queryByRole('button', { name: /^Re-arm/ })).toBeNull();
  });

  it('closes with Escape and gives focus back to the bell', async () => {
    await open();
    press(bell(), 'Enter');
    expect(form()).not.toBeNull();
    press(threshold(), 'Escape');
    await settle();
    expect(form()).toBeNull();
    expect(document.activeElement).toBe(bell());
    expect(bell().getAttribute('aria-expanded')).toBe('false');
    // Cancel does the same.
    press(bell(), 'Enter');
    fireEvent.click(within(form()!).getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(form()).toBeNull();
    expect(document.activeElement).toBe(bell());
  });

  it('lets arrow keys on the rows step over an open form', async () => {
    await open();
    press(bell(), 'Enter');
    row('HUBC').focus();
    fireEvent.keyDown(row('HUBC'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(row('OGDC'));
    fireEvent.keyDown(row('OGDC'), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(row('HUBC'));
  });
});

describe('fired alerts', () => {
  it('lists unseen fired alerts above the watchlist, and Dismiss marks them seen', async () => {
    const at = Date.now();
    await open({ rules: [rule({ status: 'fired', firedAt: at, firedValue: 113.23 })], fired: [fired({ at }), fired({ id: 'f0', subject: 'OGDC', at: at - 60_000, seen: true })] });
    const section = screen.getByRole('region', { name: 'Fired alerts' });
    const items = within(section).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toMatch(/^HUBC price rises to or above 113\.00 — 113\.23 at \d\d:\d\d$/);
    // Above the watchlist.
    const watchlist = screen.getByRole('region', { name: /Watchlist/ });
    expect(section.compareDocumentPosition(watchlist) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Dismiss fired alerts' }));
    await settle();
    expect((await stored()).fired.every((f) => f.seen)).toBe(true);
    expect(screen.queryByRole('region', { name: 'Fired alerts' })).toBeNull();
  });

  it('Dismiss marks only the alerts on screen: one that fired since stays unseen, and shows', async () => {
    const at = Date.now();
    await open({ rules: [rule({ status: 'fired', firedAt: at - 60_000, firedValue: 113.23 })], fired: [fired({ at: at - 60_000 })] });
    const section = screen.getByRole('region', { name: 'Fired alerts' });
    // The background logs a new firing; the popup has not redrawn yet when the user clicks.
    await alertsItem.update((a) => ({ ...a, fired: [fired({ id: 'f2', ruleId: 'r2', subject: 'OGDC', kind: 'price-below', threshold: 321, value: 320.29, price: 320.29, at }), ...a.fired] }));
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(within(section).getByRole('button', { name: 'Dismiss fired alerts' }));
    await settle();
    const log = (await stored()).fired;
    expect(log.find((f) => f.id === 'f1')?.seen).toBe(true);
    expect(log.find((f) => f.id === 'f2')?.seen).toBe(false);
    await vi.waitFor(() => expect(within(screen.getByRole('region', { name: 'Fired alerts' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringMatching(/^OGDC price falls to or below 321\.00/)]));
  });

  it('links each alert’s subject to its PSX page, in a new tab, as a notification click would', async () => {
    const at = Date.now();
    await open({ rules: [], fired: [fired({ at }), fired({ id: 'f2', subject: 'KSE100', index: true, threshold: 60_000, value: 60_100, price: 60_100, at }), fired({ id: 'f3', subject: 'A&B', at })] });
    const section = screen.getByRole('region', { name: 'Fired alerts' });
    const links = within(section).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')])).toEqual([
      ['HUBC', 'https://dps.psx.com.pk/company/HUBC', '_blank', 'noopener noreferrer'],
      ['KSE100', 'https://dps.psx.com.pk/indices', '_blank', 'noopener noreferrer'],
      // Encoded, as the notification's own link is.
      ['A&B', 'https://dps.psx.com.pk/company/A%26B', '_blank', 'noopener noreferrer'],
    ]);
    // Named (its name starts with what it shows), and in the tab order.
    expect(within(section).getByRole('link', { name: 'HUBC: PSX company page (opens in a new tab)' })).toBe(links[0]);
    expect(within(section).getByRole('link', { name: 'KSE100: PSX indices page (opens in a new tab)' })).toBe(links[1]);
    const order = tabOrder();
    for (const link of links) expect(order).toContain(link);
  });

  it('with notifications refused, a rule that fires still shows: in the fired list and on the row', async () => {
    permissionsControl.userGrants = false;
    await open();
    await addWithKeyboard('115');
    expect(within(form()!).getByRole('status').textContent).toContain('Notifications were not allowed');
    const [saved] = (await stored()).rules;
    expect(saved).toMatchObject({ subject: 'HUBC', threshold: 115, status: 'armed' });
    expect(screen.queryByRole('region', { name: 'Fired alerts' })).toBeNull();
    // The background's firing, as it writes it: the rule fired, the alert logged unseen.
    const at = Date.now();
    await alertsItem.update((a) => ({
      rules: a.rules.map((r) => (r.id === saved!.id ? { ...r, status: 'fired' as const, firedAt: at, firedValue: 115.4 } : r)),
      fired: [fired({ id: 'f9', ruleId: saved!.id, threshold: 115, value: 115.4, price: 115.4, at }), ...a.fired],
    }));
    const section = await screen.findByRole('region', { name: 'Fired alerts' });
    expect(within(section).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringMatching(/^HUBC price rises to or above 115\.00 — 115\.40 at \d\d:\d\d$/)]);
    await vi.waitFor(() => expect(within(row('HUBC')).getByText('Alert fired')).toBeTruthy());
    expect(row('HUBC').classList.contains('quote--alerted')).toBe(true);
    expect(document.getElementById(bell('HUBC').getAttribute('aria-describedby')!)?.textContent).toBe('1 alert, alert fired');
    expect(grantedApis.has('notifications')).toBe(false);
  });

  it('marks the row of a symbol whose rule fired, in words', async () => {
    await open({ rules: [rule({ status: 'fired', firedAt: Date.now(), firedValue: 113.23 }), rule({ id: 'r2', subject: 'OGDC', threshold: 400 })], fired: [] });
    expect(row('HUBC').classList.contains('quote--alerted')).toBe(true);
    expect(within(row('HUBC')).getByText('Alert fired')).toBeTruthy();
    expect(document.getElementById(bell('HUBC').getAttribute('aria-describedby')!)?.textContent).toBe('1 alert, alert fired');
    expect(row('OGDC').classList.contains('quote--alerted')).toBe(false);
    expect(within(row('OGDC')).queryByText('Alert fired')).toBeNull();
  });
});
