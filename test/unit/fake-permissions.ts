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

/** The API permissions granted now (the manifest's `permissions`, plus optional ones the user allowed). */
export const grantedApis = new Set<string>();

export function installFakePermissions(fakeBrowser: { reset(): void; permissions: object }): void {
  const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { host_permissions?: string[]; permissions?: string[]; optional_permissions?: string[] };
  const optionalApis = new Set(manifest.optional_permissions ?? []);
  const granted = new Set<string>();
  const onAdded = event<Permissions>();
  const onRemoved = event<Permissions>();
  const reset = (): void => {
    granted.clear();
    for (const o of manifest.host_permissions ?? []) granted.add(o);
    grantedApis.clear();
    for (const p of manifest.permissions ?? []) grantedApis.add(p);
    onAdded.clear();
    onRemoved.clear();
    permissionsControl.userGrants = true;
  };
  const api = {
    contains: ({ origins = [], permissions = [] }: Permissions) => Promise.resolve(origins.every((o) => granted.has(o)) && permissions.every((p) => grantedApis.has(p))),
    getAll: () => Promise.resolve({ origins: [...granted], permissions: [...grantedApis] }),
    request: ({ origins = [], permissions = [] }: Permissions) => {
      // As Chrome: asking for an API permission the manifest does not list as optional is an error.
      const undeclared = permissions.filter((p) => !optionalApis.has(p) && !grantedApis.has(p));
      if (undeclared.length > 0) return Promise.reject(new Error(`Only permissions specified in the manifest may be requested: ${undeclared.join(', ')}`));
      const alreadyGranted = origins.every((o) => granted.has(o)) && permissions.every((p) => grantedApis.has(p));
      if (alreadyGranted) return Promise.resolve(true);
      if (!permissionsControl.userGrants) return Promise.resolve(false);
      const fresh = origins.filter((o) => !granted.has(o));
      const freshApis = permissions.filter((p) => !grantedApis.has(p));
      fresh.forEach((o) => granted.add(o));
      freshApis.forEach((p) => grantedApis.add(p));
      if (fresh.length + freshApis.length > 0) onAdded.fire({ origins: fresh, permissions: freshApis });
      return Promise.resolve(true);
    },
    remove: ({ origins = [], permissions = [] }: Permissions) => {
      const gone = origins.filter((o) => granted.delete(o));
      const goneApis = permissions.filter((p) => optionalApis.has(p) && grantedApis.delete(p));
      if (gone.length + goneApis.length > 0) onRemoved.fire({ origins: gone, permissions: goneApis });
      return Promise.resolve(gone.length + goneApis.length > 0);
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
