// Injected failures: each fault lets `afterRequests` matching requests through, then fails the next `count`.

import type { SimFault } from './types';

interface ActiveFault {
  fault: SimFault;
  toSkip: number;
  remaining: number;
}

export class FaultQueue {
  private faults: ActiveFault[] = [];

  add(fault: SimFault): void {
    if (fault.count > 0) this.faults.push({ fault, toSkip: fault.afterRequests ?? 0, remaining: fault.count });
  }

  /**
   * The fault that fails this request, if any. Every matching fault counts the request (skipping or failing);
   * when several are due, the earliest injected one fails it and the others keep their count.
   */
  take(path: string, hasOffset: boolean): SimFault | null {
    let firing: ActiveFault | null = null;
    for (const active of this.faults) {
      if (!matchesPath(active.fault.path, path)) continue;
      if ('invalidToken' in active.fault && !hasOffset) continue;
      if (active.toSkip > 0) active.toSkip--;
      else if (!firing) firing = active;
    }
    if (!firing) return null;
    firing.remaining--;
    this.faults = this.faults.filter((active) => active.remaining > 0);
    return firing.fault;
  }

  pending(): number {
    return this.faults.reduce((sum, active) => sum + active.remaining, 0);
  }
}

// `path` filters by endpoint path, with or without the `/v1` prefix; sub-paths match too, and a `*` segment
// matches any one segment (`/opportunities/*/offers` is every opportunity's offers).
function matchesPath(filter: string | undefined, path: string): boolean {
  if (filter === undefined) return true;
  const relative = (path.startsWith('/v1/') ? path.slice(3) : path).split('/');
  const wanted = (filter.startsWith('/v1/') ? filter.slice(3) : filter.startsWith('/') ? filter : `/${filter}`).split(
    '/',
  );
  if (relative.length < wanted.length) return false;
  return wanted.every((segment, i) => segment === '*' || segment === relative[i]);
}
