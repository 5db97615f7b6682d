// Apps Script services the add-on must not use: present (as in Google) but every member throws in the emulator.
import type { Execution } from '../runtime/execution';
import { strictObject } from './strict';

export const UNSUPPORTED_SERVICES = [
  'DriveApp',
  'GmailApp',
  'DocumentApp',
  'SlidesApp',
  'FormApp',
  'CalendarApp',
  'ContactsApp',
  'ContentService',
  'XmlService',
  'Browser',
  'Charts',
  'Maps',
  'LanguageApp',
  'CardService',
  'GroupsApp',
  'Jdbc',
  'DataStudioApp',
  'ConferenceDataService',
];

export function createUnsupportedService(exec: Execution, name: string): object {
  return strictObject(exec, name, {});
}
