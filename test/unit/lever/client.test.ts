// LeverClient: auth header, retries with backoff, Retry-After, the deadline, error mapping and redaction.
import { LeverClient, type LeverClientOptions, type PageRequest } from '../../../src/lever/client';
import { TokenBucket } from '../../../src/lever/rate-limiter';
import { FakeClock, FakeHttp, json, KEY, nodeBase64, scripted, testCredential } from './fakes';

const FAR = Number.POSITIVE_INFINITY;
const opportunities: PageRequest = { path: '/opportunities', params: { limit: 100 } };
const ok = json(200, { data: [{ id: 'a', createdAt: 1 }], hasNext: false });

function setup(handler: FakeHttp['handler'], extra: Partial<LeverClientOptions> = {}) {
  const clock = new FakeClock(0);
  const http = new FakeHttp(handler, clock, 250);
  const lines: string[] = [];
  const client = new LeverClient({
    http,
    clock,
    credential: testCredential(),
    limiter: new TokenBucket(clock, { perSecond: 10, burst: 20 }, 20),
    random: () => 0.5,
    log: (line) => lines.push(line),
    ...extra,
  });
  return { clock, http, client, lines };
}

describe('LeverClient requests', () => {
  it('sends Basic auth with the key as user name and the query on the environment root', () => {
    const { http, client } = setup(scripted(ok));
    const outcome = client.getPage({ path: '/users', params: { includeDeactivated: true, limit: 100 } }, FAR);
    expect(outcome.kind).toBe('page');
    expect(http.requests[0].url).toBe('https://api.lever.co/v1/users?includeDeactivated=true&limit=100');
    expect(http.requests[0].headers.Authorization).toBe(`Basic ${nodeBase64(`${KEY}:`)}`);
  });

  it('sends a batch in one fetchAll and returns outcomes in request order', () => {
    const { http, client } = setup((request) =>
      json(200, { data: [{ id: new URL(request.url).pathname, createdAt: 1 }], hasNext: false }),
    );
    const paths = ['/stages', '/users', '/postings'];
    const outcomes = client.getPages(
      paths.map((path) => ({ path, params: {} })),
      FAR,
    );
    expect(http.batches).toEqual([3]);
    expect(outcomes.map((o) => (o.kind === 'page' ? (o.page.data[0] as { id: string }).id : o.kind))).toEqual(
      paths.map((path) => `/v1${path}`),
    );
    expect(client.requestsSent).toBe(3);
  });
});

describe('LeverClient retries', () => {
  it('retries 503, 502 (HTML) and network failures with growing waits, then succeeds', () => {
    const html = { status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html>502</html>' };
    const network = { status: 0, headers: {}, body: '', networkError: 'Address unavailable' };
    const { clock, client, lines } = setup(scripted(json(503, {}), html, network, ok));
    const outcome = client.getPage(opportunities, FAR);
    expect(outcome.kind).toBe('page');
    // Equal jitter at random 0.5: three quarters of 500, 1000, 2000.
    expect(clock.sleeps).toEqual([375, 750, 1500]);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('/opportunities (HTTP 503)');
  });

  it('honours Retry-After on 429', () => {
    const { clock, client } = setup(scripted(json(429, {}, { 'Retry-After': '3' }), ok));
    expect(client.getPage(opportunities, FAR).kind).toBe('page');
    expect(clock.sleeps).toEqual([3000]);
  });

  it('gives up on a persistent 500 after the attempt ceiling with LEVER_UNAVAILABLE', () => {
    const { http, client } = setup(scripted(json(500, { message: 'boom' })), { retry: { maxAttempts: 4 } });
    const outcome = client.getPage(opportunities, FAR);
    expect(http.requests).toHaveLength(4);
    expect(outcome.kind === 'failed' && outcome.error.code).toBe('LEVER_UNAVAILABLE');
  });

  it('gives up on a persistent 429 with LEVER_RATE_LIMITED', () => {
    const { client } = setup(scripted(json(429, {})));
    const outcome = client.getPage(opportunities, FAR);
    expect(outcome.kind === 'failed' && outcome.error.code).toBe('LEVER_RATE_LIMITED');
  });

  it('counts rate limits and outages apart, so a burst of each in a row is survived', () => {
    const failures = [...Array(6).fill(json(429, {})), ...Array(4).fill(json(503, {}))];
    const { clock, http, client } = setup(scripted(...failures, ok));
    expect(client.getPage(opportunities, FAR).kind).toBe('page');
    expect(http.requests).toHaveLength(11);
    // The backoff starts over when the 429s turn into 503s.
    expect(clock.sleeps[6]).toBe(clock.sleeps[0]);
  });

  it('empties its own bucket after a 429, since Lever says the key has none left', () => {
    const clock = new FakeClock(0);
    const limiter = new TokenBucket(clock, { perSecond: 10, burst: 20 }, 20);
    const http = new FakeHttp(scripted(json(429, {}), ok), clock);
    const client = new LeverClient({ http, clock, credential: testCredential(), limiter, random: () => 0 });
    expect(client.getPage(opportunities, FAR).kind).toBe('page');
    // 250 ms of backoff refilled 2.5 tokens; one went to the retry.
    expect(limiter.waitFor(20)).toBe(1850);
  });

  it('stops when the total wait would pass its ceiling', () => {
    const { clock, http, client } = setup(scripted(json(429, {}, { 'Retry-After': '40' })), {
      retry: { maxTotalWaitMs: 60_000 },
    });
    const outcome = client.getPage(opportunities, FAR);
    expect(http.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([40_000]);
    expect(outcome.kind === 'failed' && outcome.error.code).toBe('LEVER_RATE_LIMITED');
  });

  it('does not retry 401, 403 or 400', () => {
    for (const status of [401, 403, 400]) {
      const { http, client } = setup(scripted(json(status, { message: 'no' })));
      expect(client.getPage(opportunities, FAR).kind).toBe('failed');
      expect(http.requests).toHaveLength(1);
    }
  });

  it('retries only the failed requests of a batch', () => {
    let calls = 0;
    const { http, client } = setup((request) => {
      calls += 1;
      return request.url.includes('/users') && calls < 4 ? json(503, {}) : ok;
    });
    const outcomes = client.getPages(
      ['/stages', '/users', '/postings'].map((path) => ({ path, params: {} })),
      FAR,
    );
    expect(outcomes.every((outcome) => outcome.kind === 'page')).toBe(true);
    expect(http.batches).toEqual([3, 1]);
  });
});

describe('LeverClient and the deadline', () => {
  it('defers instead of sleeping past the deadline', () => {
    const { clock, client } = setup(scripted(json(503, {}), ok));
    const outcome = client.getPage(opportunities, 300);
    expect(outcome.kind).toBe('deferred');
    expect(clock.sleeps).toEqual([]);
    expect(clock.time).toBeLessThanOrEqual(300);
  });

  it('starts no request at or past the deadline, even when the limiter has tokens to spare', () => {
    const { http, client, clock } = setup(scripted(ok, ok));
    expect(client.getPage(opportunities, 1_000).kind).toBe('page');
    clock.time = 1_000;
    expect(client.getPage(opportunities, 1_000).kind).toBe('deferred');
    expect(http.requests).toHaveLength(1);
  });

  it('defers without sending when the limiter would wait past the deadline', () => {
    const clock = new FakeClock(0);
    const http = new FakeHttp(scripted(ok), clock);
    const client = new LeverClient({
      http,
      clock,
      credential: testCredential(),
      limiter: new TokenBucket(clock, { perSecond: 10, burst: 20 }, 0),
    });
    expect(client.getPage(opportunities, 50).kind).toBe('deferred');
    expect(http.requests).toHaveLength(0);
  });
});

describe('LeverClient answers it cannot use', () => {
  it('treats hasNext without next as an error, never as the last page', () => {
    const { client } = setup(scripted(json(200, { data: [], hasNext: true })));
    const outcome = client.getPage(opportunities, FAR);
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.error.code).toBe('LEVER_UNAVAILABLE');
    expect(outcome.kind === 'failed' && outcome.error.message).toMatch(/more records exist/);
  });

  it('never lets the key reach an error message, a Lever message or a log line', () => {
    const header = `Basic ${nodeBase64(`${KEY}:`)}`;
    const echo = json(400, { message: `bad key ${KEY} in ${header} for tag` });
    const { client, lines } = setup(scripted(json(503, { message: KEY }), echo));
    const outcome = client.getPage({ path: '/opportunities', params: { tag: ['x'] } }, FAR);
    expect(outcome.kind).toBe('failed');
    const texts = JSON.stringify({ outcome, lines, message: outcome.kind === 'failed' ? outcome.error.message : '' });
    expect(texts).not.toContain(KEY);
    expect(texts).not.toContain(header.slice(6));
    expect(texts).toContain('[redacted]');
  });
});

describe("LeverClient: the user's last request", () => {
  const lastUse = (at: number | null, latencyMs?: number) => {
    const writes: Array<[number, number]> = [];
    return {
      writes,
      read: () => (at === null ? null : { at, ...(latencyMs ? { latencyMs } : {}) }),
      write: (when: number, latency: number) => void writes.push([when, latency]),
    };
  };
  const clientWith = (use: ReturnType<typeof lastUse>) => {
    const clock = new FakeClock(100_000);
    const http = new FakeHttp(() => ok, clock, 300);
    return { clock, client: new LeverClient({ http, clock, credential: testCredential(), lastUse: use }) };
  };

  it('starts near the burst only when the last request was long enough ago for Lever to refill', () => {
    const idle = clientWith(lastUse(100_000 - 2_000, 700));
    idle.client.getPages(
      Array.from({ length: 18 }, () => opportunities),
      FAR,
    );
    expect(idle.clock.sleeps).toEqual([]);
    expect(idle.client.knownLatencyMs).toBe(700);
    for (const at of [100_000 - 500, null]) {
      const busy = clientWith(lastUse(at));
      busy.client.getPages(
        Array.from({ length: 18 }, () => opportunities),
        FAR,
      );
      expect(busy.clock.sleeps).toEqual([800]);
    }
  });

  it('records when its requests were sent, and their latency, for the next execution', () => {
    const use = lastUse(null);
    const { client, clock } = clientWith(use);
    const sentAt = clock.now();
    client.getPages([opportunities, opportunities], FAR);
    // A second ahead, so that it never says a request was sent earlier than it was; once until then.
    expect(use.writes).toEqual([[sentAt + 300 + 1000, 300]]);
    client.getPages([opportunities], FAR);
    expect(use.writes).toHaveLength(1);
    clock.sleep(1000);
    client.getPages([opportunities], FAR);
    expect(use.writes).toHaveLength(2);
    expect(use.writes[1][0]).toBeGreaterThanOrEqual(clock.now());
  });
});
