// Opportunities and their applications: pipeline history, archive and snooze states, confidentiality that follows
// the posting, and a set of planted oddities so that even a small dataset has every case a client must handle.

import type { Application, ArchiveReason, Opportunity, Origin, Posting, Stage, StageChange, User } from '../types';
import { generatePerson, type Person } from './people';
import type { Rng } from './random';
import { between } from './times';
import { EXTRA_TAGS, SOURCES } from './vocabulary';

const DAY = 86_400_000;

export interface OpportunityContext {
  now: number;
  users: readonly User[];
  stages: readonly Stage[];
  archiveReasons: readonly ArchiveReason[];
  postings: readonly Posting[];
}

/** Cases planted once each, spread evenly over the records. */
const PLANTED = [
  'formulaHeadline',
  'plusLocation',
  'minusTag',
  'atName',
  'emptyText',
  'cjkName',
  'emojiName',
  'newlineHeadline',
  'quotedName',
  'accentName',
  'deactivatedOwner',
  'snoozedFuture',
  'snoozedPast',
  'archivedHired',
  'confidential',
] as const;

type Planted = (typeof PLANTED)[number];

interface Built {
  opportunity: Opportunity;
  application: Application | null;
}

/** `plant: false` leaves the oddities out (records added between refreshes by the mutation helper). */
export function generateOpportunities(rng: Rng, context: OpportunityContext, times: readonly number[], plant = true) {
  const planted = plant ? plantedByIndex(times.length) : new Map<number, Planted>();
  const opportunities: Opportunity[] = [];
  const applications: Application[] = [];
  let previousPerson: Person | null = null;
  for (let i = 0; i < times.length; i++) {
    // About 3% are a second candidacy of the previous person (same contact, new opportunity).
    const reused = previousPerson !== null && rng.chance(0.03);
    const person: Person = reused && previousPerson ? previousPerson : generatePerson(rng, i);
    const built = buildOpportunity(rng, context, { createdAt: times[i], person, planted: planted.get(i), reused });
    opportunities.push(built.opportunity);
    if (built.application) applications.push(built.application);
    previousPerson = person;
  }
  return { opportunities, applications };
}

/** Where each oddity sits: the hires pass leaves these records alone. */
export function plantedByIndex(count: number): Map<number, Planted> {
  const map = new Map<number, Planted>();
  PLANTED.forEach((label, k) => {
    map.set(Math.floor(((k + 0.5) * count) / PLANTED.length), label);
  });
  return map;
}

function buildOpportunity(
  rng: Rng,
  context: OpportunityContext,
  seed: { createdAt: number; person: Person; planted: Planted | undefined; reused: boolean },
): Built {
  const { createdAt, planted, person } = seed;
  const posting = pickPosting(rng, context, planted);
  const origin = pickOrigin(rng, posting);
  const pipeline = pipelineOf(rng, context, { createdAt, origin, planted });
  const id = rng.uuid();
  const applicationId = posting ? rng.uuid() : null;
  // One object literal with every field, so V8 gives all records one compact shape (100k records stay small).
  const opportunity: Opportunity = {
    id,
    name: person.name,
    headline: person.headline,
    contact: person.contact,
    emails: seed.reused ? [...person.emails] : person.emails,
    phones: seed.reused ? person.phones.map((phone) => ({ ...phone })) : person.phones,
    confidentiality: posting?.confidentiality ?? 'non-confidential',
    location: person.location,
    links: seed.reused ? [...person.links] : person.links,
    archived: pipeline.archived,
    createdAt,
    updatedAt: pipeline.updatedAt,
    lastInteractionAt: pipeline.lastInteractionAt,
    lastAdvancedAt: pipeline.lastAdvancedAt,
    snoozedUntil: snoozeOf(rng, context.now, createdAt, planted),
    stage: pipeline.stage,
    stageChanges: pipeline.stageChanges,
    owner: ownerOf(rng, context.users, planted),
    followers: rng.sample(context.users, rng.int(0, 3)).map((user) => user.id),
    sourcedBy: origin === 'sourced' ? rng.pick(context.users).id : null,
    tags: tagsOf(rng, posting),
    sources: [origin === 'referred' ? 'Referral' : rng.pick(SOURCES)],
    origin,
    applications: applicationId ? [applicationId] : [],
    urls: { list: 'https://hire.lever.co/candidates', show: `https://hire.lever.co/candidates/${id}` },
    dataProtection: rng.chance(0.1) ? dataProtectionOf(rng, context.now) : null,
    isAnonymized: false,
    // Undefined when there is no posting, which JSON leaves out (deleting the key would slow the object down).
    opportunityLocation: posting ? posting.categories.location || 'unspecified' : undefined,
  };
  plantText(opportunity, planted);
  const application = posting && applicationId ? applicationFor(applicationId, opportunity, posting) : null;
  return { opportunity, application };
}

function pickPosting(rng: Rng, context: OpportunityContext, planted: Planted | undefined): Posting | null {
  const confidential = context.postings.find((posting) => posting.confidentiality === 'confidential');
  if (planted === 'confidential' && confidential) return confidential;
  if (context.postings.length === 0 || rng.chance(0.15)) return null;
  return rng.pick(context.postings);
}

function pickOrigin(rng: Rng, posting: Posting | null): Origin {
  if (!posting)
    return rng.weighted<Origin>([
      ['sourced', 6],
      ['referred', 2],
      ['agency', 1],
      ['internal', 1],
    ]);
  return rng.weighted<Origin>([
    ['applied', 10],
    ['referred', 2],
    ['agency', 1],
    ['university', 1],
    ['internal', 1],
  ]);
}

type Pipeline = Pick<
  Opportunity,
  'createdAt' | 'updatedAt' | 'lastInteractionAt' | 'lastAdvancedAt' | 'stage' | 'stageChanges' | 'archived'
>;

function pipelineOf(
  rng: Rng,
  context: OpportunityContext,
  seed: { createdAt: number; origin: Origin; planted: Planted | undefined },
): Pipeline {
  const { createdAt, planted } = seed;
  const { stages, now, users } = context;
  const first = seed.origin === 'sourced' ? 'lead-new' : 'applicant-new';
  const stage = planted === 'archivedHired' ? 'offer' : pickStage(rng, stages, first);
  const lastAdvancedAt = stage === first ? createdAt : between(rng, createdAt, now - 1);
  const mover = rng.pick(users).id;
  const entered = change(stages, first, createdAt, mover);
  const stageChanges = stage === first ? [entered] : [entered, change(stages, stage, lastAdvancedAt, mover)];
  const archived = archiveOf(rng, context, { stage, after: lastAdvancedAt, planted });
  const lastInteractionAt = between(rng, createdAt, now - 1);
  const latest = Math.max(lastAdvancedAt, lastInteractionAt, archived?.archivedAt ?? 0);
  const updatedAt = rng.chance(0.03) ? null : between(rng, latest, now - 1);
  return { createdAt, updatedAt, lastInteractionAt, lastAdvancedAt, stage, stageChanges, archived };
}

/** A stage at or after `first` in the pipeline (applicants never move back to lead stages). */
function pickStage(rng: Rng, stages: readonly Stage[], first: string): string {
  const start = Math.max(
    0,
    stages.findIndex((stage) => stage.id === first),
  );
  const reachable = stages.slice(start);
  if (reachable.length === 0) return first;
  return rng.weighted(reachable.map((stage) => [stage.id, stageWeight(stage.id)] as const));
}

function stageWeight(id: string): number {
  if (id === 'offer') return 2;
  if (id === 'applicant-new' || id === 'lead-new') return 12;
  return 5;
}

function change(stages: readonly Stage[], toStageId: string, updatedAt: number, userId: string): StageChange {
  return {
    toStageId,
    toStageIndex: Math.max(
      0,
      stages.findIndex((stage) => stage.id === toStageId),
    ),
    updatedAt,
    userId,
  };
}

function archiveOf(
  rng: Rng,
  context: OpportunityContext,
  seed: { stage: string; after: number; planted: Planted | undefined },
): Opportunity['archived'] {
  const hired = context.archiveReasons.find((reason) => reason.type === 'hired');
  const others = context.archiveReasons.filter((reason) => reason.type !== 'hired');
  const forced = seed.planted === 'archivedHired';
  if (!forced && !rng.chance(0.3)) return null;
  const useHired = forced || (seed.stage === 'offer' && rng.chance(0.6)) || others.length === 0;
  const reason = useHired ? hired : rng.pick(others);
  if (!reason) return null;
  return { archivedAt: between(rng, seed.after, context.now - 1), reason: reason.id };
}

/** ~5% snoozed into the future, ~4% with a snooze that already ended. */
function snoozeOf(rng: Rng, now: number, createdAt: number, planted: Planted | undefined): number | null {
  const roll = rng.float();
  if (planted === 'snoozedFuture' || (planted !== 'snoozedPast' && roll < 0.05))
    return now + rng.int(1, 60 * 24) * 3_600_000;
  if (planted === 'snoozedPast' || roll < 0.09) return between(rng, createdAt, now - 1);
  return null;
}

function ownerOf(rng: Rng, users: readonly User[], planted: Planted | undefined): string | null {
  const deactivated = users.filter((user) => user.deactivatedAt !== null);
  if (planted === 'deactivatedOwner' && deactivated.length > 0) return deactivated[0].id;
  if (users.length === 0 || rng.chance(0.04)) return null;
  return rng.pick(users).id;
}

/** Lever fills tags from the posting (title, team, location, commitment); some records carry extra ones. */
function tagsOf(rng: Rng, posting: Posting | null): string[] {
  const { categories } = posting ?? { categories: null };
  const fromPosting =
    posting && categories ? [posting.text, categories.team, categories.location, categories.commitment] : [];
  const tags = fromPosting.filter((tag): tag is string => typeof tag === 'string' && tag !== '');
  if (rng.chance(0.08)) tags.push(rng.pick(EXTRA_TAGS));
  return rng.chance(0.1) ? [] : tags;
}

function dataProtectionOf(rng: Rng, now: number): Opportunity['dataProtection'] {
  return {
    store: { allowed: true, expiresAt: now + rng.int(30, 700) * DAY },
    contact: { allowed: rng.chance(0.5), expiresAt: null },
  };
}

const PLANTED_TEXT: Partial<Record<Planted, (opportunity: Opportunity) => void>> = {
  formulaHeadline: (o) => (o.headline = '=HYPERLINK("http://x")'),
  plusLocation: (o) => (o.location = '+44 London'),
  minusTag: (o) => o.tags.push('-internal'),
  atName: (o) => (o.name = '@ceo'),
  emptyText: (o) => Object.assign(o, { headline: '', location: '', tags: [] }),
  cjkName: (o) => (o.name = '王芳'),
  emojiName: (o) => (o.name = 'Alex 🚀 Rivera'),
  newlineHeadline: (o) => (o.headline = 'Line one\nLine two'),
  quotedName: (o) => (o.name = 'Smith, "Doc" John'),
  accentName: (o) => (o.name = 'José Núñez-Østergaard'),
};

function plantText(opportunity: Opportunity, planted: Planted | undefined): void {
  if (planted) PLANTED_TEXT[planted]?.(opportunity);
}

function applicationFor(id: string, opportunity: Opportunity, posting: Posting): Application {
  return {
    id,
    type: 'posting',
    opportunityId: opportunity.id,
    candidateId: opportunity.id,
    posting: posting.id,
    postingOwner: posting.owner,
    postingHiringManager: posting.hiringManager,
    user: null,
    name: opportunity.name,
    email: opportunity.emails[0] ?? null,
    phone: opportunity.phones[0] ? { ...opportunity.phones[0] } : null,
    company: null,
    links: [...opportunity.links],
    comments: null,
    customQuestions: [],
    createdAt: opportunity.createdAt,
    archived: opportunity.archived ? { ...opportunity.archived } : null,
    requisitionForHire: null,
  };
}
