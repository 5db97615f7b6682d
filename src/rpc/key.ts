// Sidebar calls about the Lever API key. PLACEHOLDER until the Lever client work lands.
import type { ServerApi } from '../shared/rpc';

function notReady(): never {
  throw new Error('Connecting to Lever is not built yet.');
}

export const keyRpc: Pick<ServerApi, 'saveApiKey' | 'checkApiKey' | 'removeApiKey'> = {
  saveApiKey: notReady,
  checkApiKey: notReady,
  removeApiKey: notReady,
};
