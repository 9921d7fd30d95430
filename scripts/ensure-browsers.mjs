// `npm test` runs this first (package.json "pretest"): the e2e tests drive Debian's `chromium`
// and `firefox-esr`. Present (on PATH, or named by CHROME_PATH / FIREFOX_PATH): nothing to do.
// Missing, and we are root with apt-get: install them from Debian, saying so. Otherwise stop at
// once with the command to run, instead of failing twenty e2e files later.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The browsers the e2e tests start: Debian package, command, and the variable that overrides it. */
export const BROWSERS = [
  { pkg: 'chromium', command: 'chromium', env: 'CHROME_PATH' },
  { pkg: 'firefox-esr', command: 'firefox-esr', env: 'FIREFOX_PATH' },
];

/**
 * What to do, from the facts alone (unit-tested in test/unit/pure/ensure-browsers.test.ts).
 * @param {{ missing: string[], isRoot: boolean, hasApt: boolean }} facts Debian packages missing
 * @returns {{ kind: 'nothing' } | { kind: 'install', commands: string[][] } | { kind: 'stop', command: string }}
 */
export function decide({ missing, isRoot, hasApt }) {
  if (missing.length === 0) return { kind: 'nothing' };
  if (isRoot && hasApt) {
    return {
      kind: 'install',
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', ...missing],
      ],
    };
  }
  return { kind: 'stop', command: `sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}` };
}

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The command's full path on PATH, or undefined. */
export function onPath(command, pathVariable = process.env.PATH ?? '') {
  for (const dir of pathVariable.split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, command);
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

/** Where each browser is, or why it is not there. */
function locate() {
  return BROWSERS.map((browser) => {
    const override = process.env[browser.env];
    if (override) return { ...browser, found: executable(override) ? override : undefined, via: browser.env };
    return { ...browser, found: onPath(browser.command), via: 'PATH' };
  });
}

function main() {
  const located = locate();
  // A variable naming a file that is not there is a mistake apt cannot fix.
  const badOverride = located.find((b) => b.via !== 'PATH' && b.found === undefined);
  if (badOverride) {
    console.error(`${badOverride.env}=${process.env[badOverride.env]} is not an executable file: fix it, or unset it to use Debian's ${badOverride.pkg}.`);
    process.exit(1);
  }
  const missing = located.filter((b) => b.found === undefined).map((b) => b.pkg);
  const action = decide({ missing, isRoot: process.getuid?.() === 0, hasApt: onPath('apt-get') !== undefined });

  if (action.kind === 'nothing') return;
  if (action.kind === 'stop') {
    console.error(`The end-to-end tests need Debian's ${missing.join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed. Run:\n\n  ${action.command}\n\nthen npm test again (or set CHROME_PATH / FIREFOX_PATH to browsers you already have).`);
    process.exit(1);
  }
  console.log(`The end-to-end tests need ${missing.join(' and ')}; installing from Debian:`);
  for (const [command, ...args] of action.commands) {
    console.log(`  DEBIAN_FRONTEND=noninteractive ${command} ${args.join(' ')}`);
    try {
      execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      console.error(`\n\`${command} ${args.join(' ')}\` failed (see above); install the browsers by hand:\n\n  apt-get update && apt-get install -y ${missing.join(' ')}\n`);
      process.exit(1);
    }
  }
  const still = locate().filter((b) => b.found === undefined);
  if (still.length > 0) {
    console.error(`Still missing after apt-get install: ${still.map((b) => b.pkg).join(', ')}.`);
    process.exit(1);
  }
  console.log('Installed; running the tests.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
