// The engine's test world: a definition, a fake workbook and clock, a fake Lever source, and runs to the end.
import { AppError } from '../../../src/errors';
import { saveImportInput } from '../../../src/import/definition-input';
import { runSlice } from '../../../src/import/engine';
import type { EngineDeps } from '../../../src/import/slice';
import type { LeverAccess, LeverRecord } from '../../../src/lever/source';
import { memoryStore } from '../../../src/ports/store';
import type { ImportDefinition, RunRecord } from '../../../src/shared/types';
import { FakeWorkbook } from '../sheet/fake-workbook';
import { FakeClock, FakeSource, type FakeSourceOptions, fakeAccess } from './fake-lever';
import { opportunity } from './fixtures';
import { offsetIn } from './zone-offsets';

export const START = Date.UTC(2026, 0, 5, 14);

/** Records in a scrambled order with shared createdAt values, so sorting and ties are exercised. */
export function records(count: number): LeverRecord[] {
  const list = Array.from({ length: count }, (_, i) =>
    opportunity(`opp-${String(i).padStart(5, '0')}`, START - Math.floor(i / 3) * 60_000, {
      name: i === 7 ? '=1+1' : `N${i}`,
    }),
  );
  return list.map((_, i) => list[(i * 7919) % count]);
}

export interface World {
  clock: FakeClock;
  workbook: FakeWorkbook;
  store: ReturnType<typeof memoryStore>;
  definition: ImportDefinition;
  lever: LeverAccess | (() => never);
}

export function world(options: { writeMode?: ImportDefinition['writeMode'] } = {}): World {
  const store = memoryStore();
  const definition = saveImportInput(
    store,
    {
      name: 'Pipeline',
      object: 'opportunities',
      environment: 'production',
      filters: { archived: 'include', snoozed: 'include', confidential: 'exclude' },
      columns: ['name', 'createdAt', 'stage'],
      sheetName: 'Opportunities',
      writeMode: options.writeMode ?? 'replace',
    },
    new Date(START),
  );
  return {
    clock: new FakeClock(START),
    workbook: new FakeWorkbook(),
    store,
    definition,
    lever: () => {
      throw new AppError('NO_KEY', { reason: 'connect' });
    },
  };
}

export function deps(w: World): EngineDeps {
  const startedAt = w.clock.now();
  let runs = 0;
  return {
    workbook: w.workbook,
    store: w.store,
    lever: () => (typeof w.lever === 'function' ? w.lever() : w.lever),
    now: w.clock.now,
    budget: { startedAt, deadline: startedAt + 270_000 },
    hardLimitAt: startedAt + 360_000,
    user: 'ana@example.com',
    offsetAt: offsetIn('America/New_York'),
    newRunId: () => `run-${startedAt}-${runs++}`,
  };
}

/** Executions until the run ends, each a fresh budget, like the sidebar calling continueImport. */
export function runToEnd(w: World, maxExecutions = 20): RunRecord[] {
  const records: RunRecord[] = [runSlice(deps(w), w.definition.id, 'sidebar')];
  while (records[records.length - 1].status === 'continuing' && records.length < maxExecutions) {
    w.clock.advance(1_000);
    records.push(runSlice(deps(w), w.definition.id, 'sidebar', { continueOnly: true }));
  }
  return records;
}

export function withSource(w: World, list: LeverRecord[], options: FakeSourceOptions = {}): FakeSource {
  const source = new FakeSource(list, w.clock, options);
  w.lever = fakeAccess(source);
  return source;
}

export function targetIds(w: World): unknown[] {
  return w.workbook.sheet('Opportunities').column(1, 2);
}

export function expectedIds(list: LeverRecord[]): string[] {
  return [...new Map(list.map((r) => [r.id, r])).values()]
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1))
    .map((r) => r.id);
}
