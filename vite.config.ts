/**
 * One source, two builds: `vite build --mode chrome` writes dist/chrome and `--mode firefox`
 * writes dist/firefox. @crxjs/vite-plugin does the bundling for both through its `browser`
 * option; `manifestFor` only adapts the source manifest to what each browser expects (Firefox
 * runs the background as an event page from `background.scripts` and needs a gecko id).
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import sourceManifest from './manifest.json' with { type: 'json' };
import { manifestFor, type TargetBrowser } from './scripts/manifest-for.ts';

/**
 * crxjs lists every content script in `web_accessible_resources` for all sites, which lets any
 * page detect the extension by fetching the file. The ticker bar is injected by
 * `scripting.registerContentScripts`/`executeScript`, which need no such entry, so the list is
 * removed from the written manifest.
 */
function noWebAccessibleResources(outDir: string): Plugin {
  return {
    name: 'psx:no-web-accessible-resources',
    apply: 'build',
    writeBundle() {
      const file = path.resolve(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      delete manifest['web_accessible_resources'];
      writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      crx({ manifest: manifestFor(sourceManifest, browser) as unknown as ManifestV3Export, browser }),
      noWebAccessibleResources(`dist/${browser}`),
    ],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox128' : 'chrome120',
      // Readable stack traces in the field cost nothing but size; keep maps out of the package.
      sourcemap: false,
      minify: true,
    },
  };
});
