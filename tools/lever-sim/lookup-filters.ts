// Filters of `/requisitions` (docs §2.2) and the lookup lists (`/users`, `/postings`, `/archive_reasons`,
// `/requisition_fields`). Unknown parameters are ignored, as Lever does; malformed known ones are a 400.

import {
  type CompiledFilter,
  confidentialityFilter,
  type Predicate,
  present,
  rangeFilter,
  unionFilter,
} from './filter-kit';
import type { QueryParams } from './params';
import type { LeverReadings } from './readings';
import type {
  ArchiveReason,
  Posting,
  PostingState,
  Requisition,
  RequisitionField,
  RequisitionStatus,
  User,
} from './types';

export const REQUISITION_STATUSES: readonly RequisitionStatus[] = ['open', 'onHold', 'closed', 'draft'];
export const POSTING_STATES: readonly PostingState[] = [
  'published',
  'internal',
  'closed',
  'draft',
  'pending',
  'rejected',
];
const FIELD_TYPES = ['text', 'number', 'date', 'object', 'dropdown'] as const;
const REASON_TYPES = ['hired', 'non-hired'] as const;

export function compileRequisitionFilter(
  params: QueryParams,
  canSeeConfidential: boolean,
  readings: Pick<LeverReadings, 'statusReading' | 'confidentialDenial'>,
): CompiledFilter<Requisition> {
  const statuses = readStatuses(params.manyOf('status', REQUISITION_STATUSES), readings.statusReading);
  return {
    createdFrom: params.timestamp('created_at_start'),
    createdTo: params.timestamp('created_at_end'),
    predicates: present<Predicate<Requisition>>([
      confidentialityFilter(
        params,
        canSeeConfidential,
        (requisition) => requisition.confidentiality,
        readings.confidentialDenial,
      ),
      statuses === null ? null : (requisition) => statuses.has(requisition.status),
      unionFilter(params, 'requisition_code', (requisition) => requisition.requisitionCode),
    ]),
  };
}

/** The repeated `status` values that apply under `reading` (unknowns 2); null when the parameter is absent. */
function readStatuses(values: RequisitionStatus[], reading: LeverReadings['statusReading']): Set<string> | null {
  if (values.length === 0) return null;
  if (reading === 'first') return new Set(values.slice(0, 1));
  if (reading === 'last') return new Set(values.slice(-1));
  return new Set(values);
}

/** Only active users unless `includeDeactivated=true`. */
export function compileUserFilter(params: QueryParams): Predicate<User>[] {
  const includeDeactivated = params.bool('includeDeactivated') ?? false;
  return present<Predicate<User>>([
    includeDeactivated ? null : (user) => user.deactivatedAt === null,
    unionFilter(
      params,
      'email',
      (user) => user.email,
      (email) => email.trim().toLowerCase(),
    ),
    unionFilter(params, 'accessRole', (user) => user.accessRole),
    unionFilter(params, 'external_directory_id', (user) => user.externalDirectoryId),
  ]);
}

export function compilePostingFilter(
  params: QueryParams,
  canSeeConfidential: boolean,
  readings: Pick<LeverReadings, 'confidentialDenial'>,
): Predicate<Posting>[] {
  params.manyOf('state', POSTING_STATES);
  return present<Predicate<Posting>>([
    confidentialityFilter(
      params,
      canSeeConfidential,
      (posting) => posting.confidentiality,
      readings.confidentialDenial,
    ),
    unionFilter(params, 'state', (posting) => posting.state),
    unionFilter(params, 'team', (posting) => posting.categories.team),
    unionFilter(params, 'department', (posting) => posting.categories.department),
    unionFilter(params, 'location', (posting) => posting.categories.allLocations),
    unionFilter(params, 'commitment', (posting) => posting.categories.commitment),
    unionFilter(params, 'level', (posting) => posting.categories.level),
    unionFilter(params, 'tag', (posting) => posting.tags),
    unionFilter(params, 'distributionChannel', (posting) => posting.distributionChannels),
    rangeFilter(params, 'updated_at', (posting) => posting.updatedAt),
  ]);
}

export function compileArchiveReasonFilter(params: QueryParams): Predicate<ArchiveReason>[] {
  const type = params.oneOf('type', REASON_TYPES);
  return type === undefined ? [] : [(reason) => reason.type === type];
}

export function compileRequisitionFieldFilter(params: QueryParams): Predicate<RequisitionField>[] {
  const isRequired = params.bool('isRequired');
  const type = params.oneOf('type', FIELD_TYPES);
  return present<Predicate<RequisitionField>>([
    isRequired === undefined ? null : (field) => field.isRequired === isRequired,
    type === undefined ? null : (field) => field.type === type,
  ]);
}
