// Sidebar-facing facade: the ServerApi assembled from its parts, one module per concern.
import { importRpc } from './rpc/imports';
import { keyRpc } from './rpc/key';
import { scheduleRpc } from './rpc/schedule';
import type { ServerApi } from './shared/rpc';

export const serverApi: ServerApi = { ...keyRpc, ...importRpc, ...scheduleRpc };
