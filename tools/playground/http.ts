// The playground's loopback HTTP server: the host page, the shimmed sidebar, and a small JSON API over a backend.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SERVER_FUNCTION_NAMES, type ServerFunctionName } from '../../src/shared/rpc';
import type { PlaygroundBackend, RecordKind } from './backend';
import { hostPageHtml } from './page';
import { injectShim } from './shim';

export interface PlaygroundServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** The built sidebar; read on every request so a rebuild shows up on reload. */
  sidebarHtmlPath: string;
  /** Rows of the grid sent to the page per sheet. */
  maxGridRows?: number;
}

export interface PlaygroundServer {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const CALLABLE = new Set<string>(SERVER_FUNCTION_NAMES);

/** Only the declared sidebar calls cross the bridge, as google.script.run reaches only top-level globals. */
function isServerFunction(fn: unknown): fn is ServerFunctionName {
  return typeof fn === 'string' && CALLABLE.has(fn);
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the server on 127.0.0.1 only. */
export function startPlaygroundServer(
  backend: PlaygroundBackend,
  options: PlaygroundServerOptions,
): Promise<PlaygroundServer> {
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => route(backend, options, request, body))
      .then((reply) => send(response, reply.status, reply.type, reply.body))
      .catch((error: unknown) => sendError(response, error));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => closeServer(server) });
    });
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, 'Request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A web page on another site could reach a loopback port through DNS rebinding; only our own host names pass. */
function checkHost(request: IncomingMessage): void {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '');
  if (host !== '127.0.0.1' && host !== 'localhost') throw new HttpError(403, 'Unexpected Host header');
}

interface Reply {
  status: number;
  type: string;
  body: string;
}

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const json = (value: unknown): Reply => ({ status: 200, type: JSON_TYPE, body: JSON.stringify(value ?? null) });

async function route(
  backend: PlaygroundBackend,
  options: PlaygroundServerOptions,
  request: IncomingMessage,
  body: string,
): Promise<Reply> {
  checkHost(request);
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const key = `${request.method} ${url.pathname}`;
  if (key === 'GET /') return { status: 200, type: HTML, body: hostPageHtml() };
  if (key === 'GET /favicon.ico') return { status: 204, type: 'image/x-icon', body: '' };
  if (key === 'GET /sidebar') {
    const user = url.searchParams.get('user') || backend.users[0];
    if (!backend.users.includes(user)) throw new HttpError(400, `Unknown playground user: ${user}`);
    return { status: 200, type: HTML, body: injectShim(readFileSync(options.sidebarHtmlPath, 'utf8'), user) };
  }
  if (key === 'GET /api/info') return json({ users: backend.users, demoKeys: backend.demoKeys });
  if (key === 'GET /api/grid') {
    const grid = backend.grid(url.searchParams.get('sheet'), options.maxGridRows ?? 3000);
    return json({ ...grid, clock: backend.clock() });
  }
  if (request.method !== 'POST') throw new HttpError(404, `No route for ${key}`);
  return json(await post(backend, url.pathname, parseJson(body)));
}

function post(backend: PlaygroundBackend, path: string, body: Record<string, unknown>): unknown {
  if (path === '/api/call') {
    const { fn, args, user } = body;
    if (!isServerFunction(fn)) throw new HttpError(400, `Not a sidebar function: ${String(fn)}`);
    if (!Array.isArray(args)) throw new HttpError(400, 'args must be an array');
    const who = typeof user === 'string' && backend.users.includes(user) ? user : backend.users[0];
    return backend.call(fn, args, who);
  }
  if (path === '/api/advance') {
    const ms = Number(body.ms);
    if (!Number.isFinite(ms) || ms <= 0 || ms > 31 * 86_400_000) throw new HttpError(400, 'ms must be 1 ms to 31 days');
    return backend.advance(ms);
  }
  if (path === '/api/records') {
    const kind = body.kind as RecordKind;
    const count = Number(body.count);
    if (kind !== 'opportunities' && kind !== 'requisitions')
      throw new HttpError(400, 'kind must be opportunities or requisitions');
    if (!Number.isInteger(count) || count < 1 || count > 100) throw new HttpError(400, 'count must be 1 to 100');
    return { message: backend.addRecords(kind, count) };
  }
  if (path === '/api/changes') {
    const count = Number(body.count);
    if (!Number.isInteger(count) || count < 1 || count > 20) throw new HttpError(400, 'count must be 1 to 20');
    return { message: backend.changeRequisitions(count) };
  }
  throw new HttpError(404, `No route for POST ${path}`);
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const value = JSON.parse(body || '{}');
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    // Falls through to the 400 below.
  }
  throw new HttpError(400, 'The body must be a JSON object');
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

function sendError(response: ServerResponse, error: unknown): void {
  const status = error instanceof HttpError ? error.status : 500;
  const message = error instanceof Error ? error.message : String(error);
  if (!response.headersSent)
    send(response, status, 'application/json; charset=utf-8', JSON.stringify({ error: message }));
  else response.end();
}
