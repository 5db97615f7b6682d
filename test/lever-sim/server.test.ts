// The loopback HTTP server: answers on 127.0.0.1 like the in-process handler, and closes cleanly.

import { startSimServer } from '../../tools/lever-sim';
import { basic, FULL, makeFixture } from './support';

describe('startSimServer', () => {
  it('serves the simulator on 127.0.0.1 and closes', async () => {
    const { sim, dataset } = makeFixture({ opportunities: 12, requisitions: 3 });
    const server = await startSimServer(sim);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const ok = await fetch(`${server.url}/v1/stages?limit=2`, { headers: basic(FULL) });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await ok.json()).toMatchObject({ data: dataset.stages.slice(0, 2), hasNext: true });
      const denied = await fetch(`${server.url}/v1/stages`);
      expect(denied.status).toBe(401);
      expect(await denied.json()).toEqual({
        code: 'UnauthorizedError',
        message: 'The request requires authentication.',
      });
      expect(sim.requests.map((entry) => entry.path)).toEqual(['/v1/stages', '/v1/stages']);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/v1/stages`)).rejects.toThrow();
  });

  it('drops the connection for an injected network fault', async () => {
    const { sim } = makeFixture({ opportunities: 5, requisitions: 1 });
    const server = await startSimServer(sim);
    try {
      sim.injectFaults({ network: true, count: 1 });
      await expect(fetch(`${server.url}/v1/stages`, { headers: basic(FULL) })).rejects.toThrow();
      expect((await fetch(`${server.url}/v1/stages`, { headers: basic(FULL) })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
