// Sidebar calls about schedules: set one, take one over, and the spreadsheet's failure-email switch.

import type { ServerApi } from '../../shared/rpc';
import { setFailureEmails, setImportSchedule, takeOverImportSchedule } from '../schedule-calls';
import { guarded } from './guarded';

export const scheduleRpc: Pick<ServerApi, 'setSchedule' | 'takeOverSchedule' | 'setFailureEmails'> = {
  setSchedule: guarded(setImportSchedule),
  takeOverSchedule: guarded(takeOverImportSchedule),
  setFailureEmails: guarded(setFailureEmails),
};
