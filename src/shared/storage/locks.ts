/**
 * One writer at a time for each stored item, across every context of the extension.
 *
 * The popup, the options page and the background are separate JavaScript contexts of one
 * origin; the Web Locks API (`navigator.locks`) is shared between them in Chrome and Firefox,
 * so a read-modify-write under a lock cannot interleave with another page's. Where the API is
 * missing (a unit test's Node, a content script's page origin, which must not write anyway),
 * the lock falls back to a queue inside this context.
 */

type LockRequest = <R>(name: string, callback: () => Promise<R>) => Promise<R>;

interface LockManagerLike {
  request(name: string, callback: () => Promise<unknown>): Promise<unknown>;
}

const localQueues = new Map<string, Promise<unknown>>();

function queueHere<R>(name: string, callback: () => Promise<R>): Promise<R> {
  const previous = localQueues.get(name) ?? Promise.resolve();
  const run = previous.then(callback, callback);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  localQueues.set(name, settled);
  void settled.then(() => {
    if (localQueues.get(name) === settled) localQueues.delete(name);
  });
  return run;
}

function sharedLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null;
}

/** Runs `callback` holding the exclusive lock `psx:<name>`; the lock is released when it settles. */
export const withLock: LockRequest = <R>(name: string, callback: () => Promise<R>): Promise<R> => {
  const locks = sharedLocks();
  const full = `psx:${name}`;
  return locks ? (locks.request(full, callback) as Promise<R>) : queueHere(full, callback);
};
