/**
 * Starts Debian's Firefox ESR headless on a throwaway profile with Marionette enabled, and
 * guarantees it goes away again. The profile routes every request through an HTTP proxy on
 * loopback: by default a closed port, so the extension's sources fail at once and the same way
 * on every run; or, with `proxyPort` and `acceptInsecureCerts`, the fixture proxy of
 * support/firefox-fixtures.ts, which answers the real source URLs from fixtures. Either way no
 * test can reach the real network.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MarionetteClient } from './marionette';

export const FIREFOX_BINARY = '/usr/bin/firefox-esr';

/** The gecko id from the manifest's browser_specific_settings. */
export const EXTENSION_ID = 'psx-market-overlay@psx-overlay.github.io';

/**
 * Firefox normally picks a random internal UUID per install; pinning it makes the popup's URL
 * known before the add-on is installed.
 */
export const EXTENSION_UUID = '6f3d2a9c-41b7-4e58-9c0a-7d2e5b18f4a3';

export interface LaunchOptions {
  binary?: string;
  /** Deadline for Firefox to start and answer the Marionette handshake. */
  startupTimeoutMs?: number;
  extensionId?: string;
  extensionUuid?: string;
  /**
   * A loopback proxy that answers requests (support/firefox-fixtures.ts); without one, every
   * request goes to a closed port and fails at once.
   */
  proxyPort?: number;
  /**
   * Start the session with `acceptInsecureCerts`: Firefox then skips certificate checks for the
   * whole browser, which the fixture proxy's self-signed certificate needs.
   */
  acceptInsecureCerts?: boolean;
  /** More preferences for the profile, over the defaults. */
  prefs?: Record<string, PrefValue>;
  /** More environment for the Firefox process (`TZ`, for a test of time zones). */
  env?: Record<string, string>;
}

export interface FirefoxHandle {
  client: MarionetteClient;
  /** `moz-extension://<uuid>/`, valid once the add-on is installed. */
  extensionBaseUrl: string;
  /** Firefox's stderr so far, for failure messages. */
  stderr(): string;
  /** Ends the session, stops Firefox and removes the profile; safe to call more than once. */
  close(): Promise<void>;
}

export type PrefValue = string | number | boolean;

/** A loopback port nothing listens on: bound by the OS, then released. */
async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not reserve a loopback port');
  return address.port;
}

function profilePrefs(proxyPort: number, extensionId: string, extensionUuid: string): Record<string, PrefValue> {
  return {
    // 0 lets Firefox choose a free port and write it to <profile>/MarionetteActivePort, so runs never collide.
    'marionette.port': 0,
    'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: extensionUuid }),

    // Every protocol through an HTTP proxy on loopback (a closed port unless the test runs the
    // fixture proxy): fetches fail within milliseconds instead of waiting on DNS or timeouts,
    // or are answered from fixtures, and nothing leaves the machine.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.socks_remote_dns': true,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.trr.mode': 5,
    // Otherwise navigator.onLine follows the host's interfaces, and a CI box without a default
    // route would turn "unreachable" into "you appear to be offline".
    'network.manage-offline-status': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,

    // Quiet start: no first-run or what's-new pages, no default-browser prompt.
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': 'about:blank',
    'startup.homepage_welcome_url.additional': '',
    'browser.aboutwelcome.enabled': false,
    'trailhead.firstrun.didSeeAboutWelcome': true,
    'browser.newtabpage.enabled': false,
    'browser.tabs.warnOnClose': false,
    'browser.sessionstore.resume_from_crash': false,

    // No telemetry, studies or updates trying to phone home through the dead proxy.
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.usage.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.update.checkInstallTime': false,
    'app.update.disabledForTesting': true,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.search.update': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'media.gmp-manager.updateEnabled': false,
    'browser.region.update.enabled': false,
    // Remote Settings polls at startup; the dummy server Mozilla's own test profiles use keeps
    // it from queueing requests behind the dead proxy.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',

    // Let the temporary add-on run without prompts.
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 5,
    'xpinstall.signatures.required': false,
  };
}

function userJs(prefs: Record<string, PrefValue>): string {
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n')
    .concat('\n');
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Firefox writes the port file once Marionette listens; it is absent or empty before that. */
async function waitForPortFile(path: string, deadline: number, exited: () => string | null): Promise<number> {
  for (;;) {
    const exit = exited();
    if (exit !== null) throw new Error(`Firefox exited before Marionette started (${exit})`);
    try {
      const text = (await readFile(path, 'utf8')).trim();
      if (/^\d+$/.test(text) && Number(text) > 0) return Number(text);
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    }
    if (Date.now() > deadline) throw new Error(`Firefox did not write ${path} in time`);
    await delay(100);
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // The negative pid reaches the content processes too, which share the group we created.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM first so Firefox can shut down its children, SIGKILL if it lingers. */
async function stopProcess(child: ChildProcess, exitedAlready: () => boolean): Promise<void> {
  if (child.pid === undefined) return; // never started
  if (exitedAlready()) {
    killGroup(child, 'SIGKILL'); // stray content processes of a parent that died on its own
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const gone = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
  killGroup(child, 'SIGKILL');
  if (!gone) await Promise.race([exited, delay(5_000)]);
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxHandle> {
  const {
    binary = FIREFOX_BINARY,
    startupTimeoutMs = 30_000,
    extensionId = EXTENSION_ID,
    extensionUuid = EXTENSION_UUID,
    acceptInsecureCerts = false,
  } = options;

  const profile = await mkdtemp(join(tmpdir(), 'psx-e2e-firefox-'));
  let child: ChildProcess | undefined;
  let client: MarionetteClient | undefined;
  let stderr = '';
  let exitDescription: string | null = null;
  let closing: Promise<void> | null = null;

  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (client !== undefined) {
        // A hung session must not keep Firefox alive; the process is killed regardless.
        await client.deleteSession(5_000).catch(() => undefined);
        client.close();
      }
      if (child !== undefined) await stopProcess(child, () => exitDescription !== null);
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    })();
    return closing;
  };

  try {
    const proxyPort = options.proxyPort ?? (await closedLoopbackPort());
    const prefs = { ...profilePrefs(proxyPort, extensionId, extensionUuid), ...options.prefs };
    await writeFile(join(profile, 'user.js'), userJs(prefs));

    const args = [
      '--marionette',
      '--headless',
      '--no-remote',
      // Since Firefox 153 Marionette refuses to navigate to anything but http(s), file, blob
      // and about:blank without it, and the popup lives at a moz-extension:// URL.
      '--remote-allow-system-access',
      '--profile',
      profile,
    ];
    const spawned = spawn(binary, args, {
      env: { ...process.env, ...options.env, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1', MOZ_DISABLE_AUTO_SAFE_MODE: '1' },
      // Its own process group, so close() can signal the content processes along with the parent.
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = spawned;
    // Last resort if the test runner itself goes down before close(): no Firefox outlives it.
    const killOnExit = () => killGroup(spawned, 'SIGKILL');
    process.once('exit', killOnExit);
    spawned.once('exit', () => process.off('exit', killOnExit));
    spawned.stderr?.setEncoding('utf8');
    spawned.stderr?.on('data', (text: string) => {
      // Bounded: a chatty Firefox must not grow the test's memory without limit.
      stderr = (stderr + text).slice(-64_000);
    });
    spawned.on('exit', (code, signal) => {
      exitDescription = signal !== null ? `signal ${signal}` : `exit code ${String(code)}`;
    });
    const spawnError = new Promise<never>((_, reject) =>
      spawned.once('error', (error) => reject(new Error(`cannot start ${binary}: ${error.message}`))),
    );
    spawnError.catch(() => undefined);

    const deadline = Date.now() + startupTimeoutMs;
    const port = await Promise.race([
      waitForPortFile(join(profile, 'MarionetteActivePort'), deadline, () => exitDescription),
      spawnError,
    ]);
    client = await MarionetteClient.connect({ port, timeoutMs: Math.max(1_000, deadline - Date.now()) });
    const session = await client.newSession(acceptInsecureCerts ? { acceptInsecureCerts: true } : {});
    if (acceptInsecureCerts && session.capabilities['acceptInsecureCerts'] !== true) {
      throw new Error(`Marionette did not accept acceptInsecureCerts: ${JSON.stringify(session.capabilities)}`);
    }
  } catch (error) {
    await close();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- firefox stderr ---\n${stderr.trim() || '(empty)'}`, { cause: error });
  }

  return {
    client,
    extensionBaseUrl: `moz-extension://${extensionUuid}/`,
    stderr: () => stderr,
    close,
  };
}
