// Hires in the generated account: their share, their archive, the requisitions they fill and the filter that finds them.

import { type Application, generateDataset, type LeverDataset, type Opportunity } from '../../tools/lever-sim';
import { get, makeFixture, NOW, walk } from './support';

const options = { seed: 5, opportunities: 2000, requisitions: 300, now: NOW };
const data: LeverDataset = generateDataset(options);

function hiredReasonIds(dataset: LeverDataset): Set<string> {
  return new Set(dataset.archiveReasons.filter((reason) => reason.type === 'hired').map((reason) => reason.id));
}

function hiresOf(dataset: LeverDataset): Opportunity[] {
  const hired = hiredReasonIds(dataset);
  return dataset.opportunities.filter((o) => o.archived !== null && hired.has(o.archived.reason));
}

function applicationsById(dataset: LeverDataset): Map<string, Application> {
  return new Map((dataset.applications ?? []).map((application) => [application.id, application]));
}

describe('archive reasons and the share of hires', () => {
  it('has a couple of hired reasons and several non-hired ones', () => {
    const types = data.archiveReasons.map((reason) => reason.type);
    expect(types.filter((type) => type === 'hired').length).toBeGreaterThanOrEqual(2);
    expect(types.filter((type) => type === 'non-hired').length).toBeGreaterThanOrEqual(4);
  });

  it('makes 2% of the opportunities hires by default, and the share is an option', () => {
    expect(hiresOf(data)).toHaveLength(Math.round(0.02 * 2000));
    const more = generateDataset({ ...options, opportunities: 1000, hireShare: 0.05 });
    expect(hiresOf(more)).toHaveLength(50);
    expect(hiresOf(generateDataset({ ...options, opportunities: 500, hireShare: 0 }))).toHaveLength(0);
    expect(hiresOf(generateDataset({ seed: 1, opportunities: 20, requisitions: 5, now: NOW }))).toHaveLength(1);
  });

  it('uses both hired reasons, and archives every hire at the Offer stage after it was created', () => {
    const hires = hiresOf(data);
    expect(new Set(hires.map((o) => o.archived?.reason)).size).toBe(2);
    for (const o of hires) {
      expect(o.stage).toBe('offer');
      expect(o.archived?.archivedAt).toBeGreaterThan(o.createdAt);
      expect(o.archived?.archivedAt).toBeGreaterThanOrEqual(o.lastAdvancedAt);
      expect(o.archived?.archivedAt).toBeLessThan(NOW);
      // Lever leaves updatedAt null on records never updated since its tracking began.
      if (o.updatedAt !== null) expect(o.updatedAt).toBeGreaterThanOrEqual(o.archived?.archivedAt ?? Number.NaN);
    }
    const applications = applicationsById(data);
    for (const o of hires.filter((hire) => hire.applications.length > 0)) {
      expect(applications.get(o.applications[0])?.archived).toEqual(o.archived);
    }
  });

  it('leaves every record that is a hire under neither share as it was (hires come from their own stream)', () => {
    const other = generateDataset({ ...options, hireShare: 0.04 });
    const hires = new Set([...hiresOf(data), ...hiresOf(other)].map((o) => o.id));
    expect(hires.size).toBeGreaterThanOrEqual(80);
    const otherById = new Map(other.opportunities.map((o) => [o.id, o]));
    let compared = 0;
    for (const o of data.opportunities) {
      if (hires.has(o.id)) continue;
      expect(otherById.get(o.id)).toEqual(o);
      compared++;
    }
    expect(compared).toBeGreaterThan(1800);
  });
});

describe('the seats hires fill', () => {
  const applications = data.applications ?? [];
  const requisitions = new Map(data.requisitions.map((r) => [r.id, r]));
  const linked = applications.filter((application) => application.requisitionForHire !== null);

  it('gives requisitionForHire only to hires, matching the requisition and the posting applied to', () => {
    const hires = new Set(hiresOf(data).map((o) => o.id));
    expect(linked.length).toBeGreaterThan(hires.size / 2);
    for (const application of linked) {
      expect(hires.has(application.opportunityId)).toBe(true);
      const requisition = requisitions.get(application.requisitionForHire?.id ?? '');
      expect(requisition).toBeDefined();
      expect(application.requisitionForHire).toEqual({
        id: requisition?.id,
        requisitionCode: requisition?.requisitionCode,
        hiringManagerOnHire: requisition?.hiringManager ?? null,
      });
      expect(requisition?.postings).toContain(application.posting);
      expect(requisition?.status).not.toBe('draft');
    }
  });

  it('counts headcountHired from exactly those hires, within headcountTotal', () => {
    const counts = new Map<string, number>();
    for (const application of linked) {
      const id = application.requisitionForHire?.id as string;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const requisition of data.requisitions) {
      expect(requisition.headcountHired).toBe(counts.get(requisition.id) ?? 0);
      if (requisition.headcountTotal !== 'unlimited') {
        expect(requisition.headcountHired).toBeLessThanOrEqual(requisition.headcountTotal);
      }
    }
    expect(data.requisitions.some((r) => r.headcountHired >= 2)).toBe(true);
    expect(data.requisitions.some((r) => r.headcountTotal === 'unlimited')).toBe(true);
  });

  it('keeps compensation bands and approval dates on requisitions', () => {
    const banded = data.requisitions.filter((r) => r.compensationBand);
    expect(banded.length).toBeGreaterThan(data.requisitions.length / 2);
    for (const { compensationBand: band } of banded) {
      expect(band?.min).toBeLessThan(band?.max ?? 0);
      expect(typeof band?.currency).toBe('string');
      expect(band?.interval).toBe('per-year-salary');
    }
    const approved = data.requisitions.filter((r) => typeof r.approval.approvedAt === 'number');
    expect(approved.length).toBeGreaterThan(0);
    for (const r of approved) expect(r.approval.approvedAt as number).toBeGreaterThanOrEqual(r.createdAt);
  });

  it('serves requisitionForHire on expanded applications', () => {
    const { sim, dataset } = makeFixture();
    const byId = applicationsById(dataset);
    const params: Array<[string, string]> = [
      ['expand', 'applications'],
      ['archived', 'true'],
      ['confidentiality', 'all'],
    ];
    const records = walk<{ id: string; applications: Application[] }>(sim, '/opportunities', params).records;
    const withSeat = records.filter((o) => o.applications[0]?.requisitionForHire);
    expect(withSeat.length).toBeGreaterThan(0);
    for (const o of records) {
      for (const application of o.applications) expect(application).toEqual(byId.get(application.id));
    }
  });
});

describe('archive_reason_id', () => {
  const { sim, dataset } = makeFixture();
  const [hired, transfer] = dataset.archiveReasons.filter((reason) => reason.type === 'hired').map((r) => r.id);
  const truth = (reasons: string[]) =>
    dataset.opportunities
      .filter((o) => o.archived !== null && reasons.includes(o.archived.reason))
      .map((o) => o.id)
      .sort();

  it('selects the opportunities archived with that reason, a union when repeated', () => {
    const both = [
      ['archive_reason_id', hired],
      ['archive_reason_id', transfer],
      ['confidentiality', 'all'],
    ] as Array<[string, string]>;
    const found = walk<{ id: string }>(sim, '/opportunities', both).records.map((o) => o.id);
    expect(found.sort()).toEqual(truth([hired, transfer]));
    expect(found.length).toBe(hiresOf(dataset).length);
    const one = sim.query('opportunities', { archive_reason_id: hired, confidentiality: 'all' });
    expect(one.sort()).toEqual(truth([hired]));
    expect(one.length).toBeLessThan(found.length);
  });

  it('combines with archived=false (nothing) and leaves confidential hires out by default', () => {
    expect(sim.query('opportunities', { archive_reason_id: hired, archived: 'false' })).toEqual([]);
    const visible = sim.query('opportunities', { archive_reason_id: [hired, transfer] });
    const confidential = hiresOf(dataset).filter((o) => o.confidentiality === 'confidential');
    expect(confidential.length).toBeGreaterThan(0);
    expect(visible.length).toBe(hiresOf(dataset).length - confidential.length);
    expect(get(sim, '/opportunities', [['archive_reason_id', 'no-such-reason']]).json.data).toEqual([]);
  });
});
