// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/options/App';
import { AlertsSection } from '../../../src/options/components/AlertsSection';
import type { AlertRule, AlertsState, FiredAlert } from '../../../src/shared/alerts/rules';
import { alertsItem, untilTomorrowsSession } from '../../../src/shared/alerts/store';
import { marketItem } from '../../../src/shared/market-store';
import { emptySnapshot, type IndexQuote, type Quote, type SourceStatus } from '../../../src/shared/model';
import { pktMidnight } from '../../../src/shared/session';
import { readSettings, updateSettings } from '../../../src/shared/settings-items';
import { browser } from '../../../src/shared/browser';
import { useItem, useSettings } from '../../../src/ui/hooks/useItem';
import { grantedApis, permissionsControl } from '../fake-permissions';
import { storageFaults } from '../fake-storage';
import { storeSnapshot } from '../support/store';

// Wednesday 14 Oct 2026, 11:42 PKT.
const AT = Date.UTC(2026, 9, 14, 6, 42);
const HOUR = 3_600_000;

const rule = (over: Partial<AlertRule> = {}): AlertRule => ({
  id: 'r1',
  subject: 'HUBC',
  index: false,
  kind: 'price-above',
  threshold: 113,
  rearm: 'manual',
  hysteresisPct: 0.5,
  status: 'armed',
  createdAt: AT - HOUR,
  checkedDay: null,
  firedAt: null,
  firedValue: null,
  snoozedUntil: null,
  ...over,
});

const firing = (over: Partial<FiredAlert> = {}): FiredAlert => ({
  id: 'f1',
  ruleId: 'r1',
  subject: 'HUBC',
  index: false,
  kind: 'price-above',
  threshold: 113,
  value: 113.25,
  price: 113.25,
  at: AT,
  seen: false,
  ...over,
});

const quote = (symbol: string, price: number): Quote => ({ symbol, price, change: 1, changePercent: 0.9, previousClose: price - 1, open: price - 0.5, high: price, low: price - 1, volume: 100_000, readAt: AT - 60_000 });

/**
 * How far the cycle would trust the market view: `fresh` (the portal answered a minute ago),
 * `stale` (the quotes source is failing), `held` (the latest read left the quotes out, so they
 * are the last good ones), `fallback` (PSX Terminal's figures).
 */
type View = 'fresh' | 'stale' | 'held' | 'fallback';
const READ = AT - 60_000;
const ok = (at: number): SourceStatus => ({ state: 'ok', attemptedAt: at, lastOk: at, lastError: null, failures: 0, nextTry: null });
const failing = (at: number): SourceStatus => ({ state: 'failing', attemptedAt: at, lastOk: at - 20 * 60_000, lastError: { kind: 'network', detail: 'Failed to fetch', at }, failures: 3, nextTry: null });

/** The market view with the presentation the background would compute for it (quotes read at READ). */
async function storeMarket(quotes: Record<string, Quote>, indices: Record<string, IndexQuote> = {}, view: View = 'fresh'): Promise<void> {
  const quotesSource = view === 'stale' ? failing(AT - 30_000) : ok(view === 'held' ? READ + 30_000 : READ);
  await storeSnapshot(
    { ...emptySnapshot(), quotes, indices, sources: { 'psx-home': ok(READ), 'psx-quotes': quotesSource, ...(view === 'fallback' ? { 'psx-terminal': ok(READ) } : {}) }, quoteSource: view === 'fallback' ? 'psx-terminal' : 'psx-portal', marketReadAt: READ, marketAsOf: READ, updatedAt: READ },
    undefined,
    AT,
  );
}

async function seed(state: Partial<AlertsState>, quotes: Record<string, Quote> = {}, view: View = 'fresh'): Promise<void> {
  await updateSettings((s) => ({ ...s, timeZone: 'Asia/Karachi' }));
  await alertsItem.update(() => ({ rules: [], fired: [], ...state }));
  await storeMarket(quotes, {}, view);
}

/** The section as the options page mounts it: fed from storage, writing settings through updateSettings. */
function Harness() {
  const settings = useSettings()?.settings;
  const alerts = useItem(alertsItem);
  const market = useItem(marketItem);
  if (!settings) return <p>Loading…</p>;
  return <AlertsSection alerts={alerts} market={market} settings={settings} now={Date.now()} onChange={(edit) => void updateSettings(edit)} />;
}

async function show(): Promise<HTMLElement> {
  render(<Harness />);
  const section = await screen.findByRole('region', { name: 'Alerts' });
  await waitFor(() => expect(within(section).queryByText('Loading alerts…')).toBeNull());
  return section;
}

const row = (id: string): HTMLElement => {
  const li = document.querySelector<HTMLElement>(`li[data-rule-id="${id}"]`);
  if (!li) throw new Error(`no row for rule ${id}`);
  return li;
};
const stored = (): Promise<AlertsState> => alertsItem.get();
const storedRule = async (id: string): Promise<AlertRule | undefined> => (await stored()).rules.find((r) => r.id === id);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(AT);
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the rule list', () => {
  it('lists every rule with its subject, condition, re-arm mode and status in words', async () => {
    await seed({
      rules: [
        rule({ id: 'armed' }),
        rule({ id: 'waiting', kind: 'price-below', threshold: 120, status: 'waiting', rearm: 'hysteresis' }),
        rule({ id: 'fired', subject: 'OGDC', kind: 'change-above', threshold: 3, status: 'fired', firedAt: AT - 30 * 60_000, firedValue: 3.2, rearm: 'daily' }),
        rule({ id: 'snoozed', subject: 'KSE100', index: true, threshold: 60_000, snoozedUntil: AT + HOUR }),
      ],
    });
    const section = await show();
    const list = within(section).getByRole('list', { name: 'Rules' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    expect(row('armed').textContent).toContain('HUBC price rises to or above 113.00');
    expect(row('armed').textContent).toContain('Re-arm by hand');
    expect(row('armed').textContent).toContain('Armed');
    expect(row('waiting').textContent).toContain('price falls to or below 120.00');
    expect(row('waiting').textContent).toContain('Re-arm when it clears by a margin');
    expect(row('waiting').textContent).toContain('Waiting: the condition is already true, so it fires only after it has been false once');
    expect(row('fired').textContent).toContain('OGDC day change reaches +3.00 %');
    expect(row('fired').textContent).toContain('Re-arm at the next session');
    expect(row('fired').textContent).toContain('Fired at 14 Oct, 11:12 PKT');
    expect(row('snoozed').textContent).toContain('KSE100 (index) price rises to or above 60,000.00');
    expect(row('snoozed').textContent).toContain('Armed; snoozed until 14 Oct, 12:42 PKT');
  });

  it('names every control after its alert, and offers re-arm only when fired and cancel only when snoozed', async () => {
    await seed({ rules: [rule({ id: 'a' }), rule({ id: 'b', subject: 'OGDC', status: 'fired', firedAt: AT, snoozedUntil: AT + HOUR })] });
    await show();
    const a = within(row('a'));
    for (const name of ['Edit', 'Delete', 'Snooze 1 h', "Snooze until tomorrow's session"]) {
      expect(a.getByRole('button', { name: `${name} alert HUBC price rises to or above 113.00` })).toBeTruthy();
    }
    expect(a.queryByRole('button', { name: /^Re-arm/ })).toBeNull();
    expect(a.queryByRole('button', { name: /^Cancel snooze/ })).toBeNull();
    const b = within(row('b'));
    expect(b.getByRole('button', { name: 'Re-arm alert OGDC price rises to or above 113.00' })).toBeTruthy();
    expect(b.getByRole('button', { name: 'Cancel snooze alert OGDC price rises to or above 113.00' })).toBeTruthy();
  });

  it('offers no re-arm on a snoozed rule that has not fired (as the popup)', async () => {
    await seed({ rules: [rule({ id: 's', snoozedUntil: AT + HOUR }), rule({ id: 'w', subject: 'OGDC', status: 'waiting', snoozedUntil: AT + HOUR })] });
    await show();
    for (const id of ['s', 'w']) {
      expect(within(row(id)).queryByRole('button', { name: /^Re-arm/ })).toBeNull();
      expect(within(row(id)).getByRole('button', { name: /^Cancel snooze/ })).toBeTruthy();
    }
  });

  it('shows its times in the browser zone when the user chose it', async () => {
    await seed({ rules: [rule({ status: 'fired', firedAt: AT })] });
    await updateSettings((s) => ({ ...s, timeZone: 'local' }));
    await show();
    await waitFor(() => expect(row('r1').textContent).not.toContain('PKT'));
    const local = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).format(AT);
    expect(row('r1').textContent).toContain(`Fired at ${local}`);
  });

  it('says how to set one when there are none', async () => {
    await seed({});
    const section = await show();
    expect(within(section).getByText('No alerts yet: add one here, or with the bell beside a symbol in the popup.')).toBeTruthy();
    expect(within(section).queryByRole('list')).toBeNull();
  });
});

describe('the controls', () => {
  it('Delete removes the rule from storage and from the list', async () => {
    await seed({ rules: [rule({ id: 'keep', subject: 'OGDC' }), rule({ id: 'gone' })] });
    await show();
    fireEvent.click(within(row('gone')).getByRole('button', { name: 'Delete alert HUBC price rises to or above 113.00' }));
    await waitFor(async () => expect((await stored()).rules.map((r) => r.id)).toEqual(['keep']));
    await waitFor(() => expect(document.querySelector('li[data-rule-id="gone"]')).toBeNull());
    expect(screen.getByText('Deleted alert HUBC price rises to or above 113.00.')).toBeTruthy();
    // The row is gone: the focus is on the section, not lost.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Alerts' }));
  });

  it('Re-arm makes a fired rule armed when the market view is below its line', async () => {
    await seed({ rules: [rule({ status: 'fired', firedAt: AT - HOUR, firedValue: 113.5 })] }, { HUBC: quote('HUBC', 110) });
    await show();
    fireEvent.click(within(row('r1')).getByRole('button', { name: 'Re-arm alert HUBC price rises to or above 113.00' }));
    await waitFor(async () => expect((await storedRule('r1'))?.status).toBe('armed'));
    expect(await storedRule('r1')).toMatchObject({ firedAt: null, firedValue: null, snoozedUntil: null });
    await waitFor(() => expect(row('r1').textContent).toContain('Armed'));
    expect(within(row('r1')).queryByRole('button', { name: /^Re-arm/ })).toBeNull();
  });

  it('Re-arm makes it waiting when the market view already satisfies it', async () => {
    await seed({ rules: [rule({ status: 'fired', firedAt: AT - HOUR, firedValue: 113.5 })] }, { HUBC: quote('HUBC', 115) });
    await show();
    fireEvent.click(within(row('r1')).getByRole('button', { name: 'Re-arm alert HUBC price rises to or above 113.00' }));
    await waitFor(async () => expect((await storedRule('r1'))?.status).toBe('waiting'));
    await waitFor(() => expect(row('r1').textContent).toContain('Waiting: the condition is already true'));
  });

  it('Re-arm of an index rule reads the index from the market view', async () => {
    await seed({ rules: [rule({ subject: 'KSE100', index: true, threshold: 60_000, status: 'fired', firedAt: AT - HOUR })] });
    await storeMarket({}, { KSE100: { code: 'KSE100', value: 61_000, change: 100, changePercent: 0.2, staleDate: null } });
    await show();
    fireEvent.click(within(row('r1')).getByRole('button', { name: /^Re-arm alert KSE100/ }));
    await waitFor(async () => expect((await storedRule('r1'))?.status).toBe('waiting'));
  });

  // The market (115) satisfies the rule (at or above 113) in every case: only a figure the
  // cycle would trust may make it waiting; any other leaves it armed and unchecked, for the
  // first trusted reading to settle without firing.
  it.each([
    ['fresh', false, 'waiting', pktMidnight(READ)],
    ['stale', false, 'armed', null],
    ['held', false, 'armed', null],
    ['fallback', false, 'armed', null],
    ['fallback', true, 'waiting', pktMidnight(READ)],
  ] as const)('Re-arm over a %s market view (fallback allowed: %s) checks against a trusted figure only: %s', async (view, allowFallback, status, checkedDay) => {
    await seed({ rules: [rule({ status: 'fired', firedAt: AT - HOUR, firedValue: 113.5 })] }, { HUBC: quote('HUBC', 115) }, view);
    await updateSettings((s) => ({ ...s, alertsOnFallback: allowFallback }));
    expect((await marketItem.get()).presentation?.stale).toBe(view === 'stale');
    expect((await marketItem.get()).presentation?.heldQuotes?.['HUBC'] !== undefined).toBe(view === 'held');
    await show();
    await waitFor(() => expect((screen.getByRole('checkbox', { name: /^Alerts may fire on PSX Terminal data/ }) as HTMLInputElement).checked).toBe(allowFallback));
    fireEvent.click(within(row('r1')).getByRole('button', { name: 'Re-arm alert HUBC price rises to or above 113.00' }));
    await waitFor(async () => expect((await storedRule('r1'))?.firedAt).toBeNull());
    expect(await storedRule('r1')).toMatchObject({ status, checkedDay });
  });

  it('snoozes for an hour or until tomorrow’s session, and cancels the snooze', async () => {
    await seed({ rules: [rule()] });
    await show();
    fireEvent.click(within(row('r1')).getByRole('button', { name: /^Snooze 1 h alert HUBC/ }));
    await waitFor(async () => expect((await storedRule('r1'))?.snoozedUntil).toBe(AT + HOUR));
    await waitFor(() => expect(row('r1').textContent).toContain('Armed; snoozed until 14 Oct, 12:42 PKT'));

    fireEvent.click(within(row('r1')).getByRole('button', { name: /^Snooze until tomorrow's session alert HUBC/ }));
    // Thursday's pre-open, 09:15 PKT.
    const tomorrow = Date.UTC(2026, 9, 15, 4, 15);
    expect(untilTomorrowsSession(AT)).toBe(tomorrow);
    await waitFor(async () => expect((await storedRule('r1'))?.snoozedUntil).toBe(tomorrow));
    await waitFor(() => expect(row('r1').textContent).toContain('snoozed until 15 Oct, 09:15 PKT'));

    fireEvent.click(within(row('r1')).getByRole('button', { name: /^Cancel snooze alert HUBC/ }));
    await waitFor(async () => expect((await storedRule('r1'))?.snoozedUntil).toBeNull());
    await waitFor(() => expect(within(row('r1')).queryByRole('button', { name: /^Cancel snooze/ })).toBeNull());
  });

  it('shows a storage failure in an alert, never dropping it', async () => {
    await seed({ rules: [rule()] });
    await show();
    storageFaults.failAlways('local', 'set', 'disk full');
    fireEvent.click(within(row('r1')).getByRole('button', { name: /^Snooze 1 h alert HUBC/ }));
    const alert = await screen.findByText(/^Could not snooze alert HUBC price rises to or above 113.00: The alert could not be saved/);
    expect(alert.getAttribute('role')).toBe('alert');
    storageFaults.clearFaults();
    expect((await storedRule('r1'))?.snoozedUntil).toBeNull();
  });

  it('reports a rule deleted meanwhile', async () => {
    await seed({});
    // A view older than storage: the rule it shows is gone.
    render(<AlertsSection alerts={{ rules: [rule({ status: 'fired', firedAt: AT })], fired: [] }} market={undefined} settings={await readSettings()} now={AT} onChange={() => undefined} />);
    fireEvent.click(within(row('r1')).getByRole('button', { name: /^Re-arm alert HUBC/ }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Could not re-arm alert HUBC price rises to or above 113.00: That alert was deleted meanwhile.'),
    );
  });
});

describe('editing', () => {
  const openForm = async (): Promise<HTMLElement> => {
    fireEvent.click(within(row('r1')).getByRole('button', { name: 'Edit alert HUBC price rises to or above 113.00' }));
    return screen.findByRole('form', { name: 'Edit alert HUBC price rises to or above 113.00' });
  };

  it('opens inline with the rule’s values, the first field focused', async () => {
    await seed({ rules: [rule({ rearm: 'daily' })] });
    await show();
    const form = within(await openForm());
    const kind = form.getByRole('combobox', { name: 'Condition for HUBC' }) as HTMLSelectElement;
    expect(kind.value).toBe('price-above');
    expect(document.activeElement).toBe(kind);
    expect((form.getByRole('textbox', { name: /^Threshold for HUBC/ }) as HTMLInputElement).value).toBe('113');
    expect((form.getByRole('combobox', { name: 'Re-arm mode for HUBC' }) as HTMLSelectElement).value).toBe('daily');
  });

  it.each([
    ['0', 'Enter a number above 0.'],
    ['', 'Enter a number above 0.'],
    ['113.12345', 'Use at most 4 decimals.'],
    ['2000000', 'Enter at most 1,000,000.'],
  ])('refuses the threshold %j with its message and writes nothing', async (typed, message) => {
    await seed({ rules: [rule()] });
    await show();
    const before = await stored();
    const form = within(await openForm());
    const input = form.getByRole('textbox', { name: /^Threshold for HUBC/ });
    fireEvent.input(input, { target: { value: typed } });
    fireEvent.click(form.getByRole('button', { name: 'Save alert HUBC price rises to or above 113.00' }));
    const problem = await form.findByRole('alert');
    expect(problem.textContent).toBe(message);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(problem.id);
    expect(document.activeElement).toBe(input);
    expect(await stored()).toEqual(before);
  });

  it('refuses a volume threshold that is not whole shares', async () => {
    await seed({ rules: [rule()] });
    await show();
    const before = await stored();
    const form = within(await openForm());
    fireEvent.change(form.getByRole('combobox', { name: 'Condition for HUBC' }), { target: { value: 'volume-above' } });
    fireEvent.input(form.getByRole('textbox', { name: 'Threshold for HUBC (shares)' }), { target: { value: '1000.5' } });
    fireEvent.click(form.getByRole('button', { name: /^Save alert HUBC/ }));
    expect((await form.findByRole('alert')).textContent).toBe('Enter a whole number of shares.');
    expect(await stored()).toEqual(before);
  });

  it('offers no volume condition for an index', async () => {
    await seed({ rules: [rule({ subject: 'KSE100', index: true, threshold: 60_000 })] });
    await show();
    fireEvent.click(within(row('r1')).getByRole('button', { name: /^Edit alert KSE100/ }));
    const kind = (await screen.findByRole('combobox', { name: 'Condition for KSE100' })) as HTMLSelectElement;
    expect([...kind.options].map((o) => o.value)).not.toContain('volume-above');
  });

  it('saves a valid edit against the market view, and gives the focus back to Edit', async () => {
    await seed({ rules: [rule({ status: 'fired', firedAt: AT - HOUR, snoozedUntil: AT + HOUR })] }, { HUBC: quote('HUBC', 110) });
    await show();
    const form = within(await openForm());
    fireEvent.change(form.getByRole('combobox', { name: 'Condition for HUBC' }), { target: { value: 'price-below' } });
    fireEvent.input(form.getByRole('textbox', { name: /^Threshold for HUBC/ }), { target: { value: '111.5' } });
    fireEvent.change(form.getByRole('combobox', { name: 'Re-arm mode for HUBC' }), { target: { value: 'hysteresis' } });
    fireEvent.click(form.getByRole('button', { name: /^Save alert HUBC/ }));
    // 110 is already at or below 111.50: it waits until it has been false once.
    await waitFor(async () => expect(await storedRule('r1')).toMatchObject({ kind: 'price-below', threshold: 111.5, rearm: 'hysteresis', status: 'waiting', snoozedUntil: null, firedAt: null }));
    const edit = await within(row('r1')).findByRole('button', { name: 'Edit alert HUBC price falls to or below 111.50' });
    await waitFor(() => expect(document.activeElement).toBe(edit));
    expect(screen.getByText('Saved alert HUBC price falls to or below 111.50.')).toBeTruthy();
  });

  it.each([
    ['stale', 'armed', null],
    ['held', 'armed', null],
    ['fresh', 'waiting', pktMidnight(READ)],
  ] as const)('checks an edit over a %s market view against a trusted figure only: %s', async (view, status, checkedDay) => {
    await seed({ rules: [rule()] }, { HUBC: quote('HUBC', 110) }, view);
    await show();
    const form = within(await openForm());
    fireEvent.change(form.getByRole('combobox', { name: 'Condition for HUBC' }), { target: { value: 'price-below' } });
    fireEvent.input(form.getByRole('textbox', { name: /^Threshold for HUBC/ }), { target: { value: '111.5' } });
    fireEvent.click(form.getByRole('button', { name: /^Save alert HUBC/ }));
    await waitFor(async () => expect((await storedRule('r1'))?.kind).toBe('price-below'));
    expect(await storedRule('r1')).toMatchObject({ threshold: 111.5, status, checkedDay });
  });

  it('shows the margin box only for the hysteresis mode, with the rule’s margin, and saves a new one', async () => {
    await seed({ rules: [rule({ rearm: 'manual', hysteresisPct: 1.25 })] }, { HUBC: quote('HUBC', 110) });
    await show();
    const form = within(await openForm());
    const margin = (): HTMLInputElement | null => form.queryByRole('textbox', { name: 'Margin for HUBC (%)' }) as HTMLInputElement | null;
    expect(margin()).toBeNull();
    fireEvent.change(form.getByRole('combobox', { name: 'Re-arm mode for HUBC' }), { target: { value: 'hysteresis' } });
    expect(margin()?.value).toBe('1.25');
    fireEvent.input(margin()!, { target: { value: '2.5' } });
    fireEvent.click(form.getByRole('button', { name: /^Save alert HUBC/ }));
    await waitFor(async () => expect(await storedRule('r1')).toMatchObject({ rearm: 'hysteresis', hysteresisPct: 2.5 }));
  });

  it('keeps the rule’s margin when the mode has none', async () => {
    await seed({ rules: [rule({ rearm: 'hysteresis', hysteresisPct: 3 })] }, { HUBC: quote('HUBC', 110) });
    await show();
    const form = within(await openForm());
    fireEvent.change(form.getByRole('combobox', { name: 'Re-arm mode for HUBC' }), { target: { value: 'daily' } });
    expect(form.queryByRole('textbox', { name: 'Margin for HUBC (%)' })).toBeNull();
    fireEvent.click(form.getByRole('button', { name: /^Save alert HUBC/ }));
    await waitFor(async () => expect(await storedRule('r1')).toMatchObject({ rearm: 'daily', hysteresisPct: 3 }));
  });

  it.each(['0', '10.5', '-1', 'abc', '1e0', ''])('refuses the margin %j with its message and writes nothing', async (typed) => {
    await seed({ rules: [rule({ rearm: 'hysteresis' })] });
    await show();
    const before = await stored();
    const form = within(await openForm());
    const input = form.getByRole('textbox', { name: 'Margin for HUBC (%)' });
    fireEvent.input(input, { target: { value: typed } });
    fireEvent.click(form.getByRole('button', { name: /^Save alert HUBC/ }));
    const problem = await form.findByRole('alert');
    expect(problem.textContent).toBe('Enter a margin above 0 and at most 10 %.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(problem.id);
    expect(document.activeElement).toBe(input);
    await new Promise((r) => setTimeout(r, 20));
    expect(await stored()).toEqual(before);
  });

  it.each([
    ['0x1F', 'Enter a number above 0.'],
    ['1e3', 'Enter a number above 0.'],
    ['Infinity', 'Enter a number above 0.'],
  ])('refuses %j as a threshold, not reading it as a number', async (typed, message) => {
    await seed({ rules: [rule()] });
    await show();
    const before = await stored();
    const form = within(await openForm());
    fireEvent.input(form.getByRole('textbox', { name: /^Threshold for HUBC/ }), { target: { value: typed } });
    fireEvent.click(form.getByRole('button', { name: /^Save alert HUBC/ }));
    expect((await form.findByRole('alert')).textContent).toBe(message);
    expect(await stored()).toEqual(before);
  });

  it('accepts a threshold with thousands separators', async () => {
    await seed({ rules: [rule()] });
    await show();
    const form = within(await openForm());
    fireEvent.change(form.getByRole('combobox', { name: 'Condition for HUBC' }), { target: { value: 'volume-above' } });
    fireEvent.input(form.getByRole('textbox', { name: 'Threshold for HUBC (shares)' }), { target: { value: '1,500,000' } });
    fireEvent.click(form.getByRole('button', { name: /^Save alert HUBC/ }));
    await waitFor(async () => expect(await storedRule('r1')).toMatchObject({ kind: 'volume-above', threshold: 1_500_000 }));
  });

  it('Cancel closes the form and writes nothing', async () => {
    await seed({ rules: [rule()] });
    await show();
    const before = await stored();
    const form = within(await openForm());
    fireEvent.input(form.getByRole('textbox', { name: /^Threshold for HUBC/ }), { target: { value: '150' } });
    fireEvent.click(form.getByRole('button', { name: 'Cancel editing alert HUBC price rises to or above 113.00' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: /^Edit alert/ })).toBeNull());
    expect(document.activeElement).toBe(within(row('r1')).getByRole('button', { name: /^Edit alert HUBC/ }));
    expect(await stored()).toEqual(before);
  });
});

describe('the fired history', () => {
  it('lists fired alerts newest first with value and time, and Mark all seen marks them seen', async () => {
    await seed({
      fired: [
        firing({ id: 'f3', subject: 'OGDC', kind: 'change-above', threshold: 3, value: 3.21, price: 210, at: AT }),
        firing({ id: 'f2', kind: 'volume-above', threshold: 1_000_000, value: 1_250_000, at: AT - HOUR, seen: true }),
        firing({ id: 'f1', at: Date.UTC(2026, 9, 13, 5, 0) }),
      ],
    });
    const section = await show();
    const table = within(section).getByRole('table', { name: 'Fired alerts' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Subject', 'Condition', 'Value', 'Time', 'Seen']);
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['OGDC', 'day change reaches +3.00 %', '+3.21 %', '14 Oct, 11:42 PKT', 'New'],
      ['HUBC', 'volume for the day above 1,000,000 shares', '1,250,000 shares', '14 Oct, 10:42 PKT', 'Seen'],
      ['HUBC', 'price rises to or above 113.00', '113.25', '13 Oct, 10:00 PKT', 'New'],
    ]);
    expect(within(section).getByText(/2 not seen yet/)).toBeTruthy();

    fireEvent.click(within(section).getByRole('button', { name: 'Mark all seen' }));
    await waitFor(async () => expect((await stored()).fired.map((f) => f.seen)).toEqual([true, true, true]));
    await waitFor(() => expect(within(section).getByText(/All seen/)).toBeTruthy());
    expect(within(table).queryByText('New')).toBeNull();
  });

  it('Mark all seen marks only the alerts on screen: one that fired since stays unseen', async () => {
    await seed({ fired: [firing({ id: 'f1', at: AT - HOUR })] });
    const section = await show();
    const table = within(section).getByRole('table', { name: 'Fired alerts' });
    // The background logs a new firing; the page has not redrawn yet when the user clicks.
    await alertsItem.update((a) => ({ ...a, fired: [firing({ id: 'f2', subject: 'OGDC', at: AT }), ...a.fired] }));
    expect(table.querySelector('[data-fired-id="f2"]')).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: 'Mark all seen' }));
    await waitFor(async () => expect((await stored()).fired.find((f) => f.id === 'f1')?.seen).toBe(true));
    expect((await stored()).fired.find((f) => f.id === 'f2')?.seen).toBe(false);
    // Once drawn, it is there to be seen.
    await waitFor(() => expect(within(section).getByRole('table', { name: 'Fired alerts' }).querySelector('[data-fired-id="f2"]')?.textContent).toContain('New'));
    expect(within(section).getByText(/1 not seen yet/)).toBeTruthy();
  });

  it('orders by time even when the stored log is not', async () => {
    await seed({ fired: [firing({ id: 'old', subject: 'PSO', at: AT - 2 * HOUR }), firing({ id: 'new', subject: 'OGDC', at: AT })] });
    const section = await show();
    const subjects = within(within(section).getByRole('table')).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-fired-id'));
    expect(subjects).toEqual(['new', 'old']);
  });

  it('says when nothing has fired', async () => {
    await seed({ rules: [rule()] });
    const section = await show();
    expect(within(section).getByText('No alert has fired yet.')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Mark all seen' })).toBeNull();
  });
});

describe('notifications', () => {
  it('are off until allowed; Allow notifications asks for the permission', async () => {
    await seed({});
    const section = await show();
    expect(await within(section).findByText('Notifications are off. Alerts show in the popup, the bar and the badge only.')).toBeTruthy();
    expect(grantedApis.has('notifications')).toBe(false);
    const request = vi.spyOn((await import('../../../src/shared/browser')).browser.permissions, 'request');
    fireEvent.click(within(section).getByRole('button', { name: 'Allow notifications' }));
    // Asked within the click itself, before anything was awaited.
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(await within(section).findByText('Notifications are on: each alert that fires is also a system notification.')).toBeTruthy();
    expect(grantedApis.has('notifications')).toBe(true);
    expect(within(section).queryByRole('button', { name: 'Allow notifications' })).toBeNull();
  });

  it('stay off when the user refuses', async () => {
    permissionsControl.userGrants = false;
    await seed({});
    const section = await show();
    fireEvent.click(await within(section).findByRole('button', { name: 'Allow notifications' }));
    expect(await within(section).findByText('Notifications were not allowed. Alerts show in the popup, the bar and the badge only.')).toBeTruthy();
    // A refusal is the user's answer, not an error.
    expect(within(section).queryByText(/could not ask/)).toBeNull();
    expect(grantedApis.has('notifications')).toBe(false);
    expect(within(section).getByRole('button', { name: 'Allow notifications' })).toBeTruthy();
  });

  it('say so, in an alert, when the browser could not ask: not a refusal', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(browser.permissions, 'request').mockRejectedValue(new Error('permissions.request may only be called from a user input handler'));
    await seed({});
    const section = await show();
    fireEvent.click(await within(section).findByRole('button', { name: 'Allow notifications' }));
    const alert = await within(section).findByText(/^The browser could not ask for notifications/);
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('The browser could not ask for notifications: permissions.request may only be called from a user input handler');
    expect(within(section).queryByText(/were not allowed/)).toBeNull();
    expect(within(section).getByText('Notifications are off. Alerts show in the popup, the bar and the badge only.')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Allow notifications' })).toBeTruthy();
    expect(warn).toHaveBeenCalled();
  });

  it('say they are on when already allowed', async () => {
    grantedApis.add('notifications');
    await seed({});
    const section = await show();
    expect(await within(section).findByText('Notifications are on: each alert that fires is also a system notification.')).toBeTruthy();
  });
});

describe('the alert settings', () => {
  it('write alertsOnFallback and badgeAlerts', async () => {
    await seed({});
    const section = await show();
    const fallback = within(section).getByRole('checkbox', { name: 'Alerts may fire on PSX Terminal data while the PSX portal is down' }) as HTMLInputElement;
    const badge = within(section).getByRole('checkbox', { name: 'Toolbar badge shows the number of unseen fired alerts' }) as HTMLInputElement;
    expect([fallback.checked, badge.checked]).toEqual([false, true]);
    fireEvent.click(fallback);
    await waitFor(async () => expect((await readSettings()).alertsOnFallback).toBe(true));
    fireEvent.click(badge);
    await waitFor(async () => expect((await readSettings()).badgeAlerts).toBe(false));
    await waitFor(() => expect([fallback.checked, badge.checked]).toEqual([true, false]));
  });
});

describe('on the options page', () => {
  it('is mounted with the stored rules', async () => {
    await seed({ rules: [rule()] });
    render(<App />);
    const section = await screen.findByRole('region', { name: 'Alerts' });
    expect(await within(section).findByText('Armed')).toBeTruthy();
    expect(section.querySelector('li[data-rule-id="r1"]')).not.toBeNull();
  });
});
