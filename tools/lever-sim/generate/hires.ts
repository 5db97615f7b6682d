// Hires: a set share of opportunities archived with a hired reason, drawn from their own seeded stream so that
// every other record stays as the opportunities stream made it.

import type { Application, ArchiveReason, Opportunity, Stage } from '../types';
import type { Rng } from './random';
import { between } from './times';

const DAY = 86_400_000;

export interface HireContext {
  now: number;
  stages: readonly Stage[];
  archiveReasons: readonly ArchiveReason[];
  /** Indexes of planted records, which keep their planted shape. */
  planted: ReadonlySet<number>;
}

/**
 * Makes exactly `max(1, round(share × n))` opportunities hires (none for share 0): the ones the opportunities
 * stream already archived as hired stay hires, others are promoted (or, for a smaller share, demoted to
 * the first active non-hired reason). Returns the hires, oldest archive first, and the records it changed.
 */
export function assignHires(rng: Rng, opportunities: Opportunity[], share: number, context: HireContext) {
  const hiredIds = new Set(context.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
  const target = share > 0 && opportunities.length > 0 ? Math.max(1, Math.round(share * opportunities.length)) : 0;
  const natural: number[] = [];
  opportunities.forEach((o, i) => {
    if (o.archived && hiredIds.has(o.archived.reason)) natural.push(i);
  });
  const changed =
    natural.length > target
      ? demote(rng, opportunities, natural, natural.length - target, context)
      : promote(rng, opportunities, target - natural.length, context, hiredIds);
  const hires = opportunities.filter((o) => o.archived !== null && hiredIds.has(o.archived.reason));
  hires.sort((a, b) => (a.archived?.archivedAt ?? 0) - (b.archived?.archivedAt ?? 0));
  return { hires, changed };
}

function demote(
  rng: Rng,
  opportunities: Opportunity[],
  natural: number[],
  count: number,
  context: HireContext,
): Opportunity[] {
  const declined = context.archiveReasons.find((r) => r.type === 'non-hired' && r.status === 'active');
  if (!declined) return [];
  // Planted hires go last, so that any share above zero keeps them.
  const loose = natural.filter((i) => !context.planted.has(i));
  const fixed = natural.filter((i) => context.planted.has(i));
  const victims =
    count <= loose.length ? sampleInOrder(rng, loose, count) : [...loose, ...fixed.slice(0, count - loose.length)];
  return victims.map((i) => {
    const o = opportunities[i];
    if (o.archived) o.archived.reason = declined.id;
    return o;
  });
}

function promote(
  rng: Rng,
  opportunities: Opportunity[],
  count: number,
  context: HireContext,
  hired: Set<string>,
): Opportunity[] {
  const candidates: number[] = [];
  opportunities.forEach((o, i) => {
    if (isCandidate(o, i, context, hired)) candidates.push(i);
  });
  const chosen = new Set<number>();
  // At least one confidential hire when there can be one: confidential offers must be tried by tests.
  const confidential = candidates.filter((i) => opportunities[i].confidentiality === 'confidential');
  if (count > 0 && confidential.length > 0) chosen.add(rng.pick(confidential));
  const rest = candidates.filter((i) => !chosen.has(i));
  for (const i of sampleInOrder(rng, rest, count - chosen.size)) chosen.add(i);
  const reasons = context.archiveReasons.filter((r) => r.type === 'hired' && r.status === 'active');
  return [...chosen].map((i) => makeHire(rng, opportunities[i], reasons, context));
}

function isCandidate(o: Opportunity, i: number, context: HireContext, hired: Set<string>): boolean {
  if (context.planted.has(i) || o.applications.length === 0 || o.snoozedUntil !== null) return false;
  if (o.archived && hired.has(o.archived.reason)) return false;
  return o.createdAt <= context.now - 30 * DAY;
}

/** Selection sampling (Knuth's algorithm S): `count` items of `items`, in their order, in one pass. */
function sampleInOrder<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const chosen: T[] = [];
  for (let k = 0; k < items.length && chosen.length < count; k++) {
    if (rng.float() * (items.length - k) < count - chosen.length) chosen.push(items[k]);
  }
  return chosen;
}

/** Moves the opportunity to the Offer stage (if it is not there) and archives it as hired a few weeks later. */
function makeHire(rng: Rng, o: Opportunity, reasons: readonly ArchiveReason[], context: HireContext): Opportunity {
  const { now, stages } = context;
  const latest = now - 2 * DAY;
  if (o.stage !== 'offer') {
    const offerAt = between(rng, o.lastAdvancedAt, Math.min(o.lastAdvancedAt + 30 * DAY, latest));
    const index = Math.max(
      0,
      stages.findIndex((stage) => stage.id === 'offer'),
    );
    o.stageChanges = [
      ...o.stageChanges,
      { toStageId: 'offer', toStageIndex: index, updatedAt: offerAt, userId: o.stageChanges[0].userId },
    ];
    o.stage = 'offer';
    o.lastAdvancedAt = offerAt;
  }
  const archivedAt = Math.max(
    o.createdAt + 1,
    between(rng, o.lastAdvancedAt, Math.min(o.lastAdvancedAt + 21 * DAY, now - 1)),
  );
  const reason = reasons.length > 1 && rng.chance(0.15) ? reasons[1] : reasons[0];
  o.archived = { archivedAt, reason: reason.id };
  o.lastInteractionAt = Math.max(o.lastInteractionAt, archivedAt);
  o.updatedAt = between(rng, archivedAt, now - 1);
  return o;
}

/** Mirrors the opportunities' archive state onto their applications (one pass over the applications). */
export function syncApplications(applications: Application[], changed: readonly Opportunity[]): void {
  const byApplication = new Map<string, Opportunity>();
  for (const o of changed) for (const id of o.applications) byApplication.set(id, o);
  for (const application of applications) {
    const o = byApplication.get(application.id);
    if (o) application.archived = o.archived ? { ...o.archived } : null;
  }
}
