// Test harness: the built bundle in the Apps Script emulator, wired to a seeded Lever simulator.
import { GasEmulator, type GasReadings } from '../../tools/gas-emulator';
import { generateDataset, type LeverDataset, LeverSimulator, type SimKey } from '../../tools/lever-sim';
import type { LeverReadings } from '../../tools/lever-sim/readings';

export const USER = 'ana@example.com';
export const OTHER_USER = 'ben@example.com';
export const FULL_KEY = 'sim-full-access-key-0001';
export const NO_CONFIDENTIAL_KEY = 'sim-no-confidential-key-0002';
export const OPPS_ONLY_KEY = 'sim-opportunities-only-key-0003';
export const START = Date.UTC(2026, 0, 5, 14, 0, 0);

export interface Harness {
  emu: GasEmulator;
  sim: LeverSimulator;
  dataset: LeverDataset;
  ssId: string;
  /** Runs a sidebar call as `user` in the spreadsheet and returns its value; throws with the server's message on failure. */
  call<T = unknown>(fn: string, args?: unknown[], user?: string): T;
}

export interface HarnessOptions {
  seed?: number;
  opportunities?: number;
  requisitions?: number;
  timeZone?: string;
  keys?: SimKey[];
  latencyMs?: number;
  /** The emulator's cost per Sheets cell touched (default: its own). */
  sheetCellMs?: number;
  rateLimit?: { perSecond: number; burst: number } | false;
  /** The emulator's UrlFetch calls a user may send a day (default: its own, Google's consumer 20,000). */
  dailyUrlFetchLimit?: number;
  retryAfter?: boolean;
  /**
   * Readings of the silent behaviours (unknowns.md), the strictest of each by default: Lever's go to the simulator
   * (tools/lever-sim/readings.ts), Apps Script's to the emulator (tools/gas-emulator/readings.ts).
   */
  readings?: Partial<LeverReadings & GasReadings>;
}

type AllReadings = Partial<LeverReadings & GasReadings> | undefined;

function leverReadings(all: AllReadings): Partial<LeverReadings> {
  const {
    triggerContext: _c,
    triggerListing: _l,
    intlZones: _z,
    setValuesPayload: _p,
    urlLength: _u,
    ...lever
  } = all ?? {};
  return lever;
}

function gasReadings(all: AllReadings): Partial<GasReadings> {
  const { triggerContext, triggerListing, intlZones, setValuesPayload, urlLength } = all ?? {};
  return Object.fromEntries(
    Object.entries({ triggerContext, triggerListing, intlZones, setValuesPayload, urlLength }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as Partial<GasReadings>;
}

export function defaultKeys(): SimKey[] {
  return [
    { key: FULL_KEY, environment: 'production', permissions: 'all', confidential: true },
    { key: NO_CONFIDENTIAL_KEY, environment: 'production', permissions: 'all', confidential: false },
    { key: OPPS_ONLY_KEY, environment: 'production', permissions: ['opportunities', 'stages'], confidential: false },
  ];
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const dataset = generateDataset({
    seed: options.seed ?? 42,
    opportunities: options.opportunities ?? 500,
    requisitions: options.requisitions ?? 120,
    now: START,
  });
  let emu: GasEmulator | undefined;
  const sim = new LeverSimulator({
    dataset,
    keys: options.keys ?? defaultKeys(),
    now: () => (emu ? emu.clock.now() : START),
    rateLimit: options.rateLimit ?? { perSecond: 10, burst: 20 },
    retryAfter: options.retryAfter ?? false,
    readings: leverReadings(options.readings),
  });
  emu = new GasEmulator({
    start: START,
    fetch: (req) => sim.handle(req),
    costs: {
      urlFetchMs: options.latencyMs ?? 250,
      ...(options.sheetCellMs === undefined ? {} : { sheetCellMs: options.sheetCellMs }),
    },
    readings: gasReadings(options.readings),
    ...(options.dailyUrlFetchLimit === undefined ? {} : { dailyUrlFetchLimit: options.dailyUrlFetchLimit }),
  });
  const ssId = emu.createSpreadsheet({
    name: 'Headcount plan',
    timeZone: options.timeZone ?? 'America/New_York',
    owner: USER,
    editors: [OTHER_USER],
  });
  const harness: Harness = {
    emu,
    sim,
    dataset,
    ssId,
    call<T>(fn: string, args: unknown[] = [], user = USER): T {
      const result = harness.emu.callFromSidebar(fn, args, { user, spreadsheetId: ssId });
      if (!result.ok)
        throw new Error(`${fn} failed: ${result.error?.message ?? 'unknown'}${result.timedOut ? ' (timed out)' : ''}`);
      return result.value as T;
    },
  };
  return harness;
}
