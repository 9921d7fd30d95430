/**
 * Least privilege, asserted on both built manifests (issue 14): what the package really asks
 * for, not what the source meant to. A test fails on any extra permission, host or key.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  content_security_policy?: unknown;
  web_accessible_resources?: unknown;
  minimum_chrome_version?: string;
  default_locale?: string;
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
  background?: Record<string, unknown>;
}

const read = (browser: string): Manifest => JSON.parse(readFileSync(path.resolve('dist', browser, 'manifest.json'), 'utf8')) as Manifest;

/** The sources the extension reads; nothing else is a host it holds at install. */
const DATA_HOSTS = ['https://dps.psx.com.pk/*', 'https://psxterminal.com/*', 'https://www.brecorder.com/*'];

describe.each(['chrome', 'firefox'])('the %s build asks for the least it can', (browser) => {
  const m = read(browser);

  it('permissions: storage, alarms, scripting, activeTab only; notifications only optional', () => {
    expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'alarms', 'scripting', 'storage']);
    expect(m.optional_permissions ?? []).toEqual(['notifications']);
  });

  it('hosts: exactly the data hosts, over https; every other site only optional', () => {
    expect([...(m.host_permissions ?? [])].sort()).toEqual(DATA_HOSTS);
    for (const host of m.optional_host_permissions ?? []) expect(host).toMatch(/^https?:\/\/\*\/\*$/);
  });

  it('no content script for all URLs, no CSP override, no resource a page could fetch', () => {
    for (const script of m.content_scripts ?? []) {
      for (const match of script.matches ?? []) expect(match).not.toMatch(/<all_urls>|^\*:\/\/\*\/\*$|^https?:\/\/\*\/\*$/);
    }
    expect(m).not.toHaveProperty('content_security_policy');
    expect(m).not.toHaveProperty('web_accessible_resources');
  });

  it('carries the version of package.json, its only home', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect((m as { version?: string }).version).toBe(pkg.version);
    expect(JSON.parse(readFileSync('manifest.json', 'utf8'))).not.toHaveProperty('version');
  });

  it('names its default locale, and the locales it ships', () => {
    expect(m.default_locale).toBe('en');
    for (const lang of ['en', 'ur']) {
      const messages = JSON.parse(readFileSync(path.resolve('dist', browser, '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect(messages['ext_name']?.message).toBeTruthy();
    }
  });

  it('declares the minimum browser the APIs it uses need', () => {
    // storage.session in content-script-free form and scripting.registerContentScripts with
    // persistAcrossSessions: Chrome 102+; we build for 120 (vite target). Firefox: MV3
    // storage.session and data_collection_permissions need 140 (the current ESR line).
    if (browser === 'chrome') expect(m.minimum_chrome_version).toBe('120');
    else expect(m.browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
  });
});
