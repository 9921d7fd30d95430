/**
 * Answers the production Firefox build's real source URLs from fixtures, without changing the
 * build. Firefox cannot intercept requests the way Playwright does for Chromium, so the profile
 * points every protocol at this loopback proxy (support/firefox.ts, `proxyPort`):
 *
 * - plain `http://` requests arrive with their absolute URL and are answered directly;
 * - `https://` requests arrive as `CONNECT host:443`; the tunnel is terminated here with a
 *   throwaway self-signed certificate (made in memory per run) and the request inside it is
 *   answered from the same table, keyed by `https://<Host><path>`.
 *
 * Firefox accepts that certificate only because the Marionette session is started with
 * `acceptInsecureCerts`, which turns certificate checks off for the whole browser for the
 * session's lifetime (background fetches included). A URL without a fixture gets its connection
 * dropped: to the extension it is a network error, as an unreachable host is.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import type { FixtureResponse, FixtureTable, RecordedRequest } from './chromium';

export interface FixtureProxy {
  port: number;
  /** Every request that reached the proxy, fixture or not, in arrival order. */
  requests: RecordedRequest[];
  /** Each https tunnel asked for (`host:port`) and how its TLS handshake ended, for failure messages. */
  tunnels: string[];
  /** Replace the fixtures served from now on. */
  setFixtures(table: FixtureTable): void;
  close(): Promise<void>;
}

// --- a minimal DER encoder, enough for one self-signed X.509 v3 certificate ---

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
};
const sequence = (...items: Buffer[]): Buffer => tlv(0x30, ...items);
function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const part of rest) {
    const chunk: number[] = [];
    for (let n = part; ; n = Math.floor(n / 128)) {
      chunk.unshift((n % 128) | (chunk.length === 0 ? 0 : 0x80));
      if (n < 128) break;
    }
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}
const utcTime = (date: Date): Buffer =>
  tlv(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`, 'ascii'));
const commonName = (name: string): Buffer =>
  sequence(tlv(0x31, sequence(oid('2.5.4.3'), tlv(0x0c, Buffer.from(name, 'utf8')))));

/** A P-256 key and a self-signed certificate for it, valid from yesterday for a year. */
export function selfSignedCertificate(hosts: string[]): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));
  const name = commonName('psx-e2e fixture proxy');
  const serial = randomBytes(8);
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40; // positive, and minimal (no leading zero byte)
  const subjectAltName = sequence(
    oid('2.5.29.17'),
    tlv(0x04, sequence(...hosts.map((host) => tlv(0x82, Buffer.from(host, 'ascii'))))),
  );
  const tbs = sequence(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))), // v3
    tlv(0x02, serial),
    ecdsaWithSha256,
    name,
    sequence(utcTime(new Date(Date.now() - 86_400_000)), utcTime(new Date(Date.now() + 365 * 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, sequence(subjectAltName)),
  );
  const signature = sign('sha256', tbs, privateKey); // DER-encoded ECDSA signature
  const der = sequence(tbs, ecdsaWithSha256, tlv(0x03, Buffer.from([0]), signature));
  // 64 characters a line, and no empty line when the last one is full: PEM readers refuse that.
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  const cert = `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { key, cert };
}

// --- the proxy ---

function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export async function startFixtureProxy(fixtures: FixtureTable): Promise<FixtureProxy> {
  let table = fixtures;
  const requests: RecordedRequest[] = [];
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();

  const answer = (url: string, request: IncomingMessage, response: ServerResponse): void => {
    const recorded: RecordedRequest = { url, headers: flatHeaders(request), at: Date.now() };
    requests.push(recorded);
    const entry = table[url];
    if (entry === undefined) {
      request.socket.destroy();
      return;
    }
    const fixture: FixtureResponse = typeof entry === 'function' ? entry(recorded) : entry;
    const send = (): void => {
      const body = Buffer.from(fixture.body, 'utf8');
      response.writeHead(fixture.status ?? 200, {
        'content-type': fixture.contentType ?? 'text/html; charset=utf-8',
        'content-length': String(body.length),
        'cache-control': 'no-store',
        ...fixture.headers,
      });
      response.end(body);
    };
    if (fixture.delayUntil) void fixture.delayUntil.then(send, send);
    else send();
  };

  const hosts = [...new Set(Object.keys(fixtures).map((u) => new URL(u).hostname))];
  const secureContext = createSecureContext(selfSignedCertificate(hosts.length > 0 ? hosts : ['localhost']));

  // Requests from inside a CONNECT tunnel: the path is relative, the host is in the header.
  const tunnelled: Server = createServer((request, response) => {
    answer(`https://${request.headers.host ?? ''}${request.url ?? '/'}`, request, response);
  });
  // The proxy itself: absolute URLs for plain http, CONNECT for https.
  const proxy: Server = createServer((request, response) => {
    answer(request.url ?? '', request, response);
  });
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  proxy.on('connection', track);
  proxy.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const target = request.url ?? '?';
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    const tls = new TLSSocket(socket, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] });
    tls.once('secure', () => tunnels.push(`${target} ok`));
    tls.on('error', (error) => {
      tunnels.push(`${target} ${error.message}`);
      socket.destroy();
    });
    track(tls);
    tunnelled.emit('connection', tls);
  });
  proxy.on('clientError', (_error, socket) => socket.destroy());
  tunnelled.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', () => resolve());
  });
  const address = proxy.address();
  if (address === null || typeof address === 'string') throw new Error('the fixture proxy has no port');

  return {
    port: address.port,
    requests,
    tunnels,
    setFixtures(next) {
      table = next;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      tunnelled.close();
    },
  };
}
