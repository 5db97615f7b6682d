// Redraws the "Lever status" sheet after every run and schedule change, from the document's store.
import { sentenceOf, toAppError } from '../errors';
import { documentSnapshot } from '../gas/properties';
import { STATUS_SHEET } from '../health/status-rows';
import { refreshStatus } from '../health/status-sheet';
import type { WorkbookPort } from '../ports/sheet';

/**
 * Called after every run (manual, sidebar, menu or scheduled) and every schedule change. Never throws: the
 * status sheet is a view of the run records, and failing to redraw it must not fail the run it reports.
 */
export function refreshStatusSheet(workbook: WorkbookPort): void {
  try {
    // Every import's definition, runs and schedule state: one properties read instead of several per import.
    refreshStatus(workbook, documentSnapshot(), Date.now());
  } catch (error) {
    console.log(`The ${STATUS_SHEET} sheet was not updated: ${sentenceOf(toAppError(error))}`);
  }
}

/** refreshStatusSheet for one-line wiring after a run: refreshes, then hands the run's result back unchanged. */
export function refreshStatusAfter<T>(workbook: WorkbookPort, result: T): T {
  refreshStatusSheet(workbook);
  return result;
}
