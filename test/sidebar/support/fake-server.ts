// A hand-written in-memory ServerApi for sidebar tests that need exact control (progress steps, errors, owners).
import { confidentialNotice } from '../../../src/confidential/guard';
import { IMPORT_DELETED_SENTENCE, type ServerApi, type ServerFunctionName } from '../../../src/shared/rpc';
import type {
  ImportDefinition,
  ImportDefinitionInput,
  ImportStatus,
  KeyStatus,
  RunRecord,
  ScheduleSpec,
  SidebarState,
} from '../../../src/shared/types';
import { COLUMNS, FakeLever, FakeTracker, fakeKeyStatus } from './fake-lever';

export { FAKE_CANNOT_TELL_KEY, FAKE_GOOD_KEY, FAKE_NO_CONFIDENTIAL_KEY, FAKE_OPPS_ONLY_KEY } from './fake-lever';

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
  private readonly successes = new Map<string, RunRecord>();
  private readonly tracker = new FakeTracker();
  /** Lever's records: tests edit them between refreshes. */
  readonly lever = new FakeLever();
  /** ImportStatus.warning per import id, as the server's schedule health would word it. */
  readonly warnings = new Map<string, string>();
  failureEmails = true;
  /** The next call of this function fails with this sentence (once). */
  failNext?: { fn: ServerFunctionName; message: string };
  private counter = 0;

  constructor(readonly options: FakeOptions = {}) {}

  /** The ServerApi as `user` sees it; `failNext` makes one call fail as the server would. */
  api(user: string): ServerApi {
    const api = this.unguardedApi(user);
    for (const fn of Object.keys(api) as ServerFunctionName[]) {
      const call = api[fn] as (...args: unknown[]) => unknown;
      (api as unknown as Record<string, unknown>)[fn] = (...args: unknown[]) => {
        if (this.failNext?.fn === fn) {
          const { message } = this.failNext;
          this.failNext = undefined;
          throw new Error(message);
        }
        return call(...args);
      };
    }
    return api;
  }

  private unguardedApi(user: string): ServerApi {
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
      takeOverSchedule: (id) => this.takeOver(user, id),
      setFailureEmails: (enabled) => {
        if (typeof enabled !== 'boolean') throw new Error('Choose whether failure emails are on or off.');
        this.failureEmails = enabled;
        return enabled;
      },
    };
  }

  /** The user's key as one saved before the add-on told Lever accounts apart: its account is unknown. */
  forgetKeyEnvironment(user: string): void {
    const saved = this.requireKey(user);
    saved.status = { ...saved.status, environment: undefined };
  }

  private state(user: string): SidebarState {
    const key = this.keys.get(user)?.status ?? { saved: false };
    return {
      userEmail: user,
      spreadsheetTimeZone: 'America/New_York',
      // Like the server: the stored status, without the remarks of the check that saved it.
      key: { ...key, message: undefined },
      imports: [...this.imports.values()].map((definition) => this.importStatus(definition, key, user)),
      sheetNames: [...this.sheets.keys()],
      failureEmails: this.failureEmails,
    };
  }

  private importStatus(definition: ImportDefinition, key: KeyStatus, user: string): ImportStatus {
    const scheduled = !!definition.schedule && definition.schedule.kind !== 'off';
    return {
      definition,
      lastRun: this.runs.get(definition.id),
      lastSuccess: this.successes.get(definition.id),
      ownedByMe: scheduled ? definition.scheduleOwner === user : true,
      nextRunAt: scheduled ? '2026-01-06T14:00:00.000Z' : undefined,
      warning: this.warnings.get(definition.id),
      confidential: confidentialNotice(definition.filters, key, definition.object),
    };
  }

  private saveKey(user: string, key: string, environment: KeyStatus['environment']): KeyStatus {
    const status = fakeKeyStatus(key, environment);
    if (!status) throw new Error('Lever did not accept this API key. Check that you copied all of it.');
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
    if (input.id && !previous) {
      throw new Error(IMPORT_DELETED_SENTENCE);
    }
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
    const rows = Array.from({ length: run.rowsFetched }, (_, i) => def.columns.map((key) => this.lever.cell(key, i)));
    this.sheets.set(def.sheetName, [header, ...rows]);
    Object.assign(run, { status: 'succeeded', rowsWritten: run.rowsFetched });
    if (def.trackChanges) {
      run.changeSummary = this.tracker.summarise(def.id, this.lever.records(def.object, run.rowsFetched));
    }
    this.successes.set(def.id, { ...run });
  }

  /** Like the server: a schedule to take, the caller's own key, for the import's Lever account. */
  private takeOver(user: string, id: string): ImportDefinition {
    const def = this.definition(id);
    if (!def.schedule || def.schedule.kind === 'off') throw new Error(`"${def.name}" has no schedule to take over.`);
    const key = this.keys.get(user)?.status;
    if (!key) throw new Error('Connect Lever first: a schedule you take over runs with your own Lever API key.');
    if (key.environment !== def.environment) {
      throw new Error(
        `"${def.name}" reads from Lever ${def.environment}, but your saved key is for ${key.environment}.`,
      );
    }
    const next: ImportDefinition = { ...def, scheduleOwner: user };
    this.imports.set(id, next);
    this.warnings.delete(id);
    return next;
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
