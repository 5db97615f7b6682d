// What one execution of an import works with: its ports (injected, so the engine runs on plain fakes in unit tests).

import type { LeverAccess } from '../lever/source';
import type { Budget } from '../ports/clock';
import type { SheetPort, WorkbookPort } from '../ports/sheet';
import type { KeyValueStore } from '../ports/store';
import type { ImportDefinition, KeyStatus } from '../shared/types';
import type { Checkpoint } from '../store/checkpoint';
import type { ZoneOffsetAt } from './local-days';
import type { ImportPlan } from './plan';

export interface EngineDeps {
  workbook: WorkbookPort;
  /** The document's properties: definitions, checkpoints, run records. */
  store: KeyValueStore;
  /** Called once per execution; throws NO_KEY when the running user has not connected Lever. */
  lever: () => LeverAccess;
  now: () => number;
  /** Fetching stops at `budget.deadline`; `hardLimitAt` is when Google kills the execution. */
  budget: Budget;
  hardLimitAt: number;
  user: string;
  offsetAt: ZoneOffsetAt;
  newRunId: () => string;
  /** The running user's key check (for the confidential guard); absent in tests that do not need it. */
  keyStatus?: () => KeyStatus;
  /** Runs just before the commit writes (a scheduled run records its trigger time there); must not throw. */
  beforeCommit?: () => void;
}

/** The run being worked on in this execution; `checkpoint` is replaced as work is saved. */
export interface RunState {
  deps: EngineDeps;
  definition: ImportDefinition;
  plan: ImportPlan;
  checkpoint: Checkpoint;
  /** When this execution started working on the run. */
  startedAt: number;
}

/** A run with Lever connected. */
export interface Slice extends RunState {
  lever: LeverAccess;
  /** The run's staging sheet; null until the first staging write (a small run may never need one). */
  staging: SheetPort | null;
}
