// The fake ServerApi behind the playground's HTTP server, with google.script.run's JSON round-trip.
import type { CallOutcome, GridSnapshot, PlaygroundBackend } from '../../../tools/playground/backend';
import { FAKE_GOOD_KEY, FAKE_NO_CONFIDENTIAL_KEY, FAKE_OPPS_ONLY_KEY, FakeServer } from './fake-server';

export const FAKE_USERS = ['ana@example.com', 'ben@example.com'];

export function fakeBackend(fake = new FakeServer()): PlaygroundBackend & { fake: FakeServer } {
  return {
    fake,
    users: FAKE_USERS,
    demoKeys: [
      { key: FAKE_GOOD_KEY, note: 'reads everything' },
      { key: FAKE_OPPS_ONLY_KEY, note: 'opportunities only' },
      { key: FAKE_NO_CONFIDENTIAL_KEY, note: 'everything but confidential records' },
    ],
    async call(fn, args, user): Promise<CallOutcome> {
      // An execution takes time; answering later (not blocking) keeps the test's own browser driver responsive.
      if (fn === 'continueImport' && fake.options.stepDelayMs) {
        await new Promise((resolve) => setTimeout(resolve, fake.options.stepDelayMs));
      }
      try {
        const api = fake.api(user) as unknown as Record<string, (...a: unknown[]) => unknown>;
        const value = api[fn](...JSON.parse(JSON.stringify(args)));
        return { ok: true, value: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) };
      } catch (error) {
        return { ok: false, error: { message: (error as Error).message } };
      }
    },
    grid(sheet, maxRows): GridSnapshot {
      const sheets = [...fake.sheets.keys()];
      const name = sheet && fake.sheets.has(sheet) ? sheet : (sheets[0] ?? null);
      const rows = name ? (fake.sheets.get(name) ?? []) : [];
      return { sheets, sheet: name, rows: rows.slice(0, maxRows), totalRows: rows.length };
    },
    clock: () => ({ now: Date.UTC(2026, 0, 5, 14), timeZone: 'America/New_York' }),
    advance: (ms) => ({ now: Date.UTC(2026, 0, 5, 14) + ms, fired: [] }),
    addRecords: (kind, count) => `The fake backend does not add ${count} ${kind}.`,
    changeRequisitions: (count) => {
      for (let i = 0; i < count; i++) fake.lever.edit('status', i, 'closed');
      return `Closed the first ${count} fake requisitions.`;
    },
  };
}

/** One backend object whose fake can be swapped between tests, so one server and one page serve a whole file. */
export function swappableBackend(): { backend: PlaygroundBackend; use(next: PlaygroundBackend): void } {
  let current: PlaygroundBackend = fakeBackend();
  const backend: PlaygroundBackend = {
    users: FAKE_USERS,
    get demoKeys() {
      return current.demoKeys;
    },
    call: (fn, args, user) => current.call(fn, args, user),
    grid: (sheet, maxRows) => current.grid(sheet, maxRows),
    clock: () => current.clock(),
    advance: (ms) => current.advance(ms),
    addRecords: (kind, count) => current.addRecords(kind, count),
    changeRequisitions: (count) => current.changeRequisitions(count),
  };
  return {
    backend,
    use(next) {
      current = next;
    },
  };
}
