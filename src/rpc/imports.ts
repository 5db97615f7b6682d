// Sidebar calls about imports and runs. PLACEHOLDER until the import engine work lands.
import type { ServerApi } from '../shared/rpc';

function notReady(): never {
  throw new Error('Imports are not built yet.');
}

export const importRpc: Omit<ServerApi, 'saveApiKey' | 'checkApiKey' | 'removeApiKey' | 'setSchedule'> = {
  getSidebarState: notReady,
  listColumns: notReady,
  saveImport: notReady,
  duplicateImport: notReady,
  deleteImport: notReady,
  previewImport: notReady,
  runImport: notReady,
  continueImport: notReady,
  getRunProgress: notReady,
};
