// Job postings (about 5% confidential, at least one) and the requisition custom-field definitions.

import type { Posting, PostingState, RequisitionField, User } from '../types';
import type { Rng } from './random';
import { between } from './times';
import { COMMITMENTS, DEPARTMENTS, JOB_TITLES, LEVELS, LOCATIONS, ODD_JOB_TITLES, TEAMS } from './vocabulary';

const STATES: ReadonlyArray<readonly [PostingState, number]> = [
  ['published', 6],
  ['internal', 1],
  ['closed', 2],
  ['draft', 1],
  ['pending', 0.5],
  ['rejected', 0.5],
];

export interface PostingOptions {
  count: number;
  users: readonly User[];
  now: number;
  from: number;
}

/** Posting 1 is always confidential and posting 2 always has no location ("unspecified" on opportunities). */
export function generatePostings(rng: Rng, options: PostingOptions): Posting[] {
  const postings: Posting[] = [];
  for (let i = 0; i < options.count; i++) {
    const confidential = i === 1 || (i > 2 && rng.chance(0.05));
    const location = i === 2 ? undefined : rng.pick(LOCATIONS);
    postings.push(onePosting(rng, options, { confidential, location, odd: i === 4 }));
  }
  return postings;
}

function onePosting(
  rng: Rng,
  options: PostingOptions,
  shape: { confidential: boolean; location: string | undefined; odd: boolean },
): Posting {
  const id = rng.uuid();
  const createdAt = between(rng, options.from, options.now - 1);
  const owner = rng.pick(options.users).id;
  const team = rng.pick(TEAMS);
  return {
    id,
    text: shape.odd ? rng.pick(ODD_JOB_TITLES) : rng.pick(JOB_TITLES),
    createdAt,
    updatedAt: between(rng, createdAt, options.now),
    user: rng.pick(options.users).id,
    owner,
    hiringManager: rng.chance(0.85) ? rng.pick(options.users).id : null,
    confidentiality: shape.confidential ? 'confidential' : 'non-confidential',
    categories: {
      team,
      department: rng.pick(DEPARTMENTS),
      ...(shape.location === undefined ? {} : { location: shape.location }),
      commitment: rng.pick(COMMITMENTS),
      level: rng.pick(LEVELS),
      allLocations: shape.location === undefined ? [] : [shape.location],
    },
    content: { description: '', descriptionHtml: '', lists: [], closing: '', closingHtml: '' },
    country: rng.chance(0.7) ? rng.pick(['US', 'GB', 'DE', 'BR', 'JP', 'IN']) : null,
    followers: rng.sample(options.users, rng.int(0, 3)).map((user) => user.id),
    tags: rng.chance(0.5) ? [team] : [],
    state: shape.confidential ? 'internal' : rng.weighted(STATES),
    distributionChannels: shape.confidential ? ['internal'] : ['public', 'internal'],
    reqCode: null,
    requisitionCodes: [],
    urls: {
      list: 'https://jobs.lever.co/example',
      show: `https://jobs.lever.co/example/${id}`,
      apply: `https://jobs.lever.co/example/${id}/apply`,
    },
    workplaceType: rng.pick(['onsite', 'remote', 'hybrid', 'unspecified'] as const),
  };
}

/** One field of each type Lever has (text, number, date, dropdown, object). */
export function generateRequisitionFields(): RequisitionField[] {
  return [
    { id: 'budget_code', text: 'Budget code', type: 'text', isRequired: true },
    { id: 'salary_midpoint', text: 'Salary midpoint', type: 'number', isRequired: false },
    { id: 'target_hire_date', text: 'Target hire date', type: 'date', isRequired: false },
    {
      id: 'priority',
      text: 'Priority',
      type: 'dropdown',
      isRequired: false,
      options: [{ text: 'P0 - Critical' }, { text: 'P1' }, { text: 'P2, "nice to have"' }],
    },
    {
      id: 'cost_center',
      text: 'Cost center',
      type: 'object',
      isRequired: false,
      subfields: [
        { id: 'city', text: 'City', type: 'text' },
        { id: 'campus_code', text: 'Campus code', type: 'number' },
      ],
    },
  ];
}

const CURRENCIES: Record<string, readonly [string, number]> = {
  US: ['USD', 1],
  GB: ['GBP', 1],
  DE: ['EUR', 1],
  BR: ['BRL', 5],
  JP: ['JPY', 150],
  IN: ['INR', 80],
};

/**
 * Salary ranges (drawn from their own stream, so the postings stream is unchanged): about 70% of postings show
 * one, hourly for interns and contractors, in the posting country's currency.
 */
export function addSalaryRanges(rng: Rng, postings: readonly Posting[]): void {
  for (const posting of postings) {
    if (!rng.chance(0.7)) continue;
    const hourly = posting.categories.commitment === 'Intern' || posting.categories.commitment === 'Contract';
    const [currency, scale] = CURRENCIES[posting.country ?? 'US'] ?? CURRENCIES.US;
    const min = (hourly ? rng.int(20, 60) : rng.int(50, 200) * 1000) * scale;
    const max = min + (hourly ? rng.int(5, 30) : rng.int(10, 60) * 1000) * scale;
    posting.salaryRange = { currency, interval: hourly ? 'per-hour-wage' : 'per-year-salary', min, max };
  }
}
