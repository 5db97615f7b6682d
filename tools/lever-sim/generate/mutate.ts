// mutateDataset: seeded random changes to opportunities between two refreshes (new, edited, archived, unarchived,
// snoozed, unsnoozed, confidentiality flipped, relocated, deleted), each at a time in (since, now]: `updatedAt` moves
// only for Lever's documented fields (not for `relocated`), `changedAt` for every change.

import type { Application, LeverDataset, Opportunity } from '../types';
import { generateOpportunities } from './opportunities';
import { Rng } from './random';
import { between } from './times';

const DAY = 86_400_000;

export const MUTATION_KINDS = [
  'created',
  'edited',
  'archived',
  'unarchived',
  'snoozed',
  'unsnoozed',
  'confidentialityFlipped',
  'deleted',
  /** `opportunityLocation` changed: a field Lever's docs leave out of the `updatedAt` list. */
  'relocated',
] as const;

export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface MutateOptions {
  seed: number;
  /** The previous refresh: every change happens after it. Must be at or after every `updatedAt` in the dataset. */
  since: number;
  /** Every change happens at or before it; also the clock that decides who is snoozed. */
  now: number;
  counts?: Partial<Record<MutationKind, number>>;
}

/** Ids per kind of change; each opportunity changes at most once per call. */
export type MutationReport = Record<MutationKind, string[]>;

const DEFAULT_COUNTS: Record<MutationKind, number> = {
  created: 5,
  edited: 10,
  archived: 3,
  unarchived: 2,
  snoozed: 2,
  unsnoozed: 2,
  confidentialityFlipped: 1,
  deleted: 2,
  relocated: 0,
};

/**
 * Applies the changes in place (the dataset's watchers see them). Hires are never unarchived or deleted, so
 * requisitions' `headcountHired` stays true. Costs O(changes), plus one pass over the opportunities for deletions.
 */
export function mutateDataset(dataset: LeverDataset, options: MutateOptions): MutationReport {
  const rng = new Rng(options.seed, `mutation-${options.since}`);
  const counts = { ...DEFAULT_COUNTS, ...options.counts };
  const report = Object.fromEntries(MUTATION_KINDS.map((kind) => [kind, [] as string[]])) as MutationReport;
  const context = changeContext(rng, dataset, options.now);
  const used = new Set<string>();
  for (const [kind, change] of IN_PLACE) {
    for (const o of pickSome(
      rng,
      dataset.opportunities,
      counts[kind],
      (o) => !used.has(o.id) && change.eligible(o, context),
    )) {
      used.add(o.id);
      const at = changeTime(rng, o, options);
      change.apply(o, at, context);
      if (change.undocumented) hiddenChange(dataset, o.id, at);
      else o.updatedAt = at;
      report[kind].push(o.id);
    }
  }
  mirrorArchives(dataset, report);
  const eligible = (o: Opportunity) => !used.has(o.id) && !context.isHire(o);
  report.deleted = deleteSome(rng, dataset, counts.deleted, eligible, options);
  report.created = create(rng, dataset, counts.created, options);
  return report;
}

/** A change Lever's `updatedAt` field does not show: only the `updated_at` filter may see it (readings.ts). */
function hiddenChange(dataset: LeverDataset, id: string, at: number): void {
  dataset.changedAt = dataset.changedAt ?? {};
  dataset.changedAt[id] = at;
}

interface ChangeContext {
  rng: Rng;
  dataset: LeverDataset;
  now: number;
  isHire: (o: Opportunity) => boolean;
  isSnoozed: (o: Opportunity) => boolean;
  /** The reason given to opportunities archived here (the first active non-hired one). */
  nonHired: string | undefined;
}

function changeContext(rng: Rng, dataset: LeverDataset, now: number): ChangeContext {
  const hired = new Set(dataset.archiveReasons.filter((reason) => reason.type === 'hired').map((reason) => reason.id));
  return {
    rng,
    dataset,
    now,
    isHire: (o) => o.archived !== null && hired.has(o.archived.reason),
    isSnoozed: (o) => o.snoozedUntil !== null && o.snoozedUntil > now,
    nonHired: dataset.archiveReasons.find((reason) => reason.type === 'non-hired' && reason.status === 'active')?.id,
  };
}

interface InPlaceChange {
  /** The field changed is not in Lever's `updatedAt` list: the field stays, only the hidden `changedAt` moves. */
  undocumented?: boolean;
  eligible(o: Opportunity, context: ChangeContext): boolean;
  apply(o: Opportunity, at: number, context: ChangeContext): void;
}

/** The changes made to existing records, in the order they are drawn (the order is part of the seeded stream). */
const IN_PLACE: ReadonlyArray<readonly [MutationKind, InPlaceChange]> = [
  ['edited', { eligible: () => true, apply: (o, at, c) => edit(c.rng, o, at, c.dataset) }],
  [
    'archived',
    {
      eligible: (o, c) => o.archived === null && c.nonHired !== undefined,
      apply: (o, at, c) => {
        o.archived = { archivedAt: at, reason: c.nonHired ?? '' };
      },
    },
  ],
  [
    'unarchived',
    {
      eligible: (o, c) => o.archived !== null && !c.isHire(o),
      apply: (o) => {
        o.archived = null;
      },
    },
  ],
  [
    'snoozed',
    {
      eligible: (o, c) => o.archived === null && !c.isSnoozed(o),
      apply: (o, _at, c) => {
        o.snoozedUntil = c.now + c.rng.int(1, 30) * DAY;
      },
    },
  ],
  [
    'unsnoozed',
    {
      eligible: (o, c) => c.isSnoozed(o),
      apply: (o) => {
        o.snoozedUntil = null;
      },
    },
  ],
  [
    'confidentialityFlipped',
    {
      eligible: () => true,
      apply: (o) => {
        o.confidentiality = o.confidentiality === 'confidential' ? 'non-confidential' : 'confidential';
      },
    },
  ],
  [
    'relocated',
    {
      undocumented: true,
      eligible: (o) => o.opportunityLocation !== undefined,
      apply: (o) => {
        o.opportunityLocation = o.opportunityLocation === 'Remote' ? 'unspecified' : 'Remote';
      },
    },
  ],
];

/** Up to `count` distinct records passing `eligible`, by random probes (a bounded number, so O(count)). */
function pickSome<T>(rng: Rng, items: readonly T[], count: number, eligible: (item: T) => boolean): T[] {
  const chosen = new Set<T>();
  for (let probe = 0; probe < count * 200 && chosen.size < count && items.length > 0; probe++) {
    const item = items[rng.int(0, items.length - 1)];
    if (eligible(item)) chosen.add(item);
  }
  return [...chosen];
}

/** A time in (since, now], strictly after the record's own last update. */
function changeTime(rng: Rng, o: Opportunity, options: MutateOptions): number {
  const at = between(rng, options.since + 1, options.now);
  return Math.max(at, (o.updatedAt ?? o.createdAt) + 1, o.createdAt);
}

/** A tag added, a headline edited, or a move to the next stage (a tag at the last stage). */
function edit(rng: Rng, o: Opportunity, at: number, dataset: LeverDataset): void {
  const roll = rng.int(0, 2);
  const index = dataset.stages.findIndex((stage) => stage.id === o.stage);
  const next = index >= 0 ? dataset.stages[index + 1] : undefined;
  if (roll === 1) o.headline = o.headline ? `${o.headline}, updated` : 'New headline';
  else if (roll === 2 && next) {
    const userId = o.stageChanges[0]?.userId ?? dataset.users[0]?.id ?? '';
    o.stageChanges = [...o.stageChanges, { toStageId: next.id, toStageIndex: index + 1, updatedAt: at, userId }];
    o.stage = next.id;
    o.lastAdvancedAt = at;
  } else o.tags = [...o.tags, 'Re-engaged'];
  o.lastInteractionAt = Math.max(o.lastInteractionAt, at);
}

/** Keeps applications' `archived` in step with their (un)archived opportunities. */
function mirrorArchives(dataset: LeverDataset, report: MutationReport): void {
  const changed = new Set([...report.archived, ...report.unarchived]);
  if (changed.size === 0 || !dataset.applications) return;
  const byId = new Map(dataset.opportunities.filter((o) => changed.has(o.id)).map((o) => [o.id, o]));
  for (const application of dataset.applications) {
    const o = byId.get(application.opportunityId);
    if (o) application.archived = o.archived ? { ...o.archived } : null;
  }
}

/** Removes the opportunities and lists them, with `deletedAt` in (since, now], for `/opportunities/deleted`. */
function deleteSome(
  rng: Rng,
  dataset: LeverDataset,
  count: number,
  eligible: (o: Opportunity) => boolean,
  options: MutateOptions,
): string[] {
  const picked = pickSome(rng, dataset.opportunities, count, eligible);
  const doomed = new Set(picked.map((o) => o.id));
  if (doomed.size === 0) return [];
  const deletedBy = dataset.users[0]?.id ?? '';
  // Its own stream, so the times drawn leave the rest of the mutation what it was before deletions were listed.
  const clock = new Rng(options.seed, `deleted-at-${options.since}`);
  const gone = picked.map((o) => ({ ...o, deletedAt: changeTime(clock, o, options), deletedBy }));
  dataset.deletedOpportunities = [...(dataset.deletedOpportunities ?? []), ...gone];
  dataset.opportunities = dataset.opportunities.filter((o) => !doomed.has(o.id));
  if (dataset.applications) dataset.applications = dataset.applications.filter((a) => !doomed.has(a.opportunityId));
  for (const id of doomed) if (dataset.offers) delete dataset.offers[id];
  return [...doomed];
}

/** New active opportunities created in (since, now], without offers. */
function create(rng: Rng, dataset: LeverDataset, count: number, options: MutateOptions): string[] {
  const times = Array.from({ length: count }, () => between(rng, options.since + 1, options.now)).sort((a, b) => b - a);
  const context = { ...dataset, now: options.now };
  const built = generateOpportunities(rng, context, times, false);
  const applications = new Map<string, Application>(built.applications.map((a) => [a.opportunityId, a]));
  for (const o of built.opportunities) {
    o.archived = null;
    o.updatedAt = Math.max(o.updatedAt ?? o.createdAt, o.createdAt);
    const application = applications.get(o.id);
    if (application) application.archived = null;
  }
  dataset.opportunities.push(...built.opportunities);
  dataset.applications?.push(...built.applications);
  return built.opportunities.map((o) => o.id);
}
