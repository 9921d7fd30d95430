/**
 * Headless Chromium cannot answer a permission prompt, so flows behind an optional permission
 * (the bar's "all sites", alerts' notifications) run on a copy of the production build whose
 * manifest already grants it; `permissions.request` then resolves at once. Nothing else in the
 * copy differs.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROME_BUILD } from './chromium';

export function buildWithSitesGranted(): string {
  return buildGranting({ sites: true });
}

export function buildGranting(grants: { sites?: boolean; notifications?: boolean }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'psx-granted-build-'));
  cpSync(CHROME_BUILD, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions: string[]; permissions: string[] };
  if (grants.sites) manifest.host_permissions = [...manifest.host_permissions, 'https://*/*', 'http://*/*'];
  if (grants.notifications) manifest.permissions = [...manifest.permissions, 'notifications'];
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return dir;
}
