// Sidebar-facing facade: the ServerApi assembled from its parts, one module per concern.

import type { ServerApi } from '../shared/rpc';
import { importRpc } from './rpc/imports';
import { keyRpc } from './rpc/key';
import { scheduleRpc } from './rpc/schedule';

export const serverApi: ServerApi = { ...keyRpc, ...importRpc, ...scheduleRpc };
