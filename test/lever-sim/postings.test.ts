// Postings as a planner reads them: categories, salary ranges and the requisition codes they are linked to.

import { generateDataset } from '../../tools/lever-sim';
import { get, makeFixture, NOW } from './support';

const data = generateDataset({ seed: 5, opportunities: 200, requisitions: 300, now: NOW, postings: 60 });

describe('postings', () => {
  it('carry team, department, location and commitment categories', () => {
    for (const posting of data.postings) {
      expect(typeof posting.categories.team).toBe('string');
      expect(typeof posting.categories.department).toBe('string');
      expect(typeof posting.categories.commitment).toBe('string');
    }
    expect(data.postings.filter((p) => p.categories.location === undefined)).toHaveLength(1);
  });

  it('show a salary range on most postings, hourly for interns and contractors', () => {
    const ranged = data.postings.filter((p) => p.salaryRange);
    expect(ranged.length).toBeGreaterThan(data.postings.length / 2);
    expect(ranged.length).toBeLessThan(data.postings.length);
    for (const { salaryRange: range, categories } of ranged) {
      expect(range?.min).toBeLessThan(range?.max ?? 0);
      const hourly = categories.commitment === 'Intern' || categories.commitment === 'Contract';
      expect(range?.interval).toBe(hourly ? 'per-hour-wage' : 'per-year-salary');
      expect(range?.currency).toMatch(/^[A-Z]{3}$/);
    }
    expect(new Set(ranged.map((p) => p.salaryRange?.interval)).size).toBe(2);
  });

  it('list the codes of exactly the requisitions linked to them', () => {
    for (const posting of data.postings) {
      const codes = data.requisitions.filter((r) => r.postings.includes(posting.id)).map((r) => r.requisitionCode);
      expect([...posting.requisitionCodes].sort()).toEqual(codes.sort());
    }
    expect(data.postings.some((p) => p.requisitionCodes.length > 1)).toBe(true);
  });

  it('are served with those fields', () => {
    const { sim, dataset } = makeFixture();
    const posting = dataset.postings.find((p) => p.salaryRange && p.confidentiality === 'non-confidential');
    const served = get(sim, `/postings/${posting?.id}`).json.data;
    expect(served.salaryRange).toEqual(posting?.salaryRange);
    expect(served.categories).toEqual(posting?.categories);
    expect(served.requisitionCodes).toEqual(posting?.requisitionCodes);
  });
});
