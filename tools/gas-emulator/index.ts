// The Apps Script emulator's public API: runs the built bundle in fresh executions on a virtual clock.
import type { UiEvent } from './context';
import { type CoreOptions, EmulatorCore, type ServiceCall } from './core';
import { DEFAULT_USER, type ExecutionResult, type RunContext, type SentMail, type TriggerInfo } from './options';
import { type GasReadings, mergedGasReadings, SET_VALUES_PAYLOAD_BYTES, type TriggerContextReading } from './readings';
import type { ExecutionSpec } from './runtime/execution';
import { runExecution } from './runtime/runner';
import { checkSidebarArgs, copyArgs, returnedToSidebar } from './runtime/sidebar-bridge';
import { OUTSIDE_HOLDER } from './services/lock';
import { defaultSpreadsheetModel, type SpreadsheetInspector } from './spreadsheet-model';
import { AuthModeEnum } from './triggers/enums';
import { advanceTo, fire, triggerRuntimeUsed } from './triggers/firing';
import { triggerInfo } from './triggers/store';

export type { AuthMode, UiEvent } from './context';
export type { CoreOptions as GasEmulatorOptions, ServiceCall } from './core';
export type { EmulatorOptions, ExecutionResult, FetchRequest, FetchResponse, SentMail, TriggerInfo } from './options';
export { DEFAULT_USER } from './options';
export type { GasReadings, TriggerContextReading } from './readings';
export { ALL_GAS_READINGS, STRICTEST_GAS_READINGS } from './readings';
export type { SpreadsheetInspector } from './spreadsheet-model';
export type { SpreadsheetModel } from './spreadsheet-port';

const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onSelectionChange']);
const NO_ACCESS = 'You do not have access to the requested document.';

export class GasEmulator {
  private readonly core: EmulatorCore;

  constructor(options: CoreOptions = {}) {
    // The store reads the clock only later (inspector typing), once the core exists.
    // Merged once here; the core keeps these (merging merged readings changes nothing).
    const readings = mergedGasReadings(options.readings);
    const payload = SET_VALUES_PAYLOAD_BYTES[readings.setValuesPayload];
    const model = options.spreadsheetModel ?? defaultSpreadsheetModel(() => this.core.clock.now(), payload);
    this.core = new EmulatorCore({ ...options, readings }, model);
  }

  get clock(): { now(): number; advance(ms: number): void; set(ms: number): void } {
    return this.core.clock;
  }
  get mail(): SentMail[] {
    return this.core.mail;
  }
  get logs(): string[] {
    return this.core.logs;
  }
  get stats(): Record<string, number> {
    return this.core.stats;
  }

  createSpreadsheet(
    opts: { id?: string; name?: string; timeZone?: string; owner?: string; editors?: string[] } = {},
  ): string {
    return this.core.spreadsheets.store.create({ ...opts, owner: opts.owner ?? DEFAULT_USER });
  }

  spreadsheet(id: string): SpreadsheetInspector {
    this.assertSpreadsheet(id);
    return this.core.spreadsheets.store.inspector(id) as SpreadsheetInspector;
  }

  /** Runs a top-level function as `user` (menu item, script editor, simple trigger when authMode is NONE/LIMITED). */
  run(fn: string, args?: unknown[], ctx: RunContext = {}): ExecutionResult {
    const authMode = ctx.authMode ?? 'FULL';
    const simpleTrigger = SIMPLE_TRIGGERS.has(fn) && authMode !== 'FULL';
    const defaultArgs = ['onOpen', 'onInstall'].includes(fn) ? [{ authMode: AuthModeEnum[authMode] }] : [];
    return this.execute(
      { fn, args: args ?? defaultArgs, authMode, simpleTrigger },
      ctx.user ?? DEFAULT_USER,
      ctx.spreadsheetId ?? null,
    );
  }

  /** Like google.script.run: JSON copies both ways, Date/function arguments refused, private functions not found. */
  callFromSidebar(fn: string, args: unknown[], ctx: { user: string; spreadsheetId: string }): ExecutionResult {
    const refused = checkSidebarArgs(args);
    if (refused !== null) return this.clientFailure(refused);
    const result = this.execute(
      { fn, args: copyArgs(args), authMode: 'FULL', simpleTrigger: false },
      ctx.user,
      ctx.spreadsheetId,
    );
    return result.ok ? { ...result, value: returnedToSidebar(result.value) } : result;
  }

  /**
   * Moves the clock to `to`, firing every due trigger in time order as its owner, in the trigger context of the
   * `triggerContext` reading; `activeSpreadsheet: true` (or `triggerContext`) overrides it for this call.
   */
  advanceTo(
    to: number,
    opts: { activeSpreadsheet?: boolean; triggerContext?: TriggerContextReading } = {},
  ): ExecutionResult[] {
    const context = opts.triggerContext ?? (opts.activeSpreadsheet ? 'full' : this.core.readings.triggerContext);
    return advanceTo(this.core, to, context);
  }

  /** The readings this emulator runs under (the strictest, with the constructor's `readings` merged over). */
  get readings(): Readonly<GasReadings> {
    return this.core.readings;
  }

  triggers(filter: { user?: string; spreadsheetId?: string } = {}): TriggerInfo[] {
    return this.core.triggers
      .all()
      .filter(
        (t) =>
          (filter.user === undefined || t.owner === filter.user) &&
          (filter.spreadsheetId === undefined || t.documentId === filter.spreadsheetId),
      )
      .map(triggerInfo);
  }

  /** Test setup: how long executions started from now on run before Google's kill (6 minutes unless configured). */
  setExecutionLimit(ms: number): void {
    this.core.limits.executionLimitMs = ms;
  }

  userProperties(email: string): Record<string, string> {
    return Object.fromEntries(this.core.properties.userStore(email));
  }
  /** Test setup: a value in a user's store as earlier executions left it (e.g. in other spreadsheets); no limits. */
  seedUserProperty(email: string, key: string, value: string): void {
    this.core.properties.userStore(email).set(key, value);
  }
  /** A user's CacheService cache as stored (expired entries included: no read, no eviction). */
  userCache(email: string): Record<string, string> {
    return Object.fromEntries([...this.core.caches.cache(`user:${email}`)].map(([key, entry]) => [key, entry.value]));
  }
  documentProperties(spreadsheetId: string): Record<string, string> {
    return Object.fromEntries(this.core.properties.documentStore(spreadsheetId));
  }
  scriptProperties(): Record<string, string> {
    return Object.fromEntries(this.core.properties.script);
  }

  ui(spreadsheetId?: string): UiEvent[] {
    return this.core.uiEvents.filter((event) => spreadsheetId === undefined || event.spreadsheetId === spreadsheetId);
  }

  triggerRuntimeToday(user: string): number {
    return triggerRuntimeUsed(this.core, user);
  }

  /**
   * Tests: `hook` runs before every service call of every execution (null removes it). Like a fetch handler it may
   * start another execution, which runs while the caller waits on that call: two executions interleaved at any call.
   */
  onServiceCall(hook: ((call: ServiceCall) => void) | null): void {
    this.core.callHook = hook;
  }

  /**
   * Tests: another execution, one the emulator does not run, takes `lock` now and holds it until the returned
   * function is called: every execution's tryLock on it fails after its wait, as while a long hold elsewhere lasts.
   * A hook can take it at one call of an execution and release it at a later one (nested executions cannot: theirs
   * end before the caller goes on).
   */
  holdLock(lock: 'script' | { document: string } | { user: string }): () => void {
    const key = lock === 'script' ? 'script' : 'document' in lock ? `document:${lock.document}` : `user:${lock.user}`;
    if (this.core.locks.holder(key) !== undefined) throw new Error(`GasEmulator: the ${key} lock is already held`);
    this.core.locks.acquire(key, OUTSIDE_HOLDER);
    return () => this.core.locks.release(key, OUTSIDE_HOLDER);
  }

  /**
   * Fires a clock trigger now, once, out of its schedule (its next firing stays as it was): Google may start a
   * trigger's execution while an earlier one still runs. The context is the `triggerContext` reading unless given.
   */
  fireNow(uid: string, opts: { triggerContext?: TriggerContextReading } = {}): ExecutionResult {
    const trigger = this.core.triggers.get(uid);
    if (!trigger) throw new Error(`GasEmulator: no trigger with uid ${uid}`);
    return fire(this.core, trigger, opts.triggerContext ?? this.core.readings.triggerContext);
  }

  /** A trigger removed outside the add-on (the user deletes it in the Apps Script dashboard). */
  deleteTrigger(uid: string): void {
    this.core.triggers.delete(uid);
  }

  /** The user revokes the add-on: ScriptApp.getAuthorizationInfo reports REQUIRED and every scoped call fails. */
  revokeAuthorization(user: string): void {
    this.core.setRevoked(user, true);
  }
  grantAuthorization(user: string): void {
    this.core.setRevoked(user, false);
  }

  private execute(
    call: Pick<ExecutionSpec, 'fn' | 'args' | 'authMode' | 'simpleTrigger'>,
    user: string,
    spreadsheetId: string | null,
  ): ExecutionResult {
    if (spreadsheetId !== null) this.assertSpreadsheet(spreadsheetId);
    const limits = this.core.limits;
    const spec: ExecutionSpec = {
      ...call,
      user,
      activeSpreadsheetId: spreadsheetId,
      documentId: spreadsheetId,
      limitMs: call.simpleTrigger ? limits.simpleTriggerLimitMs : limits.executionLimitMs,
    };
    const denied = spreadsheetId !== null && !this.core.spreadsheets.store.canAccess(spreadsheetId, user);
    return runExecution(this.core, spec, denied ? NO_ACCESS : undefined);
  }

  private clientFailure(message: string): ExecutionResult {
    const now = this.core.clock.now();
    return {
      ok: false,
      error: { name: 'Error', message },
      timedOut: false,
      startedAt: now,
      endedAt: now,
      elapsedMs: 0,
      calls: {},
      logs: [],
    };
  }

  private assertSpreadsheet(id: string): void {
    if (!this.core.spreadsheets.store.has(id)) throw new Error(`GasEmulator: no spreadsheet with id ${id}`);
  }
}
