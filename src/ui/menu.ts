// The add-on menu and the sidebar: safe in AuthMode.NONE (no properties, no network before the user enables the add-on).

export const SIDEBAR_TITLE = 'Lever for Sheets';

/** Builds the Extensions → Lever for Sheets menu. Touches only the UI, as AuthMode.NONE requires. */
export function buildAddonMenu(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open Lever for Sheets', 'showSidebar')
    .addItem('Refresh all imports in this spreadsheet', 'refreshAllImports')
    .addItem('Diagnostics', 'showDiagnostics')
    .addToUi();
}

export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
