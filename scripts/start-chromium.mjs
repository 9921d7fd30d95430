// `npm start`: opens Chromium with the freshly built extension loaded, in a profile kept under
// .profile/ (git-ignored) so settings and data survive restarts, on the popup page as a tab.
// CHROME_PATH picks another Chromium; branded Chrome ignores --load-extension. Without a display
// it runs headless and says how to reach it; the browser's own log goes to .profile/chromium.log.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
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

const DEBUG_PORT = 9222;
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const popup = `chrome-extension://${unpackedExtensionId(extension)}/src/popup/index.html`;
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ...(hasDisplay ? [] : ['--headless=new', `--remote-debugging-port=${DEBUG_PORT}`]),
  popup,
];

mkdirSync(profile, { recursive: true });
// The browser's own chatter (D-Bus without a desktop session, GPU, the Debian wrapper) goes to a
// log file, not the terminal; only the DevTools address is passed through.
const logFile = path.join(path.dirname(profile), 'chromium.log');
const log = createWriteStream(logFile, { flags: 'w' });
const shown = (p) => path.relative(process.cwd(), p) || '.';

console.log(`Starting ${chrome} with ${shown(extension)} loaded (profile ${shown(profile)}).`);
console.log(`Popup page: ${popup}`);
console.log(`Browser log: ${shown(logFile)}`);
if (!hasDisplay) {
  console.log(`
No display (DISPLAY and WAYLAND_DISPLAY are unset): Chromium runs headless, with the popup page
open as a tab. To see and inspect the extension:
  - DevTools over the remote debugging port ${DEBUG_PORT}: in a Chrome or Chromium with a display,
    open chrome://inspect, Configure…, add localhost:${DEBUG_PORT}, then "inspect" the popup page or
    the service worker. From another machine, forward the port first:
      ssh -L ${DEBUG_PORT}:localhost:${DEBUG_PORT} <this machine>
    The list of pages, with their DevTools links: http://localhost:${DEBUG_PORT}/json/list
  - Or load the build by hand in a browser with a display: chrome://extensions, Developer mode,
    Load unpacked, and pick ${shown(extension)} (run \`npm run build:chrome\` to refresh it).
Ctrl+C stops it.`);
}

const child = spawn(chrome, args, { stdio: ['ignore', 'inherit', 'pipe'] });
child.on('error', (error) => {
  console.error(`Cannot start ${chrome}: ${error.message}`);
  process.exit(1);
});
let pending = '';
child.stderr.on('data', (bytes) => {
  log.write(bytes);
  pending += bytes.toString('utf8');
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) if (line.startsWith('DevTools listening on ')) console.log(line);
});
child.on('exit', (code, signal) => {
  log.end();
  if (code !== 0 && code !== null && signal === null) console.error(`Chromium exited with code ${code}; its log is in ${shown(logFile)}.`);
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
