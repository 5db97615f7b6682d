// Sidebar calls about schedules. PLACEHOLDER until the scheduling work lands.
import type { ServerApi } from '../shared/rpc';

export const scheduleRpc: Pick<ServerApi, 'setSchedule'> = {
  setSchedule: () => {
    throw new Error('Schedules are not built yet.');
  },
};
