// Sidebar calls about schedules.
import { setImportSchedule } from '../schedule/service';
import type { ServerApi } from '../shared/rpc';

export const scheduleRpc: Pick<ServerApi, 'setSchedule'> = {
  setSchedule: (importId, spec) => setImportSchedule(importId, spec),
};
