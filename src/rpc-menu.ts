// Menu actions that run imports from the Extensions menu (outside the sidebar).
// PLACEHOLDER until the import-engine work lands.
export function refreshAllFromMenu(): void {
  SpreadsheetApp.getActiveSpreadsheet().toast('Refresh is not built yet.', 'Lever for Sheets');
}
