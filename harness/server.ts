/**
 * The sites Vigie reads, served from fixtures over HTTPS on loopback. Chromium maps the real
 * hostnames here (--host-resolver-rules), so the manifest's real match patterns are exercised.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Text, or bytes (an archive). */
  body: string | Uint8Array;
}

export type Route = Reply | ((req: IncomingMessage, url: URL) => Reply);

export interface FixtureServer {
  port: number;
  /** `host + pathname` → reply; tests may change it while the browser runs. */
  routes: Map<string, Route>;
  requests: { host: string; path: string; at: number }[];
  close(): Promise<void>;
}

function certificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '7',
        '-subj',
        '/CN=vigie-fixtures',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export async function startFixtureServer(certDir: string): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const requests: FixtureServer['requests'] = [];
  const server: Server = createServer(certificate(certDir), (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push({ host, path: url.pathname + url.search, at: Date.now() });
    const route = routes.get(host + url.pathname);
    const reply: Reply = !route
      ? {
          status: 404,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: '<!doctype html><title>404 Not Found</title><h1>Not Found</h1>',
        }
      : typeof route === 'function'
        ? route(req, url)
        : route;
    res.writeHead(reply.status ?? 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...reply.headers });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    routes,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function html(body: string, status = 200): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

export function json(value: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}

/** A file served as bytes, as Apache serves an archive it has no type for. */
export function bytes(body: Uint8Array, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/octet-stream' }, body };
}
