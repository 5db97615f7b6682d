// Finds an import's target sheet: by its stable id first (renames keep working), then by name, else creates it.
import { AppError } from '../errors';
import type { SheetPort, WorkbookPort } from '../ports/sheet';
import type { ImportDefinition } from '../shared/types';
import { checkCellBudget } from './cells';
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from './tracked-workbook';

export function findTarget(workbook: WorkbookPort, definition: ImportDefinition): SheetPort | null {
  const byId = definition.sheetId !== undefined ? workbook.sheetById(definition.sheetId) : null;
  return byId ?? workbook.sheetByName(definition.sheetName);
}

/** Throws SHEET_MISSING when a sheet the add-on already wrote to was deleted (a new one would hide the loss). */
export function checkTargetExists(workbook: WorkbookPort, definition: ImportDefinition): void {
  if (definition.sheetId === undefined || findTarget(workbook, definition)) return;
  throw new AppError('SHEET_MISSING', {
    reason: 'targetDeleted',
    sheetName: definition.sheetName,
    importName: definition.name,
  });
}

/** The sheet to write to, and whether it was created just now (on the first run). */
export function openTarget(
  workbook: WorkbookPort,
  definition: ImportDefinition,
): { sheet: SheetPort; created: boolean } {
  checkTargetExists(workbook, definition);
  // Before the first commit there is no id: inserting answers "is the name free?" in the same call that acts on it.
  const found = definition.sheetId === undefined ? null : findTarget(workbook, definition);
  if (found) return { sheet: found, created: false };
  // Counted before the insert: the commit counts anyway (growth, the base's room), and a count made after this
  // execution's inserts must also ask every sheet's id to leave out the sheets it already knows.
  checkNewSheetBudget(workbook);
  // The user's own sheet of that name, when there is one, is the target.
  return insertOrFind(workbook, definition.sheetName);
}

/** Throws SHEET_TOO_BIG when a new sheet (Sheets' default grid) would take the spreadsheet past the cell limit. */
export function checkNewSheetBudget(workbook: WorkbookPort): void {
  checkCellBudget(workbook.totalCells(), NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
}

/**
 * A sheet of this name: inserted, or, when Sheets refuses a second sheet of a name, the one there is. Inserting
 * first answers "is the name taken?" in the call that acts on it, and Sheets enforces its cell limit itself: only a
 * refused insert with no sheet of the name counts the cells, so the refusal says SHEET_TOO_BIG as a check before
 * it would have.
 */
export function insertOrFind(workbook: WorkbookPort, name: string): { sheet: SheetPort; created: boolean } {
  try {
    return { sheet: workbook.insertSheet(name), created: true };
  } catch (error) {
    const named = workbook.sheetByName(name);
    if (named) return { sheet: named, created: false };
    checkNewSheetBudget(workbook);
    throw error;
  }
}
