// npm run package: the store packages from a clean build, and the source archive AMO reviewers
// ask for. Writes release/psx-market-overlay-<version>-chrome.zip, …-firefox.zip and
// …-source.zip; the version is package.json's (the manifest in the repo carries none).
// `node scripts/package.mjs --skip-build` packages the current dist/ without rebuilding it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import webExt from 'web-ext';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const release = path.resolve('release');
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

// The packages are built from the working tree and the source archive is HEAD: with uncommitted
// changes they would differ, and a reviewer could not rebuild what the store got. Refused, unless
// asked for (`--allow-dirty`, for trying the packaging itself while working).
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
if (dirty !== '' && !process.argv.includes('--allow-dirty')) {
  console.error('The working tree has uncommitted changes: commit them (or package a clean checkout), so the packages and the source archive are the same code.');
  process.exit(1);
}

// A clean build: vite empties dist/<browser> before writing it. `--skip-build` packages what
// dist/ already holds (the e2e test, right after `npm run build`).
if (process.argv.includes('--skip-build')) {
  for (const browser of ['chrome', 'firefox']) {
    if (!existsSync(path.resolve('dist', browser, 'manifest.json'))) {
      console.error(`dist/${browser} is missing: run \`npm run build\` first, or package without --skip-build.`);
      process.exit(1);
    }
  }
} else {
  run('npm', ['run', 'build']);
}
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
const source = `${name}-${version}-source.zip`;
run('git', ['archive', '--format=zip', `--prefix=${name}-${version}/`, '-o', path.join(release, source), 'HEAD']);
console.log(`release/${source}`);
