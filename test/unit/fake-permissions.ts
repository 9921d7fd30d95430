/**
 * `browser.permissions` as the browser keeps it, which @webext-core/fake-browser does not model:
 * a set of granted origins (the manifest's host permissions from the start), request (the user
 * says yes unless a test says otherwise), remove, contains, getAll, and the two events fired
 * after a change. Tests that need another model assign their own functions over these.
 */
import { readFileSync } from 'node:fs';

interface Event<T> {
  addListener(cb: (value: T) => void): void;
  removeListener(cb: (value: T) => void): void;
  hasListener(cb: (value: T) => void): boolean;
}

type Permissions = { origins?: string[]; permissions?: string[] };

function event<T>(): Event<T> & { fire(value: T): void; clear(): void } {
  const listeners = new Set<(value: T) => void>();
  return {
    addListener: (cb) => void listeners.add(cb),
    removeListener: (cb) => void listeners.delete(cb),
    hasListener: (cb) => listeners.has(cb),
    fire: (value) => setTimeout(() => listeners.forEach((cb) => cb(value)), 0),
    clear: () => listeners.clear(),
  };
}

export const permissionsControl = { userGrants: true };

export function installFakePermissions(fakeBrowser: { reset(): void; permissions: object }): void {
  const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { host_permissions?: string[] };
  const granted = new Set<string>();
  const onAdded = event<Permissions>();
  const onRemoved = event<Permissions>();
  const reset = (): void => {
    granted.clear();
    for (const o of manifest.host_permissions ?? []) granted.add(o);
    onAdded.clear();
    onRemoved.clear();
    permissionsControl.userGrants = true;
  };
  const api = {
    contains: ({ origins = [] }: Permissions) => Promise.resolve(origins.every((o) => granted.has(o))),
    getAll: () => Promise.resolve({ origins: [...granted], permissions: [] }),
    request: ({ origins = [] }: Permissions) => {
      if (!permissionsControl.userGrants) return Promise.resolve(false);
      const fresh = origins.filter((o) => !granted.has(o));
      fresh.forEach((o) => granted.add(o));
      if (fresh.length > 0) onAdded.fire({ origins: fresh });
      return Promise.resolve(true);
    },
    remove: ({ origins = [] }: Permissions) => {
      const gone = origins.filter((o) => granted.delete(o));
      if (gone.length > 0) onRemoved.fire({ origins: gone });
      return Promise.resolve(gone.length > 0);
    },
    onAdded,
    onRemoved,
  };
  const originalReset = fakeBrowser.reset.bind(fakeBrowser);
  fakeBrowser.reset = () => {
    originalReset();
    // Tests may have assigned their own functions; every test starts from this model again.
    Object.assign(fakeBrowser.permissions, api);
    reset();
  };
  Object.assign(fakeBrowser.permissions, api);
  reset();
}
