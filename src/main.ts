// Apps Script entry points, and nothing else: every exported function becomes a top-level global in dist/Code.js.

import { runDiagnosticsProbe } from './app/diagnostics-probe';
import { showDiagnosticsReport } from './app/diagnostics-report';
import { buildMenu, openSidebar } from './app/menu';
import { refreshAllFromMenu } from './app/menu-refresh';
import { configureRuntime } from './app/runtime';
import { runScheduledDispatch } from './app/scheduled-run';
import { serverApi } from './app/server-api';
import type { ColumnInfo, ImportDefinitionInput, ImportObject, LeverEnvironment, ScheduleSpec } from './shared/types';

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

// Sidebar calls (google.script.run): one line each, typed by ServerApi in src/shared/rpc.ts.
export function getSidebarState() {
  return serverApi.getSidebarState();
}
export function saveApiKey(key: string, environment: LeverEnvironment) {
  return serverApi.saveApiKey(key, environment);
}
export function checkApiKey() {
  return serverApi.checkApiKey();
}
export function removeApiKey() {
  return serverApi.removeApiKey();
}
export function listColumns(object: ImportObject): ColumnInfo[] {
  return serverApi.listColumns(object);
}
export function saveImport(input: ImportDefinitionInput) {
  return serverApi.saveImport(input);
}
export function duplicateImport(importId: string) {
  return serverApi.duplicateImport(importId);
}
export function deleteImport(importId: string) {
  return serverApi.deleteImport(importId);
}
export function previewImport(input: ImportDefinitionInput) {
  return serverApi.previewImport(input);
}
export function runImport(importId: string) {
  return serverApi.runImport(importId);
}
export function continueImport(importId: string) {
  return serverApi.continueImport(importId);
}
export function getRunProgress(importId: string) {
  return serverApi.getRunProgress(importId);
}
export function setSchedule(importId: string, spec: ScheduleSpec) {
  return serverApi.setSchedule(importId, spec);
}
export function takeOverSchedule(importId: string) {
  return serverApi.takeOverSchedule(importId);
}
export function setFailureEmails(enabled: boolean) {
  return serverApi.setFailureEmails(enabled);
}
