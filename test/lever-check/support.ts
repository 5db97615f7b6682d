// checkLever against the Lever simulator, on a virtual clock that the check's own sleeps move on.
import { checkLever, type LeverCheckReport } from '../../tools/lever-check/core';
import type { LeverSimulator } from '../../tools/lever-sim';
import { FULL } from '../lever-sim/support';

type Transport = Parameters<typeof checkLever>[0]['transport'];

export function checkOnSimulator(
  sim: LeverSimulator,
  clock: { now: number },
  options: { apiKey?: string; maxRequests?: number; transport?: Transport } = {},
): Promise<LeverCheckReport> {
  return checkLever({
    maxRequests: options.maxRequests,
    baseUrl: 'https://api.lever.co/v1',
    apiKey: options.apiKey ?? FULL,
    transport: options.transport ?? ((url, headers) => sim.handle({ url, method: 'GET', headers })),
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now += ms;
    },
  });
}
