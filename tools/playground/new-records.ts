// New Lever records for the playground's "add records" buttons: copies of existing ones with fresh ids and times.
import { randomUUID } from 'node:crypto';
import type { Application, LeverDataset, Opportunity, Requisition } from '../lever-sim';

const FIRST = ['Avery', 'Jordan', 'Riley', 'Morgan', 'Casey', 'Quinn', 'Rowan', 'Sage', 'Emerson', 'Hayden'];
const LAST = ['Nguyen', 'Okafor', 'Larsen', 'Moreau', 'Tanaka', 'Silva', 'Novak', 'Haddad', 'Kowalski', 'Reyes'];
const ROLES = ['Staff Accountant', 'FP&A Analyst', 'Payroll Specialist', 'Data Engineer', 'Account Executive'];

let counter = 0;

function pick<T>(items: readonly T[], n: number): T {
  return items[n % items.length];
}

/** Copies an existing non-confidential opportunity (and its application, so the posting stays) as a new candidate. */
export function addOpportunities(dataset: LeverDataset, count: number, now: number): Opportunity[] {
  const templates = dataset.opportunities.filter((o) => o.confidentiality === 'non-confidential' && !o.archived);
  if (templates.length === 0) throw new Error('The demo account has no opportunity to copy.');
  const added: Opportunity[] = [];
  for (let i = 0; i < count; i++) {
    counter += 1;
    const template = pick(templates, counter * 7);
    const id = randomUUID();
    const createdAt = now - (count - i) * 60_000;
    const application = copyApplication(dataset, template, id, createdAt);
    const opportunity: Opportunity = {
      ...structuredClone(template),
      id,
      name: `${pick(FIRST, counter)} ${pick(LAST, counter * 3)}`,
      createdAt,
      updatedAt: createdAt,
      lastInteractionAt: createdAt,
      lastAdvancedAt: createdAt,
      archived: null,
      snoozedUntil: null,
      stageChanges: [],
      applications: application ? [application.id] : [],
    };
    if (application) dataset.applications?.push(application);
    dataset.opportunities.push(opportunity);
    added.push(opportunity);
  }
  return added;
}

function copyApplication(dataset: LeverDataset, template: Opportunity, opportunityId: string, createdAt: number) {
  const source = dataset.applications?.find((a) => a.opportunityId === template.id);
  if (!source) return null;
  const copy: Application = {
    ...structuredClone(source),
    id: randomUUID(),
    opportunityId,
    createdAt,
    archived: null,
    requisitionForHire: null,
  };
  return copy;
}

/** Copies an existing non-confidential requisition as a new open one. */
export function addRequisitions(dataset: LeverDataset, count: number, now: number): Requisition[] {
  const templates = dataset.requisitions.filter((r) => r.confidentiality !== 'confidential');
  if (templates.length === 0) throw new Error('The demo account has no requisition to copy.');
  const added: Requisition[] = [];
  for (let i = 0; i < count; i++) {
    counter += 1;
    const createdAt = now - (count - i) * 60_000;
    const requisition: Requisition = {
      ...structuredClone(pick(templates, counter * 5)),
      id: randomUUID(),
      requisitionCode: `NEW-${1000 + counter}`,
      name: pick(ROLES, counter),
      status: 'open',
      createdAt,
      updatedAt: createdAt,
      headcountHired: 0,
      offerIds: [],
      closedAt: null,
    };
    dataset.requisitions.push(requisition);
    added.push(requisition);
  }
  return added;
}

/**
 * Edits existing non-confidential requisitions the way planners see them change: alternately closes an open one
 * and adds one to another's headcount. Returns one phrase per edit, e.g. "REQ-12 closed", "REQ-40 headcount 3 → 4".
 */
export function changeRequisitions(dataset: LeverDataset, count: number, now: number): string[] {
  const open = dataset.requisitions.filter(
    (r) => r.confidentiality !== 'confidential' && r.status === 'open' && typeof r.headcountTotal === 'number',
  );
  if (open.length < count) throw new Error('The demo account has too few open requisitions to change.');
  const edits: string[] = [];
  for (let i = 0; i < count; i++) {
    counter += 1;
    const requisition = open.splice((counter * 7) % open.length, 1)[0];
    requisition.updatedAt = now;
    if (i % 2 === 0) {
      Object.assign(requisition, { status: 'closed', closedAt: now });
      edits.push(`${requisition.requisitionCode} closed`);
    } else {
      const before = requisition.headcountTotal as number;
      requisition.headcountTotal = before + 1;
      edits.push(`${requisition.requisitionCode} headcount ${before} → ${before + 1}`);
    }
  }
  return edits;
}
