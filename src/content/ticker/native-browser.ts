/**
 * What the ticker bar's build uses in place of webextension-polyfill (vite.config.ts,
 * `barWithoutPolyfill`): the browser's own extension API object. The bar calls only APIs that
 * answer with promises natively in both browsers under Manifest V3 (`storage.*.get`,
 * `storage.onChanged`, `runtime.sendMessage`, `runtime.id`, and an `onMessage` listener that
 * never answers), so the polyfill's ~3 KB gz bought it nothing on every page it is injected in.
 * In Firefox this is exactly what the polyfill itself exports.
 */
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as { browser?: Browser; chrome?: Browser };
const native = scope.browser ?? scope.chrome;
if (!native?.runtime) throw new Error('PSX bar: no extension API in this context');

export default native;
