// What each error code carries: typed, JSON-safe facts (never a sentence) for the catalogue to word.
import type { ErrorCode } from '../shared/error-code';
import type { ImportObject } from '../shared/types';

type None = Record<string, never>;

/** Why a request or a setting was refused; each reason has one sentence in the catalogue. */
export type BadInputDetails =
  | { reason: 'notOneOf'; field: string; allowed: string[] }
  | { reason: 'empty'; field: string }
  | { reason: 'tooLong'; field: string; max: number }
  | { reason: 'notDate'; field: string }
  | { reason: 'notList'; field: string }
  | { reason: 'listTooLong'; field: string; max: number }
  /** One value of a Lever filter (its query parameter) too long for any request's URL. */
  | { reason: 'filterValueTooLong'; filter: string }
  | { reason: 'filterObject'; filter: string; object: string }
  | { reason: 'dateOrder'; after: string; before: string }
  | { reason: 'hiredDateOrder'; after: string; before: string }
  | { reason: 'columnsNotList' }
  | { reason: 'unknownColumn'; column: string; object: string }
  | { reason: 'reservedSheet' }
  | { reason: 'sheetTaken'; importName: string; sheetName: string }
  | { reason: 'settingsMissing' }
  | { reason: 'object' }
  | { reason: 'importGone' }
  | { reason: 'importDeleted' }
  | { reason: 'tooManyImports'; max: number }
  | { reason: 'notRunning' }
  | { reason: 'runEnvironment'; importName: string; wanted: string; saved: string }
  | { reason: 'takeOverEnvironment'; importName: string; wanted: string; saved: string }
  | { reason: 'notScheduled'; importName: string }
  | { reason: 'unknownUser'; action: 'set' | 'takeOver' }
  | { reason: 'failureEmails' }
  | { reason: 'scheduleMissing' }
  | { reason: 'interval'; allowed: number[] }
  | { reason: 'hour' }
  | { reason: 'weekDay' }
  | { reason: 'scheduleKind' }
  | { reason: 'scheduleCalls'; importName: string; requests: number; perDay: number; limit: number }
  | { reason: 'keyEmpty' }
  | { reason: 'keyTooLong' }
  | { reason: 'keyCharacters' }
  | { reason: 'environment'; allowed: string[] };

export interface ErrorDetailsByCode {
  LEVER_AUTH: None;
  LEVER_FORBIDDEN:
    | { reason: 'endpoint'; endpoint: string }
    | { reason: 'confidentialKey' }
    | { reason: 'confidentialImport'; object?: ImportObject }
    | { reason: 'takeOverKey'; object: ImportObject };
  LEVER_BAD_REQUEST:
    | { reason: 'filter'; filter: string | null; leverMessage: string }
    | { reason: 'notFound'; endpoint: string };
  LEVER_RATE_LIMITED: None;
  LEVER_UNAVAILABLE:
    | { reason: 'status'; status: number }
    | { reason: 'unreadable'; endpoint: string; problem: string }
    | { reason: 'offsetToken'; endpoint: string };
  NO_KEY: { reason: 'connect' } | { reason: 'takeOver' };
  BAD_INPUT: BadInputDetails;
  SHEET_TOO_BIG:
    | { reason: 'grow'; added: number; total: number; max: number }
    | { reason: 'projected'; fetchedRows: number; added: number; total: number; max: number }
    /** The result is more than one execution can write (the commit's own estimate): it would wait for ever. */
    | { reason: 'write'; cells: number; max: number };
  SHEET_MISSING: { reason: 'noSpreadsheet' } | { reason: 'targetDeleted'; sheetName: string; importName: string };
  BUSY: None;
  TIME_BUDGET: { reason: 'execution' } | { reason: 'lookups' } | { reason: 'access' } | { reason: 'probe' };
  QUOTA: { message: string };
  /** Google's 500 KB (or 9 KB a value) for the user's properties, shared by every spreadsheet they use the add-on in. */
  STORE_FULL: None;
  TRIGGER_LIMIT: { reason: 'perDocument' } | { reason: 'perScript' } | { reason: 'other'; message: string };
  NOT_OWNER: { owner: string };
  NOT_APPROVED: { owner: string };
  INTERNAL:
    | { reason: 'unexpected'; message: string }
    | { reason: 'sidebar'; message: string }
    | { reason: 'unreadableProgress' }
    | { reason: 'storedValueTooLarge'; key: string; length: number }
    | { reason: 'interrupted' }
    | { reason: 'baseMissing' }
    | { reason: 'dateFormat'; text: string };
}

/** Every code has its details type: a new code without one does not compile. */
export type ErrorDetails<C extends ErrorCode = ErrorCode> = ErrorDetailsByCode[C];
