// npm run package: the store packages from a clean build, and the source archive AMO reviewers
// ask for. Writes release/psx-market-overlay-<version>-chrome.zip, …-firefox.zip and
// …-source.zip; the version is package.json's (the manifest in the repo carries none).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import webExt from 'web-ext';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const release = path.resolve('release');
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

// A clean build: vite empties dist/<browser> before writing it.
run('npm', ['run', 'build']);
rmSync(release, { recursive: true, force: true });
mkdirSync(release, { recursive: true });

for (const browser of ['chrome', 'firefox']) {
  const filename = `${name}-${version}-${browser}.zip`;
  await webExt.cmd.build(
    { sourceDir: path.resolve('dist', browser), artifactsDir: release, filename, overwriteDest: true },
    { shouldExitProgram: false },
  );
  console.log(`release/${filename}`);
}

// The committed source, as a reviewer rebuilds it (README: "Building the packages from source").
// Uncommitted changes are not in it: package from a clean checkout.
const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim();
if (dirty !== '') console.warn('warning: the working tree has uncommitted changes; the source archive holds HEAD only');
const source = `${name}-${version}-source.zip`;
run('git', ['archive', '--format=zip', `--prefix=${name}-${version}/`, '-o', path.join(release, source), 'HEAD']);
console.log(`release/${source}`);
