/**
 * scripts/ensure-browsers.mjs, the `pretest` step: what it decides to do about missing browsers.
 * The script is plain JavaScript run by node before anything is built, so it is imported here by
 * URL and typed by the test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Facts {
  missing: string[];
  isRoot: boolean;
  hasApt: boolean;
}
type Action = { kind: 'nothing' } | { kind: 'install'; commands: string[][] } | { kind: 'stop'; command: string };
interface EnsureBrowsers {
  decide(facts: Facts): Action;
  onPath(command: string, pathVariable?: string): string | undefined;
  BROWSERS: { pkg: string; command: string; env: string }[];
}

const script = new URL('../../../scripts/ensure-browsers.mjs', import.meta.url).href;
const { decide, onPath, BROWSERS } = (await import(script)) as EnsureBrowsers;

describe('ensure-browsers: the decision', () => {
  it.each<[string, Facts, Action]>([
    ['both present, as anyone: nothing', { missing: [], isRoot: false, hasApt: true }, { kind: 'nothing' }],
    ['both present, as root: nothing, not even apt-get update', { missing: [], isRoot: true, hasApt: true }, { kind: 'nothing' }],
    ['both present, no apt: nothing', { missing: [], isRoot: false, hasApt: false }, { kind: 'nothing' }],
    [
      'both missing, root with apt: update, then install both',
      { missing: ['chromium', 'firefox-esr'], isRoot: true, hasApt: true },
      { kind: 'install', commands: [['apt-get', 'update'], ['apt-get', 'install', '-y', 'chromium', 'firefox-esr']] },
    ],
    [
      'one missing, root with apt: installs only that one',
      { missing: ['firefox-esr'], isRoot: true, hasApt: true },
      { kind: 'install', commands: [['apt-get', 'update'], ['apt-get', 'install', '-y', 'firefox-esr']] },
    ],
    [
      'missing, not root: stop with the sudo command',
      { missing: ['chromium', 'firefox-esr'], isRoot: false, hasApt: true },
      { kind: 'stop', command: 'sudo apt-get update && sudo apt-get install -y chromium firefox-esr' },
    ],
    [
      'missing, root without apt: stop, never guess another package manager',
      { missing: ['chromium', 'firefox-esr'], isRoot: true, hasApt: false },
      { kind: 'stop', command: 'sudo apt-get update && sudo apt-get install -y chromium firefox-esr' },
    ],
    [
      'one missing, neither root nor apt: stop naming only that one',
      { missing: ['chromium'], isRoot: false, hasApt: false },
      { kind: 'stop', command: 'sudo apt-get update && sudo apt-get install -y chromium' },
    ],
  ])('%s', (_name, facts, action) => {
    expect(decide(facts)).toEqual(action);
  });

  it('the stop command holds the exact install line the README gives', () => {
    const action = decide({ missing: ['chromium', 'firefox-esr'], isRoot: false, hasApt: true });
    expect(action.kind === 'stop' && action.command.includes('sudo apt-get install -y chromium firefox-esr')).toBe(true);
  });

  it('checks the browsers the e2e support starts, with the variables that override them', () => {
    expect(BROWSERS).toEqual([
      { pkg: 'chromium', command: 'chromium', env: 'CHROME_PATH' },
      { pkg: 'firefox-esr', command: 'firefox-esr', env: 'FIREFOX_PATH' },
    ]);
  });
});

describe('ensure-browsers: finding a command on PATH', () => {
  it('finds an executable file, skips a non-executable one and empty entries', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'psx-ensure-'));
    const plain = mkdtempSync(path.join(tmpdir(), 'psx-ensure-'));
    try {
      writeFileSync(path.join(plain, 'chromium'), '', { mode: 0o644 });
      writeFileSync(path.join(dir, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
      const pathVariable = ['', plain, dir].join(path.delimiter);
      expect(onPath('chromium', pathVariable)).toBe(path.join(dir, 'chromium'));
      expect(onPath('firefox-esr', pathVariable)).toBeUndefined();
      expect(onPath('chromium', '')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
