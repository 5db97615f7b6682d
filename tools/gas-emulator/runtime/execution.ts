// One execution's ServiceContext: who runs where, its meter of virtual time and calls, and the 6-minute kill.
import type { AuthMode, ServiceContext, UiEvent } from '../context';
import type { EmulatorCore } from '../core';
import { normalizeScope } from '../manifest';
import type { Realm } from './realm';

export const KILL_MESSAGE = 'Exceeded maximum execution time';
const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';
/** What an add-on may touch before the user authorises it in a document (AuthMode.LIMITED). */
const LIMITED_SCOPES = ['spreadsheets.currentonly', 'spreadsheets', 'script.container.ui'].map(normalizeScope);
/** In AuthMode.NONE only the add-on menu can be built. */
const NONE_SCOPES = ['script.container.ui'].map(normalizeScope);

export interface ExecutionSpec {
  fn: string;
  args: unknown[];
  user: string;
  activeSpreadsheetId: string | null;
  documentId: string | null;
  authMode: AuthMode;
  limitMs: number;
  /** onOpen/onEdit run by Google itself (AuthMode NONE or LIMITED). */
  simpleTrigger: boolean;
  trigger?: { uid: string; handler: string };
}

type CostKind = 'sheet' | 'fetch' | 'properties' | 'other';

let nextExecutionId = 1;

export class Execution implements ServiceContext {
  readonly id = nextExecutionId++;
  readonly startedAt: number;
  readonly calls: Record<string, number> = {};
  readonly logs: string[] = [];
  killed = false;
  private ended = false;
  private realmRef: Realm | null = null;

  constructor(
    readonly spec: ExecutionSpec,
    private readonly core: EmulatorCore,
  ) {
    this.startedAt = core.clock.exact();
  }

  get user(): string {
    return this.spec.user;
  }
  get activeSpreadsheetId(): string | null {
    return this.spec.activeSpreadsheetId;
  }
  get documentId(): string | null {
    return this.spec.documentId;
  }
  get authMode(): AuthMode {
    return this.spec.authMode;
  }

  attachRealm(realm: Realm): void {
    this.realmRef = realm;
  }

  get realm(): Realm {
    if (!this.realmRef) throw new Error('Execution has no realm yet');
    return this.realmRef;
  }

  call(name: string, cost: { cells?: number; ms?: number; kind?: CostKind } = {}): void {
    this.assertAlive();
    // A test may start another execution here, as a fetch handler may: it runs while this one waits on the call.
    this.core.callHook?.({ name, executionId: this.id, user: this.user, fn: this.spec.fn });
    this.count(name);
    this.charge(cost.ms ?? this.defaultCost(cost.kind ?? 'other', cost.cells ?? 0));
  }

  /** Counts a call without charging (the caller charges once the cost is known, e.g. after a fetch). */
  count(name: string, times = 1): void {
    this.assertAlive();
    this.calls[name] = (this.calls[name] ?? 0) + times;
    this.core.stats[name] = (this.core.stats[name] ?? 0) + times;
  }

  /** Advances virtual time; the charge that crosses the limit kills the execution at the limit. */
  charge(ms: number): void {
    this.assertAlive();
    const deadline = this.startedAt + this.spec.limitMs;
    const target = this.core.clock.exact() + ms;
    if (target > deadline) {
      this.core.clock.forwardTo(deadline);
      this.kill();
    }
    this.core.clock.forwardTo(target);
  }

  /** Moves the clock to `ms` (if later) as part of this execution, e.g. the end of a request that started earlier. */
  chargeUntil(ms: number): void {
    this.charge(Math.max(0, ms - this.core.clock.exact()));
  }

  elapsedMs(): number {
    return this.core.clock.exact() - this.startedAt;
  }

  remainingMs(): number {
    return this.spec.limitMs - this.elapsedMs();
  }

  kill(): never {
    this.killed = true;
    throw this.exception(KILL_MESSAGE);
  }

  assertAlive(): void {
    if (this.killed) throw this.exception(KILL_MESSAGE);
    // A service object kept past its execution (e.g. by a callback) must not reach the stores.
    if (this.ended) throw this.exception('This execution has ended.');
  }

  end(): void {
    this.ended = true;
  }

  requireScope(scopes: readonly string[], method: string): void {
    this.assertAlive();
    const wanted = scopes.map(normalizeScope);
    const modeScopes = this.authMode === 'NONE' ? NONE_SCOPES : this.authMode === 'LIMITED' ? LIMITED_SCOPES : null;
    if (modeScopes && !wanted.some((scope) => modeScopes.includes(scope))) throw this.permissionError(method, wanted);
    if (this.core.isRevoked(this.user)) throw this.exception(AUTHORIZATION_REQUIRED);
    if (!wanted.some((scope) => this.core.deployment.manifest.oauthScopes.includes(scope))) {
      throw this.permissionError(method, wanted);
    }
  }

  /** For services that need no scope but still need an authorised add-on (Properties, Cache, Lock). */
  requireAuthorized(method: string): void {
    this.assertAlive();
    if (this.authMode === 'NONE') throw this.exception(`You do not have permission to call ${method}`);
  }

  private permissionError(method: string, scopes: string[]): Error {
    const required = scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
    return this.exception(`You do not have permission to call ${method}. Required permissions: ${required}`);
  }

  exception(message: string): Error {
    if (this.realmRef) return this.realmRef.exception(message);
    return Object.assign(new Error(message), { name: 'Exception' });
  }

  makeDate(ms: number): Date {
    return this.realm.makeDate(ms);
  }

  toRealm<T>(value: T): T {
    return this.realm.toRealm(value);
  }

  now(): number {
    return this.core.clock.now();
  }

  recordUi(event: Omit<UiEvent, 'at' | 'user' | 'spreadsheetId'>): void {
    this.assertAlive();
    const spreadsheetId = this.activeSpreadsheetId ?? this.documentId;
    this.core.uiEvents.push({ ...event, spreadsheetId, user: this.user, at: this.now() });
  }

  log(line: string): void {
    this.logs.push(line);
    this.core.logs.push(line);
  }

  private defaultCost(kind: CostKind, cells: number): number {
    const costs = this.core.costs;
    if (kind === 'sheet') return costs.sheetCallMs + cells * costs.sheetCellMs;
    if (kind === 'fetch') return costs.urlFetchMs;
    if (kind === 'properties') return costs.propertiesCallMs;
    return costs.serviceCallMs;
  }
}
