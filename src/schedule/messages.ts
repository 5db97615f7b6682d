// Sentences about scheduled runs for the run log, the sidebar and the failure email (pure).
import type { ErrorCode } from '../shared/error-code';
import type { ImportDefinition, RunRecord } from '../shared/types';
import { describeSpec } from './spec';
import { localDateTime } from './zone';

const KEEPS_TRYING = 'The schedule keeps trying at each run.';

/**
 * What the schedule does next, by error code, added to the engine's own sentence (which says what went wrong).
 * People other than the owner read the log too, so it names whose key a scheduled run uses.
 */
export function scheduledFailureAdvice(code: ErrorCode | undefined, owner: string): string {
  const who = owner || 'the schedule owner';
  switch (code) {
    case 'LEVER_AUTH':
      return `The schedule runs with ${who}'s key, revoked or replaced in Lever: ${who} should save a new key. ${KEEPS_TRYING}`;
    case 'NO_KEY':
      return `The schedule runs with ${who}'s key, which was removed: ${who} should save a key again. ${KEEPS_TRYING}`;
    case 'LEVER_FORBIDDEN':
      return `The schedule runs with ${who}'s key; a Lever admin can grant it the access. ${KEEPS_TRYING}`;
    case 'SHEET_MISSING':
      return `Renaming a sheet is fine; a deleted one stops the import until another sheet is chosen. ${KEEPS_TRYING}`;
    case 'QUOTA':
      return 'The import runs once the daily limit resets, then on schedule.';
    case 'NOT_APPROVED':
      return `Until ${who} confirms, the schedule does not run.`;
    case 'TIME_BUDGET':
      return 'The run continues at the next hourly check.';
    default:
      return 'The next scheduled run tries again.';
  }
}

/** The engine's sentence plus what the schedule does next. */
export function scheduledFailureText(run: RunRecord, owner: string): string {
  const message = run.message || 'The scheduled import failed.';
  return `${message} ${scheduledFailureAdvice(run.errorCode, owner)}`;
}

export const BUSY_SKIP_MESSAGE =
  'Skipped: another import was running in this spreadsheet. The scheduled run tries again at the next hourly check.';

/** `2026-01-06 07:00 America/New_York`: times in emails are read by people in the spreadsheet's zone. */
export function formatLocal(ms: number, zone: string): string {
  const t = localDateTime(ms, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)} ${zone}`;
}

export interface FailureEmailInput {
  definition: ImportDefinition;
  run: RunRecord;
  spreadsheetName: string;
  spreadsheetUrl: string;
  timeZone: string;
  now: number;
}

export function failureEmail(input: FailureEmailInput): { subject: string; body: string } {
  const { definition, run } = input;
  const owner = definition.scheduleOwner ?? '';
  const schedule = definition.schedule ? describeSpec(definition.schedule) : 'on schedule';
  const body = [
    `The scheduled import "${definition.name}" in the spreadsheet "${input.spreadsheetName}" failed at ${formatLocal(input.now, input.timeZone)}.`,
    '',
    scheduledFailureText(run, owner),
    '',
    `The data already in the sheet was kept. The schedule stays on (${schedule}).`,
    `Open the spreadsheet: ${input.spreadsheetUrl}`,
    '',
    'You get at most one of these emails per import per day. They can be turned off for this spreadsheet in Lever for Sheets.',
  ].join('\n');
  return { subject: `Lever for Sheets: scheduled import "${definition.name}" failed`, body };
}
