// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataSection } from '../../../src/options/components/DataSection';
import { MAX_BACKUP_BYTES } from '../../../src/shared/backup/format';
import { normaliseSettings, type Settings } from '../../../src/shared/settings';

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
    expect(JSON.parse(file.text)).toMatchObject({ format: 'psx-market-overlay-backup', version: 1, exportedAt: '2026-10-14T12:00:00.000Z', app: '0.1.0' });
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
    ['a newer backup', '{"format":"psx-market-overlay-backup","version":2,"data":{}}', 'backup.json',
      'This file was made by a newer version of PSX Market Overlay (backup version 2). Update the extension to import it.'],
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
