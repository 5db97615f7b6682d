// Account shapes the generator does not make, by post-processing its opportunities in place: a bulk migration (a share
// of records on one createdAt millisecond) and a young account (a share created in the last month).
import { watchDataset } from '../lever-sim/dataset-watch';
import type { LeverDataset, Opportunity } from '../lever-sim/types';

export type AccountShape = 'uniform' | 'bulk-ms' | 'recent-month';

export const ACCOUNT_SHAPES: readonly AccountShape[] = ['uniform', 'bulk-ms', 'recent-month'];
export const BULK_SHARE = 0.3;
export const RECENT_SHARE = 0.6;
const MONTH_MS = 30 * 86_400_000;

/** Indexes 0..count-1 picked evenly so that exactly round(count × share) are chosen, spread over the list. */
export function evenlyPicked(count: number, share: number): number[] {
  const picked: number[] = [];
  for (let i = 0; i < count; i++) {
    if (Math.floor((i + 1) * share + 0.5) > Math.floor(i * share + 0.5)) picked.push(i);
  }
  return picked;
}

/** Moves every timestamp of `o` from [createdAt, now] onto [createdAt', now], keeping their order. */
function recreate(o: Opportunity, createdAt: number, now: number): void {
  const from = o.createdAt;
  const scale = now > from ? (now - createdAt) / (now - from) : 0;
  const map = (t: number) => (t >= from && t <= now ? Math.round(createdAt + (t - from) * scale) : t);
  o.createdAt = createdAt;
  if (o.updatedAt !== null) o.updatedAt = map(o.updatedAt);
  o.lastInteractionAt = map(o.lastInteractionAt);
  o.lastAdvancedAt = map(o.lastAdvancedAt);
  for (const change of o.stageChanges) change.updatedAt = map(change.updatedAt);
  if (o.archived) o.archived.archivedAt = map(o.archived.archivedAt);
}

/**
 * Reshapes `dataset` in place and tells the simulator (createdAt edits are otherwise seen only late). The bulk
 * millisecond is the oldest createdAt, so every other timestamp of a moved record stays after its creation.
 */
export function applyShape(dataset: LeverDataset, shape: AccountShape, now: number): void {
  if (shape === 'uniform') return;
  const opportunities = watchDataset(dataset).raw('opportunities');
  if (opportunities.length === 0) return;
  if (shape === 'bulk-ms') {
    const oldest = opportunities.reduce((min, o) => Math.min(min, o.createdAt), Number.POSITIVE_INFINITY);
    for (const i of evenlyPicked(opportunities.length, BULK_SHARE)) recreate(opportunities[i], oldest, now);
  } else {
    const picked = evenlyPicked(opportunities.length, RECENT_SHARE);
    picked.forEach((i, k) => {
      // Spread evenly over the month (never on `now` itself: Lever's records are all in the past).
      recreate(opportunities[i], now - 1 - Math.floor(((k + 0.5) / picked.length) * MONTH_MS), now);
    });
  }
  watchDataset(dataset).bump();
}
