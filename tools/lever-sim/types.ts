// Lever Data API v1 record shapes (as Lever sends them) and the simulator's own configuration types.

import type { Offer } from './offer-types';

export * from './http-types';

export type SimEnvironment = 'production' | 'sandbox' | 'eu';

export type SimEndpoint =
  | 'opportunities'
  | 'requisitions'
  | 'stages'
  | 'users'
  | 'archive_reasons'
  | 'postings'
  | 'requisition_fields'
  | 'sources'
  | 'tags'
  /** `/opportunities/:id/offers`: a permission of its own (Lever's "Offers" read). */
  | 'offers';

export const SIM_ENDPOINTS: readonly SimEndpoint[] = [
  'opportunities',
  'requisitions',
  'stages',
  'users',
  'archive_reasons',
  'postings',
  'requisition_fields',
  'sources',
  'tags',
];

export interface SimKey {
  key: string;
  environment: SimEnvironment;
  permissions: SimEndpoint[] | 'all';
  /** "Allow access to confidential data", fixed when the key is created. */
  confidential: boolean;
  revoked?: boolean;
}

export type Confidentiality = 'confidential' | 'non-confidential';

export interface Phone {
  type?: 'other' | 'home' | 'mobile' | 'work' | 'skype' | null;
  value: string;
}

export interface StageChange {
  toStageId: string;
  toStageIndex: number;
  updatedAt: number;
  userId: string;
}

export interface DataProtection {
  store: { allowed: boolean; expiresAt: number | null };
  contact: { allowed: boolean; expiresAt: number | null };
}

export type Origin = 'agency' | 'applied' | 'internal' | 'referred' | 'sourced' | 'university';

export interface Opportunity {
  id: string;
  name: string;
  headline: string;
  contact: string;
  emails: string[];
  phones: Phone[];
  confidentiality: Confidentiality;
  location: string;
  links: string[];
  archived: { archivedAt: number; reason: string } | null;
  createdAt: number;
  updatedAt: number | null;
  lastInteractionAt: number;
  lastAdvancedAt: number;
  snoozedUntil: number | null;
  stage: string;
  stageChanges: StageChange[];
  owner: string | null;
  followers: string[];
  sourcedBy: string | null;
  tags: string[];
  sources: string[];
  origin: Origin;
  applications: string[];
  urls: { list: string; show: string };
  dataProtection: DataProtection | null;
  isAnonymized: boolean;
  /** Posting location, or "unspecified"; absent when the opportunity has no posting. */
  opportunityLocation?: string;
}

export interface Application {
  id: string;
  type: 'posting' | 'user' | 'referral';
  opportunityId: string;
  candidateId: string;
  posting: string | null;
  postingOwner: string | null;
  postingHiringManager: string | null;
  user: string | null;
  name: string | null;
  email: string | null;
  phone: Phone | null;
  company: string | null;
  links: string[];
  comments: string | null;
  customQuestions: unknown[];
  createdAt: number;
  archived: { archivedAt: number; reason: string } | null;
  requisitionForHire: { id: string; requisitionCode: string; hiringManagerOnHire: string | null } | null;
}

export interface CompensationBand {
  currency: string;
  interval: string;
  min: number;
  max: number;
}

export interface ApprovalStep {
  completed: boolean;
  status: string;
  outOfBandOnly: boolean;
  approvalsRequired: number;
  approvers: unknown[];
}

export type RequisitionStatus = 'open' | 'onHold' | 'closed' | 'draft';

export type CustomFieldValue = string | number | Record<string, string | number>;

export interface Requisition {
  id: string;
  requisitionCode: string;
  name: string;
  backfill: boolean;
  confidentiality?: Confidentiality;
  status: RequisitionStatus;
  createdAt: number;
  updatedAt: number;
  creator: string;
  owner?: string;
  hiringManager?: string;
  headcountTotal: number | 'unlimited';
  headcountHired: number;
  compensationBand?: CompensationBand;
  employmentStatus?: 'full-time' | 'part-time' | 'intern' | 'contractor' | 'temp-worker';
  location?: string;
  team?: string;
  department?: string;
  internalNotes?: string;
  postings: string[];
  offerIds: string[];
  approval: { steps: ApprovalStep[]; [field: string]: unknown };
  customFields: Record<string, CustomFieldValue>;
  closedAt?: number | null;
  timeToFillStartAt?: number | null;
  timeToFillEndAt?: number | null;
}

export interface Stage {
  id: string;
  text: string;
}

export type AccessRole = 'super admin' | 'admin' | 'team member' | 'limited team member' | 'interviewer';

export interface User {
  id: string;
  name: string;
  username: string;
  email: string;
  accessRole: AccessRole | string;
  photo: string | null;
  createdAt: number;
  deactivatedAt: number | null;
  externalDirectoryId: string | null;
  linkedContactIds: string[] | null;
  jobTitle: string | null;
  managerId: string | null;
}

export interface ArchiveReason {
  id: string;
  text: string;
  status: 'active' | 'inactive';
  type: 'hired' | 'non-hired';
}

export interface SalaryRange {
  currency: string;
  interval: string;
  min: number;
  max: number;
}

export type PostingState = 'published' | 'internal' | 'closed' | 'draft' | 'pending' | 'rejected';

export interface Posting {
  id: string;
  text: string;
  createdAt: number;
  updatedAt: number;
  user: string;
  owner: string;
  hiringManager: string | null;
  confidentiality: Confidentiality;
  categories: {
    team?: string;
    department?: string;
    location?: string;
    commitment?: string;
    level?: string;
    allLocations: string[];
  };
  content: { description: string; descriptionHtml: string; lists: unknown[]; closing: string; closingHtml: string };
  country: string | null;
  followers: string[];
  tags: string[];
  state: PostingState;
  distributionChannels: string[];
  reqCode: string | null;
  requisitionCodes: string[];
  /** Absent when the posting shows no salary. */
  salaryRange?: SalaryRange;
  urls: { list: string; show: string; apply: string };
  workplaceType: 'onsite' | 'remote' | 'hybrid' | 'unspecified';
}

export interface RequisitionField {
  id: string;
  text: string;
  type: 'text' | 'number' | 'date' | 'object' | 'dropdown';
  isRequired: boolean;
  subfields?: Array<{ id: string; text: string; type: 'text' | 'number' | 'date' }>;
  options?: Array<{ text: string }>;
}

/** `/sources` and `/tags` rows: keyed by text, no id. */
export interface TextCount {
  text: string;
  count: number;
}

/** An expanded `contact` on an opportunity. */
export interface Contact {
  id: string;
  name: string;
  headline: string;
  isAnonymized: boolean;
  location: { name: string };
  emails: string[];
  phones: Phone[];
}

/**
 * Everything the simulated Lever account holds. Mutable: tests may push, splice, replace or edit records
 * between requests (ids and createdAt are immutable in Lever, so replace a record to change those).
 * `applications` backs `posting_id`/`archived_posting_id` and `expand=applications`; `sources`/`tags`,
 * when absent, are derived from the opportunities.
 */
export interface LeverDataset {
  opportunities: Opportunity[];
  requisitions: Requisition[];
  stages: Stage[];
  users: User[];
  archiveReasons: ArchiveReason[];
  postings: Posting[];
  requisitionFields: RequisitionField[];
  applications?: Application[];
  sources?: TextCount[];
  tags?: TextCount[];
  /**
   * Offers by opportunity id (`/opportunities/:id/offers`); an opportunity without an entry has none. The
   * generator fills it lazily (each entry is built on first read), so reading or replacing an entry works as usual.
   */
  offers?: Record<string, Offer[]>;
  /** Served by `/opportunities/deleted`; `mutateDataset` adds the opportunities it deletes. */
  deletedOpportunities?: DeletedOpportunity[];
  /**
   * When each opportunity last changed in any field, by id, for changes that leave `updatedAt` alone (never served;
   * the `updated_at` filter reads it under the `any-change` reading). Absent: `updatedAt` is the last change.
   */
  changedAt?: Record<string, number>;
}

/** A deleted opportunity as `/opportunities/deleted` lists it: its last state plus who deleted it and when. */
export type DeletedOpportunity = Opportunity & { deletedAt: number; deletedBy: string };
