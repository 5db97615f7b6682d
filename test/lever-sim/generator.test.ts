// The seeded generator: deterministic, and realistic enough to contain every case the add-on must survive.

import { generateDataset, type LeverDataset } from '../../tools/lever-sim';
import { NOW } from './support';

const DAY = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const options = { seed: 5, opportunities: 2000, requisitions: 300, now: NOW };
const data: LeverDataset = generateDataset(options);
const opportunities = data.opportunities;
const requisitions = data.requisitions;
const texts = opportunities.flatMap((o) => [o.name, o.headline, o.location, ...o.tags]);
const share = (count: number, total: number) => count / total;

function nyMidnight(ms: number): boolean {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).format(ms);
  return parts === '00:00:00' && ms % 1000 === 0;
}

describe('determinism', () => {
  it('gives the same data for the same seed and different data for another seed', () => {
    expect(JSON.stringify(generateDataset(options))).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateDataset({ ...options, seed: 6 }))).not.toBe(JSON.stringify(data));
  });

  it('keeps each section independent of the other sections sizes', () => {
    const bigger = generateDataset({ ...options, opportunities: 50, requisitions: 10 });
    expect(bigger.users).toEqual(data.users);
    expect(bigger.stages).toEqual(data.stages);
  });
});

describe('realism', () => {
  it('plants sheet-hostile text: formulas, leading + - @, quotes, commas, newlines', () => {
    expect(opportunities.some((o) => o.headline === '=HYPERLINK("http://x")')).toBe(true);
    expect(opportunities.some((o) => o.location === '+44 London')).toBe(true);
    expect(opportunities.some((o) => o.tags.includes('-internal'))).toBe(true);
    expect(opportunities.some((o) => o.name === '@ceo')).toBe(true);
    expect(texts.some((t) => t.includes('"') && t.includes(','))).toBe(true);
    expect(texts.some((t) => t.includes('\n'))).toBe(true);
    expect(requisitions.some((r) => r.name.startsWith('='))).toBe(true);
  });

  it('has accents, CJK and emoji', () => {
    expect(texts.some((t) => /[éèöüøłñç]/i.test(t))).toBe(true);
    expect(texts.some((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
    expect(texts.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
  });

  it('has empty headline, location and tags', () => {
    expect(opportunities.some((o) => o.headline === '' && o.location === '' && o.tags.length === 0)).toBe(true);
  });

  it('archives about 30% and snoozes about 5% into the future, some snoozes already ended', () => {
    expect(share(opportunities.filter((o) => o.archived).length, opportunities.length)).toBeGreaterThan(0.25);
    expect(share(opportunities.filter((o) => o.archived).length, opportunities.length)).toBeLessThan(0.35);
    const future = opportunities.filter((o) => o.snoozedUntil !== null && o.snoozedUntil > NOW).length;
    expect(share(future, opportunities.length)).toBeGreaterThan(0.03);
    expect(share(future, opportunities.length)).toBeLessThan(0.08);
    expect(opportunities.some((o) => o.snoozedUntil !== null && o.snoozedUntil <= NOW)).toBe(true);
  });

  it('has confidential postings, requisitions and opportunities (a few percent)', () => {
    const confidential = opportunities.filter((o) => o.confidentiality === 'confidential').length;
    expect(confidential).toBeGreaterThan(0);
    expect(share(confidential, opportunities.length)).toBeLessThan(0.15);
    expect(data.postings.some((p) => p.confidentiality === 'confidential')).toBe(true);
    expect(requisitions.some((r) => r.confidentiality === 'confidential')).toBe(true);
  });

  it('has deactivated users who own opportunities and requisitions', () => {
    const gone = new Set(data.users.filter((u) => u.deactivatedAt !== null).map((u) => u.id));
    expect(gone.size).toBeGreaterThan(0);
    expect(opportunities.some((o) => o.owner !== null && gone.has(o.owner))).toBe(true);
    expect(requisitions.some((r) => r.owner !== undefined && gone.has(r.owner))).toBe(true);
  });

  it('mixes built-in stage slugs with custom UUID stages, and has Hired and inactive archive reasons', () => {
    const stageIds = data.stages.map((s) => s.id);
    for (const slug of ['lead-new', 'lead-reached-out', 'lead-responded', 'applicant-new', 'offer']) {
      expect(stageIds).toContain(slug);
    }
    expect(stageIds.filter((id) => UUID.test(id)).length).toBeGreaterThan(0);
    expect(data.archiveReasons.some((r) => r.text === 'Hired' && r.type === 'hired')).toBe(true);
    expect(data.archiveReasons.some((r) => r.status === 'inactive')).toBe(true);
  });

  it('gives requisitions unlimited headcount, absent optional fields and every status', () => {
    expect(requisitions.some((r) => r.headcountTotal === 'unlimited')).toBe(true);
    for (const field of ['hiringManager', 'location', 'compensationBand', 'closedAt'] as const) {
      expect(requisitions.some((r) => !(field in r))).toBe(true);
    }
    expect(new Set(requisitions.map((r) => r.status))).toEqual(new Set(['open', 'onHold', 'closed', 'draft']));
  });

  it('fills customFields with keys from requisition_fields and every field type', () => {
    const fields = new Map(data.requisitionFields.map((f) => [f.id, f.type]));
    const used = new Set<string>();
    for (const r of requisitions) {
      for (const [key, value] of Object.entries(r.customFields)) {
        expect(fields.has(key)).toBe(true);
        used.add(fields.get(key) as string);
        if (fields.get(key) === 'object') expect(typeof value).toBe('object');
        if (fields.get(key) === 'number' || fields.get(key) === 'date') expect(typeof value).toBe('number');
      }
    }
    expect(used).toEqual(new Set(['text', 'number', 'date', 'dropdown', 'object']));
  });

  it('links applications to postings, and opportunityLocation to the posting', () => {
    const postings = new Map(data.postings.map((p) => [p.id, p]));
    const applications = new Map((data.applications ?? []).map((a) => [a.id, a]));
    const applied = opportunities.filter((o) => o.applications.length > 0);
    expect(applied.length).toBeGreaterThan(opportunities.length / 2);
    for (const o of applied) {
      const posting = postings.get(applications.get(o.applications[0])?.posting ?? '');
      expect(posting).toBeDefined();
      expect(o.opportunityLocation).toBe(posting?.categories.location || 'unspecified');
      expect(o.confidentiality).toBe(posting?.confidentiality);
    }
    expect(opportunities.some((o) => o.opportunityLocation === 'unspecified')).toBe(true);
  });

  it('spreads createdAt over the span with ties and records exactly at local and UTC midnight', () => {
    const times = opportunities.map((o) => o.createdAt);
    expect(Math.max(...times)).toBeLessThan(NOW);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 731 * DAY);
    expect(new Set(times).size).toBeLessThan(times.length);
    expect(times.some(nyMidnight)).toBe(true);
    expect(times.some((t) => nyMidnight(t + 1))).toBe(true);
    expect(times.some((t) => t % DAY === 0)).toBe(true);
  });

  it('uses UUIDs for ids and epoch milliseconds for times', () => {
    expect(opportunities.every((o) => UUID.test(o.id) && UUID.test(o.contact))).toBe(true);
    expect(new Set(opportunities.map((o) => o.id)).size).toBe(opportunities.length);
    expect(opportunities.every((o) => o.updatedAt === null || o.updatedAt >= o.createdAt)).toBe(true);
    expect(opportunities.some((o) => o.updatedAt === null)).toBe(true);
    expect(opportunities.every((o) => o.archived === null || o.archived.archivedAt >= o.createdAt)).toBe(true);
  });

  it('plants the oddities even in a tiny dataset', () => {
    const tiny = generateDataset({ seed: 1, opportunities: 20, requisitions: 5, now: NOW });
    expect(tiny.opportunities.some((o) => o.name === '@ceo')).toBe(true);
    expect(tiny.opportunities.some((o) => o.confidentiality === 'confidential')).toBe(true);
    expect(tiny.requisitions.some((r) => r.confidentiality === 'confidential')).toBe(true);
  });
});
