// Requisitions: statuses, "unlimited" headcount, optional fields left absent, custom fields of every type, and
// confidentiality that follows the linked postings.

import type { CustomFieldValue, Posting, Requisition, RequisitionField, RequisitionStatus, User } from '../types';
import type { Rng } from './random';
import { between } from './times';
import { DEPARTMENTS, INTERNAL_NOTES, JOB_TITLES, LOCATIONS, ODD_JOB_TITLES, TEAMS } from './vocabulary';

const DAY = 86_400_000;

export interface RequisitionContext {
  now: number;
  users: readonly User[];
  postings: readonly Posting[];
  fields: readonly RequisitionField[];
}

const STATUSES: ReadonlyArray<readonly [RequisitionStatus, number]> = [
  ['open', 45],
  ['onHold', 10],
  ['closed', 35],
  ['draft', 10],
];

export function generateRequisitions(rng: Rng, context: RequisitionContext, times: readonly number[]): Requisition[] {
  const deactivated = context.users.filter((user) => user.deactivatedAt !== null);
  return times.map((createdAt, i) => {
    const requisition = oneRequisition(rng, context, createdAt, i);
    // Planted: the second requisition links the confidential posting; the fourth is owned by a deactivated user.
    if (i === 1) linkConfidentialPosting(requisition, context.postings);
    if (i === 3 && deactivated.length > 0) requisition.owner = requisition.creator = deactivated[0].id;
    return requisition;
  });
}

function oneRequisition(rng: Rng, context: RequisitionContext, createdAt: number, serial: number): Requisition {
  const { now, users } = context;
  const status = rng.weighted(STATUSES);
  const postings = context.postings.length > 0 ? rng.sample(context.postings, rng.int(0, 2)) : [];
  const confidential = postings.some((posting) => posting.confidentiality === 'confidential');
  const team = rng.pick(TEAMS);
  const headcountTotal = rng.chance(0.08) ? 'unlimited' : rng.int(1, 5);
  const requisition: Requisition = {
    id: rng.uuid(),
    requisitionCode: `${team.slice(0, 3).toUpperCase()}-${100 + serial}`,
    name: serial === 2 ? '=HYPERLINK("http://x")' : `${pickTitle(rng)}, ${team}`,
    backfill: rng.chance(0.2),
    status,
    createdAt,
    updatedAt: between(rng, createdAt, now - 1),
    creator: rng.pick(users).id,
    headcountTotal,
    headcountHired: headcountTotal === 'unlimited' ? rng.int(0, 4) : rng.int(0, headcountTotal),
    postings: postings.map((posting) => posting.id),
    offerIds: rng.chance(0.3) ? [rng.uuid()] : [],
    approval: rng.chance(0.5) ? { steps: [] } : approvalOf(rng, users, createdAt, now),
    customFields: customFieldsOf(rng, context.fields, now),
  };
  if (confidential) requisition.confidentiality = 'confidential';
  else if (rng.chance(0.95)) requisition.confidentiality = 'non-confidential';
  addOptionalFields(rng, requisition, context, team);
  for (const posting of postings) posting.requisitionCodes.push(requisition.requisitionCode);
  return requisition;
}

function pickTitle(rng: Rng): string {
  return rng.chance(0.03) ? rng.pick(ODD_JOB_TITLES) : rng.pick(JOB_TITLES);
}

/** Each optional field is absent now and then, as in real responses. */
function addOptionalFields(rng: Rng, requisition: Requisition, context: RequisitionContext, team: string): void {
  const { users, now } = context;
  const { createdAt } = requisition;
  if (rng.chance(0.9)) requisition.owner = rng.pick(users).id;
  if (rng.chance(0.85)) requisition.hiringManager = rng.pick(users).id;
  if (rng.chance(0.85)) requisition.location = rng.pick(LOCATIONS);
  if (rng.chance(0.9)) requisition.team = team;
  if (rng.chance(0.9)) requisition.department = rng.pick(DEPARTMENTS);
  if (rng.chance(0.6)) requisition.internalNotes = rng.pick(INTERNAL_NOTES);
  if (rng.chance(0.9))
    requisition.employmentStatus = rng.pick(['full-time', 'part-time', 'intern', 'contractor', 'temp-worker'] as const);
  if (rng.chance(0.75)) {
    const min = rng.int(40, 200) * 1000;
    requisition.compensationBand = {
      currency: rng.pick(['USD', 'EUR', 'GBP']),
      interval: 'per-year-salary',
      min,
      max: min + rng.int(10, 60) * 1000,
    };
  }
  if (requisition.status === 'closed') requisition.closedAt = between(rng, createdAt, now - 1);
  else if (rng.chance(0.3)) requisition.closedAt = null;
  if (rng.chance(0.7)) requisition.timeToFillStartAt = between(rng, createdAt, now - 1);
  if (requisition.status === 'closed' && requisition.timeToFillStartAt !== undefined) {
    requisition.timeToFillEndAt = requisition.closedAt ?? null;
  }
}

function customFieldsOf(rng: Rng, fields: readonly RequisitionField[], now: number): Record<string, CustomFieldValue> {
  const values: Record<string, CustomFieldValue> = {};
  if (rng.chance(0.1)) return values;
  for (const field of fields) {
    if (!field.isRequired && rng.chance(0.3)) continue;
    const value = customValue(rng, field, now);
    if (value !== undefined) values[field.id] = value;
  }
  return values;
}

function customValue(rng: Rng, field: RequisitionField, now: number): CustomFieldValue | undefined {
  switch (field.type) {
    case 'text':
      return rng.chance(0.05) ? '=1+1' : `CC-${rng.int(1000, 9999)}`;
    case 'number':
      return rng.int(50, 250) * 1000;
    case 'date':
      return now + rng.int(-200, 200) * DAY;
    case 'dropdown':
      return field.options && field.options.length > 0 ? rng.pick(field.options).text : undefined;
    case 'object':
      return { city: rng.pick(['Austin', 'São Paulo', 'Zürich']), campus_code: rng.int(1, 9) };
  }
}

function approvalOf(rng: Rng, users: readonly User[], createdAt: number, now: number): Requisition['approval'] {
  const approver = rng.pick(users);
  const approvedAt = between(rng, createdAt, Math.min(now - 1, createdAt + 5 * DAY));
  return {
    id: rng.uuid(),
    status: 'approved',
    startedAt: createdAt,
    approvedAt,
    steps: [
      {
        completed: true,
        status: 'approved',
        outOfBandOnly: false,
        approvalsRequired: 1,
        approvers: [
          {
            id: rng.uuid(),
            user: { userId: approver.id, email: approver.email },
            isDynamic: false,
            approved: true,
            approvedAt,
            type: 'static',
            overridingUserId: null,
          },
        ],
      },
    ],
    accountId: rng.uuid(),
    createdBy: rng.pick(users).id,
  };
}

function linkConfidentialPosting(requisition: Requisition, postings: readonly Posting[]): void {
  const confidential = postings.find((posting) => posting.confidentiality === 'confidential');
  if (!confidential || requisition.postings.includes(confidential.id)) return;
  requisition.postings.push(confidential.id);
  requisition.confidentiality = 'confidential';
  confidential.requisitionCodes.push(requisition.requisitionCode);
}
