// Apps Script entry points, and nothing else: every exported function becomes a top-level global in dist/Code.js.

import { runDiagnosticsProbe } from './app/diagnostics-probe';
import { showDiagnosticsReport } from './app/diagnostics-report';
import { buildMenu, openSidebar } from './app/menu';
import { refreshAllFromMenu } from './app/menu-refresh';
import { configureRuntime } from './app/runtime';
import { runScheduledDispatch } from './app/scheduled-run';
import { serverApi } from './app/server-api';

configureRuntime();

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

export function onInstall(_e?: GoogleAppsScript.Events.AddonOnInstall): void {
  buildMenu();
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
