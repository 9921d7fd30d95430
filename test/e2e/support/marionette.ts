/**
 * A minimal Marionette client over a plain TCP socket. geckodriver cannot be installed in CI
 * (no binary downloads, not packaged by Debian), and Firefox speaks Marionette itself, so the
 * handful of commands the end-to-end tests need are sent directly.
 *
 * Framing: every message is `<byte length>:<json>`. The server speaks first with a handshake
 * object; then commands are `[0, id, name, params]` and replies `[1, id, error | null, result]`.
 */
import { connect, type Socket } from 'node:net';

export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;

export interface MarionetteHandshake {
  applicationType: string;
  marionetteProtocol: number;
}

/** The error object Marionette puts in the third slot of a reply. */
export interface MarionetteErrorBody {
  error: string;
  message: string;
  stacktrace?: string;
}

export class MarionetteError extends Error {
  override readonly name = 'MarionetteError';

  constructor(
    readonly command: string,
    /** The WebDriver error code, e.g. `no such element`, `javascript error`, or `timeout` here. */
    readonly code: string,
    message: string,
    readonly remoteStack?: string,
  ) {
    super(`${command}: ${code}: ${message}`);
  }
}

/** What the server wraps a non-object result in, and what most commands answer with. */
export interface ValueResult<T> {
  value: T;
}

export interface NewSessionResult {
  sessionId: string;
  capabilities: Record<string, unknown>;
}

/** The W3C key under which a web element's reference is sent and received. */
export const WEB_ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export type ElementReference = Record<typeof WEB_ELEMENT_KEY, string>;

/** Values that survive the trip through Marionette's JSON serialisation unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

interface Pending {
  command: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface ConnectOptions {
  host?: string;
  port: number;
  /** Deadline for the TCP connection and the handshake together. */
  timeoutMs?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toErrorBody(value: unknown): MarionetteErrorBody {
  if (isRecord(value)) {
    const stacktrace = typeof value['stacktrace'] === 'string' ? value['stacktrace'] : undefined;
    return {
      error: typeof value['error'] === 'string' ? value['error'] : 'unknown error',
      message: typeof value['message'] === 'string' ? value['message'] : JSON.stringify(value),
      ...(stacktrace === undefined ? {} : { stacktrace }),
    };
  }
  return { error: 'unknown error', message: String(value) };
}

/**
 * Splits the byte stream into messages. Lengths count bytes, not UTF-16 units, so the buffer
 * is kept as bytes and only a complete frame is decoded.
 */
class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): unknown[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const messages: unknown[] = [];
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon === -1) {
        if (this.buffer.length > 20) throw new Error('Marionette frame without a length prefix');
        break;
      }
      const lengthText = this.buffer.subarray(0, colon).toString('ascii');
      if (!/^\d+$/.test(lengthText)) throw new Error(`Marionette frame with a bad length prefix: ${JSON.stringify(lengthText)}`);
      const length = Number(lengthText);
      const end = colon + 1 + length;
      if (this.buffer.length < end) break;
      const json = this.buffer.subarray(colon + 1, end).toString('utf8');
      this.buffer = this.buffer.subarray(end);
      messages.push(JSON.parse(json));
    }
    return messages;
  }
}

export class MarionetteClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closedReason: Error | null = null;

  private constructor(
    private readonly socket: Socket,
    private readonly reader: FrameReader,
    readonly handshake: MarionetteHandshake,
    private readonly defaultTimeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(new Error(`Marionette socket error: ${error.message}`)));
    socket.on('close', () => this.fail(new Error('Marionette connection closed')));
  }

  /** Connects and waits for the handshake; rejects if the server is not Marionette protocol 3. */
  static connect(options: ConnectOptions & { commandTimeoutMs?: number }): Promise<MarionetteClient> {
    const { host = '127.0.0.1', port, timeoutMs = 10_000, commandTimeoutMs = DEFAULT_COMMAND_TIMEOUT_MS } = options;
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const reader = new FrameReader();
      let settled = false;
      const finish = (error: Error | null, client?: MarionetteClient) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.off('data', onData);
        socket.off('error', onError);
        socket.off('close', onClose);
        if (error !== null || client === undefined) {
          socket.destroy();
          reject(error ?? new Error('Marionette handshake failed'));
        } else {
          resolve(client);
        }
      };
      const timer = setTimeout(
        () => finish(new Error(`no Marionette handshake from ${host}:${port} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const onError = (error: Error) => finish(new Error(`cannot connect to Marionette at ${host}:${port}: ${error.message}`));
      const onClose = () => finish(new Error(`Marionette at ${host}:${port} closed the connection before the handshake`));
      const onData = (chunk: Buffer) => {
        let messages: unknown[];
        try {
          messages = reader.push(chunk);
        } catch (error) {
          finish(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const first = messages[0];
        if (first === undefined) return;
        if (
          !isRecord(first) ||
          typeof first['applicationType'] !== 'string' ||
          typeof first['marionetteProtocol'] !== 'number'
        ) {
          finish(new Error(`unexpected Marionette handshake: ${JSON.stringify(first)}`));
          return;
        }
        if (first['marionetteProtocol'] !== 3) {
          finish(new Error(`unsupported Marionette protocol ${first['marionetteProtocol']}`));
          return;
        }
        const handshake: MarionetteHandshake = {
          applicationType: first['applicationType'],
          marionetteProtocol: first['marionetteProtocol'],
        };
        // The server never volunteers a second message before a command, so none can be lost here.
        finish(null, new MarionetteClient(socket, reader, handshake, commandTimeoutMs));
      };
      socket.on('data', onData);
      socket.on('error', onError);
      socket.on('close', onClose);
    });
  }

  /** Sends one command and resolves with its result, or rejects with a MarionetteError. */
  send<T>(command: string, params: Record<string, unknown> = {}, timeoutMs = this.defaultTimeoutMs): Promise<T> {
    if (this.closedReason !== null) {
      return Promise.reject(new Error(`${command}: ${this.closedReason.message}`));
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new MarionetteError(command, 'timeout', `no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        command,
        // The shape of each command's result is fixed by the protocol; the typed wrappers below name it.
        resolve: (result) => resolve(result as T),
        reject,
        timer,
      });
      const json = JSON.stringify([0, id, command, params]);
      this.socket.write(`${Buffer.byteLength(json, 'utf8')}:${json}`);
    });
  }

  /**
   * Marionette takes the capabilities themselves as the command's parameters (geckodriver
   * unwraps W3C `capabilities.alwaysMatch` before it forwards them); wrapped, they would be
   * stored as one unknown capability and silently ignored.
   */
  newSession(capabilities: Record<string, unknown> = {}): Promise<NewSessionResult> {
    return this.send<NewSessionResult>('WebDriver:NewSession', capabilities);
  }

  /** Installs an unpacked extension directory or an .xpi; resolves with the add-on id. */
  async installAddon(path: string, temporary = true): Promise<string> {
    const result = await this.send<ValueResult<string> | string>('Addon:Install', { path, temporary });
    return typeof result === 'string' ? result : result.value;
  }

  async navigate(url: string): Promise<void> {
    await this.send<unknown>('WebDriver:Navigate', { url });
  }

  /**
   * Runs `script` as a function body in the current page; its return value must be plain data,
   * which is what the caller's type parameter describes.
   */
  async executeScript<T extends JsonValue | undefined>(script: string, args: JsonValue[] = []): Promise<T> {
    const result = await this.send<ValueResult<T>>('WebDriver:ExecuteScript', { script, args });
    return result.value;
  }

  /**
   * Like executeScript, in the current page but with the system principal (Marionette's
   * `system` sandbox, which needs `--remote-allow-system-access`): the page's DOM through
   * X-rays, with chrome-only members such as `Element.openOrClosedShadowRoot`. For looking
   * into closed shadow roots, which page scripts cannot.
   */
  async executeSystemScript<T extends JsonValue | undefined>(script: string, args: JsonValue[] = []): Promise<T> {
    const result = await this.send<ValueResult<T>>('WebDriver:ExecuteScript', { script, args, sandbox: 'system' });
    return result.value;
  }

  /** The first element matching a CSS selector in the current page; its WebDriver reference. */
  async findElement(selector: string): Promise<ElementReference> {
    const result = await this.send<ValueResult<ElementReference>>('WebDriver:FindElement', { using: 'css selector', value: selector });
    return result.value;
  }

  /**
   * Clicks an element the way a user would: scrolled into view, hit-tested, and dispatched as
   * trusted input from the parent process, so it counts as a user gesture (which
   * `permissions.request` needs in Firefox). An `<option>` is selected in its `<select>`.
   */
  async elementClick(element: ElementReference): Promise<void> {
    await this.send<unknown>('WebDriver:ElementClick', { id: element[WEB_ELEMENT_KEY] });
  }

  /** Types text into an element as key events (focusing it first). */
  async elementSendKeys(element: ElementReference, text: string): Promise<void> {
    await this.send<unknown>('WebDriver:ElementSendKeys', { id: element[WEB_ELEMENT_KEY], text });
  }

  /** Empties an input or textarea, as the user selecting its text and deleting it. */
  async elementClear(element: ElementReference): Promise<void> {
    await this.send<unknown>('WebDriver:ElementClear', { id: element[WEB_ELEMENT_KEY] });
  }

  /** Opens a new tab and answers its window handle (not switched to). */
  async newTab(): Promise<string> {
    const result = await this.send<{ handle: string }>('WebDriver:NewWindow', { type: 'tab' });
    return result.handle;
  }

  async currentWindowHandle(): Promise<string> {
    const result = await this.send<ValueResult<string>>('WebDriver:GetWindowHandle', {});
    return result.value;
  }

  async switchToWindow(handle: string): Promise<void> {
    await this.send<unknown>('WebDriver:SwitchToWindow', { handle, focus: true });
  }

  /**
   * `chrome` runs scripts in the browser's privileged parent-process scope (needs Firefox's
   * `--remote-allow-system-access`), `content` in the current tab's page.
   */
  async setContext(context: 'chrome' | 'content'): Promise<void> {
    await this.send<unknown>('Marionette:SetContext', { value: context });
  }

  /** The current viewport as a base64-encoded PNG. */
  async takeScreenshot(): Promise<string> {
    const result = await this.send<ValueResult<string>>('WebDriver:TakeScreenshot', {});
    return result.value;
  }

  async deleteSession(timeoutMs = this.defaultTimeoutMs): Promise<void> {
    await this.send<unknown>('WebDriver:DeleteSession', {}, timeoutMs);
  }

  /** Drops the connection; pending commands are rejected. */
  close(): void {
    this.fail(new Error('Marionette client closed'));
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    let messages: unknown[];
    try {
      messages = this.reader.push(chunk);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      this.socket.destroy();
      return;
    }
    for (const message of messages) this.dispatch(message);
  }

  private dispatch(message: unknown): void {
    if (!Array.isArray(message) || message[0] !== 1 || typeof message[1] !== 'number') return;
    const pending = this.pending.get(message[1]);
    if (pending === undefined) return; // a reply to a command that already timed out
    this.pending.delete(message[1]);
    clearTimeout(pending.timer);
    const errorSlot: unknown = message[2];
    if (errorSlot !== null && errorSlot !== undefined) {
      const body = toErrorBody(errorSlot);
      pending.reject(new MarionetteError(pending.command, body.error, body.message, body.stacktrace));
    } else {
      pending.resolve(message[3]);
    }
  }

  private fail(reason: Error): void {
    this.closedReason ??= reason;
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      clearTimeout(pending.timer);
      pending.reject(new Error(`${pending.command}: ${reason.message}`));
    }
  }
}
