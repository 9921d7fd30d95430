/**
 * Every unit test runs against an in-memory fake of the extension APIs: the seam module
 * `src/shared/browser.ts` is replaced, and the fake's state is wiped before each test.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, vi } from 'vitest';

vi.mock('../../src/shared/browser', () => ({ browser: fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
});
