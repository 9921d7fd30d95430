/**
 * `navigator.locks` as the popup, the options page and the background share it: one exclusive
 * FIFO queue per lock name for the whole origin. Node has no Web Locks; without this fake the
 * storage helper would fall back to a per-module queue, and a test that loads two copies of a
 * module (two "pages") would not be serialised, exactly as two real pages would not be
 * without the API. Tests that want that can remove it with `uninstallFakeLocks()`.
 */
type Callback = () => Promise<unknown>;

const queues = new Map<string, Promise<unknown>>();

const locks = {
  request(name: string, callback: Callback): Promise<unknown> {
    const previous = queues.get(name) ?? Promise.resolve();
    const run = previous.then(() => callback());
    queues.set(
      name,
      run.then(
        () => undefined,
        () => undefined,
      ),
    );
    return run;
  },
};

export function installFakeLocks(): void {
  const nav = (globalThis as { navigator?: object }).navigator;
  if (nav) Object.defineProperty(nav, 'locks', { value: locks, configurable: true });
  else Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
}

export function uninstallFakeLocks(): void {
  const nav = (globalThis as { navigator?: object }).navigator;
  if (nav) Object.defineProperty(nav, 'locks', { value: undefined, configurable: true });
}
