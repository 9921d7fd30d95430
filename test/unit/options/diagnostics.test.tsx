// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Diagnostics, diagnosticsReport } from '../../../src/options/components/Diagnostics';
import { App } from '../../../src/options/App';
import { recordEvents, type DiagnosticEvent, MAX_EVENTS, allEvents, diagnosticsArchiveItem, diagnosticsHeadItem } from '../../../src/shared/diagnostics';
import type { SourceStatus } from '../../../src/shared/model';

const AT = Date.UTC(2026, 9, 14, 6, 42);
const events: DiagnosticEvent[] = [
  { at: AT - 120_000, kind: 'failure', subject: 'feed:world', detail: 'parse: too deeply nested' },
  { at: AT - 60_000, kind: 'backoff', subject: 'feed:world', detail: 'failure 1 in a row; next try in 600 s' },
  { at: AT, kind: 'permission', subject: 'host access', detail: 'removed: https://news.example/*' },
];
const failing: SourceStatus = { state: 'failing', attemptedAt: AT, lastOk: null, lastError: { kind: 'parse', detail: 'too deeply nested', at: AT }, failures: 1, nextTry: AT + 600_000 };

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('Diagnostics section', () => {
  it('lists the events newest first, each with its kind and subject', () => {
    render(<Diagnostics events={events} sources={{}} storageNotice={null} appVersion="0.2.0" now={AT} zone="Asia/Karachi" />);
    const items = within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      '11:42 permission host access: removed: https://news.example/*',
      '11:41 backoff feed:world: failure 1 in a row; next try in 600 s',
      '11:40 failure feed:world: parse: too deeply nested',
    ]);
  });

  it('copies a plain-text report with the version, every source and every event', async () => {
    const copy = vi.fn((_text: string) => Promise.resolve());
    render(<Diagnostics events={events} sources={{ 'feed:world': failing }} storageNotice={null} appVersion="0.2.0" now={AT} zone="local" copy={copy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    expect(await screen.findByText(/Report copied/)).toBeTruthy();
    const text = copy.mock.calls[0]![0];
    expect(text).toContain('PSX Market Overlay 0.2.0, report of 2026-10-14T06:42:00.000Z');
    expect(text).toContain('feed:world: failing, last ok —, failures 1, last error parse (too deeply nested), next try 2026-10-14T06:52:00.000Z');
    expect(text).toContain('2026-10-14T06:40:00.000Z failure feed:world: parse: too deeply nested');
  });

  it('says so when the clipboard refuses', async () => {
    render(<Diagnostics events={[]} sources={{}} storageNotice={null} appVersion="0.2.0" now={AT} zone="local" copy={() => Promise.reject(new Error('denied'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    expect(await screen.findByText(/could not be copied \(denied\)/)).toBeTruthy();
    expect(screen.getByText('Nothing has gone wrong yet.')).toBeTruthy();
  });

  it('the report of an empty log still names the storage state', () => {
    expect(diagnosticsReport({ events: [], sources: {}, storageNotice: 'kept on this device', appVersion: '0.2.0', now: AT })).toContain('Storage: kept on this device');
  });
});

describe('the log', () => {
  it('keeps the last 200 events across its head and archive, oldest dropped', async () => {
    for (let i = 0; i < 230; i++) await recordEvents([{ at: AT + i, kind: 'failure', subject: 'psx-home', detail: `n${i}` }]);
    const all = allEvents(await diagnosticsArchiveItem.get(), await diagnosticsHeadItem.get());
    expect(all).toHaveLength(MAX_EVENTS);
    expect(all[0]?.detail).toBe('n30');
    expect(all.at(-1)?.detail).toBe('n229');
  });

  it('is shown on the options page as the background records it', async () => {
    render(<App />);
    await screen.findByRole('heading', { name: 'Diagnostics' });
    await recordEvents([{ at: Date.now(), kind: 'failure', subject: 'feed:world', detail: 'server: HTTP 502' }]);
    expect(await screen.findByText(/feed:world: server: HTTP 502/)).toBeTruthy();
  });
});
