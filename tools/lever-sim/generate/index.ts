// generateDataset: a seeded, deterministic Lever account (same options, same data) for tests, bench and playground.

import { watchDataset } from '../dataset-watch';
import type { LeverDataset } from '../types';
import { generateArchiveReasons, generateStages, generateUsers } from './accounts';
import { generateOpportunities } from './opportunities';
import { generatePostings, generateRequisitionFields } from './postings';
import { Rng } from './random';
import { generateRequisitions } from './requisitions';
import { creationTimes } from './times';

const DAY = 86_400_000;

export interface GenerateOptions {
  seed: number;
  opportunities: number;
  requisitions: number;
  /** The account's "now" (epoch ms): every timestamp is before it, except snoozes that have not ended. */
  now: number;
  users?: number;
  postings?: number;
  /** How far back from `now` createdAt values spread. Default 730 days. */
  spanDays?: number;
  /** Where "local midnight" boundaries are planted. Default America/New_York. */
  timeZone?: string;
}

/**
 * Each section draws from its own seeded stream, so changing one count leaves the other sections' records
 * identical. The returned dataset is already watched (see dataset-watch.ts), so edits are seen by simulators.
 */
export function generateDataset(options: GenerateOptions): LeverDataset {
  const { seed, now } = options;
  const spanDays = options.spanDays ?? 730;
  const timeZone = options.timeZone ?? 'America/New_York';
  const users = generateUsers(new Rng(seed, 'users'), options.users ?? 25, now, spanDays);
  const stages = generateStages(new Rng(seed, 'stages'));
  const archiveReasons = generateArchiveReasons(new Rng(seed, 'archive-reasons'));
  const postingOptions = { count: options.postings ?? 40, users, now, from: now - spanDays * DAY };
  const postings = generatePostings(new Rng(seed, 'postings'), postingOptions);
  const requisitionFields = generateRequisitionFields();
  const timeOptions = { now, spanDays, timeZone };
  const opportunityTimes = creationTimes(new Rng(seed, 'opportunity-times'), options.opportunities, timeOptions);
  const { opportunities, applications } = generateOpportunities(
    new Rng(seed, 'opportunities'),
    { now, users, stages, archiveReasons, postings },
    opportunityTimes,
  );
  const requisitionTimes = creationTimes(new Rng(seed, 'requisition-times'), options.requisitions, timeOptions);
  const requisitions = generateRequisitions(
    new Rng(seed, 'requisitions'),
    { now, users, postings, fields: requisitionFields },
    requisitionTimes,
  );
  const dataset: LeverDataset = {
    opportunities,
    requisitions,
    stages,
    users,
    archiveReasons,
    postings,
    requisitionFields,
    applications,
  };
  watchDataset(dataset);
  return dataset;
}
