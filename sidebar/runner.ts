// Drives one import run from the sidebar: runImport, then continueImport while 'continuing', polling progress.
import type { RunRecord } from '../src/shared/types';
import { isRunActive } from './format';
import type { Server } from './server';
import { errorMessage } from './server';

export interface RunUpdate {
  importId: string;
  /** The latest record seen (from a call's result or a progress poll); null before the first answer. */
  record: RunRecord | null;
  done: boolean;
  /** The server's sentence when a call failed. */
  error?: string;
  /** Client clock when the run was started here, for the elapsed time display. */
  startedAtMs: number;
}

export interface RunDriverOptions {
  pollMs?: number;
  /** How long to wait for a run that another execution (a schedule) is working on. */
  waitForOtherMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type Listener = (update: RunUpdate) => void;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs one import to its end and tells listeners about every change. */
export class RunDriver {
  private update: RunUpdate;
  private readonly listeners = new Set<Listener>();
  private readonly pollMs: number;
  private readonly waitForOtherMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private polling = false;

  constructor(
    private readonly server: Pick<Server, 'runImport' | 'continueImport' | 'getRunProgress'>,
    readonly importId: string,
    options: RunDriverOptions = {},
    /** Read everything, even when a changes-only refresh would do. */
    private readonly full = false,
  ) {
    this.pollMs = options.pollMs ?? 1500;
    this.waitForOtherMs = options.waitForOtherMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.update = { importId, record: null, done: false, startedAtMs: this.now() };
  }

  get latest(): RunUpdate {
    return this.update;
  }

  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.update);
    return () => this.listeners.delete(listener);
  }

  /** Runs to the end; never rejects (a failure ends the run with `error`). */
  async run(): Promise<RunUpdate> {
    try {
      // Only a full run passes options, so the usual call stays runImport(importId).
      let record = await (this.full
        ? this.server.runImport(this.importId, { full: true })
        : this.server.runImport(this.importId));
      this.emit({ record });
      void this.pollWhileRunning();
      const waitUntil = this.now() + this.waitForOtherMs;
      while (isRunActive(record)) {
        record = await this.step(record, waitUntil);
        this.emit({ record });
      }
      this.emit({ done: true });
    } catch (error) {
      this.emit({ done: true, error: errorMessage(error) });
    }
    return this.update;
  }

  /** 'continuing' is ours to push on; 'running' is another execution's work, which we can only watch. */
  private async step(record: RunRecord, waitUntil: number): Promise<RunRecord> {
    if (record.status === 'continuing') return this.server.continueImport(this.importId);
    if (this.now() > waitUntil) {
      throw new Error('This import is still running in another execution. Check its status again in a few minutes.');
    }
    await this.sleep(this.pollMs);
    return (await this.server.getRunProgress(this.importId)) ?? record;
  }

  /** Progress between call results, so a long execution still shows records arriving. */
  private async pollWhileRunning(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      while (!this.update.done) {
        await this.sleep(this.pollMs);
        if (this.update.done) break;
        const polled = await this.server.getRunProgress(this.importId).catch(() => null);
        if (polled && this.isNewer(polled)) this.emit({ record: polled });
      }
    } finally {
      this.polling = false;
    }
  }

  /** A poll may answer after a later call result; only a same-run, still-active, further-along record counts. */
  private isNewer(polled: RunRecord): boolean {
    const current = this.update.record;
    if (this.update.done || !isRunActive(polled)) return false;
    if (!current) return true;
    return polled.runId === current.runId && isRunActive(current) && polled.rowsFetched >= current.rowsFetched;
  }

  private emit(change: Partial<RunUpdate>): void {
    this.update = { ...this.update, ...change };
    for (const listener of this.listeners) listener(this.update);
  }
}
