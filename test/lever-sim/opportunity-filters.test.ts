// /opportunities filters against an independent brute-force reading of Lever's docs (§2.1), over all pages.

import type { Opportunity } from '../../tools/lever-sim';
import {
  FULL,
  get,
  ids,
  leverOrder,
  makeFixture,
  NEWEST_FIRST,
  NO_CONFIDENTIAL,
  NOW,
  type Params,
  walk,
} from './support';

const { sim, dataset, clock } = makeFixture({
  opportunities: 700,
  readings: { ...NEWEST_FIRST, confidentialDenial: 'forbidden' },
});
const all = dataset.opportunities;

/** Brute force: the expected ids for `keep`, over opportunities visible by default (non-confidential). */
function expected(keep: (o: Opportunity) => boolean, confidentiality: 'default' | 'all' = 'default'): string[] {
  const visible = all.filter((o) => confidentiality === 'all' || o.confidentiality === 'non-confidential');
  return ids(leverOrder(visible.filter(keep)));
}

function served(params: Params, key = FULL): string[] {
  return ids(walk<{ id: string }>(sim, '/opportunities', [['limit', '37'], ...params], key).records);
}

function postingsOf(o: Opportunity, archivedOnly: boolean): string[] {
  const applications = dataset.applications ?? [];
  return o.applications
    .map((id) => applications.find((application) => application.id === id))
    .filter((application) => application && (!archivedOnly || application.archived || o.archived))
    .map((application) => application?.posting ?? '');
}

const pick = <T>(values: T[], index: number): T => values[Math.min(index, values.length - 1)];
const distinct = <T>(values: T[]): T[] => [...new Set(values)];

describe('defaults and tri-states', () => {
  it('serves only non-confidential records by default, archived and snoozed included', () => {
    const result = served([]);
    expect(result).toEqual(expected(() => true));
    expect(result.length).toBeLessThan(all.length);
    expect(result.some((id) => all.find((o) => o.id === id)?.archived)).toBe(true);
  });

  it.each([
    ['all', () => true],
    ['confidential', (o: Opportunity) => o.confidentiality === 'confidential'],
    ['non-confidential', (o: Opportunity) => o.confidentiality === 'non-confidential'],
  ])('confidentiality=%s', (value, keep) => {
    const result = served([['confidentiality', value]]);
    expect(result).toEqual(expected(keep, 'all'));
    expect(result.length).toBeGreaterThan(0);
  });

  it('answers 403 about confidential data to a key without that access, and serves its default', () => {
    for (const value of ['all', 'confidential']) {
      const response = get(sim, '/opportunities', [['confidentiality', value]], NO_CONFIDENTIAL);
      expect(response.status).toBe(403);
      expect(response.json.code).toBe('ForbiddenError');
      expect(response.json.message).toMatch(/confidential/);
      expect(response.body).not.toContain(NO_CONFIDENTIAL);
    }
    expect(served([], NO_CONFIDENTIAL)).toEqual(expected(() => true));
  });

  it.each([
    ['true', (o: Opportunity) => o.archived !== null],
    ['false', (o: Opportunity) => o.archived === null],
  ])('archived=%s', (value, keep) => {
    const result = served([['archived', value]]);
    expect(result).toEqual(expected(keep));
    expect(result.length).toBeGreaterThan(0);
  });

  it('treats snoozed as a snooze that has not ended at the simulator clock', () => {
    const snoozed = (at: number) => (o: Opportunity) => o.snoozedUntil !== null && o.snoozedUntil > at;
    expect(served([['snoozed', 'true']])).toEqual(expected(snoozed(NOW)));
    expect(served([['snoozed', 'false']])).toEqual(expected((o) => !snoozed(NOW)(o)));
    const later = NOW + 20 * 86_400_000;
    clock.now = later;
    try {
      const result = served([['snoozed', 'true']]);
      expect(result).toEqual(expected(snoozed(later)));
      expect(result.length).toBeLessThan(expected(snoozed(NOW)).length);
    } finally {
      clock.now = NOW;
    }
  });
});

describe('union filters', () => {
  const stages = distinct(all.map((o) => o.stage));
  const tags = distinct(all.flatMap((o) => o.tags));
  const postings = distinct(all.flatMap((o) => postingsOf(o, false)));

  it('stage_id is a union of the repeated values', () => {
    const wanted = [pick(stages, 0), pick(stages, 3)];
    const result = served(wanted.map((id) => ['stage_id', id]));
    expect(result).toEqual(expected((o) => wanted.includes(o.stage)));
    expect(result.length).toBeGreaterThan(served([['stage_id', wanted[0]]]).length);
  });

  it('tag is case-sensitive', () => {
    const tag = tags.find((text) => text !== text.toLowerCase() && !tags.includes(text.toLowerCase())) ?? tags[0];
    expect(served([['tag', tag]])).toEqual(expected((o) => o.tags.includes(tag)));
    expect(served([['tag', tag]]).length).toBeGreaterThan(0);
    expect(served([['tag', tag.toLowerCase()]])).toEqual([]);
  });

  it('email matches the canonical (case-insensitive) address', () => {
    const email = all.find((o) => o.emails.length > 0)?.emails[0] ?? '';
    const result = served([['email', email.toUpperCase()]]);
    expect(result).toEqual(expected((o) => o.emails.some((e) => e.toLowerCase() === email.toLowerCase())));
    expect(result.length).toBeGreaterThan(0);
  });

  it('posting_id follows the applications; archived_posting_id only archived ones', () => {
    const wanted = [pick(postings, 0), pick(postings, 1)];
    const params: Params = wanted.map((id) => ['posting_id', id]);
    expect(served(params)).toEqual(expected((o) => postingsOf(o, false).some((p) => wanted.includes(p))));
    const archived = served(wanted.map((id) => ['archived_posting_id', id]));
    expect(archived).toEqual(expected((o) => postingsOf(o, true).some((p) => wanted.includes(p))));
    expect(archived.length).toBeGreaterThan(0);
  });

  it.each([
    ['origin', (o: Opportunity) => [o.origin]],
    ['source', (o: Opportunity) => o.sources],
    ['archive_reason_id', (o: Opportunity) => (o.archived ? [o.archived.reason] : [])],
    ['contact_id', (o: Opportunity) => [o.contact]],
    ['location', (o: Opportunity) => (o.opportunityLocation === undefined ? [] : [o.opportunityLocation])],
  ])('%s', (name, read) => {
    const values = distinct(all.flatMap(read));
    const wanted = [pick(values, 0), pick(values, 2)];
    const result = served(wanted.map((value) => [name, value]));
    expect(result).toEqual(expected((o) => read(o).some((value) => wanted.includes(value))));
    expect(result.length).toBeGreaterThan(0);
  });

  it('ANDs different filters', () => {
    const stage = pick(stages, 3);
    const result = served([
      ['stage_id', stage],
      ['archived', 'false'],
      ['origin', 'applied'],
    ]);
    expect(result).toEqual(expected((o) => o.stage === stage && !o.archived && o.origin === 'applied'));
  });
});

describe('time ranges', () => {
  const ranges: Array<[string, (o: Opportunity) => number | null | undefined]> = [
    ['created_at', (o) => o.createdAt],
    ['updated_at', (o) => o.updatedAt],
    ['advanced_at', (o) => o.lastAdvancedAt],
    ['archived_at', (o) => o.archived?.archivedAt],
  ];

  it.each(ranges)('%s bounds are inclusive at the exact millisecond', (prefix, read) => {
    const times = all
      .map(read)
      .filter((t): t is number => typeof t === 'number')
      .sort((a, b) => a - b);
    const [from, to] = [times[Math.floor(times.length / 4)], times[Math.floor((times.length * 3) / 4)]];
    const within = (o: Opportunity) => {
      const t = read(o);
      return typeof t === 'number' && t >= from && t <= to;
    };
    const result = served([
      [`${prefix}_start`, String(from)],
      [`${prefix}_end`, String(to)],
    ]);
    expect(result).toEqual(expected(within));
    const edges = result.map((id) => read(all.find((o) => o.id === id) as Opportunity));
    expect(edges).toContain(from);
    expect(edges).toContain(to);
    expect(served([[`${prefix}_start`, String(to + 1)]])).toEqual(expected((o) => (read(o) ?? -1) > to));
    expect(served([[`${prefix}_end`, String(from - 1)]])).toEqual(
      expected((o) => typeof read(o) === 'number' && (read(o) as number) < from),
    );
  });

  it('created_at_start = created_at_end returns every record tied at that millisecond', () => {
    const tied = all.find((o, i) => all.some((other, j) => j !== i && other.createdAt === o.createdAt)) as Opportunity;
    const at = String(tied.createdAt);
    const result = served([
      ['created_at_start', at],
      ['created_at_end', at],
      ['confidentiality', 'all'],
    ]);
    expect(result).toEqual(expected((o) => o.createdAt === tied.createdAt, 'all'));
    expect(result.length).toBeGreaterThan(1);
  });
});

describe('validation', () => {
  it.each([
    ['archived', 'maybe'],
    ['snoozed', '1'],
    ['created_at_start', 'yesterday'],
    ['updated_at_end', '-5'],
    ['advanced_at_start', '1.5e12'],
    ['origin', 'web'],
    ['confidentiality', 'secret'],
    ['expand', 'posting'],
  ])('%s=%s is a 400 that names the parameter', (name, value) => {
    const response = get(sim, '/opportunities', [[name, value]]);
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('BadRequestError');
    expect(response.json.message).toContain(name);
  });

  it('ignores include and unknown parameters', () => {
    const plain = get(sim, '/opportunities', [['limit', '10']]);
    expect(
      get(sim, '/opportunities', [
        ['limit', '10'],
        ['include', 'followers'],
      ]).json.data,
    ).toEqual(plain.json.data);
    expect(
      get(sim, '/opportunities', [
        ['limit', '10'],
        ['utm_source', 'x'],
      ]).json.data,
    ).toEqual(plain.json.data);
  });
});
