// @vitest-environment happy-dom
/**
 * The options page's Data section and the holdings (issue 12): "Export holdings (CSV)", the
 * holdings in "Export all data (JSON)", and a holdings CSV chosen for import: its preview
 * (holdings merged, the file winning per symbol; watchlist additions; malformed lines named)
 * and its Import.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataSection } from '../../../src/options/components/DataSection';
import { holdingsItem } from '../../../src/shared/holdings/store';
import { normaliseSettings, type Settings } from '../../../src/shared/settings';
import { storageFaults } from '../fake-storage';

const SETTINGS = normaliseSettings({ watchlist: ['HUBC', 'OGDC'], privacy: false });
const KNOWN = new Set(['HUBC', 'OGDC', 'PSO', 'POL']);
const NOON = Date.UTC(2026, 9, 14, 12);
const MINE = { HUBC: { quantity: 500, averagePrice: 98.1234 }, OGDC: { quantity: 1000, averagePrice: 330 } };

function show(onApply: (edit: (current: Settings) => Settings) => Promise<void> = () => Promise.resolve()) {
  const apply = vi.fn(onApply);
  render(<DataSection settings={SETTINGS} knownSymbols={KNOWN} appVersion="0.2.0" onApply={apply} now={() => NOON} />);
  return apply;
}
const chooser = (): HTMLInputElement => screen.getByLabelText('Import…');
const choose = (content: string, name: string): void => {
  fireEvent.change(chooser(), { target: { files: [new File([content], name)] } });
};
const preview = (): HTMLElement => screen.getByRole('group', { name: /^Import preview/ });
const downloaded = async (): Promise<{ name: string; text: string; type: string }> => {
  await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
  const blob = vi.mocked(URL.createObjectURL).mock.calls[0]?.[0] as Blob;
  const link = vi.mocked(HTMLAnchorElement.prototype.click).mock.contexts[0] as HTMLAnchorElement;
  return { name: link.download, text: await blob.text(), type: blob.type };
};

beforeEach(async () => {
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:backup');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await holdingsItem.update(() => MINE);
});
afterEach(() => {
  cleanup();
  storageFaults.clearFaults();
  vi.restoreAllMocks();
});

describe('exporting holdings', () => {
  it('has a named button that downloads the holdings as a dated CSV', async () => {
    show();
    const section = screen.getByRole('region', { name: 'Data' });
    fireEvent.click(within(section).getByRole('button', { name: 'Export holdings (CSV)' }));
    const file = await downloaded();
    expect(file).toEqual({ name: 'psx-holdings-2026-10-14.csv', type: 'text/csv', text: 'symbol,quantity,average price\r\nHUBC,500,98.1234\r\nOGDC,1000,330\r\n' });
    expect(screen.getByRole('status').textContent).toBe('Exported 2 holdings as psx-holdings-2026-10-14.csv.');
  });

  it('puts the holdings in the JSON backup', async () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Export all data (JSON)' }));
    const file = await downloaded();
    expect((JSON.parse(file.text) as { data: { holdings: unknown } }).data.holdings).toEqual([
      { symbol: 'HUBC', quantity: 500, averagePrice: 98.1234 },
      { symbol: 'OGDC', quantity: 1000, averagePrice: 330 },
    ]);
  });

  it.each(['Export holdings (CSV)', 'Export all data (JSON)'])('%s: says so, and downloads nothing, when the holdings cannot be read', async (name) => {
    show();
    storageFaults.failAlways('local', 'get', 'IndexedDB error');
    fireEvent.click(screen.getByRole('button', { name }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^The (holdings|alerts) could not be read \(.*IndexedDB error\), so /));
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });
});

describe('importing a holdings CSV', () => {
  const FILE = 'symbol,quantity,average price\nHUBC,600,97\nPSO,10,200\nOGDC,1000,330\nPOL,x,1\nZZZZ,1,1\n';

  it('previews the merge, the watchlist addition and what is skipped, and writes nothing yet', async () => {
    const apply = show();
    choose(FILE, 'holdings.csv');
    await screen.findByRole('group', { name: 'Import preview: holdings.csv' });
    expect(within(preview()).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Watchlist: adds PSO; order unchanged.',
      'ZZZZ is not listed on PSX, so it is not imported.',
      'Skipped line 5 (“POL,x,1”): the quantity is not a number.',
    ]);
    expect(preview().querySelector('.data__holdings')?.textContent).toBe(
      "Holdings: 3 in the file, 1 new, 1 replacing yours (HUBC: the file's figures win), 1 the same as yours. Your holdings of other symbols are kept.",
    );
    expect(apply).not.toHaveBeenCalled();
    expect(await holdingsItem.get()).toEqual(MINE);
  });

  it('on Import saves the settings edit and merges the holdings, then says so', async () => {
    const apply = show();
    choose(FILE, 'holdings.csv');
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply.mock.calls[0]![0](SETTINGS).watchlist).toEqual(['HUBC', 'OGDC', 'PSO']);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported holdings.csv: 1 setting changed, 1 holding added, 1 replaced, 1 unchanged.'));
    expect(await holdingsItem.get()).toEqual({ HUBC: { quantity: 600, averagePrice: 97 }, OGDC: MINE.OGDC, PSO: { quantity: 10, averagePrice: 200 } });
  });

  it('offers no Import when the file has nothing new', async () => {
    show();
    choose('HUBC,500,98.1234\nOGDC,1000,330\n', 'same.csv');
    await screen.findByRole('group', { name: 'Import preview: same.csv' });
    expect(within(preview()).getByText('Nothing would change: you have these holdings already.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows an alert and no preview for a holdings CSV with nothing importable', async () => {
    show();
    choose('symbol,quantity,average price\nHUBC,0,1\n', 'bad.csv');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('No holding in this file can be imported (1 line is not a valid holding).'));
    expect(screen.queryByRole('group', { name: /^Import preview/ })).toBeNull();
  });
});
