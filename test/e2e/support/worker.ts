/**
 * Reaching into the extension's own service worker from a test: fire the refresh alarm now
 * (unpacked builds are not clamped to 30 s), read or adjust what the background keeps in storage
 * (the e2e stand-in for a fake clock), and stop the worker as Chrome would.
 */
import type { Worker } from 'playwright-core';
import type { ExtensionSession } from './chromium';

/** The slice of the worker's `chrome` global these helpers use (they run inside the worker). */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
};

export interface StoredSnapshot {
  updatedAt: number | null;
  quoteSource: string;
  /** Compact rows: `[price, change, %, …]`. */
  quotes: Record<string, number[]>;
  sources: Record<string, { failures: number; nextTry: number | null; lastError: { kind: string } | null } | undefined>;
}

export async function extensionWorker(session: ExtensionSession, timeout = 15_000): Promise<Worker> {
  const prefix = `chrome-extension://${session.extensionId}/`;
  const existing = session.context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (existing) return existing;
  return session.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout });
}

/** The market view the background stored (`market`, inside its version envelope). */
export async function readStoredSnapshot(session: ExtensionSession): Promise<StoredSnapshot | undefined> {
  const worker = await extensionWorker(session);
  return worker.evaluate(async () => ((await chrome.storage.local.get('market'))['market'] as { value?: StoredSnapshot } | undefined)?.value);
}

/** Forget every backoff, as if its time had passed. */
export async function expireBackoff(session: ExtensionSession): Promise<void> {
  const worker = await extensionWorker(session);
  await worker.evaluate(async () => {
    const { market } = (await chrome.storage.local.get('market')) as { market?: { value: StoredSnapshot } };
    if (!market) return;
    for (const health of Object.values(market.value.sources)) if (health) health.nextTry = null;
    await chrome.storage.local.set({ market });
  });
}

/** Moves every source's last attempt an hour back, as if that hour had passed. */
export async function backdateAttempts(session: ExtensionSession): Promise<void> {
  const worker = await extensionWorker(session);
  await worker.evaluate(async () => {
    const { market } = (await chrome.storage.local.get('market')) as { market?: { value: { sources: Record<string, { attemptedAt: number | null } | undefined> } } };
    if (!market) return;
    for (const health of Object.values(market.value.sources)) if (health?.attemptedAt) health.attemptedAt -= 60 * 60_000;
    await chrome.storage.local.set({ market });
  });
}

/** Fires the refresh alarm at once and waits until the cycle it starts has written storage. */
export async function runAlarmCycle(session: ExtensionSession, timeout = 15_000): Promise<StoredSnapshot | undefined> {
  const before = (await readStoredSnapshot(session))?.updatedAt ?? 0;
  // Back-date the snapshot's attempts so the schedule finds the sources due, then fire.
  await backdateAttempts(session);
  const worker = await extensionWorker(session);
  await worker.evaluate(async () => {
    await chrome.alarms.create('refresh', { when: Date.now() });
  });
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const now = await readStoredSnapshot(session);
    if ((now?.updatedAt ?? 0) > before) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the alarm cycle did not write a snapshot in time');
}

/** Stops the extension's service worker the way Chrome does when it idles or misbehaves. */
export async function stopWorker(session: ExtensionSession): Promise<void> {
  const browser = session.context.browser();
  if (!browser) throw new Error('no browser handle');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`));
  if (!target) throw new Error('no extension service worker to stop');
  await cdp.send('Target.closeTarget', { targetId: target.targetId });
  await cdp.detach();
}
