// The state one emulator shares across executions: clock, stores, quotas, locks, triggers and what was recorded.
import vm from 'node:vm';
import { VirtualClock } from './clock';
import type { UiEvent } from './context';
import { type Deployment, loadDeployment, type Manifest } from './manifest';
import { type CostModel, DEFAULTS, type EmulatorOptions, type FetchHandler, type SentMail } from './options';
import { DailyQuota } from './quota';
import { SeededRandom } from './random';
import { type GasReadings, mergedGasReadings } from './readings';
import type { Execution } from './runtime/execution';
import { CacheData } from './services/cache';
import { LockRegistry } from './services/lock';
import { PropertyData } from './services/properties';
import type { SpreadsheetModel } from './spreadsheet-port';
import { zoneOffsetMinutes } from './timezone';
import { TriggerStore } from './triggers/store';

/** A service call about to be made, as a test's interleaving hook sees it. */
export interface ServiceCall {
  name: string;
  executionId: number;
  user: string;
  fn: string;
}

export interface Limits {
  executionLimitMs: number;
  simpleTriggerLimitMs: number;
  dailyTriggerRuntimeMs: number;
  dailyUrlFetchLimit: number;
  dailyEmailRecipients: number;
  dailyPropertyOperations: number;
  simultaneousExecutionsPerUser: number;
  wallClockLimitMs: number;
  /** Probability that a cache read misses early (Google's expiry is "only a suggestion"). */
  cacheEvictionProbability: number;
}

/** Options the public constructor does not document but tests of the emulator itself use. */
export interface CoreOptions extends EmulatorOptions {
  manifest?: Partial<Manifest>;
  cacheEvictionProbability?: number;
  spreadsheetModel?: SpreadsheetModel;
}

export class EmulatorCore {
  readonly clock: VirtualClock;
  readonly costs: CostModel;
  readonly limits: Limits;
  readonly deployment: Deployment;
  readonly bundle: vm.Script;
  readonly random: SeededRandom;
  readonly fetchHandler: FetchHandler | undefined;
  readonly stats: Record<string, number> = {};
  readonly logs: string[] = [];
  readonly mail: SentMail[] = [];
  readonly uiEvents: UiEvent[] = [];
  readonly quotas: DailyQuota;
  readonly properties = new PropertyData();
  readonly caches = new CacheData();
  readonly locks = new LockRegistry();
  readonly triggers: TriggerStore;
  readonly live = new Map<number, Execution>();
  /** Tests: runs before every service call of every execution (see GasEmulator.onServiceCall). */
  callHook: ((call: ServiceCall) => void) | null = null;
  readonly readings: Readonly<GasReadings>;
  private readonly revoked = new Set<string>();

  constructor(
    readonly options: CoreOptions,
    readonly spreadsheets: SpreadsheetModel,
  ) {
    this.readings = mergedGasReadings(options.readings);
    this.clock = new VirtualClock(options.start ?? DEFAULTS.start);
    this.costs = { ...DEFAULTS.costs, ...options.costs };
    this.limits = limitsFrom(options);
    this.deployment = loadDeployment(options);
    this.bundle = new vm.Script(this.deployment.bundleSource, { filename: this.deployment.bundleName });
    this.random = new SeededRandom(options.seed ?? DEFAULTS.seed);
    this.fetchHandler = options.fetch;
    this.quotas = new DailyQuota(() => this.clock.now());
    this.triggers = new TriggerStore(() => this.newTriggerUid());
    // Only the real build is checked: the emulator's own tests run small bundles in deliberately varied zones.
    if (options.bundleSource === undefined) warnIfHostZoneDiffers(this.deployment.manifest.timeZone, this.clock.now());
  }

  isRevoked(user: string): boolean {
    return this.revoked.has(user);
  }

  setRevoked(user: string, revoked: boolean): void {
    if (revoked) this.revoked.add(user);
    else this.revoked.delete(user);
  }

  isLive(executionId: number): boolean {
    return this.live.has(executionId);
  }

  liveExecutionsOf(user: string): number {
    return [...this.live.values()].filter((execution) => execution.user === user).length;
  }

  private newTriggerUid(): string {
    let uid: string;
    do uid = String(this.random.int(1_000_000_000, 9_999_999_999));
    while (this.triggers.get(uid));
    return uid;
  }
}

function limitsFrom(options: CoreOptions): Limits {
  return {
    executionLimitMs: options.executionLimitMs ?? DEFAULTS.executionLimitMs,
    simpleTriggerLimitMs: DEFAULTS.simpleTriggerLimitMs,
    dailyTriggerRuntimeMs: options.dailyTriggerRuntimeMs ?? DEFAULTS.dailyTriggerRuntimeMs,
    dailyUrlFetchLimit: options.dailyUrlFetchLimit ?? DEFAULTS.dailyUrlFetchLimit,
    dailyEmailRecipients: DEFAULTS.dailyEmailRecipients,
    dailyPropertyOperations: DEFAULTS.dailyPropertyOperations,
    simultaneousExecutionsPerUser: DEFAULTS.simultaneousExecutionsPerUser,
    wallClockLimitMs: options.wallClockLimitMs ?? DEFAULTS.wallClockLimitMs,
    cacheEvictionProbability: options.cacheEvictionProbability ?? 0,
  };
}

let warnedAboutZone = false;

/**
 * Apps Script evaluates Date's local-time methods (getHours, new Date(y, m, d)…) in the script's time zone; a vm
 * realm uses the host's. They agree only when the host runs in the manifest's zone (e.g. TZ=UTC for Etc/UTC).
 */
function warnIfHostZoneDiffers(timeZone: string, at: number): void {
  if (warnedAboutZone) return;
  const year = new Date(at).getUTCFullYear();
  const samples = [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)];
  if (samples.every((ms) => -new Date(ms).getTimezoneOffset() === zoneOffsetMinutes(ms, timeZone))) return;
  warnedAboutZone = true;
  process.emitWarning(
    `The host time zone differs from the manifest's (${timeZone}): Date's local-time methods in the bundle ` +
      'will not match Apps Script. Run with TZ set to the manifest zone.',
  );
}
