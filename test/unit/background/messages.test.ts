import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { handleMessage } from '../../../src/background/messages';

vi.mock('../../../src/background/refresh', () => ({
  refresh: vi.fn(() => Promise.resolve({ fetched: ['psx-home'], failed: [] })),
}));

const self = (): Runtime.MessageSender => ({ id: fakeBrowser.runtime.id });

describe('handleMessage', () => {
  it('answers refreshNow from the extension itself with a Result', async () => {
    await expect(handleMessage({ type: 'refreshNow', payload: {} }, self())).resolves.toEqual({
      ok: true,
      value: { fetched: ['psx-home'], failed: [] },
    });
  });

  it.each([
    ['another extension', { type: 'refreshNow', payload: {} }, { id: 'someone-else' }],
    ['an unknown command', { type: 'deleteEverything', payload: {} }, undefined],
    ['a non-object', 'refreshNow', undefined],
  ])('ignores %s', (_name, message, sender) => {
    expect(handleMessage(message, (sender as Runtime.MessageSender | undefined) ?? self())).toBeUndefined();
  });
});
