/**
 * Every unit test runs against an in-memory fake of the extension APIs: the seam module
 * `src/shared/browser.ts` is replaced, and the fake's state is wiped before each test. Storage
 * is our own faithful fake (fake-storage.ts: copies out, quotas, events after writes), and the
 * Web Locks API is the shared lock manager every extension context of one origin has.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, vi } from 'vitest';
import { installFakeStorage } from './fake-storage';
import { installFakeLocks } from './fake-locks';

installFakeStorage(fakeBrowser);
installFakeLocks();

vi.mock('../../src/shared/browser', () => ({ browser: fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
});
