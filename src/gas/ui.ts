// The add-on's UI over SpreadsheetApp and HtmlService: menu, sidebar and dialogs (safe in AuthMode.NONE).

/** One menu item: its label and the global function it calls. */
export interface MenuItem {
  label: string;
  handler: string;
}

/** Builds the Extensions → <add-on> menu. Touches only the UI, as AuthMode.NONE requires. */
export function buildAddonMenu(items: readonly MenuItem[]): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) menu.addItem(item.label, item.handler);
  menu.addToUi();
}

/** Opens an HTML file of the project (the built sidebar) in the sidebar. */
export function openSidebarFile(file: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Shows HTML in a modal dialog. */
export function showDialog(html: string, title: string, size: { width: number; height: number }): void {
  const output = HtmlService.createHtmlOutput(html).setWidth(size.width).setHeight(size.height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
