/**
 * Every unit test runs against an in-memory fake of the extension APIs: the seam module
 * `src/shared/browser.ts` is replaced, and the fake's state is wiped before each test. Storage
 * is our own faithful fake (fake-storage.ts: copies out, quotas, events after writes), and the
 * Web Locks API is the shared lock manager every extension context of one origin has.
 */
import { fakeBrowser } from '@webext-core/fake-browser';

// Expectations written in "the browser's own zone" are written for UTC: pinned, so a machine in
// another zone (a developer's laptop in Karachi) reads the same times.
process.env['TZ'] = 'UTC';
import { readFileSync } from 'node:fs';
import { beforeEach, vi } from 'vitest';
import { installFakeStorage } from './fake-storage';
import { installFakeLocks } from './fake-locks';
import { installFakePermissions } from './fake-permissions';
import { installFakeNotifications, notificationsControl } from './fake-notifications';
import { i18nControl, installFakeI18n } from './fake-i18n';
import { setDisplay } from '../../src/shared/i18n/display';
import { provideUrdu, resetUrdu } from '../../src/shared/i18n/urdu';
import { mergedCatalogue } from '../../scripts/locales';

installFakeStorage(fakeBrowser);
installFakeLocks();
installFakePermissions(fakeBrowser);
installFakeNotifications(fakeBrowser);
installFakeI18n(fakeBrowser);
// The fake has no manifest; the real one is this project's, with the package's version.
const manifest = { ...(JSON.parse(readFileSync('manifest.json', 'utf8')) as object), version: (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version };
fakeBrowser.runtime.getManifest = (() => structuredClone(manifest)) as typeof fakeBrowser.runtime.getManifest;

vi.mock('../../src/shared/browser', () => ({ browser: fakeBrowser }));

const URDU = Object.fromEntries(Object.entries(mergedCatalogue('src/locales', 'ur')).map(([k, v]) => [k, v.message]));

beforeEach(() => {
  fakeBrowser.reset();
  notificationsControl.reset();
  i18nControl.reset();
  // The display locale is page state (one per realm): each test starts in English, Latin digits.
  setDisplay({ lang: 'en', digits: 'latn' });
  // As a page that has read the packaged Urdu catalogue (src/shared/i18n/urdu.ts), as the build
  // writes it: tests that choose Urdu see it at once. The reading itself: test/unit/i18n/urdu.test.ts.
  resetUrdu();
  provideUrdu(URDU);
});
