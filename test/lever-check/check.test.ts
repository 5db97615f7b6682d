// `npm run check:lever`: the core names each reading the simulator plays, within 50 requests at 10/s, never
// showing the key; and the real CLI end to end against the loopback simulator.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkLever, formatReport, type LeverCheckReport, UPDATED_PROBE_WINDOW_MS } from '../../tools/lever-check/core';
import {
  generateDataset,
  LeverSimulator,
  mutateDataset,
  type Opportunity,
  startSimServer,
} from '../../tools/lever-sim';
import { ALL_READINGS, type LeverReadings } from '../../tools/lever-sim/readings';
import { FULL, KEYS, NO_CONFIDENTIAL, NOW } from '../lever-sim/support';
import { checkOnSimulator } from './support';

const ROOT = join(__dirname, '..', '..');

function makeSim(readings: Partial<LeverReadings> = {}, opportunities = 250, realTime = false) {
  const dataset = generateDataset({ seed: 11, opportunities, requisitions: 150, now: NOW });
  const clock = { now: NOW };
  const started = Date.now();
  const sim = new LeverSimulator({
    dataset,
    keys: KEYS,
    now: realTime ? () => NOW + Date.now() - started : () => clock.now,
    rateLimit: { perSecond: 10, burst: 20 },
    readings,
  });
  return { sim, clock, dataset };
}

async function run(
  readings: Partial<LeverReadings> = {},
  key = FULL,
  opportunities = 250,
  maxRequests?: number,
): Promise<{ report: LeverCheckReport; sim: LeverSimulator }> {
  const { sim, clock } = makeSim(readings, opportunities);
  const report = await checkOnSimulator(sim, clock, { apiKey: key, maxRequests });
  return { report, sim };
}

function expectWithinLimits(report: LeverCheckReport, sim: LeverSimulator, key: string) {
  expect(report.aborted).toBeUndefined();
  expect(report.requests).toBe(sim.requests.length);
  expect(report.requests).toBeLessThanOrEqual(50);
  expect(sim.requests.filter((entry) => entry.status === 429)).toEqual([]);
  const starts = sim.requests.map((entry) => entry.at);
  for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(100);
  const text = formatReport(report) + JSON.stringify(report);
  expect(text).not.toContain(key);
  expect(text).not.toContain(Buffer.from(`${key}:`).toString('base64'));
}

const each = <T>(name: keyof LeverReadings, values: readonly T[], body: (value: T) => Promise<void>) =>
  test.each(values.map((value) => [value]))(`${name}=%s`, body);

describe('checkLever: list order', () => {
  each('listOrder', ALL_READINGS.listOrder, async (listOrder) => {
    const { report, sim } = await run({ listOrder });
    expectWithinLimits(report, sim, FULL);
    const [opportunities, requisitions, updatedWindow] = report.listOrder.findings;
    expect(opportunities).toMatchObject({ query: '/opportunities', reading: listOrder });
    expect(requisitions).toMatchObject({ query: '/requisitions', reading: listOrder });
    expect(updatedWindow.query).toMatch(/^\/opportunities\?updated_at_start=\d+$/);
    expect(updatedWindow.reading).toBe(listOrder);
  });

  each('listOrder', ['newest-first', 'newest-runs'] as const, async (listOrder) => {
    // A list longer than the pages read: the created_at window still finds a later run.
    const { report, sim } = await run({ listOrder }, FULL, 1500);
    expectWithinLimits(report, sim, FULL);
    expect(report.listOrder.findings[0]).toMatchObject({ reading: listOrder, complete: false });
  });

  test('too few records: cannot tell', async () => {
    const { report } = await run({}, FULL, 5);
    expect(report.listOrder.findings[0].reading).toBe('cannot-tell');
    expect(formatReport(report)).toContain('cannot tell');
  });
});

describe('checkLever: repeated status', () => {
  each('statusReading', ALL_READINGS.statusReading, async (statusReading) => {
    const { report, sim } = await run({ statusReading });
    expectWithinLimits(report, sim, FULL);
    expect(report.status.reading).toBe(statusReading);
    const pair = sim.requests.find((entry) => Array.isArray(entry.query.status));
    expect(pair).toBeDefined();
  });
});

describe('checkLever: confidential denial', () => {
  each('confidentialDenial', ALL_READINGS.confidentialDenial, async (confidentialDenial) => {
    const { report, sim } = await run({ confidentialDenial }, NO_CONFIDENTIAL);
    expectWithinLimits(report, sim, NO_CONFIDENTIAL);
    expect(report.confidential.reading).toBe(confidentialDenial === 'forbidden' ? 'forbidden' : 'cannot-tell');
    if (confidentialDenial === 'silent') expect(report.confidential.detail).toMatch(/key known to lack/);
  });

  test('a key with confidential access that gets a confidential record: can read', async () => {
    const { report } = await run({}, FULL);
    expect(report.confidential.reading).toBe('can-read');
    expect(formatReport(report)).toContain('this key can read confidential records');
  });
});

describe('checkLever: invalid offset token', () => {
  each('invalidTokenStatus', ALL_READINGS.invalidTokenStatus, async (invalidTokenStatus) => {
    const { report, sim } = await run({ invalidTokenStatus });
    expectWithinLimits(report, sim, FULL);
    expect(report.invalidToken).toMatchObject({ status: invalidTokenStatus, mentionsInvalidOffsetToken: true });
  });
});

describe('checkLever: token encoding and limits', () => {
  test('page 2 works with the token as received, encoded once', async () => {
    const { report, sim } = await run();
    expect(report.tokenEncoding.pageTwo).toBe('works');
    // The simulator accepts a token only exactly as it sent it (lever-misc), so the decoded variant is refused.
    expect(report.tokenEncoding.decodedVariant).toBe('refused');
    const follow = sim.requests.find((entry) => entry.query.offset !== undefined);
    expect(follow?.status).toBe(200);
  });

  test('a long list under each order (the most requests) stays within 50 and never shows the key', async () => {
    for (const order of ALL_READINGS.listOrder) {
      const { report, sim } = await run({ listOrder: order, statusReading: 'union' }, NO_CONFIDENTIAL, 1500);
      expectWithinLimits(report, sim, NO_CONFIDENTIAL);
    }
  });

  test('a refused key stops at once with a clear message and no key in it', async () => {
    const { report, sim } = await run({}, 'not-a-real-key-123');
    expect(report.aborted).toMatch(/HTTP 401/);
    expect(sim.requests).toHaveLength(1);
    expect(formatReport(report)).not.toContain('not-a-real-key-123');
  });

  test('a network failure stops the checks, its message redacted', async () => {
    const report = await checkLever({
      baseUrl: 'https://api.lever.co/v1',
      apiKey: FULL,
      transport: () => {
        throw new Error(`connect ECONNREFUSED (key ${FULL})`);
      },
      sleep: async () => {},
    });
    expect(report.aborted).toMatch(/^Network failure: connect ECONNREFUSED/);
    expect(formatReport(report) + JSON.stringify(report)).not.toContain(FULL);
  });

  test('stops at the request budget', async () => {
    const { report, sim } = await run({}, FULL, 250, 4);
    expect(report.aborted).toMatch(/request budget/);
    expect(sim.requests).toHaveLength(4);
  });
});

describe('npm run check:lever (the CLI)', () => {
  test('runs end to end against the loopback simulator', async () => {
    const { sim } = makeSim({}, 250, true);
    const server = await startSimServer(sim);
    try {
      const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
      const cli = join(ROOT, 'tools', 'lever-check', 'cli.ts');
      const env = { ...process.env, LEVER_API_KEY: FULL };
      const text = await promisify(execFile)(tsx, [cli, '--base-url', server.url], { env, cwd: ROOT });
      expect(text.stdout).toMatch(/1\. List order/);
      expect(text.stdout).toMatch(/Requests used: \d+/);
      expect(text.stdout + text.stderr).not.toContain(FULL);
      const json = await promisify(execFile)(tsx, [cli, '--base-url', server.url, '--json'], { env, cwd: ROOT });
      const report = JSON.parse(json.stdout) as LeverCheckReport;
      expect(report.aborted).toBeUndefined();
      expect(report.confidential.reading).toBe('can-read');
      expect(report.requests).toBeLessThanOrEqual(50);
      expect(json.stdout + json.stderr).not.toContain(FULL);
    } finally {
      await server.close();
    }
  });
});

describe('checkLever: what updated_at_start selects', () => {
  each('updatedFilter', ALL_READINGS.updatedFilter, async (updatedFilter) => {
    const { sim, clock, dataset } = makeSim({ updatedFilter });
    // Changes in the last day: archives (a documented field) and posting locations (outside Lever's list).
    const counts = { created: 0, edited: 0, snoozed: 0, unsnoozed: 0, unarchived: 0, deleted: 0 };
    const since = Math.max(...dataset.opportunities.map((o) => o.updatedAt ?? o.createdAt));
    const changed = mutateDataset(dataset, {
      seed: 9,
      since,
      now: since + 3_600_000,
      counts: { ...counts, archived: 3, confidentialityFlipped: 0, relocated: 4 },
    });
    clock.now = since + 2 * 3_600_000;
    const report = await checkOnSimulator(sim, clock);
    expectWithinLimits(report, sim, FULL);
    const probe = report.updatedFilter;
    expect(probe.reading).toBe(updatedFilter === 'any-change' ? 'any-change' : 'field-or-no-such-change');
    // The relocated records the default (non-confidential) list shows whose updatedAt is older than the window.
    const probeRequest = sim.requests.filter((entry) => entry.query.updated_at_start !== undefined).pop();
    const start = Number(probeRequest?.query.updated_at_start);
    expect(start).toBeLessThanOrEqual(clock.now - UPDATED_PROBE_WINDOW_MS);
    const older = dataset.opportunities.filter(
      (o) => changed.relocated.includes(o.id) && o.confidentiality !== 'confidential' && (o.updatedAt ?? 0) < start,
    );
    expect(older.length).toBeGreaterThan(0);
    expect(probe.older).toBe(updatedFilter === 'any-change' ? older.length : 0);
    expect(probe.archive).toBe('bumps');
    const asked = sim.requests.filter((entry) => entry.query.updated_at_start !== undefined);
    expect(asked.every((entry) => entry.status === 200)).toBe(true);
    expect(formatReport(report)).toContain('6. updated_at_start: ');
  });

  /** The check with its updated_at_start answers rewritten by `alter` (the other probes see the simulator as is). */
  async function probeWith(alter: (answer: { status: number; body: string }) => { status: number; body: string }) {
    const { sim, clock } = makeSim();
    const report = await checkOnSimulator(sim, clock, {
      transport: async (url, headers) => {
        const answer = await sim.handle({ url, method: 'GET', headers });
        return url.includes('updated_at_start=') ? alter(answer) : answer;
      },
    });
    return report.updatedFilter;
  }

  test('a failed list is not reported as no change', async () => {
    const probe = await probeWith(() => ({ status: 500, body: '{"code":"InternalError"}' }));
    expect(probe.reading).toBe('cannot-tell');
    expect(probe.detail).toContain('500');
    expect(probe.addOn).not.toContain('No record changed');
    expect(probe.addOn).toContain('could not be read');
  });

  test('records without a numeric updatedAt are skipped, not counted as older', async () => {
    const probe = await probeWith((answer) => {
      const body = JSON.parse(answer.body);
      for (const record of body.data) delete record.updatedAt;
      return { status: answer.status, body: JSON.stringify(body) };
    });
    expect(probe.returned).toBeGreaterThan(0);
    expect(probe.older).toBe(0);
    expect(probe.reading).toBe('cannot-tell');
  });

  test('archives that leave updatedAt behind are reported', async () => {
    const { sim, clock, dataset } = makeSim();
    const target = dataset.opportunities.find((o) => o.archived === null) as Opportunity;
    target.archived = { archivedAt: NOW - 1000, reason: dataset.archiveReasons[0].id };
    target.updatedAt = NOW - 30 * 86_400_000;
    clock.now = NOW;
    const report = await checkOnSimulator(sim, clock);
    expect(report.updatedFilter.archive).toBe('does-not-bump');
    expect(formatReport(report)).toContain('does NOT move updatedAt');
  });
});
