// A loopback-only HTTP front for a LeverSimulator, for manual runs (curl, the playground) on 127.0.0.1.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimNetworkError } from './errors';
import type { LeverSimulator } from './simulator';
import type { SimEnvironment } from './types';

export interface SimServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Which Lever host the local requests stand for (its keys are the ones accepted). Default production. */
  environment?: SimEnvironment;
}

export interface SimServer {
  url: string;
  close(): Promise<void>;
}

const HOST_OF: Record<SimEnvironment, string> = {
  production: 'api.lever.co',
  sandbox: 'api.sandbox.lever.co',
  eu: 'api.eu.lever.co',
};

/** Serves `sim` on http://127.0.0.1:<port>/v1/…; requests are answered as if sent to the Lever host. */
export function startSimServer(sim: LeverSimulator, options: SimServerOptions = {}): Promise<SimServer> {
  const leverHost = HOST_OF[options.environment ?? 'production'];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(sim, leverHost, request, response, Buffer.concat(chunks).toString('utf8')));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { address, port } = server.address() as AddressInfo;
      resolve({ url: `http://${address}:${port}`, close: () => closeServer(server) });
    });
  });
}

function answer(
  sim: LeverSimulator,
  leverHost: string,
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
) {
  try {
    const result = sim.handle({
      url: `https://${leverHost}${request.url ?? '/'}`,
      method: request.method ?? 'GET',
      headers: flattenHeaders(request.headers),
      payload: body === '' ? undefined : body,
    });
    response.writeHead(result.status, result.headers);
    response.end(result.body);
  } catch (error) {
    if (error instanceof SimNetworkError) {
      request.socket.destroy();
      return;
    }
    response.writeHead(500, { 'Content-Type': 'text/plain' });
    response.end(`Simulator failure: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
