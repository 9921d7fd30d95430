// `npm start`: opens Chromium with the freshly built extension loaded, in a profile kept under
// .profile/ (git-ignored) so settings and data survive restarts, on the popup page as a tab.
// CHROME_PATH picks another Chromium; branded Chrome ignores --load-extension.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const extension = path.resolve('dist/chrome');
const profile = path.resolve('.profile/chromium');

if (!existsSync(path.join(extension, 'manifest.json'))) {
  console.error('dist/chrome is missing: run `npm run build:chrome` first (npm start does).');
  process.exit(1);
}
if (!existsSync(chrome)) {
  console.error(`No Chromium at ${chrome}. Install Debian's chromium or set CHROME_PATH.`);
  process.exit(1);
}

/** Chromium names an unpacked extension after the SHA-256 of its path, in the letters a–p. */
function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const popup = `chrome-extension://${unpackedExtensionId(extension)}/src/popup/index.html`;
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ...(hasDisplay ? [] : ['--headless=new', '--remote-debugging-port=9222']),
  popup,
];

mkdirSync(profile, { recursive: true });
console.log(`Starting ${chrome} with ${path.relative(process.cwd(), extension)} loaded.`);
console.log(`Popup page: ${popup}`);
if (!hasDisplay) {
  console.log('No display found: running headless; inspect it at http://localhost:9222 (Ctrl+C to stop).');
}
const child = spawn(chrome, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
