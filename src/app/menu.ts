// The add-on menu and the sidebar: safe in AuthMode.NONE (no properties, no network before the user enables the add-on).
import { buildAddonMenu, openSidebarFile } from '../gas/ui';

export const SIDEBAR_TITLE = 'Lever for Sheets';

/** Extensions → Lever for Sheets: each item calls the global of that name in main.ts. */
export function buildMenu(): void {
  buildAddonMenu([
    { label: 'Open Lever for Sheets', handler: 'showSidebar' },
    { label: 'Refresh all imports in this spreadsheet', handler: 'refreshAllImports' },
    { label: 'Diagnostics', handler: 'showDiagnostics' },
  ]);
}

export function openSidebar(): void {
  openSidebarFile('Sidebar', SIDEBAR_TITLE);
}
