// A hand-written in-memory ServerApi for sidebar tests that need exact control (progress steps, errors, owners).
import type { ServerApi } from '../../../src/shared/rpc';
import type {
  ColumnInfo,
  ImportDefinition,
  ImportDefinitionInput,
  ImportObject,
  KeyStatus,
  LeverEndpoint,
  RunRecord,
  ScheduleSpec,
  SidebarState,
} from '../../../src/shared/types';
import { LEVER_ENDPOINTS } from '../../../src/shared/types';

export const FAKE_GOOD_KEY = 'fake-good-key-9f3a';
export const FAKE_OPPS_ONLY_KEY = 'fake-opps-only-key-7c21';

const COLUMNS: Record<ImportObject, ColumnInfo[]> = {
  opportunities: [
    { key: 'id', label: 'Opportunity ID', type: 'text', inDefault: true },
    { key: 'name', label: 'Candidate', type: 'text', inDefault: true },
    { key: 'stage', label: 'Stage', type: 'text', inDefault: true },
    { key: 'createdAt', label: 'Created', type: 'date', inDefault: true },
    { key: 'owner', label: 'Owner', type: 'text', inDefault: false },
    { key: 'tags', label: 'Tags', type: 'text', inDefault: false },
  ],
  requisitions: [
    { key: 'id', label: 'Requisition ID', type: 'text', inDefault: true },
    { key: 'name', label: 'Title', type: 'text', inDefault: true },
    { key: 'status', label: 'Status', type: 'text', inDefault: true },
    { key: 'headcountTotal', label: 'Headcount', type: 'number', inDefault: false },
  ],
};

interface FakeOptions {
  /** continueImport calls before a run ends. */
  steps?: number;
  recordsPerStep?: number;
  /** Makes the last step fail with this sentence. */
  failWith?: string;
  /** How long each continueImport takes to answer through the bridge (see fake-backend.ts). */
  stepDelayMs?: number;
}

/** The fake's whole world: one spreadsheet, keys per user, sheets as plain arrays. */
export class FakeServer {
  readonly sheets = new Map<string, string[][]>([['Sheet1', []]]);
  private readonly keys = new Map<string, { key: string; status: KeyStatus }>();
  private readonly imports = new Map<string, ImportDefinition>();
  private readonly runs = new Map<string, RunRecord>();
  private counter = 0;

  constructor(readonly options: FakeOptions = {}) {}

  /** The ServerApi as `user` sees it. */
  api(user: string): ServerApi {
    return {
      getSidebarState: () => this.state(user),
      saveApiKey: (key, environment) => this.saveKey(user, key, environment),
      checkApiKey: () => this.requireKey(user).status,
      removeApiKey: () => {
        this.keys.delete(user);
        return { saved: false };
      },
      listColumns: (object) => COLUMNS[object],
      saveImport: (input) => this.save(input),
      duplicateImport: (id) =>
        this.save({ ...this.definition(id), id: undefined, name: `${this.definition(id).name} (copy)` }),
      deleteImport: (id) => {
        this.imports.delete(id);
      },
      previewImport: (input) => this.preview(user, input),
      runImport: (id) => this.startRun(user, id),
      continueImport: (id) => this.step(id),
      getRunProgress: (id) => this.runs.get(id) ?? null,
      setSchedule: (id, spec) => this.schedule(user, id, spec),
      takeOverSchedule: (id) => {
        const next: ImportDefinition = { ...this.definition(id), scheduleOwner: user };
        this.imports.set(id, next);
        return next;
      },
      setFailureEmails: (enabled) => enabled,
    };
  }

  private state(user: string): SidebarState {
    return {
      userEmail: user,
      spreadsheetTimeZone: 'America/New_York',
      key: this.keys.get(user)?.status ?? { saved: false },
      imports: [...this.imports.values()].map((definition) => ({
        definition,
        lastRun: this.runs.get(definition.id),
        ownedByMe: definition.scheduleOwner ? definition.scheduleOwner === user : undefined,
        nextRunAt: definition.schedule && definition.schedule.kind !== 'off' ? '2026-01-06T14:00:00.000Z' : undefined,
      })),
      sheetNames: [...this.sheets.keys()],
    };
  }

  private saveKey(user: string, key: string, environment: KeyStatus['environment']): KeyStatus {
    const readable: LeverEndpoint[] | null =
      key === FAKE_GOOD_KEY ? [...LEVER_ENDPOINTS] : key === FAKE_OPPS_ONLY_KEY ? ['opportunities', 'stages'] : null;
    if (!readable) throw new Error('Lever did not accept this API key. Check that you copied all of it.');
    const permissions = Object.fromEntries(LEVER_ENDPOINTS.map((e) => [e, readable.includes(e)])) as Record<
      LeverEndpoint,
      boolean
    >;
    const status: KeyStatus = {
      saved: true,
      environment,
      last4: key.slice(-4),
      checkedAt: '2026-01-05T14:00:00.000Z',
      permissions,
      confidentialAccess: key === FAKE_GOOD_KEY,
    };
    this.keys.set(user, { key, status });
    return status;
  }

  private requireKey(user: string) {
    const saved = this.keys.get(user);
    if (!saved) throw new Error('Connect a Lever API key first.');
    return saved;
  }

  private definition(id: string): ImportDefinition {
    const def = this.imports.get(id);
    if (!def) throw new Error('This import no longer exists.');
    return def;
  }

  private save(input: ImportDefinitionInput): ImportDefinition {
    const now = '2026-01-05T14:00:00.000Z';
    const id = input.id ?? `imp${++this.counter}`;
    const previous = this.imports.get(id);
    const def: ImportDefinition = { ...previous, ...input, id, createdAt: previous?.createdAt ?? now, updatedAt: now };
    this.imports.set(id, def);
    return def;
  }

  private preview(user: string, input: ImportDefinitionInput) {
    const { status } = this.requireKey(user);
    if (status.permissions && !status.permissions[input.object]) {
      throw new Error(
        `Your Lever key cannot read ${input.object}. Ask a Lever Super Admin for a key with Read access to ${input.object}.`,
      );
    }
    const headers = input.columns.map((key) => COLUMNS[input.object].find((c) => c.key === key)?.label ?? key);
    const rows = [1, 2, 3].map((n) => input.columns.map((key) => `${key} ${n}`));
    return { count: 42, exact: true, headers, rows };
  }

  private startRun(user: string, id: string): RunRecord {
    this.definition(id);
    const record: RunRecord = {
      runId: `run${++this.counter}`,
      importId: id,
      trigger: 'sidebar',
      startedAt: '2026-01-05T14:00:00.000Z',
      status: 'continuing',
      rowsFetched: this.options.recordsPerStep ?? 50,
      pages: 1,
      requests: 1,
      executions: 1,
      durationMs: 1000,
      user,
    };
    this.runs.set(id, record);
    return record;
  }

  private step(id: string): RunRecord {
    const run = this.runs.get(id);
    if (!run) throw new Error('No run to continue.');
    const perStep = this.options.recordsPerStep ?? 50;
    const next: RunRecord = {
      ...run,
      rowsFetched: run.rowsFetched + perStep,
      pages: run.pages + 1,
      executions: run.executions + 1,
    };
    if (next.executions > (this.options.steps ?? 2)) this.finish(next);
    this.runs.set(id, next);
    return next;
  }

  private finish(run: RunRecord): void {
    run.endedAt = '2026-01-05T14:05:00.000Z';
    if (this.options.failWith) {
      Object.assign(run, { status: 'failed', errorCode: 'LEVER_UNAVAILABLE', message: this.options.failWith });
      return;
    }
    const def = this.definition(run.importId);
    const header = def.columns;
    const rows = Array.from({ length: run.rowsFetched }, (_, i) => def.columns.map((key) => `${key} ${i + 1}`));
    this.sheets.set(def.sheetName, [header, ...rows]);
    Object.assign(run, { status: 'succeeded', rowsWritten: run.rowsFetched });
  }

  private schedule(user: string, id: string, spec: ScheduleSpec): ImportDefinition {
    const def = this.definition(id);
    if (def.scheduleOwner && def.scheduleOwner !== user)
      throw new Error(`Only ${def.scheduleOwner} can change this schedule.`);
    const next: ImportDefinition = { ...def, schedule: spec, scheduleOwner: spec.kind === 'off' ? undefined : user };
    this.imports.set(id, next);
    return next;
  }
}
