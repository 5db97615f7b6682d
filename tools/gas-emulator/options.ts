// Public option and result types of the emulator, and the defaults that mirror a consumer (gmail.com) account.
import type { AuthMode } from './context';
import type { GasReadings } from './readings';

export interface FetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload?: string;
}

export interface FetchResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
  latencyMs?: number;
}

export type FetchHandler = (req: FetchRequest) => FetchResponse;

export interface CostModel {
  urlFetchMs: number;
  sheetCallMs: number;
  sheetCellMs: number;
  propertiesCallMs: number;
  serviceCallMs: number;
}

export interface EmulatorOptions {
  bundlePath?: string;
  bundleSource?: string;
  manifestPath?: string;
  htmlFiles?: Record<string, string>;
  start?: number;
  fetch?: FetchHandler;
  costs?: Partial<CostModel>;
  executionLimitMs?: number;
  dailyTriggerRuntimeMs?: number;
  dailyUrlFetchLimit?: number;
  seed?: number;
  /**
   * When Session.getActiveUser().getEmail() is blank: 'never' (default), 'simpleTriggers' (onOpen/onEdit run
   * in AuthMode NONE or LIMITED, as Google does for consumer add-ons used by others) or 'always'.
   */
  blankActiveUser?: 'never' | 'simpleTriggers' | 'always';
  /** Real-time guard against CPU loops that never call a service (virtual time cannot see them). */
  wallClockLimitMs?: number;
  /** Readings of Apps Script behaviours Google's docs leave open (readings.ts), merged over the strictest ones. */
  readings?: Partial<GasReadings>;
}

export interface ExecutionResult {
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string };
  timedOut: boolean;
  startedAt: number;
  endedAt: number;
  elapsedMs: number;
  calls: Record<string, number>;
  logs: string[];
  trigger?: { uid: string; handler: string };
}

export interface RunContext {
  user?: string;
  spreadsheetId?: string | null;
  authMode?: AuthMode;
}

export interface TriggerInfo {
  uid: string;
  owner: string;
  spreadsheetId: string;
  handler: string;
  type: 'CLOCK';
  recurring: boolean;
  description: string;
  nextFireAt: number | null;
  timeZone: string;
}

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  from: string;
  at: number;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
}

export const DEFAULT_USER = 'user@example.com';

export const DEFAULTS = {
  start: Date.UTC(2026, 0, 5, 9, 0, 0),
  executionLimitMs: 360_000,
  simpleTriggerLimitMs: 30_000,
  dailyTriggerRuntimeMs: 90 * 60_000,
  dailyUrlFetchLimit: 20_000,
  dailyEmailRecipients: 100,
  dailyPropertyOperations: 50_000,
  simultaneousExecutionsPerUser: 30,
  wallClockLimitMs: 60_000,
  seed: 1,
  costs: { urlFetchMs: 250, sheetCallMs: 20, sheetCellMs: 0.002, propertiesCallMs: 1, serviceCallMs: 1 } as CostModel,
};
