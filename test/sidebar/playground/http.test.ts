// The playground server: serves the shimmed sidebar, bridges only sidebar functions, binds and answers loopback only.
import { request } from 'node:http';
import { join } from 'node:path';
import { type PlaygroundServer, startPlaygroundServer } from '../../../tools/playground/http';
import { injectShim } from '../../../tools/playground/shim';
import { fakeBackend } from '../support/fake-backend';
import { FAKE_GOOD_KEY } from '../support/fake-server';

const SIDEBAR = join(__dirname, '../../../dist/Sidebar.html');

function raw(url: string, options: { method?: string; body?: string; host?: string } = {}) {
  return new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.host ? { Host: options.host } : {} },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('playground server', () => {
  let server: PlaygroundServer;
  const backend = fakeBackend();

  beforeAll(async () => {
    server = await startPlaygroundServer(backend, { port: 0, sidebarHtmlPath: SIDEBAR });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the built sidebar with the google.script.run shim first in <head>, for the chosen user', async () => {
    const page = await raw(`${server.url}/sidebar?user=ben@example.com`);
    expect(page.type).toMatch(/text\/html/);
    expect(page.body.indexOf('window.google')).toBeLessThan(page.body.indexOf('<base'));
    expect(page.body).toContain('"ben@example.com"');
    expect(page.body).toContain('id="app"');
    expect((await raw(`${server.url}/sidebar?user=eve@example.com`)).status).toBe(400);
  });

  it('bridges a sidebar call and returns the outcome as JSON', async () => {
    const body = JSON.stringify({ fn: 'saveApiKey', args: [FAKE_GOOD_KEY, 'production'], user: 'ana@example.com' });
    const saved = JSON.parse((await raw(`${server.url}/api/call`, { method: 'POST', body })).body);
    expect(saved).toMatchObject({ ok: true, value: { saved: true, last4: FAKE_GOOD_KEY.slice(-4) } });
    const bad = JSON.stringify({ fn: 'saveApiKey', args: ['nope', 'production'], user: 'ben@example.com' });
    expect(JSON.parse((await raw(`${server.url}/api/call`, { method: 'POST', body: bad })).body)).toEqual({
      ok: false,
      error: { message: expect.stringMatching(/did not accept/) },
    });
  });

  it('refuses functions that are not sidebar calls, and malformed bodies', async () => {
    const call = (body: string) => raw(`${server.url}/api/call`, { method: 'POST', body });
    expect((await call(JSON.stringify({ fn: 'onScheduledRun', args: [] }))).status).toBe(400);
    expect((await call(JSON.stringify({ fn: 'getSidebarState', args: 'x' }))).status).toBe(400);
    expect((await call('not json')).status).toBe(400);
    expect((await raw(`${server.url}/api/advance`, { method: 'POST', body: '{"ms":-5}' })).status).toBe(400);
  });

  it('changes requisitions for change tracking, within limits', async () => {
    const post = (body: string) => raw(`${server.url}/api/changes`, { method: 'POST', body });
    const ok = await post('{"count":2}');
    expect(JSON.parse(ok.body)).toEqual({ message: 'Closed the first 2 fake requisitions.' });
    expect(backend.fake.lever.cell('status', 1)).toBe('closed');
    expect(backend.fake.lever.cell('status', 2)).toBe('status 3');
    expect((await post('{"count":0}')).status).toBe(400);
    expect((await post('{"count":21}')).status).toBe(400);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await raw(`${server.url}/api/info`, { host: 'attacker.example' })).status).toBe(403);
    expect((await raw(`${server.url}/api/info`)).status).toBe(200);
  });

  it('returns the grid and the clock', async () => {
    backend.fake.sheets.set('Pipeline', [['ID'], ['a'], ['b']]);
    const grid = JSON.parse((await raw(`${server.url}/api/grid?sheet=Pipeline`)).body);
    expect(grid).toMatchObject({ sheet: 'Pipeline', rows: [['ID'], ['a'], ['b']], totalRows: 3 });
    expect(grid.sheets).toContain('Pipeline');
    expect(grid.clock.timeZone).toBe('America/New_York');
  });
});

describe('injectShim', () => {
  it('escapes a user name that would close the script element', () => {
    const html = injectShim('<html><head></head><body></body></html>', '</script><script>alert(1)</script>');
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('\\u003c/script>');
  });

  it('fails loudly on a sidebar without <head>', () => {
    expect(() => injectShim('<body></body>', 'a@b')).toThrow(/no <head>/);
  });
});
