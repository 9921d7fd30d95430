// Bundle sizes of the production builds, raw and gzipped, per entry point. Run after a build.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { findAll } from 'domutils';
import { parseDocument } from 'htmlparser2';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

for (const browser of ['chrome', 'firefox']) {
  const root = path.resolve('dist', browser);
  const js = files(root).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  let raw = 0;
  let gz = 0;
  console.log(`\ndist/${browser}`);
  for (const file of js.sort()) {
    const bytes = readFileSync(file);
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += zipped;
    console.log(`  ${path.relative(root, file).padEnd(40)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB  ${(zipped / 1024).toFixed(1).padStart(6)} KB gz`);
  }
  console.log(`  ${'total JS + CSS'.padEnd(40)} ${(raw / 1024).toFixed(1).padStart(7)} KB  ${(gz / 1024).toFixed(1).padStart(6)} KB gz`);
}

// What opening the popup loads: the files its page names, and every module they import.
for (const browser of ['chrome', 'firefox']) {
  const root = path.resolve('dist', browser);
  const page = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')).action.default_popup;
  // The page is read with the HTML parser the extension uses, never with patterns over its text.
  const doc = parseDocument(readFileSync(path.join(root, page), 'utf8'));
  const queue = findAll((el) => 'src' in el.attribs || 'href' in el.attribs, doc.children)
    .flatMap((el) => Object.entries(el.attribs).filter(([name]) => name === 'src' || name === 'href').map(([, value]) => value))
    .filter((value) => value.startsWith('/') && (value.endsWith('.js') || value.endsWith('.css')))
    .map((value) => value.slice(1));
  const seen = new Set();
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(path.join(root, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) queue.push(path.posix.join(path.posix.dirname(file), m[1]));
  }
  const gzOf = (ext) => [...seen].filter((f) => f.endsWith(ext)).reduce((sum, f) => sum + gzipSync(readFileSync(path.join(root, f)), { level: 9 }).length, 0);
  const js = [...seen].filter((f) => f.endsWith('.js'));
  console.log(`\npopup (dist/${browser}): ${js.length} JS file(s), ${(gzOf('.js') / 1024).toFixed(1)} KB gz of JavaScript (budget 40 KB gz), CSS ${(gzOf('.css') / 1024).toFixed(1)} KB gz`);
}

// The budget that matters most: what a browsed page has to load for the ticker bar.
const bar = readFileSync(path.resolve('dist/chrome/src/content/ticker/bar.iife.js'));
console.log(`\nticker bar content script: ${(bar.length / 1024).toFixed(1)} KB, ${(gzipSync(bar, { level: 9 }).length / 1024).toFixed(1)} KB gz (budget 10 KB gz)`);
