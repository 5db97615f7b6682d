// The catalogue's sentences for BAD_INPUT: what the user sent or chose that cannot be used, and what to do instead.

import { IMPORT_DELETED_SENTENCE } from '../shared/rpc';
import type { BadInputDetails } from './details';
import { type ByReason, byReason, environmentName, thousands } from './wording';

const IMPORT_GONE = 'This import no longer exists. It may have been deleted by another editor.';

/** Lever's query parameters as the import builder names its filters. */
const FILTER_LABELS: Record<string, string> = {
  tag: 'tag',
  stage_id: 'stage',
  posting_id: 'posting',
  archive_reason_id: 'archive reason',
};

const sentences: ByReason<BadInputDetails> = {
  // An import's settings, as the sidebar sent them
  notOneOf: (d) => `${d.field} must be one of: ${d.allowed.join(', ')}.`,
  empty: (d) => `${d.field} cannot be empty.`,
  tooLong: (d) => `${d.field} can have at most ${d.max} characters.`,
  notDate: (d) => `${d.field} must be a date written as yyyy-MM-dd, e.g. 2025-01-31.`,
  notList: (d) => `${d.field} must be a list of non-empty values.`,
  listTooLong: (d) => `${d.field} can list at most ${d.max} values.`,
  filterValueTooLong: (d) =>
    `One ${FILTER_LABELS[d.filter] ?? d.filter} in this import's filters is too long to send to Lever: Google limits ` +
    'the address of a request to about 2,000 characters. Remove it from the filters.',
  filterObject: (d) => `The ${d.filter} filter applies to ${d.object} only.`,
  dateOrder: (d) => `"Created after" (${d.after}) is later than "Created before" (${d.before}).`,
  hiredDateOrder: (d) => `"Hired after" (${d.after}) is later than "Hired before" (${d.before}).`,
  columnsNotList: () => 'Columns must be a list of column keys.',
  unknownColumn: (d) => `There is no column "${d.column}" for ${d.object}.`,
  reservedSheet: () => 'That sheet name is reserved for the add-on’s working area.',
  sheetTaken: (d) => `The import "${d.importName}" already writes to the sheet "${d.sheetName}". Choose another sheet.`,
  settingsMissing: () => 'The import settings are missing.',
  object: () => 'Choose Opportunities or Requisitions.',
  importGone: () => IMPORT_GONE,
  // Saving an edit of an import deleted meanwhile: the form still holds the edit, which a new import can keep (the
  // sidebar knows this refusal by its sentence).
  importDeleted: () => IMPORT_DELETED_SENTENCE,
  tooManyImports: (d) =>
    `A spreadsheet can hold at most ${d.max} imports, and this one has that many. Delete an import you no longer ` +
    'need, or put this one in another spreadsheet.',
  notRunning: () => 'This import is not running. Start it with "Run now".',
  runEnvironment: (d) =>
    `The import "${d.importName}" reads from Lever ${d.wanted}, but your saved key is for ` +
    `${d.saved}. Connect a ${d.wanted} key or edit the import.`,
  // Schedules
  takeOverEnvironment: (d) =>
    `"${d.importName}" reads from Lever ${environmentName(d.wanted)}, but your saved key is for Lever ` +
    `${environmentName(d.saved)}. Connect a ${environmentName(d.wanted)} key first, then take the schedule over.`,
  notScheduled: (d) => `"${d.importName}" has no schedule to take over. Set one instead.`,
  unknownUser: (d) =>
    'Google did not tell Lever for Sheets which account you use, so the schedule could not be ' +
    `${d.action === 'set' ? 'tied' : 'moved'} to you. Reload the spreadsheet and try again.`,
  failureEmails: () => 'Choose whether failure emails are on or off.',
  scheduleMissing: () => 'Choose how often the import should run.',
  interval: (d) => `Choose an interval of ${d.allowed.join(', ')} hours.`,
  hour: () => 'Choose an hour between 0 and 23.',
  weekDay: () => 'Choose a day of the week.',
  scheduleKind: () => 'Choose off, every few hours, daily or weekly.',
  scheduleCalls: (d) =>
    `"${d.importName}" sent ${thousands(d.requests)} requests to Lever on its last run, so this schedule would send about ` +
    `${thousands(d.perDay)} a day: more than half of Google's daily limit of ${thousands(d.limit)} (the limit of a personal Google account ` +
    'is assumed; Workspace accounts get more). Choose a less frequent schedule or narrow the import with filters.',
  // The API key box
  keyEmpty: () => 'Paste your Lever API key first: the box is empty.',
  keyTooLong: () => 'That is too long to be a Lever API key. Copy just the key from Lever and paste it again.',
  keyCharacters: () =>
    'A Lever API key has no spaces, line breaks or accented characters. Copy just the key and paste it again.',
  environment: (d) => `Choose where your Lever account lives: ${d.allowed.join(', ')}.`,
};

export const badInputSentence = byReason<BadInputDetails>(sentences);
