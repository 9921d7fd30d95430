/**
 * One source, two builds: `vite build --mode chrome` writes dist/chrome and `--mode firefox`
 * writes dist/firefox. @crxjs/vite-plugin does the bundling for both through its `browser`
 * option; `manifestFor` only adapts the source manifest to what each browser expects (Firefox
 * runs the background as an event page from `background.scripts` and needs a gecko id).
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import sourceManifest from './manifest.json' with { type: 'json' };
import { manifestFor, type TargetBrowser } from './scripts/manifest-for.ts';

export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      crx({ manifest: manifestFor(sourceManifest, browser) as unknown as ManifestV3Export, browser }),
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
