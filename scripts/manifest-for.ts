/**
 * The per-browser differences of the manifest, in one place. Chrome takes the source as it is;
 * Firefox (MV3) has no service workers for extensions: it wants `background.scripts` and a
 * `browser_specific_settings.gecko` block with a stable id and the data-collection statement.
 */

export type TargetBrowser = 'chrome' | 'firefox';

export const GECKO_ID = 'psx-market-overlay@psx-overlay.github.io';
/** Firefox 140 is the first to understand `data_collection_permissions` and the current ESR line. */
export const GECKO_MIN_VERSION = '140.0';

interface SourceManifest {
  background?: { service_worker?: string; type?: string };
  minimum_chrome_version?: string;
  [key: string]: unknown;
}

export function manifestFor(source: SourceManifest, browser: TargetBrowser): Record<string, unknown> {
  if (browser === 'chrome') return { ...source };
  const { background, minimum_chrome_version: _chromeOnly, ...rest } = source;
  return {
    ...rest,
    background: { scripts: background?.service_worker ? [background.service_worker] : [], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        // The extension sends nothing about the user anywhere; it only fetches public pages.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android learnt `data_collection_permissions` in 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}
