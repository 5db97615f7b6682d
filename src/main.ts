// Apps Script entry points, and nothing else: every exported function becomes a top-level global in dist/Code.js.

import { runDiagnosticsProbe } from './diagnostics/probe';
import { showDiagnosticsReport } from './diagnostics/show';
import { utilitiesDateTime } from './gas/zone-format';
import { serverApi } from './rpc';
import { refreshAllFromMenu } from './rpc-menu';
import { runScheduledDispatch } from './schedule/dispatcher';
import { useZoneFallback } from './schedule/zone';
import { buildAddonMenu, openSidebar } from './ui/menu';

// Schedule hours read wall clocks through Utilities.formatDate wherever Apps Script's Intl lacks zone data.
useZoneFallback(utilitiesDateTime);

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu();
}

export function onInstall(_e?: GoogleAppsScript.Events.AddonOnInstall): void {
  buildAddonMenu();
}

export function showSidebar(): void {
  openSidebar();
}

export function refreshAllImports(): void {
  refreshAllFromMenu();
}

/** The one time-driven trigger per user per document calls this. */
export function onScheduledRun(e?: GoogleAppsScript.Events.TimeDriven): void {
  runScheduledDispatch(e);
}

/** Extensions → Lever for Sheets → Diagnostics. */
export function showDiagnostics(): void {
  showDiagnosticsReport();
}

/** The one-off trigger Diagnostics creates to read what a trigger execution can reach; it deletes itself. */
export function onDiagnosticsProbe(e?: GoogleAppsScript.Events.TimeDriven): void {
  runDiagnosticsProbe(e);
}

// Sidebar calls (google.script.run): one global per entry of SERVER_FUNCTIONS in src/shared/rpc.ts, typed by it;
// test/integration/server-functions.test.ts fails if this list and the declaration disagree.
type Args<K extends keyof typeof serverApi> = Parameters<(typeof serverApi)[K]>;
export function getSidebarState(...args: Args<'getSidebarState'>) {
  return serverApi.getSidebarState(...args);
}
export function saveApiKey(...args: Args<'saveApiKey'>) {
  return serverApi.saveApiKey(...args);
}
export function checkApiKey(...args: Args<'checkApiKey'>) {
  return serverApi.checkApiKey(...args);
}
export function removeApiKey(...args: Args<'removeApiKey'>) {
  return serverApi.removeApiKey(...args);
}
export function listColumns(...args: Args<'listColumns'>) {
  return serverApi.listColumns(...args);
}
export function saveImport(...args: Args<'saveImport'>) {
  return serverApi.saveImport(...args);
}
export function duplicateImport(...args: Args<'duplicateImport'>) {
  return serverApi.duplicateImport(...args);
}
export function deleteImport(...args: Args<'deleteImport'>) {
  return serverApi.deleteImport(...args);
}
export function previewImport(...args: Args<'previewImport'>) {
  return serverApi.previewImport(...args);
}
export function runImport(...args: Args<'runImport'>) {
  return serverApi.runImport(...args);
}
export function continueImport(...args: Args<'continueImport'>) {
  return serverApi.continueImport(...args);
}
export function getRunProgress(...args: Args<'getRunProgress'>) {
  return serverApi.getRunProgress(...args);
}
export function setSchedule(...args: Args<'setSchedule'>) {
  return serverApi.setSchedule(...args);
}
export function takeOverSchedule(...args: Args<'takeOverSchedule'>) {
  return serverApi.takeOverSchedule(...args);
}
export function setFailureEmails(...args: Args<'setFailureEmails'>) {
  return serverApi.setFailureEmails(...args);
}
