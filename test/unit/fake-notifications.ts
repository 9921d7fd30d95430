/**
 * `browser.notifications` as Chrome has it: absent (undefined) until the optional
 * `notifications` permission is granted, then create/clear/getAll over the notifications on
 * screen and an onClicked event a test can fire as the user would (`notificationsControl.click`).
 * @webext-core/fake-browser has no model of it.
 */
import { grantedApis } from './fake-permissions';

interface Shown {
  type: string;
  title: string;
  message: string;
  iconUrl?: string;
}

type Listener = (id: string) => void;

const shown = new Map<string, Shown>();
const clicked = new Set<Listener>();
/** Every notification ever created in this test, in order, including cleared ones. */
const created: { id: string; options: Shown }[] = [];

const api = {
  create(idOrOptions: string | Shown, maybeOptions?: Shown): Promise<string> {
    const id = typeof idOrOptions === 'string' ? idOrOptions : crypto.randomUUID();
    const options = typeof idOrOptions === 'string' ? maybeOptions : idOrOptions;
    if (!options?.title || !options.message || !options.type) return Promise.reject(new Error('Some of the required properties are missing: type, iconUrl, title and message.'));
    shown.set(id, structuredClone(options));
    created.push({ id, options: structuredClone(options) });
    return Promise.resolve(id);
  },
  clear(id: string): Promise<boolean> {
    return Promise.resolve(shown.delete(id));
  },
  getAll(): Promise<Record<string, boolean>> {
    return Promise.resolve(Object.fromEntries([...shown.keys()].map((id) => [id, true])));
  },
  onClicked: {
    addListener: (cb: Listener) => void clicked.add(cb),
    removeListener: (cb: Listener) => void clicked.delete(cb),
    hasListener: (cb: Listener) => clicked.has(cb),
  },
};

export const notificationsControl = {
  shown,
  created,
  /** The user clicks a notification on screen. */
  click(id: string): void {
    if (!shown.has(id)) throw new Error(`no notification ${id} on screen`);
    for (const cb of clicked) cb(id);
  },
  reset(): void {
    shown.clear();
    clicked.clear();
    created.length = 0;
  },
};

export function installFakeNotifications(fakeBrowser: object): void {
  Object.defineProperty(fakeBrowser, 'notifications', {
    configurable: true,
    get: () => (grantedApis.has('notifications') ? api : undefined),
  });
}
