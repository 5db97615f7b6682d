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
  checkCellBudget(workbook.totalCells(), NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
  try {
    return { sheet: workbook.insertSheet(definition.sheetName), created: true };
  } catch (error) {
    // Sheets refuses a second sheet of a name: the user's own sheet of that name is the target.
    const named = workbook.sheetByName(definition.sheetName);
    if (!named) throw error;
    return { sheet: named, created: false };
  }
}
