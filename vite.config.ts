/**
 * One source, two builds: `vite build --mode chrome` writes dist/chrome and `--mode firefox`
 * writes dist/firefox. @crxjs/vite-plugin does the bundling for both through its `browser`
 * option; `manifestFor` only adapts the source manifest to what each browser expects (Firefox
 * runs the background as an event page from `background.scripts` and needs a gecko id).
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rolldown } from 'rolldown';
import { parseDocument } from 'htmlparser2';
import { findAll, removeElement } from 'domutils';
import render from 'dom-serializer';
import { defineConfig, type Plugin } from 'vite';
import sourceManifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };
import { manifestFor, type TargetBrowser } from './scripts/manifest-for.ts';
import { localeLanguages, mergedCatalogue } from './scripts/locales.ts';

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

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = path.posix.join(prefix, entry.name);
    return entry.isDirectory() ? filesUnder(dir, name) : [name];
  });
}

/**
 * The popup is opened cold every time, and each module of its graph is one more request to the
 * extension's file loader before anything can run: bundled by page, the popup imported five
 * chunks it shares with the options page and the background. This re-bundles the written popup
 * entry with everything it imports into one file (same code, already minified and targeted;
 * exports nobody uses are dropped) and points the popup page at it, without module preloads.
 * The shared chunks stay for the other pages, which are not opened on every click.
 */
function popupInOneChunk(outDir: string): Plugin {
  return {
    name: 'psx:popup-in-one-chunk',
    apply: 'build',
    async writeBundle() {
      const root = path.resolve(outDir);
      const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { action?: { default_popup?: string } };
      const page = manifest.action?.default_popup;
      if (!page) throw new Error('psx:popup-in-one-chunk: the manifest names no popup');
      const htmlFile = path.join(root, page);
      // The page is read with the HTML parser the extension uses, never with patterns over its text.
      const doc = parseDocument(readFileSync(htmlFile, 'utf8'));
      const scripts = findAll((el) => el.name === 'script' && el.attribs['type'] === 'module' && typeof el.attribs['src'] === 'string', doc.children);
      const entry = scripts.length === 1 ? scripts[0]!.attribs['src']!.replace(/^\//, '') : undefined;
      if (!entry) throw new Error(`psx:popup-in-one-chunk: expected one module script in ${page}`);
      const bundle = await rolldown({ input: path.join(root, entry), logLevel: 'silent' });
      const { output } = await bundle.generate({ format: 'es', minify: true, codeSplitting: false });
      await bundle.close();
      const chunks = output.filter((o) => o.type === 'chunk');
      if (chunks.length !== 1) throw new Error(`psx:popup-in-one-chunk: got ${chunks.length} chunks`);
      const code = chunks[0]!.code;
      const file = `assets/popup-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`;
      writeFileSync(path.join(root, file), code);
      scripts[0]!.attribs['src'] = `/${file}`;
      for (const link of findAll((el) => el.name === 'link' && el.attribs['rel'] === 'modulepreload', doc.children)) removeElement(link);
      writeFileSync(htmlFile, render(doc, { encodeEntities: 'utf8' }));
      // The page's own chunk is an entry: nothing else imports it. Removed unless something names it.
      const named = filesUnder(root).some((f) => /\.(js|html|json)$/.test(f) && f !== entry && readFileSync(path.join(root, f), 'utf8').includes(path.posix.basename(entry)));
      if (!named && existsSync(path.join(root, entry))) rmSync(path.join(root, entry));
    },
  };
}

/**
 * Every browsed page with the bar on loads its content script, so its size is the budget that
 * matters most (10 KB gz, bench/size.mjs). crxjs bundles it with webextension-polyfill like every
 * other entry; this rebuilds the written file from the same source with the polyfill replaced by
 * the browser's own API object (src/content/ticker/native-browser.ts says why that is enough).
 * The background finds the file by the same name.
 */
function barWithoutPolyfill(outDir: string, target: string): Plugin {
  const BAR = 'src/content/ticker/bar.iife';
  return {
    name: 'psx:bar-without-polyfill',
    apply: 'build',
    async writeBundle() {
      const written = path.resolve(outDir, `${BAR}.js`);
      if (!existsSync(written)) throw new Error(`psx:bar-without-polyfill: ${BAR}.js was not written`);
      const native = path.resolve('src/content/ticker/native-browser.ts');
      const bundle = await rolldown({
        input: path.resolve(`${BAR}.ts`),
        logLevel: 'silent',
        transform: { target },
        plugins: [{ name: 'native-browser', resolveId: (source) => (source === 'webextension-polyfill' ? native : null) }, catalogueMessagesOnly()],
      });
      const { output } = await bundle.generate({ format: 'iife', minify: true, codeSplitting: false });
      await bundle.close();
      const chunks = output.filter((o) => o.type === 'chunk');
      if (chunks.length !== 1) throw new Error(`psx:bar-without-polyfill: got ${chunks.length} chunks`);
      writeFileSync(written, chunks[0]!.code);
    },
  };
}

/**
 * A catalogue fragment as a page bundles it: the messages only. The descriptions are for
 * translators (and stay in `_locales`); in the popup they were a fifth of its JavaScript.
 */
const LOCALES_DIR = path.resolve('src/locales');
function catalogueMessagesOnly(): Plugin & { transform: (code: string, id: string) => string | null } {
  return {
    name: 'psx:catalogue-messages-only',
    enforce: 'pre',
    transform(code: string, id: string) {
      if (!id.startsWith(LOCALES_DIR) || !id.endsWith('.json')) return null;
      const fragment = JSON.parse(code) as Record<string, { message: string }>;
      return JSON.stringify(Object.fromEntries(Object.entries(fragment).map(([key, entry]) => [key, { message: entry.message }])));
    },
  };
}

/** `_locales/<lang>/messages.json` for the browser, merged from the catalogue's fragments (scripts/locales.ts). */
function localesForTheBrowser(outDir: string): Plugin {
  return {
    name: 'psx:locales',
    apply: 'build',
    writeBundle() {
      const source = path.resolve('src/locales');
      for (const lang of localeLanguages(source)) {
        const dir = path.resolve(outDir, '_locales', lang);
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, 'messages.json'), `${JSON.stringify(mergedCatalogue(source, lang), null, 2)}\n`);
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  const target = browser === 'firefox' ? 'firefox128' : 'chrome120';
  return {
    plugins: [
      catalogueMessagesOnly(),
      preact(),
      // The version has one home, package.json: the manifest in the repo carries none.
      crx({ manifest: manifestFor({ ...sourceManifest, version: packageJson.version }, browser) as unknown as ManifestV3Export, browser }),
      noWebAccessibleResources(`dist/${browser}`),
      popupInOneChunk(`dist/${browser}`),
      barWithoutPolyfill(`dist/${browser}`, target),
      localesForTheBrowser(`dist/${browser}`),
    ],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target,
      // Readable stack traces in the field cost nothing but size; keep maps out of the package.
      sourcemap: false,
      minify: true,
      // Both targets know <link rel="modulepreload"> (Chrome 66, Firefox 115): no polyfill.
      modulePreload: { polyfill: false },
    },
  };
});
