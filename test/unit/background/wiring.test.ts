import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';

const refresh = vi.fn(() => Promise.resolve({ fetched: [], failed: [] }));
vi.mock('../../../src/background/refresh', () => ({ refresh }));

/** Importing the entry point is what a worker start does: listeners and alarm, nothing else. */
async function startWorker(): Promise<void> {
  vi.resetModules();
  await import('../../../src/background/index');
  await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('refresh')).toBeDefined());
}

describe('background entry point', () => {
  it('creates the refresh alarm on start, with a period of at least 30 s', async () => {
    await startWorker();
    const alarm = await fakeBrowser.alarms.get('refresh');
    expect(alarm?.periodInMinutes).toBeGreaterThanOrEqual(0.5);
  });

  it('does not push back an alarm that already exists', async () => {
    await fakeBrowser.alarms.create('refresh', { periodInMinutes: 1, when: 12345 });
    await startWorker();
    expect((await fakeBrowser.alarms.get('refresh'))?.scheduledTime).toBe(12345);
  });

  it.each([
    ['install', () => fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' })],
    ['startup', () => fakeBrowser.runtime.onStartup.trigger()],
    ['alarm', () => fakeBrowser.alarms.onAlarm.trigger({ name: 'refresh', scheduledTime: 0, periodInMinutes: 1, persistAcrossSessions: false })],
  ])('refreshes on %s', async (reason, fire) => {
    await startWorker();
    refresh.mockClear();
    await fire();
    expect(refresh).toHaveBeenCalledWith(reason);
  });

  it('ignores alarms it does not own', async () => {
    await startWorker();
    refresh.mockClear();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: 0, persistAcrossSessions: false });
    expect(refresh).not.toHaveBeenCalled();
  });
});
