// An open spreadsheet handed to the composition root as plain facts plus ports; the Spreadsheet object stays here.
import type { SpreadsheetInfo, WorkbookPort } from '../ports/sheet';
import type { TriggerPort } from '../ports/triggers';
import {
  activeSpreadsheet,
  activeSpreadsheetOrNull,
  idOf,
  openSpreadsheetById,
  timeZoneOf,
  workbookPort,
} from './spreadsheet';
import { bindDocument } from './state-sheet';
import { openTriggerSpreadsheet, spreadsheetTriggers, triggerListing } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TriggerListing {
  inSpreadsheet: boolean;
  inProject: boolean;
}

/** One spreadsheet: what it is, and the ports over it. */
export interface DocumentPorts {
  info: SpreadsheetInfo;
  /** A new workbook port (one per execution step: it remembers what it learnt, see workbookPort). */
  workbook(options?: { deferViewRestore?: boolean }): WorkbookPort;
  /** The running user's add-on triggers in this spreadsheet. */
  triggers(): TriggerPort;
  /** Where a trigger is listed for the running user (Diagnostics). */
  triggerListing(uid: string): TriggerListing;
  /** Makes this spreadsheet the document of the execution (state store, lease), for triggers without one. */
  bind(): void;
}

/**
 * Facts read through on every use, as the code before this port did, but the time zone and the id, asked once
 * (timeZoneOf, idOf). Each is asked only when read: a firing that mails nobody never asks the name or the URL.
 */
function infoOf(spreadsheet: Spreadsheet): SpreadsheetInfo {
  return {
    get id() {
      return idOf(spreadsheet);
    },
    get name() {
      return spreadsheet.getName();
    },
    get url() {
      return spreadsheet.getUrl();
    },
    get timeZone() {
      return timeZoneOf(spreadsheet);
    },
  };
}

function documentPorts(spreadsheet: Spreadsheet): DocumentPorts {
  return {
    info: infoOf(spreadsheet),
    workbook: (options) => workbookPort(spreadsheet, options),
    triggers: () => spreadsheetTriggers(spreadsheet),
    triggerListing: (uid) => triggerListing(spreadsheet, uid),
    bind: () => bindDocument(spreadsheet),
  };
}

/** The spreadsheet the sidebar or menu was opened in (SHEET_MISSING without one). */
export function activeDocument(): DocumentPorts {
  return documentPorts(activeSpreadsheet());
}

/** The active spreadsheet, or null (Diagnostics may run without one). */
export function activeDocumentOrNull(): DocumentPorts | null {
  const spreadsheet = activeSpreadsheetOrNull();
  return spreadsheet ? documentPorts(spreadsheet) : null;
}

/** A spreadsheet by id (a trigger's recorded spreadsheet). */
export function documentById(id: string): DocumentPorts {
  return documentPorts(openSpreadsheetById(id));
}

/** The spreadsheet a trigger execution works on: the active one, else the first stored id that is set. */
export function triggerDocument(storedIds: () => Array<string | null>): DocumentPorts | null {
  const spreadsheet = openTriggerSpreadsheet(storedIds);
  return spreadsheet ? documentPorts(spreadsheet) : null;
}
