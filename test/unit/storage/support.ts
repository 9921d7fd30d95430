/**
 * Shared by the storage tests: the fake's areas as plain data, 0.1.0's storage fixtures, the
 * keys the extension declares, and a watch on unhandled rejections.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from '@webext-core/fake-browser';
import { ALL_ITEMS } from '../../../src/shared/storage/migrations';
import type { Settings } from '../../../src/shared/settings';
import { installFakeStorage } from '../fake-storage';

/** The installed fake (installing again is a no-op that returns it, typed). */
export const storage = installFakeStorage(fakeBrowser);

export type Areas = { local: Record<string, unknown>; sync: Record<string, unknown>; session: Record<string, unknown> };

/** Everything stored, area by area, as plain JSON data. */
export async function dump(): Promise<Areas> {
  const [local, sync, session] = await Promise.all([storage.local.get(null), storage.sync.get(null), storage.session.get(null)]);
  return { local, sync, session };
}

/** What a 0.1.0 fixture holds and what a user of it must still see afterwards. */
export interface LegacyFixture {
  name: string;
  about: string;
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
  expect: {
    /** The settings as 0.1.0 showed them (its `version` field aside). */
    settings: Settings;
    /** Watchlist symbols with a price on screen, and that price. */
    quotes: Record<string, number>;
    stories: number;
    lastOpened: number | null;
    barOrigins: string[];
    /** Instruments in the symbol directory. */
    directory: number;
  };
}

const FIXTURES = path.resolve(__dirname, '../../fixtures/storage/0.1.0');

/** Settings 0.1.0 did not have: a user of it sees their defaults after the upgrade. */
const ADDED_SINCE_0_1_0: Pick<Settings, 'alertsOnFallback' | 'badgeAlerts' | 'popupTab' | 'shariahOnly' | 'language' | 'digits'> = {
  alertsOnFallback: false,
  badgeAlerts: true,
  popupTab: 'watchlist',
  shariahOnly: false,
  language: 'auto',
  digits: 'latn',
};

export function legacyFixtures(): LegacyFixture[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const fixture = JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')) as Omit<LegacyFixture, 'name'>;
      return { name: f.replace(/\.json$/, ''), ...fixture, expect: { ...fixture.expect, settings: { ...fixture.expect.settings, ...ADDED_SINCE_0_1_0 } } };
    });
}

export function legacyFixture(name: string): LegacyFixture {
  const found = legacyFixtures().find((f) => f.name === name);
  if (!found) throw new Error(`no 0.1.0 fixture ${name}`);
  return found;
}

/** Puts a fixture's areas into the fake storage, as 0.1.0 left them. */
export async function loadAreas(fixture: Pick<LegacyFixture, 'sync' | 'local'>): Promise<void> {
  await storage.sync.set(fixture.sync);
  await storage.local.set(fixture.local);
}

/** `area:key` of every key the extension declares (ALL_ITEMS, pending copies included). */
export function declaredKeys(): Set<string> {
  return new Set(ALL_ITEMS.flatMap((item) => item.keys.map((k) => `${k.area}:${k.key}`)));
}

/** Stored keys that no item declares. */
export function undeclared(areas: Areas): string[] {
  const declared = declaredKeys();
  return (['local', 'sync', 'session'] as const).flatMap((area) => Object.keys(areas[area]).map((key) => `${area}:${key}`)).filter((k) => !declared.has(k));
}

/**
 * Collects unhandled rejections while a test runs. Node reports one once the microtasks of the
 * task that rejected it have run: let one more task pass (`setImmediate`) before looking.
 */
export function watchRejections(): { seen: unknown[]; stop: () => void } {
  const seen: unknown[] = [];
  const listener = (reason: unknown): void => {
    seen.push(reason);
  };
  process.on('unhandledRejection', listener);
  return { seen, stop: () => process.off('unhandledRejection', listener) };
}
