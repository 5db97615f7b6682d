// The failure email to a schedule's owner: optional per spreadsheet, at most one per import per day.
import type { MailPort } from '../ports/mail';
import type { KeyValueStore } from '../ports/store';
import { failureEmail } from '../schedule/messages';
import { dayKey } from '../schedule/zone';
import type { ImportDefinition, RunRecord } from '../shared/types';
import { patchImportStateAfresh, readImportState, readSettings } from '../store/schedule-state';

export interface NotifyDeps {
  mail: MailPort;
  documentStore: KeyValueStore;
  timeZone: string;
  spreadsheetName: string;
  spreadsheetUrl: string;
  now: number;
}

export type NotifyOutcome = 'sent' | 'disabled' | 'already-today' | 'no-recipient' | 'no-quota' | 'error';

/**
 * Emails the owner about a failed scheduled run. Never throws: a mail problem must not turn a recorded failure
 * into a crashed dispatcher (the run log and the sidebar still show it).
 */
export function notifyFailure(deps: NotifyDeps, definition: ImportDefinition, run: RunRecord): NotifyOutcome {
  const owner = definition.scheduleOwner ?? '';
  if (!owner) return 'no-recipient';
  if (!readSettings(deps.documentStore).failureEmails) return 'disabled';
  const today = dayKey(deps.now, deps.timeZone);
  if (readImportState(deps.documentStore, definition.id).lastEmailDay === today) return 'already-today';
  try {
    if (deps.mail.remainingDailyQuota() < 1) return 'no-quota';
    const { subject, body } = failureEmail({ ...deps, definition, run });
    deps.mail.send(owner, subject, body);
  } catch {
    return 'error';
  }
  try {
    // Afresh: this may run after the document lock was released, when another firing may have claimed a slot.
    patchImportStateAfresh(deps.documentStore, definition.id, () => ({ lastEmailDay: today }));
  } catch {
    // The mail went out; a busy lock only means a second failure today may mail again.
  }
  return 'sent';
}
