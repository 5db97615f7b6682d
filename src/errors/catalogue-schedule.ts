// The catalogue's words for scheduled runs: what the schedule does next after each kind of failure.
import type { ErrorCode } from '../shared/error-code';
import { thousands } from './wording';

const KEEPS_TRYING = 'The schedule keeps trying at each run.';

/**
 * What the schedule does next, by error code, added to the engine's own sentence (which says what went wrong).
 * People other than the owner read the log too, so it names whose key a scheduled run uses.
 */
export function scheduledAdvice(code: ErrorCode | undefined, owner: string): string {
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

/** The run log's and status note's line when a scheduled run met BUSY: it is skipped, not failed. */
export const BUSY_SKIP_SENTENCE =
  'Skipped: Lever for Sheets was busy (usually another import was running in this spreadsheet). The scheduled run ' +
  'tries again at the next hourly check.';

/** The warning before Google's daily UrlFetch limit: shown beside the key, on the Imports list and in Diagnostics. */
export function urlFetchNearLimitSentence(calls: number, limit: number): string {
  return (
    `Lever for Sheets has sent ${thousands(calls)} of the ${thousands(limit)} requests Google lets your account ` +
    'make in a day (the limit of a personal Google account is assumed; Workspace accounts get more). Past it, every ' +
    "import run with your key fails until Google's day resets, 24 hours after its first request. Run fewer or " +
    'narrower imports, or schedule them less often.'
  );
}

/** Why an import now refreshes in full every time (incremental drift check), for the sidebar's import card. */
export function fullOnlySentence(records: number, at: string): string {
  const what = records === 1 ? '1 record' : `${records} records`;
  return (
    `Every refresh of this import reads everything: on ${at} a full refresh found ${what} changed in Lever in ` +
    "a way Lever's list of recent changes did not include, so refreshing only what changed could leave the sheet out of date."
  );
}

/** The card of an import whose definition is stored but missing from the list of imports (an older version's race). */
export const UNLISTED_IMPORT_SENTENCE =
  'This import had dropped out of the spreadsheet’s list of imports (left by an earlier version), so its schedule ' +
  'does not run and the Lever status sheet leaves it out. Save it to list it again, or delete it.';
