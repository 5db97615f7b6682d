// Sidebar calls about schedules: set one, take one over, and the spreadsheet's failure-email switch.
import { AppError, isAppError, toAppError } from '../errors';
import { setFailureEmails, setImportSchedule, takeOverImportSchedule } from '../schedule/service';
import type { ServerApi } from '../shared/rpc';

/** Errors reach the sidebar as one clear sentence (google.script.run passes only the message on). */
function guarded<A extends unknown[], R>(call: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return call(...args);
    } catch (error) {
      if (isAppError(error)) throw error;
      const appError = toAppError(error);
      throw new AppError(appError.code, `Something went wrong: ${appError.message}`);
    }
  };
}

export const scheduleRpc: Pick<ServerApi, 'setSchedule' | 'takeOverSchedule' | 'setFailureEmails'> = {
  setSchedule: guarded(setImportSchedule),
  takeOverSchedule: guarded(takeOverImportSchedule),
  setFailureEmails: guarded(setFailureEmails),
};
