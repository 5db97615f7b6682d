// Reads the id of a Spreadsheet object handed back to another service (e.g. ScriptApp.getUserTriggers(ss)).
import { SPREADSHEET_ID } from '../context';
import type { Execution } from '../runtime/execution';
import { signatureError } from './strict';

/**
 * The spreadsheet model may tag its Spreadsheet objects with the SPREADSHEET_ID symbol (read without a metered
 * call); otherwise the object's own getId() is used.
 */
export function spreadsheetIdOf(exec: Execution, spreadsheet: unknown, method: string): string {
  if (typeof spreadsheet === 'object' && spreadsheet !== null) {
    const tagged = (spreadsheet as Record<symbol, unknown>)[SPREADSHEET_ID];
    if (typeof tagged === 'string') return tagged;
    const getId = (spreadsheet as { getId?: unknown }).getId;
    if (typeof getId === 'function') {
      const id = getId.call(spreadsheet);
      if (typeof id === 'string') return id;
    }
  }
  throw signatureError(exec, method, [spreadsheet]);
}
