// The run driver: runImport, continueImport while 'continuing', progress polls that never overwrite a later answer.

import { RunDriver, type RunUpdate } from '../../sidebar/runner';
import type { RunRecord } from '../../src/shared/types';

function record(overrides: Partial<RunRecord>): RunRecord {
  return {
    runId: 'run-1',
    importId: 'imp',
    trigger: 'sidebar',
    startedAt: '2026-01-05T14:00:00.000Z',
    status: 'continuing',
    rowsFetched: 0,
    pages: 0,
    requests: 0,
    executions: 1,
    durationMs: 0,
    ...overrides,
  };
}

/** A server whose calls answer from scripted queues; getRunProgress answers `progress` each time. */
function scriptedServer(script: { run: RunRecord | Error; continues: RunRecord[]; progress?: RunRecord | null }) {
  const calls: string[] = [];
  return {
    calls,
    server: {
      runImport: async () => {
        calls.push('runImport');
        if (script.run instanceof Error) throw script.run;
        return script.run;
      },
      continueImport: async () => {
        calls.push('continueImport');
        const next = script.continues.shift();
        if (!next) throw new Error('Exception: no more steps');
        return next;
      },
      getRunProgress: async () => {
        calls.push('getRunProgress');
        return script.progress ?? null;
      },
    },
  };
}

const instant = { sleep: () => Promise.resolve(), pollMs: 1 };

describe('RunDriver', () => {
  it('continues while the run says continuing and ends with the final record', async () => {
    const { server, calls } = scriptedServer({
      run: record({ rowsFetched: 100 }),
      continues: [record({ rowsFetched: 200 }), record({ status: 'succeeded', rowsFetched: 250, rowsWritten: 250 })],
    });
    const driver = new RunDriver(server, 'imp', { ...instant, sleep: () => new Promise((r) => setTimeout(r, 5)) });
    const seen: RunUpdate[] = [];
    driver.subscribe((update) => seen.push(update));
    const end = await driver.run();
    expect(end.done).toBe(true);
    expect(end.error).toBeUndefined();
    expect(end.record?.rowsWritten).toBe(250);
    expect(calls.filter((c) => c !== 'getRunProgress')).toEqual(['runImport', 'continueImport', 'continueImport']);
    expect(seen.map((u) => u.record?.rowsFetched ?? null)).toEqual(expect.arrayContaining([null, 100, 200, 250]));
  });

  it("ends with the server's sentence when a call fails", async () => {
    const { server } = scriptedServer({
      run: new Error('Exception: An import is already running in this spreadsheet'),
      continues: [],
    });
    const end = await new RunDriver(server, 'imp', instant).run();
    expect(end).toMatchObject({ done: true, error: 'An import is already running in this spreadsheet' });
  });

  it('reports a failed run record as done without an error of its own', async () => {
    const { server } = scriptedServer({
      run: record({ status: 'failed', message: 'Lever is unreachable.' }),
      continues: [],
    });
    const end = await new RunDriver(server, 'imp', instant).run();
    expect(end.done).toBe(true);
    expect(end.record?.message).toBe('Lever is unreachable.');
  });

  it('watches a run another execution owns until it ends', async () => {
    const progress = [record({ status: 'running', rowsFetched: 10 }), record({ status: 'succeeded', rowsFetched: 20 })];
    const calls: string[] = [];
    const server = {
      runImport: async () => record({ status: 'running', rowsFetched: 5 }),
      continueImport: async () => {
        calls.push('continueImport');
        return record({});
      },
      getRunProgress: async () => progress.shift() ?? record({ status: 'succeeded', rowsFetched: 20 }),
    };
    const end = await new RunDriver(server, 'imp', instant).run();
    expect(end.record?.status).toBe('succeeded');
    expect(calls).toEqual([]);
  });

  it('gives up watching a foreign run after the wait limit', async () => {
    let now = 0;
    const server = {
      runImport: async () => record({ status: 'running' }),
      continueImport: async () => record({}),
      getRunProgress: async () => {
        now += 60_000;
        return record({ status: 'running' });
      },
    };
    const end = await new RunDriver(server, 'imp', { ...instant, now: () => now, waitForOtherMs: 300_000 }).run();
    expect(end.error).toMatch(/still running in another execution/);
  });

  it('ignores a progress poll that answers after the run ended or from another run', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = {
      runImport: async () => record({ rowsFetched: 100 }),
      continueImport: async () => {
        await gate;
        return record({ status: 'succeeded', rowsFetched: 300, rowsWritten: 300 });
      },
      getRunProgress: async () => record({ runId: 'run-0', status: 'continuing', rowsFetched: 999 }),
    };
    const driver = new RunDriver(server, 'imp', { sleep: () => new Promise((r) => setTimeout(r, 1)), pollMs: 1 });
    const running = driver.run();
    await new Promise((r) => setTimeout(r, 20));
    expect(driver.latest.record?.rowsFetched).toBe(100);
    release();
    const end = await running;
    await new Promise((r) => setTimeout(r, 10));
    expect(end.record?.rowsFetched).toBe(300);
    expect(driver.latest.record?.rowsFetched).toBe(300);
  });

  it('shows polled progress of the same run while a call is still working', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = {
      runImport: async () => record({ rowsFetched: 100 }),
      continueImport: async () => {
        await gate;
        return record({ status: 'succeeded', rowsFetched: 300 });
      },
      getRunProgress: async () => record({ rowsFetched: 180, pages: 2 }),
    };
    const driver = new RunDriver(server, 'imp', { sleep: () => new Promise((r) => setTimeout(r, 1)), pollMs: 1 });
    const running = driver.run();
    await new Promise((r) => setTimeout(r, 20));
    expect(driver.latest.record?.rowsFetched).toBe(180);
    release();
    await running;
  });
});

describe('RunDriver in full', () => {
  it('asks the server for a full run only when told to', async () => {
    const seen: unknown[][] = [];
    const done = { status: 'succeeded', rowsFetched: 1 } as RunRecord;
    const server = {
      runImport: async (...args: unknown[]) => {
        seen.push(args);
        return done;
      },
      continueImport: async () => done,
      getRunProgress: async () => done,
    };
    await new RunDriver(server as never, 'imp', { sleep: async () => undefined }).run();
    await new RunDriver(server as never, 'imp', { sleep: async () => undefined }, true).run();
    expect(seen).toEqual([['imp'], ['imp', { full: true }]]);
  });
});
