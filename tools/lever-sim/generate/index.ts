// generateDataset: a seeded, deterministic Lever account (same options, same data) for tests, bench and playground.

import { watchDataset } from '../dataset-watch';
import type { Application, LeverDataset } from '../types';
import { generateArchiveReasons, generateStages, generateUsers } from './accounts';
import { assignHires, syncApplications } from './hires';
import { lazyOffers, planOffers } from './offers';
import { generateOpportunities, plantedByIndex } from './opportunities';
import { addSalaryRanges, generatePostings, generateRequisitionFields } from './postings';
import { Rng } from './random';
import { applicationsOf, linkHires } from './requisition-hires';
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
  /** Share of opportunities that are hires (archived with a hired reason). Default 0.02; at least one if above 0. */
  hireShare?: number;
}

/**
 * Each section draws from its own seeded stream, so changing one count leaves the other sections' records
 * identical; hires, seats, offers and salary ranges are later passes (hires.ts) that change only the records
 * they touch. The returned dataset is already watched (see dataset-watch.ts), so edits are seen by simulators.
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
  const dataset: LeverDataset & { applications: Application[] } = {
    opportunities,
    requisitions,
    stages,
    users,
    archiveReasons,
    postings,
    requisitionFields,
    applications,
  };
  addHires(dataset, options);
  watchDataset(dataset);
  return dataset;
}

/** Salary ranges, hires, the seats they fill and the offers, in that order (offers read the seats). */
function addHires(dataset: LeverDataset & { applications: Application[] }, options: GenerateOptions): void {
  const { seed, now } = options;
  const { opportunities, applications, requisitions, archiveReasons } = dataset;
  addSalaryRanges(new Rng(seed, 'posting-salaries'), dataset.postings);
  const planted = new Set(plantedByIndex(opportunities.length).keys());
  const context = { now, stages: dataset.stages, archiveReasons, planted };
  const { hires, changed } = assignHires(new Rng(seed, 'hires'), opportunities, options.hireShare ?? 0.02, context);
  syncApplications(applications, changed);
  linkHires(new Rng(seed, 'requisition-hires'), hires, applicationsOf(applications, hires), requisitions);
  const plans = planOffers(new Rng(seed, 'offers'), opportunities, hires, { ...dataset, applications });
  dataset.offers = lazyOffers(plans);
}
