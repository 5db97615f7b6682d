// Filters to Lever query parameters: tri-states, confidentiality, lists, and inclusive local-day bounds.
import { buildListQuery, confidentialityParam, triStateParam } from '../../../src/import/filters';
import type { ImportFilters } from '../../../src/shared/types';
import { offsetIn, wallClock } from './zone-offsets';

const NY = offsetIn('America/New_York');
const base: ImportFilters = { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' };

describe('tri-states', () => {
  it('maps exclude/include/only to false/absent/true', () => {
    expect([triStateParam('exclude'), triStateParam('include'), triStateParam('only')]).toEqual([
      false,
      undefined,
      true,
    ]);
  });

  it('maps confidential to Lever’s confidentiality values', () => {
    expect([confidentialityParam('exclude'), confidentialityParam('include'), confidentialityParam('only')]).toEqual([
      undefined,
      'all',
      'confidential',
    ]);
  });
});

describe('buildListQuery', () => {
  it('sends opportunity defaults as archived=false and snoozed=false and leaves confidentiality out', () => {
    const query = buildListQuery({ object: 'opportunities', filters: base }, NY);
    expect(query).toEqual({ object: 'opportunities', params: { archived: false, snoozed: false } });
  });

  it('leaves out included tri-states and repeats list filters', () => {
    const filters: ImportFilters = {
      ...base,
      archived: 'include',
      snoozed: 'only',
      confidential: 'include',
      stageIds: ['s1', 's2', 's1'],
      postingIds: ['p1'],
      tags: ['Platform', 'platform'],
    };
    const query = buildListQuery({ object: 'opportunities', filters, expandApplications: true }, NY);
    expect(query.params).toEqual({
      snoozed: true,
      confidentiality: 'all',
      stage_id: ['s1', 's2'],
      posting_id: ['p1'],
      tag: ['Platform', 'platform'],
      expand: ['applications'],
    });
  });

  it('gives requisitions only status and confidentiality', () => {
    const filters: ImportFilters = { ...base, confidential: 'only', requisitionStatus: ['open'] };
    expect(buildListQuery({ object: 'requisitions', filters }, NY).params).toEqual({
      status: ['open'],
      confidentiality: 'confidential',
    });
  });

  it('never sends several statuses (Lever may read only one of them): they are filtered locally', () => {
    const filters: ImportFilters = { ...base, confidential: 'only', requisitionStatus: ['open', 'onHold', 'open'] };
    const query = buildListQuery({ object: 'requisitions', filters }, NY);
    expect(query.params).toEqual({ confidentiality: 'confidential' });
    expect(query.statusIn).toEqual(['open', 'onHold']);
  });

  it('turns dates into the first and last millisecond of those days in the spreadsheet zone', () => {
    const filters: ImportFilters = { ...base, createdAfter: '2025-03-09', createdBefore: '2025-11-02' };
    const query = buildListQuery({ object: 'requisitions', filters }, NY);
    expect(query.createdFrom).toBe(wallClock('America/New_York', '2025-03-09T00:00:00.000'));
    expect(query.createdTo).toBe(wallClock('America/New_York', '2025-11-03T00:00:00.000') - 1);
    expect(new Date(query.createdFrom!).toISOString()).toBe('2025-03-09T05:00:00.000Z');
    expect(new Date(query.createdTo!).toISOString()).toBe('2025-11-03T04:59:59.999Z');
  });

  it('leaves either bound open when its date is absent', () => {
    const query = buildListQuery({ object: 'opportunities', filters: { ...base, createdAfter: '2026-01-01' } }, NY);
    expect(query.createdFrom).toBeDefined();
    expect(query.createdTo).toBeUndefined();
  });
});

describe('hires', () => {
  it('"Hires only" leaves `archived` out and marks the query; the hired range is archived_at in local days', () => {
    const filters: ImportFilters = { ...base, hiresOnly: true, hiredAfter: '2025-03-01', hiredBefore: '2025-03-31' };
    const query = buildListQuery({ object: 'opportunities', filters }, NY);
    expect(query.hiresOnly).toBe(true);
    expect(query.params.archived).toBeUndefined();
    expect(query.params.archived_at_start).toBe(wallClock('America/New_York', '2025-03-01T00:00:00.000'));
    expect(query.params.archived_at_end).toBe(wallClock('America/New_York', '2025-04-01T00:00:00.000') - 1);
  });
});
