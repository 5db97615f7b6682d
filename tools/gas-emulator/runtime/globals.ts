// Installs the Apps Script globals of one execution into its realm (and nothing from Node).
import type { EmulatorCore } from '../core';
import { createCacheService } from '../services/cache';
import { createHtmlService } from '../services/html';
import { createLockService } from '../services/lock';
import { createConsole, createLogger } from '../services/logging';
import { createMailApp } from '../services/mail';
import { createPropertiesService } from '../services/properties';
import { createScriptApp } from '../services/script-app';
import { createSession } from '../services/session';
import { createUnsupportedService, UNSUPPORTED_SERVICES } from '../services/unsupported';
import { createUrlFetchApp } from '../services/urlfetch';
import { createUtilities } from '../services/utilities';
import type { Execution } from './execution';

export function installGlobals(exec: Execution, core: EmulatorCore): void {
  const realm = exec.realm;
  const services: Record<string, object> = {
    SpreadsheetApp: core.spreadsheets.createSpreadsheetApp(exec),
    PropertiesService: createPropertiesService(exec, core),
    UrlFetchApp: createUrlFetchApp(exec, core),
    ScriptApp: createScriptApp(exec, core),
    LockService: createLockService(exec, core),
    CacheService: createCacheService(exec, core),
    Utilities: createUtilities(exec, core),
    Session: createSession(exec, core),
    HtmlService: createHtmlService(exec, core),
    MailApp: createMailApp(exec, core),
    Logger: createLogger(exec),
    console: createConsole(exec),
  };
  for (const name of UNSUPPORTED_SERVICES) services[name] = createUnsupportedService(exec, name);
  for (const [name, service] of Object.entries(services)) realm.defineGlobal(name, service);
}
