// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataSection } from '../../../src/options/components/DataSection';
import { MAX_BACKUP_BYTES } from '../../../src/shared/backup/format';
import { alertsItem } from '../../../src/shared/alerts/store';
import type { AlertRule } from '../../../src/shared/alerts/rules';
import { browser } from '../../../src/shared/browser';
import { normaliseSettings, type Settings } from '../../../src/shared/settings';
import { storageFaults } from '../fake-storage';

const SETTINGS = normaliseSettings({ watchlist: ['HUBC', 'OGDC'], privacy: false });
const KNOWN = new Set(['HUBC', 'OGDC', 'PSO', 'POL']);
// Midday UTC: the file names carry the local date, the same day in every zone from UTC-11 to UTC+11.
const NOON = Date.UTC(2026, 9, 14, 12);

function show(onApply: (edit: (current: Settings) => Settings) => Promise<void> = () => Promise.resolve()) {
  const apply = vi.fn(onApply);
  render(<DataSection settings={SETTINGS} knownSymbols={KNOWN} appVersion="0.1.0" onApply={apply} now={() => NOON} />);
  return apply;
}

const chooser = (): HTMLInputElement => screen.getByLabelText('Import…');
const choose = (content: string, name: string): void => {
  fireEvent.change(chooser(), { target: { files: [new File([content], name)] } });
};
const preview = (): HTMLElement => screen.getByRole('group', { name: /^Import preview/ });

beforeEach(() => {
  // happy-dom would try to follow the blob: link; the test only needs what would be downloaded.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:backup');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the section', () => {
  it('is a named region with keyboard-reachable, named controls', () => {
    show();
    const section = screen.getByRole('region', { name: 'Data' });
    expect(within(section).getByRole('button', { name: 'Export all data (JSON)' })).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Export watchlist (CSV)' })).toBeTruthy();
    expect(chooser().type).toBe('file');
    expect(chooser().accept).toBe('.json,.csv,text/csv,application/json');
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });
});

describe('exporting', () => {
  const downloaded = async (): Promise<{ name: string; text: string; type: string }> => {
    // The backup is made once the alerts are read, a moment after the click.
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]?.[0] as Blob;
    const link = vi.mocked(HTMLAnchorElement.prototype.click).mock.contexts[0] as HTMLAnchorElement;
    return { name: link.download, text: await blob.text(), type: blob.type };
  };

  it('downloads all data as a dated JSON backup', async () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Export all data (JSON)' }));
    const file = await downloaded();
    expect(file.name).toBe('psx-overlay-backup-2026-10-14.json');
    expect(file.type).toBe('application/json');
    expect(JSON.parse(file.text)).toMatchObject({ format: 'psx-market-overlay-backup', version: 2, exportedAt: '2026-10-14T12:00:00.000Z', app: '0.1.0' });
    expect(screen.getByRole('status').textContent).toBe('Exported all data as psx-overlay-backup-2026-10-14.json.');
    // The temporary link is gone again.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('downloads the watchlist as a dated CSV', async () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Export watchlist (CSV)' }));
    const file = await downloaded();
    expect(file.name).toBe('psx-watchlist-2026-10-14.csv');
    expect(file.text).toBe('symbol\r\nHUBC\r\nOGDC\r\n');
  });
});

describe('importing', () => {
  it('shows a preview with its warnings when a file is chosen, and applies nothing', async () => {
    const apply = show();
    choose('symbol\nPSO\nHUBC\nZZZZ\n$$$\n', 'list.csv');
    await screen.findByRole('group', { name: 'Import preview: list.csv' });
    const items = within(preview()).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Watchlist: adds PSO; removes OGDC.',
      'ZZZZ is not listed on PSX, so it is not imported.',
      'Skipped line 5 (“$$$”): not a symbol.',
    ]);
    expect(apply).not.toHaveBeenCalled();
  });

  it('applies the previewed settings on Import, then says so', async () => {
    const apply = show();
    choose('{"format":"psx-market-overlay-backup","version":1,"data":{"settings":{"privacy":true,"watchlist":["pso"]}}}', 'backup.json');
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    expect(apply).toHaveBeenCalledTimes(1);
    // The edit is applied to the settings as stored when it is saved, not to what the page showed.
    const edit = apply.mock.calls[0]![0];
    expect(edit(SETTINGS)).toEqual(normaliseSettings({ ...SETTINGS, privacy: true, watchlist: ['PSO'] }));
    expect(edit({ ...SETTINGS, badge: 'KSE30' }).badge).toBe('KSE30');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported backup.json: 2 settings changed.'));
    expect(screen.queryByRole('group', { name: /^Import preview/ })).toBeNull();
    expect(document.activeElement).toBe(chooser());
  });

  it('applies nothing on Cancel', async () => {
    const apply = show();
    choose('PSO\n', 'list.csv');
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /^Import preview/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(apply).not.toHaveBeenCalled();
    expect(chooser().value).toBe('');
  });

  it('offers no Import when the file changes nothing', async () => {
    show();
    choose('HUBC\nOGDC\n', 'same.csv');
    await screen.findByRole('group', { name: 'Import preview: same.csv' });
    expect(within(preview()).getByText(/^Nothing would change/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it.each<[string, string, string, string]>([
    ['a newer backup', '{"format":"psx-market-overlay-backup","version":3,"data":{}}', 'backup.json',
      'This file was made by a newer version of PSX Market Overlay (backup version 3). Update the extension to import it.'],
    ['invalid JSON', '{"format":', 'backup.json', 'This file is not valid JSON, so it cannot be a PSX Market Overlay backup.'],
    ['another program\'s file', '{"name":"x"}', 'notes.json', 'This file is not a PSX Market Overlay backup.'],
    ['an empty file', '', 'empty.csv', 'This file is empty.'],
    ['a CSV with no usable symbol', 'ZZZZ\n', 'list.csv', 'No symbol in this file can be imported (1 symbol is not listed on PSX).'],
  ])('shows an alert and no preview for %s', async (_name, content, name, message) => {
    const apply = show();
    choose(content, name);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(message));
    expect(screen.queryByRole('group', { name: /^Import preview/ })).toBeNull();
    expect(apply).not.toHaveBeenCalled();
  });

  it('refuses a file over 1 MB without reading it', async () => {
    show();
    const big = new File(['x'.repeat(MAX_BACKUP_BYTES + 1)], 'big.csv');
    const read = vi.spyOn(big, 'text');
    fireEvent.change(chooser(), { target: { files: [big] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/larger than 1 MB/));
    expect(read).not.toHaveBeenCalled();
  });

  it('shows an alert and keeps the preview when saving fails', async () => {
    const apply = show(() => Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded.')));
    choose('PSO\n', 'list.csv');
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The import could not be saved: QUOTA_BYTES_PER_ITEM quota exceeded.'));
    expect(apply).toHaveBeenCalledTimes(1);
    expect(preview()).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('clears an earlier error when another file is chosen', async () => {
    show();
    choose('', 'empty.csv');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This file is empty.'));
    choose('PSO\n', 'list.csv');
    await screen.findByRole('group', { name: 'Import preview: list.csv' });
    expect(screen.getByRole('alert').textContent).toBe('');
  });
});

describe('alerts', () => {
  const rule = (id: string, subject: string, threshold: number): AlertRule => ({
    id, subject, index: false, kind: 'price-above', threshold, rearm: 'manual', hysteresisPct: 0.5,
    status: 'fired', createdAt: NOON - 86_400_000, checkedDay: null, firedAt: NOON - 60_000, firedValue: threshold, snoozedUntil: null,
  });
  const MINE = [rule('r-1', 'HUBC', 210), rule('r-2', 'OGDC', 300)];
  const definition = ({ subject, index, kind, threshold, rearm, hysteresisPct }: AlertRule) => ({ subject, index, kind, threshold, rearm, hysteresisPct });
  const stored = { $v: 1, value: { rules: MINE, fired: [] } };
  /** A version-2 backup whose settings are the ones shown, with HUBC's rule (theirs already) and two new ones. */
  const FILE = JSON.stringify({
    format: 'psx-market-overlay-backup',
    version: 2,
    data: { settings: { privacy: false }, alerts: { rules: [definition(MINE[0]!), definition(rule('x', 'PSO', 400)), definition(rule('y', 'POL', 500)), 'junk'] } },
  });
  const alertsText = (): string | null | undefined => preview().querySelector('.data__alerts')?.textContent;

  beforeEach(() => browser.storage.local.set({ alerts: stored }));

  it('exports the stored rules with the settings', async () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Export all data (JSON)' }));
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]?.[0] as Blob;
    expect((JSON.parse(await blob.text()) as { data: { alerts: unknown } }).data.alerts).toEqual({ rules: MINE.map(definition) });
  });

  it('says so, and makes no backup, when the alerts cannot be read', async () => {
    show();
    storageFaults.failNext('local', 'get', 'IndexedDB error');
    fireEvent.click(screen.getByRole('button', { name: 'Export all data (JSON)' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^The alerts could not be read \(.*IndexedDB error\), so no backup was made\.$/));
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });

  it('previews how many alerts the file has and how many are new, and imports those alone', async () => {
    const apply = show();
    choose(FILE, 'backup.json');
    await screen.findByRole('group', { name: 'Import preview: backup.json' });
    expect(alertsText()).toBe('Alerts: 3 in the file, 2 new (1 you have already).');
    expect(within(preview()).getByText(/^No setting would change/)).toBeTruthy();
    expect(within(preview()).getByRole('list', { name: 'Warnings' }).textContent).toContain('Skipped alert 4 (“junk”): not a valid alert.');
    // New alerts are something to import, though no setting changes.
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported backup.json: 0 settings changed, 2 alerts added (1 you had already).'));
    expect(apply).toHaveBeenCalledTimes(1);
    const after = await alertsItem.get();
    expect(after.rules.map((r) => r.subject)).toEqual(['HUBC', 'OGDC', 'PSO', 'POL']);
    expect(after.rules.slice(0, 2)).toEqual(MINE);
    expect(after.rules.slice(2).every((r) => r.status === 'armed' && r.checkedDay === null)).toBe(true);

    // The same file again: nothing new, nothing to import.
    choose(FILE, 'backup.json');
    await screen.findByRole('group', { name: 'Import preview: backup.json' });
    expect(alertsText()).toBe('Alerts: 3 in the file, none new (you have them all already).');
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows no alerts line for a file of the previous format', async () => {
    show();
    choose('{"format":"psx-market-overlay-backup","version":1,"data":{"settings":{"privacy":true}}}', 'old.json');
    await screen.findByRole('group', { name: 'Import preview: old.json' });
    expect(alertsText()).toBeUndefined();
  });

  it('shows an alert and keeps the preview when the alerts cannot be saved', async () => {
    show();
    choose(FILE, 'backup.json');
    await screen.findByRole('group', { name: 'Import preview: backup.json' });
    storageFaults.failNext('local', 'set', 'QUOTA_BYTES quota exceeded');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The alerts could not be saved: QUOTA_BYTES quota exceeded.'));
    expect(screen.getByRole('status').textContent).toBe('');
    expect(preview()).toBeTruthy();
    expect((await browser.storage.local.get('alerts'))['alerts']).toEqual(stored);
  });
});
