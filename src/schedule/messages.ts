// Sentences about scheduled runs for the run log, the sidebar and the failure email (pure).
import { BUSY_SKIP_SENTENCE, type ErrorCode, scheduledAdvice } from '../errors';
import type { ImportDefinition, RunRecord } from '../shared/types';
import { describeSpec } from './spec';
import { localDateTime } from './zone';

/** What the schedule does next, by error code (worded in the errors catalogue). */
export function scheduledFailureAdvice(code: ErrorCode | undefined, owner: string): string {
  return scheduledAdvice(code, owner);
}

/** The engine's sentence plus what the schedule does next. */
export function scheduledFailureText(run: RunRecord, owner: string): string {
  const message = run.message || 'The scheduled import failed.';
  return `${message} ${scheduledFailureAdvice(run.errorCode, owner)}`;
}

export const BUSY_SKIP_MESSAGE = BUSY_SKIP_SENTENCE;

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
