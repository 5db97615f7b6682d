// The playground's world: the built bundle in the Apps Script emulator, wired to a seeded Lever simulator.

import { join } from 'node:path';
import type { ServerFunctionName } from '../../src/shared/rpc';
import { GasEmulator, type SpreadsheetInspector } from '../gas-emulator';
import { generateDataset, type LeverDataset, LeverSimulator, type SimKey } from '../lever-sim';
import type { LeverReadings } from '../lever-sim/readings';
import type { AdvanceReport, CallOutcome, GridSnapshot, PlaygroundBackend, RecordKind } from './backend';
import { addOpportunities, addRequisitions, changeRequisitions } from './new-records';

export const ROOT = join(__dirname, '../..');
export const DEMO_OWNER = 'ana@example.com';
export const DEMO_EDITOR = 'ben@example.com';
export const DEMO_KEY = 'demo-lever-key-full-access-4821';
export const DEMO_NO_CONFIDENTIAL_KEY = 'demo-lever-key-no-confidential-5932';
export const DEMO_OPPS_ONLY_KEY = 'demo-lever-key-opportunities-only-6043';
export const DEMO_SANDBOX_KEY = 'demo-lever-key-sandbox-7154';
/** Monday 5 January 2026, 9:00 in New York. */
export const DEMO_START = Date.UTC(2026, 0, 5, 14, 0, 0);
const TIME_ZONE = 'America/New_York';

export interface WorldOptions {
  seed?: number;
  opportunities?: number;
  requisitions?: number;
  /** Virtual cost of one UrlFetch call; larger values make a run span several executions. */
  latencyMs?: number;
  rateLimit?: { perSecond: number; burst: number } | false;
  keys?: SimKey[];
  /** Lever's silent behaviours (tools/lever-sim/readings.ts); the strictest of each by default. */
  readings?: Partial<LeverReadings>;
}

export interface DemoWorld extends PlaygroundBackend {
  /** The emulator runs each call in-process, so the answer is never a promise. */
  call(fn: ServerFunctionName, args: unknown[], user: string): CallOutcome;
  emu: GasEmulator;
  sim: LeverSimulator;
  dataset: LeverDataset;
  spreadsheetId: string;
}

export function demoKeys(): SimKey[] {
  return [
    { key: DEMO_KEY, environment: 'production', permissions: 'all', confidential: true },
    { key: DEMO_NO_CONFIDENTIAL_KEY, environment: 'production', permissions: 'all', confidential: false },
    {
      key: DEMO_OPPS_ONLY_KEY,
      environment: 'production',
      permissions: ['opportunities', 'stages', 'users'],
      confidential: false,
    },
    { key: DEMO_SANDBOX_KEY, environment: 'sandbox', permissions: 'all', confidential: true },
  ];
}

const KEY_NOTES: Record<string, string> = {
  [DEMO_KEY]: 'reads everything, including confidential records',
  [DEMO_NO_CONFIDENTIAL_KEY]: 'reads everything except confidential records',
  [DEMO_OPPS_ONLY_KEY]: 'reads opportunities, stages and users only (requisition imports fail, no offers)',
  [DEMO_SANDBOX_KEY]: 'a Lever sandbox account: choose Sandbox when you paste it',
};

/**
 * The demo Lever account: 2% of its opportunities are hires with signed offers (start dates), most of them
 * filling a requisition, and some candidates at the Offer stage hold pending offers.
 */
export function demoDataset(options: Pick<WorldOptions, 'seed' | 'opportunities' | 'requisitions'> = {}): LeverDataset {
  return generateDataset({
    seed: options.seed ?? 2026,
    opportunities: options.opportunities ?? 3000,
    requisitions: options.requisitions ?? 300,
    now: DEMO_START,
    timeZone: TIME_ZONE,
  });
}

type DemoParts = 'demoKeys' | 'emu' | 'sim' | 'dataset' | 'spreadsheetId';

/** Builds the emulator, the simulator and one shared spreadsheet (owner Ana, editor Ben). */
export function createDemoWorld(options: WorldOptions = {}): DemoWorld {
  const dataset = demoDataset(options);
  const keys = options.keys ?? demoKeys();
  let emu: GasEmulator | undefined;
  const sim = new LeverSimulator({
    dataset,
    keys,
    // The simulator's rate limiter runs on the emulator's virtual clock.
    now: () => emu?.clock.now() ?? DEMO_START,
    rateLimit: options.rateLimit ?? { perSecond: 10, burst: 20 },
    readings: options.readings,
  });
  emu = createEmulator(sim, options.latencyMs ?? 100);
  const spreadsheetId = emu.createSpreadsheet({
    name: 'Headcount plan',
    timeZone: TIME_ZONE,
    owner: DEMO_OWNER,
    editors: [DEMO_EDITOR],
  });
  return {
    ...backendFor(emu, sim, spreadsheetId),
    emu,
    sim,
    dataset,
    spreadsheetId,
    demoKeys: keys.map((key) => ({ key: key.key, note: KEY_NOTES[key.key] ?? '' })),
  };
}

/** The built bundle and manifest in the emulator, every UrlFetch answered by the simulator. */
function createEmulator(sim: LeverSimulator, latencyMs: number): GasEmulator {
  return new GasEmulator({
    bundlePath: join(ROOT, 'dist/Code.js'),
    manifestPath: join(ROOT, 'dist/appsscript.json'),
    start: DEMO_START,
    fetch: (request) => sim.handle(request),
    costs: { urlFetchMs: latencyMs },
  });
}

function backendFor(emu: GasEmulator, sim: LeverSimulator, spreadsheetId: string): Omit<DemoWorld, DemoParts> {
  return {
    users: [DEMO_OWNER, DEMO_EDITOR],
    call(fn, args, user): CallOutcome {
      const result = emu.callFromSidebar(fn, args, { user, spreadsheetId });
      if (result.ok) return { ok: true, value: result.value };
      return { ok: false, error: { message: result.error?.message ?? 'The call failed.' } };
    },
    grid: (sheet, maxRows) => gridOf(emu, spreadsheetId, sheet, maxRows),
    clock: () => ({ now: emu.clock.now(), timeZone: TIME_ZONE }),
    advance: (ms) => advance(emu, ms),
    addRecords(kind: RecordKind, count: number): string {
      const now = emu.clock.now();
      if (kind === 'opportunities') {
        const added = addOpportunities(sim.dataset, count, now);
        return `Added ${added.length} opportunities in Lever: ${added.map((o) => o.name).join(', ')}.`;
      }
      const added = addRequisitions(sim.dataset, count, now);
      return `Added ${added.length} requisitions in Lever: ${added.map((r) => r.requisitionCode).join(', ')}.`;
    },
    changeRequisitions(count: number): string {
      return `Changed requisitions in Lever: ${changeRequisitions(sim.dataset, count, emu.clock.now()).join('; ')}.`;
    },
  };
}

function advance(emu: GasEmulator, ms: number): AdvanceReport {
  const owners = new Map(emu.triggers().map((trigger) => [trigger.uid, trigger.owner]));
  const executions = emu.advanceTo(emu.clock.now() + ms);
  const fired = executions.map((execution) => {
    const who = owners.get(execution.trigger?.uid ?? '') ?? 'its owner';
    const outcome = execution.ok ? 'done' : `failed (${execution.error?.message ?? 'unknown error'})`;
    return `${execution.trigger?.handler ?? 'trigger'} as ${who} at ${new Date(execution.startedAt).toISOString()}: ${outcome}`;
  });
  return { now: emu.clock.now(), fired };
}

/** The emulator's inspector for the demo spreadsheet: reads without service calls or virtual time. */
export function inspect(world: Pick<DemoWorld, 'emu' | 'spreadsheetId'>): SpreadsheetInspector {
  return world.emu.spreadsheet(world.spreadsheetId);
}

function gridOf(emu: GasEmulator, spreadsheetId: string, wanted: string | null, maxRows: number): GridSnapshot {
  const book = inspect({ emu, spreadsheetId });
  const sheets = book.sheetNames().filter((name) => !book.sheet(name).hidden());
  const sheet = wanted && sheets.includes(wanted) ? wanted : (sheets[0] ?? null);
  const all = sheet ? trimEmptyRows(book.sheet(sheet).displayValues()) : [];
  return { sheets, sheet, rows: all.slice(0, maxRows), totalRows: all.length };
}

function trimEmptyRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((value) => value === '')) end -= 1;
  return rows.slice(0, end);
}
