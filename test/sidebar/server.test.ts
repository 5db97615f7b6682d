// The sidebar's typed transport: google.script.run or a bridge, JSON-safe arguments, the server's own error sentence.

import { assertJsonSafe, createServer, detectTransport, errorMessage, scriptRunTransport } from '../../sidebar/server';
import { SERVER_FUNCTION_NAMES } from '../../src/shared/rpc';

/** A google.script.run stand-in that answers from `handlers` asynchronously, like the real one. */
function fakeScriptRun(handlers: Record<string, (...args: unknown[]) => unknown>) {
  const calls: Array<{ fn: string; args: unknown[] }> = [];
  const runner = (onSuccess?: (v: unknown) => void, onFailure?: (e: unknown) => void): Record<string, unknown> =>
    new Proxy(
      {},
      {
        get(_target, name: string) {
          if (name === 'withSuccessHandler') return (h: (v: unknown) => void) => runner(h, onFailure);
          if (name === 'withFailureHandler') return (h: (e: unknown) => void) => runner(onSuccess, h);
          if (!(name in handlers)) return undefined;
          return (...args: unknown[]) => {
            calls.push({ fn: name, args });
            setTimeout(() => {
              try {
                onSuccess?.(handlers[name](...args));
              } catch (error) {
                onFailure?.(error);
              }
            }, 0);
          };
        },
      },
    );
  return { run: runner() as never, calls };
}

describe('sidebar server wrapper', () => {
  it('offers every ServerApi function as a promise over google.script.run', async () => {
    const fake = fakeScriptRun({ listColumns: (object) => [{ key: 'id', label: `ID of ${object}` }] });
    const server = createServer(scriptRunTransport(fake.run));
    expect(Object.keys(server).sort()).toEqual([...SERVER_FUNCTION_NAMES].sort());
    await expect(server.listColumns('requisitions')).resolves.toEqual([{ key: 'id', label: 'ID of requisitions' }]);
    expect(fake.calls).toEqual([{ fn: 'listColumns', args: ['requisitions'] }]);
  });

  it("rejects with the server's failure", async () => {
    const fake = fakeScriptRun({
      saveApiKey: () => {
        throw new Error('Lever did not accept this API key.');
      },
    });
    const server = createServer(scriptRunTransport(fake.run));
    await expect(server.saveApiKey('k', 'production')).rejects.toThrow('Lever did not accept this API key.');
  });

  it('refuses a function the server does not have instead of hanging', async () => {
    const transport = scriptRunTransport(fakeScriptRun({}).run);
    await expect(transport('getSidebarState', [])).rejects.toThrow('no server function getSidebarState');
  });

  it('refuses Dates and undefined array items before anything is sent', async () => {
    const sent: unknown[] = [];
    const server = createServer(async (_fn, args) => sent.push(args));
    const input = { name: 'x', filters: { createdAfter: new Date() } } as never;
    await expect(server.previewImport(input)).rejects.toThrow(/Date/);
    expect(() => assertJsonSafe([1, undefined])).toThrow(/undefined/);
    expect(() => assertJsonSafe({ a: [1, 'b', { c: null, d: undefined }] })).not.toThrow();
    expect(sent).toEqual([]);
  });

  it('picks google.script.run first, then a bridge, else nothing', async () => {
    const bridge = jest.fn(async () => 'from bridge');
    expect(detectTransport({})).toBeNull();
    await expect(detectTransport({ __leverBridge: bridge })?.('checkApiKey', [])).resolves.toBe('from bridge');
    const fake = fakeScriptRun({ checkApiKey: () => 'from apps script' });
    await expect(
      detectTransport({ google: { script: { run: fake.run } }, __leverBridge: bridge })?.('checkApiKey', []),
    ).resolves.toBe('from apps script');
  });

  it("shows the server's sentence without Apps Script's prefix", () => {
    expect(errorMessage(new Error('Exception: The key was revoked.'))).toBe('The key was revoked.');
    expect(errorMessage({ message: 'Error: Busy.' })).toBe('Busy.');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(new Error(''))).toBe('Something went wrong. Try again.');
  });
});
