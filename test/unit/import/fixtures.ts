// Lever records shaped like the API's (reference §5/§6), for unit tests.
import type { LeverRecord, LookupTables } from '../../../src/lever/source';

export function opportunity(id: string, createdAt: number, overrides: Record<string, unknown> = {}): LeverRecord {
  return {
    id,
    name: `Candidate ${id}`,
    headline: 'Stripe, Carnegie Mellon University',
    contact: `contact-${id}`,
    stage: 'lead-new',
    confidentiality: 'non-confidential',
    location: 'Austin, TX',
    phones: [{ type: 'mobile', value: '+1 512 555 0147' }],
    emails: [`${id}@example.com`],
    links: [],
    archived: null,
    tags: ['Platform', 'Full-time'],
    sources: ['LinkedIn'],
    origin: 'applied',
    sourcedBy: null,
    owner: 'u1',
    followers: ['u1', 'u2'],
    applications: [{ id: `app-${id}`, posting: 'p1' }],
    createdAt,
    updatedAt: createdAt + 1000,
    lastInteractionAt: createdAt + 500,
    lastAdvancedAt: createdAt + 200,
    snoozedUntil: null,
    urls: { list: 'https://hire.lever.co/candidates', show: `https://hire.lever.co/candidates/${id}` },
    isAnonymized: false,
    dataProtection: null,
    ...overrides,
  };
}

export function requisition(id: string, createdAt: number, overrides: Record<string, unknown> = {}): LeverRecord {
  return {
    id,
    requisitionCode: `ENG-${id}`,
    name: 'Senior Backend Engineer, Platform',
    backfill: false,
    confidentiality: 'non-confidential',
    createdAt,
    creator: 'u1',
    headcountHired: 1,
    headcountTotal: 3,
    status: 'open',
    hiringManager: 'u2',
    owner: 'u1',
    compensationBand: { currency: 'USD', interval: 'per-year-salary', min: 165000, max: 205000 },
    employmentStatus: 'full-time',
    location: 'Austin, TX',
    postings: ['p1', 'p2'],
    department: 'Engineering',
    team: 'Platform',
    customFields: { cost_center: { city: 'Austin', campus_code: '4' }, target_hire_date: 1743465600000 },
    timeToFillStartAt: createdAt + 100,
    updatedAt: createdAt + 1000,
    ...overrides,
  };
}

export function lookups(): LookupTables {
  return {
    stages: { 'lead-new': 'New lead', offer: 'Offer' },
    users: { u1: 'Jordan Alvarez', u2: 'Dana Kim' },
    archiveReasons: { r1: 'Hired', r2: 'Withdrew' },
    archiveReasonTypes: { r1: 'hired', r2: 'non-hired' },
    requisitions: { q1: 'Backend Engineer (Berlin)' },
    offers: {},
    postingDetails: {},
    activeOffers: { q1: 2 },
    requisitionHires: {
      q1: { names: ['Ada Lovelace', 'Bo Chen'], lastHiredAt: 1740000000000, nextStartAt: 1741000000000 },
    },
    postings: { p1: 'Senior Backend Engineer', p2: 'Staff Engineer' },
    requisitionFields: {
      cost_center: { text: 'Cost center', type: 'object' },
      target_hire_date: { text: 'Target hire date', type: 'date' },
    },
  };
}
