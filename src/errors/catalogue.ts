// The one catalogue: error code plus details → the sentence a finance user reads, wherever it is shown.
import type { ErrorCode } from '../shared/error-code';
import { badInputSentence } from './catalogue-input';
import type { ErrorDetailsByCode } from './details';
import { byReason, NEW_KEY_ADVICE, thousands } from './wording';

type Catalogue = { [C in ErrorCode]: (details: ErrorDetailsByCode[C]) => string };

const WHO_DEFAULT = 'the schedule owner';

const lever = {
  LEVER_AUTH: () => 'Lever rejected the API key: it is wrong or was revoked. Paste a new key in the sidebar.',
  LEVER_FORBIDDEN: byReason<ErrorDetailsByCode['LEVER_FORBIDDEN']>({
    endpoint: (d) =>
      `This key cannot read ${d.endpoint}. Ask a Lever Super Admin for a key with Read access to ${d.endpoint}.`,
    confidentialKey: () =>
      'This key cannot read confidential data. Ask a Lever Super Admin for a new key with "Allow access to ' +
      'confidential data" turned on (it can only be set when a key is created), or leave confidential records out.',
    confidentialImport: (d) =>
      `This import asks for confidential ${d.object ?? 'records'}, but this API key cannot read confidential ` +
      `data. ${NEW_KEY_ADVICE} Or set the import's Confidential filter to Exclude.`,
    takeOverKey: (d) =>
      `Your Lever key cannot read ${d.object}, so the schedule would fail with it. ` +
      'Ask a Lever admin to grant the key that access, then try again.',
  }),
  LEVER_BAD_REQUEST: byReason<ErrorDetailsByCode['LEVER_BAD_REQUEST']>({
    filter: (d) => {
      const says = d.leverMessage ? ` (Lever says: "${d.leverMessage}")` : '';
      return d.filter
        ? `Lever refused the "${d.filter}" filter${says}. Change that filter in the import and try again.`
        : `Lever refused this import's filters${says}. Check the filters and try again.`;
    },
    notFound: (d) =>
      `Lever does not know ${d.endpoint} at this address. Check the key's environment ` +
      '(production, sandbox or EU) in the sidebar.',
  }),
  LEVER_RATE_LIMITED: () =>
    'Lever kept asking the add-on to slow down (too many requests with this key). ' +
    'Try again in a few minutes; if it keeps happening, another tool may be using the same key.',
  LEVER_UNAVAILABLE: byReason<ErrorDetailsByCode['LEVER_UNAVAILABLE']>({
    status: (d) =>
      `Lever ${d.status === 0 ? 'could not be reached (network error)' : `kept failing (error ${d.status})`} ` +
      'after several tries. Try again in a few minutes.',
    unreadable: (d) => `Lever sent an answer for ${d.endpoint} the add-on cannot use (${d.problem}). Try again later.`,
    offsetToken: (d) =>
      `Lever kept refusing the bookmarks it gave for the next page of ${d.endpoint} ` +
      '("Invalid offset token"), even after starting the list again. Run the import again in a few minutes.',
  }),
  NO_KEY: byReason<ErrorDetailsByCode['NO_KEY']>({
    connect: () => 'Connect Lever first: paste your API key in the sidebar.',
    takeOver: () =>
      'Connect Lever first: a schedule you take over runs with your own Lever API key, and you have not saved one.',
  }),
} satisfies Partial<Catalogue>;

const SHEET_TOO_BIG_ADVICE =
  'Delete unused sheets, rows or columns, or narrow the import with filters or fewer columns.';

const spreadsheet = {
  SHEET_TOO_BIG: byReason<ErrorDetailsByCode['SHEET_TOO_BIG']>({
    grow: (d) =>
      `This import needs ${thousands(d.added)} more cells, which would bring the spreadsheet to ${thousands(d.total)} ` +
      `cells; Google Sheets allows at most ${thousands(d.max)}. ${SHEET_TOO_BIG_ADVICE}`,
    projected: (d) =>
      `Stopped before fetching the rest: the ${thousands(d.fetchedRows)} rows fetched so far already need ` +
      `${thousands(d.added)} more cells, which would bring the spreadsheet to ${thousands(d.total)} cells; Google ` +
      `Sheets allows at most ${thousands(d.max)}. ${SHEET_TOO_BIG_ADVICE}`,
    write: (d) =>
      `The result is ${thousands(d.cells)} cells, more than one run can write to the sheet in Google's 6 minutes ` +
      `(about ${thousands(d.max)}), so it was not written and the sheet is as it was. Narrow the import with ` +
      'filters or fewer columns.',
  }),
  SHEET_MISSING: byReason<ErrorDetailsByCode['SHEET_MISSING']>({
    noSpreadsheet: () => 'Open the spreadsheet first: this action works inside a spreadsheet.',
    targetDeleted: (d) =>
      `The sheet "${d.sheetName}" that the import "${d.importName}" writes to was deleted. ` +
      'Choose a sheet in the import’s settings, then run it again.',
  }),
  // One sentence for the lease, the script lock and Apps Script's lock timeout: the script lock spans every user and
  // spreadsheet of the add-on, so a BUSY need not mean an import runs here.
  BUSY: () =>
    'Lever for Sheets is busy: usually another import is already running in this spreadsheet (its progress shows in ' +
    'the sidebar). Wait a minute, then try again.',
} satisfies Partial<Catalogue>;

const TIME_BUDGET_SENTENCES: Record<ErrorDetailsByCode['TIME_BUDGET']['reason'], string> = {
  execution: 'The import ran out of time (Google stops add-ons after 6 minutes).',
  lookups: 'Lever was too slow to send its lists of names in time. Run the import again.',
  access: 'Lever was too slow to answer in time. Try again in a minute.',
  probe: 'Lever took too long to answer. Try connecting again in a minute.',
};

const google = {
  TIME_BUDGET: (d: ErrorDetailsByCode['TIME_BUDGET']) => TIME_BUDGET_SENTENCES[d.reason],
  QUOTA: (d: ErrorDetailsByCode['QUOTA']) => `Google's daily limit for this account was reached: ${d.message}`,
  STORE_FULL: () =>
    "Lever for Sheets could not save your settings: Google's storage for them in your account (500 KB, shared by " +
    'every spreadsheet you use it in) is full. Turn off schedules in spreadsheets you no longer use, then try again.',
  TRIGGER_LIMIT: byReason<ErrorDetailsByCode['TRIGGER_LIMIT']>({
    perDocument: () =>
      'Google allows one scheduled trigger per person in each spreadsheet and another one is in the way. ' +
      'Reopen Lever for Sheets so it can clean up, then set the schedule again.',
    perScript: () =>
      "You have reached Google's limit of 20 triggers for Lever for Sheets across your spreadsheets. " +
      'Turn off schedules in spreadsheets you no longer use, then try again.',
    other: (d) => `Google could not create the schedule's trigger: ${d.message}`,
  }),
} satisfies Partial<Catalogue>;

function notApproved(d: ErrorDetailsByCode['NOT_APPROVED']): string {
  const who = d.owner || WHO_DEFAULT;
  return (
    `Not run: this import's settings were changed outside ${who}'s Lever for Sheets since ${who} scheduled it, ` +
    `so ${who}'s trigger will not run them with ${who}'s Lever key. ${who} can open Lever for Sheets, check the ` +
    'import and save its schedule again to confirm.'
  );
}

const ownership = {
  NOT_OWNER: (d: ErrorDetailsByCode['NOT_OWNER']) =>
    `This schedule runs with ${d.owner}'s Lever key; only ${d.owner} can change it or turn it off. ` +
    'To run it with your own key instead, take the schedule over.',
  NOT_APPROVED: notApproved,
  INTERNAL: byReason<ErrorDetailsByCode['INTERNAL']>({
    unexpected: (d) => d.message,
    sidebar: (d) => `Something went wrong: ${d.message}`,
    unreadableProgress: () => 'The saved progress of this import is unreadable. Run the import again.',
    storedValueTooLarge: (d) => `The stored value of ${d.key} is too large (${d.length} characters).`,
    interrupted: () => 'This run was interrupted before it finished. Run the import again.',
    baseMissing: () =>
      'The hidden copy of the last result that a changes-only refresh builds on was removed. Run the import again: it reads everything.',
    dateFormat: (d) => `Utilities.formatDate gave an unexpected date: ${d.text}`,
  }),
} satisfies Partial<Catalogue>;

const CATALOGUE: Catalogue = { ...lever, BAD_INPUT: badInputSentence, ...spreadsheet, ...google, ...ownership };

/** The sentence for a code and its details: the only place a user-facing error sentence is worded. */
export function sentenceFor<C extends ErrorCode>(code: C, details: ErrorDetailsByCode[C]): string {
  return (CATALOGUE[code] as (d: unknown) => string)(details);
}

/** The sentence an edge (sidebar, run record, run log, status sheet, email) shows for an error. */
export function sentenceOf(error: { code: ErrorCode; details: unknown }): string {
  return (CATALOGUE[error.code] as (details: unknown) => string)(error.details);
}
