// Google's error texts for SpreadsheetApp, and the realm-free error the data model throws with them.

/** Thrown by the data model; the API layer re-throws it as an Exception in the execution's realm. */
export class SheetError extends Error {
  override name = 'Exception';
}

export function fail(message: string): never {
  throw new SheetError(message);
}

export const MESSAGES = {
  outOfGrid: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowTooSmall: 'The starting row of the range is too small.',
  columnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  allNonFrozenRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  allNonFrozenColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  freezeAllRows: "You can't freeze all visible rows on the sheet.",
  freezeAllColumns: "You can't freeze all visible columns on the sheet.",
  removeAllSheets: "You can't remove all the sheets in a document.",
  hideAllSheets: "You can't hide all the sheets in a document.",
  cellLimit: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  noAccess: 'You do not have access to the requested document.',
  rangeNotFound: 'Range not found',
  sameSpreadsheet: 'Target range and source range must be on the same spreadsheet.',
  noUiContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
  invalidTimeZone: 'Invalid argument: timeZone',
} as const;

export function duplicateSheetName(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}

export function dataDimensionMismatch(what: 'rows' | 'columns', data: number, range: number): string {
  return `The number of ${what} in the data does not match the number of ${what} in the range. The data has ${data} but the range has ${range}.`;
}

/**
 * A setValues payload over the limit. No source gives Apps Script's text; this is the Sheets API's (its limit of
 * 10485760 bytes quoted in googleworkspace/dotnet-samples#23), with the figure of the emulator's reading.
 */
export function payloadTooLarge(limit: number): string {
  return `Request payload size exceeds the limit: ${limit} bytes.`;
}
