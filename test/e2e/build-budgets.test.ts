/**
 * Size budgets of the production builds, asserted on the files written to dist/ (the e2e project
 * runs after `npm run build`): what every browsed page with the bar loads, and what each popup
 * open loads. `node bench/size.mjs` prints the same figures with every other file's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseDocument } from 'htmlparser2';
import { findAll } from 'domutils';
import { describe, expect, it } from 'vitest';

const BAR_BUDGET_GZ = 10 * 1024;
const POPUP_BUDGET_GZ = 40 * 1024;
/** A sentence only webextension-polyfill's code holds. */
const POLYFILL_MARK = 'This script should only be loaded in a browser extension';

const gz = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

describe.each(['chrome', 'firefox'])('dist/%s', (browser) => {
  const root = path.resolve('dist', browser);

  it('the ticker bar script is one file within 10 KB gz, without the polyfill', () => {
    const bar = readFileSync(path.join(root, 'src/content/ticker/bar.iife.js'));
    // Booleans, not the file: a failure should not print 30 KB of minified code.
    expect(bar.toString('utf8').includes(POLYFILL_MARK), 'the polyfill is bundled').toBe(false);
    expect(/^\s*import\b/m.test(bar.toString('utf8')), 'the bar imports a module').toBe(false);
    expect(gz(bar)).toBeLessThanOrEqual(BAR_BUDGET_GZ);
  });

  it('the popup loads one script within 40 KB gz', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { action: { default_popup: string } };
    const doc = parseDocument(readFileSync(path.join(root, manifest.action.default_popup), 'utf8'));
    const scripts = findAll((el) => el.name === 'script', doc.children).map((el) => el.attribs['src'] ?? '');
    expect(scripts).toHaveLength(1);
    const code = readFileSync(path.join(root, (scripts[0] ?? '').replace(/^\//, '')));
    // One chunk: nothing more to fetch before the first frame.
    expect(/\bimport\s*["'`(]|\bfrom\s*["'`]\.{1,2}\//.test(code.toString('utf8')), 'the popup imports a chunk').toBe(false);
    expect(gz(code)).toBeLessThanOrEqual(POPUP_BUDGET_GZ);
  });
});
