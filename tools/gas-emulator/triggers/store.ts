// Every installed trigger of one emulator, the editor add-on rules Google enforces at create(), and firing bookkeeping.
import type { TriggerInfo } from '../options';
import { describeSchedule, nextFireAfter, type Schedule } from './schedule';

const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const TOO_MANY_IN_DOCUMENT =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
export const RECURRENCE_TOO_SHORT = 'The recurrence interval for an Add-on trigger must be at least one hour.';

export interface TriggerRecord {
  uid: string;
  owner: string;
  documentId: string;
  handler: string;
  schedule: Schedule;
  timeZone: string;
  createdAt: number;
  /** Null once a one-off trigger has fired: it stays installed (and keeps its slot) until deleted. */
  nextFireAt: number | null;
}

export type NewTrigger = Omit<TriggerRecord, 'uid' | 'nextFireAt'>;

export class TriggerStore {
  /** In creation order, which also orders triggers due at the same instant. */
  private readonly records: TriggerRecord[] = [];

  constructor(private readonly newUid: () => string) {}

  /** Applies Google's rules; returns the record, or the error text to throw in the execution. */
  add(trigger: NewTrigger): TriggerRecord | string {
    if (trigger.schedule.kind === 'interval' && trigger.schedule.everyMs < 3_600_000) return RECURRENCE_TOO_SHORT;
    if (this.forUser(trigger.owner).length >= MAX_TRIGGERS_PER_USER) return TOO_MANY_TRIGGERS;
    if (this.forUser(trigger.owner, trigger.documentId).length > 0) return TOO_MANY_IN_DOCUMENT;
    const { schedule } = trigger;
    // A one-off trigger due now (after(0)) still fires once.
    const nextFireAt =
      schedule.kind === 'once' ? schedule.at : nextFireAfter(schedule, trigger.createdAt, trigger.timeZone);
    const record: TriggerRecord = { ...trigger, uid: this.newUid(), nextFireAt };
    this.records.push(record);
    return record;
  }

  get(uid: string): TriggerRecord | undefined {
    return this.records.find((record) => record.uid === uid);
  }

  delete(uid: string): void {
    const index = this.records.findIndex((record) => record.uid === uid);
    if (index >= 0) this.records.splice(index, 1);
  }

  forUser(owner: string, documentId?: string): TriggerRecord[] {
    return this.records.filter((r) => r.owner === owner && (documentId === undefined || r.documentId === documentId));
  }

  all(): TriggerRecord[] {
    return [...this.records];
  }

  /** The trigger that fires first at or before `to` (creation order breaks ties). */
  nextDue(to: number): TriggerRecord | undefined {
    let best: TriggerRecord | undefined;
    for (const record of this.records) {
      if (record.nextFireAt === null || record.nextFireAt > to) continue;
      if (!best || record.nextFireAt < (best.nextFireAt as number)) best = record;
    }
    return best;
  }

  /**
   * Schedules the next firing after one that was due at `dueAt` and ended at `endedAt`: periods missed while
   * the clock jumped (or while the execution ran) are skipped, so a late trigger fires once, not once per period.
   */
  markFired(uid: string, dueAt: number, endedAt: number): void {
    const record = this.get(uid);
    if (!record) return;
    record.nextFireAt = nextFireAfter(record.schedule, Math.max(dueAt, endedAt), record.timeZone);
  }
}

export function triggerInfo(record: TriggerRecord): TriggerInfo {
  return {
    uid: record.uid,
    owner: record.owner,
    spreadsheetId: record.documentId,
    handler: record.handler,
    type: 'CLOCK',
    recurring: record.schedule.kind !== 'once',
    description: describeSchedule(record.schedule, record.timeZone),
    nextFireAt: record.nextFireAt,
    timeZone: record.timeZone,
  };
}
