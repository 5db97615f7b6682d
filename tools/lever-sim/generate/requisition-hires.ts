// The seats hires fill: `requisitionForHire` on a hire's application, and each requisition's `headcountHired`
// counted from exactly those links (so the two always agree).

import type { Application, Opportunity, Requisition } from '../types';
import type { Rng } from './random';

/** Non-draft requisitions by the postings they are linked to (a draft has no approved seats to fill). */
export function requisitionsByPosting(requisitions: readonly Requisition[]): Map<string, Requisition[]> {
  const byPosting = new Map<string, Requisition[]>();
  for (const requisition of requisitions) {
    if (requisition.status === 'draft') continue;
    for (const posting of requisition.postings) {
      const list = byPosting.get(posting);
      if (list) list.push(requisition);
      else byPosting.set(posting, [requisition]);
    }
  }
  return byPosting;
}

/** The applications of `opportunities` by opportunity id, found in one pass over all applications. */
export function applicationsOf(
  applications: readonly Application[],
  opportunities: readonly Opportunity[],
): Map<string, Application> {
  const wanted = new Set<string>();
  for (const o of opportunities) for (const id of o.applications) wanted.add(id);
  const found = new Map<string, Application>();
  for (const application of applications) {
    if (wanted.has(application.id)) found.set(application.opportunityId, application);
  }
  return found;
}

/**
 * Links about 85% of the hires that applied to a posting with requisitions to one of those requisitions with
 * a free seat, oldest hire first; then sets every requisition's `headcountHired` to its number of linked hires.
 */
export function linkHires(
  rng: Rng,
  hires: readonly Opportunity[],
  applications: ReadonlyMap<string, Application>,
  requisitions: readonly Requisition[],
): void {
  const byPosting = requisitionsByPosting(requisitions);
  const filled = new Map<string, number>();
  for (const hire of hires) {
    const application = applications.get(hire.id);
    const options = application?.posting ? (byPosting.get(application.posting) ?? []) : [];
    if (!application || options.length === 0 || !rng.chance(0.85)) continue;
    const start = rng.int(0, options.length - 1);
    for (let k = 0; k < options.length; k++) {
      const requisition = options[(start + k) % options.length];
      const hired = filled.get(requisition.id) ?? 0;
      if (requisition.headcountTotal !== 'unlimited' && hired >= requisition.headcountTotal) continue;
      filled.set(requisition.id, hired + 1);
      application.requisitionForHire = {
        id: requisition.id,
        requisitionCode: requisition.requisitionCode,
        hiringManagerOnHire: requisition.hiringManager ?? null,
      };
      break;
    }
  }
  for (const requisition of requisitions) requisition.headcountHired = filled.get(requisition.id) ?? 0;
}
