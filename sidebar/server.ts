// Typed promise wrapper over the server calls: google.script.run in Apps Script, or a local bridge, chosen once.
import { SERVER_FUNCTION_NAMES, type ServerApi, type ServerFunctionName } from '../src/shared/rpc';

/** ServerApi with every call returning a promise, as the sidebar sees it. */
export type Server = {
  [K in ServerFunctionName]: (...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>>;
};

/** Sends one call and settles with the server's JSON-safe result, or rejects with the server's error. */
export type Transport = (fn: ServerFunctionName, args: unknown[]) => Promise<unknown>;

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [fn: string]: unknown;
}

interface SidebarWindow {
  google?: { script?: { run?: ScriptRunner } };
  /** A bridge a local host page may provide instead of google.script.run. */
  __leverBridge?: Transport;
}

/** google.script.run as a Transport: one fresh runner per call, as the handlers are per call. */
export function scriptRunTransport(run: ScriptRunner): Transport {
  return (fn, args) =>
    new Promise((resolve, reject) => {
      const runner = run.withSuccessHandler(resolve).withFailureHandler(reject);
      const call = runner[fn];
      if (typeof call !== 'function') return reject(new Error(`The add-on has no server function ${fn}.`));
      call.apply(runner, args);
    });
}

/** Picks the transport the page offers; null when neither exists (the file opened outside Sheets). */
export function detectTransport(win: SidebarWindow): Transport | null {
  const run = win.google?.script?.run;
  if (run) return scriptRunTransport(run);
  if (typeof win.__leverBridge === 'function') return win.__leverBridge;
  return null;
}

/** Throws for values google.script.run would refuse or silently change (Dates, functions, undefined in arrays). */
export function assertJsonSafe(value: unknown, path = 'argument'): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (value instanceof Date || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new TypeError(`${path} cannot be sent to the server (${value instanceof Date ? 'Date' : typeof value}).`);
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (item === undefined) throw new TypeError(`${path}[${index}] is undefined.`);
      assertJsonSafe(item, `${path}[${index}]`);
    });
    return;
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined) assertJsonSafe(item, `${path}.${key}`);
    }
  }
}

/** The typed server object over one transport. */
export function createServer(transport: Transport): Server {
  const server: Partial<Record<ServerFunctionName, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const fn of SERVER_FUNCTION_NAMES) {
    server[fn] = (...args: unknown[]) => {
      try {
        args.forEach((arg, index) => {
          assertJsonSafe(arg, `${fn} argument ${index + 1}`);
        });
      } catch (error) {
        return Promise.reject(error);
      }
      return transport(fn, args);
    };
  }
  return server as Server;
}

/** The server's sentence from whatever the failure handler received, without Apps Script's "Exception:" prefix. */
export function errorMessage(error: unknown): string {
  const raw =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error !== null && 'message' in error
        ? String((error as { message: unknown }).message)
        : String(error);
  const message = raw.replace(/^(Exception|Error|ScriptError):\s*/, '').trim();
  return message || 'Something went wrong. Try again.';
}
