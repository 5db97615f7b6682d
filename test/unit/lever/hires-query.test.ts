// "Hires only" resolved into Lever's archive reason filter, and the local check behind it.
import { matchesArchiveReason, resolveHiresOnly } from '../../../src/lever/hires-query';
import type { ListQuery } from '../../../src/lever/source';

const query: ListQuery = { object: 'opportunities', params: { snoozed: false }, hiresOnly: true };

describe('resolveHiresOnly', () => {
  it('sends every hired reason and keeps them for the local check', () => {
    const resolved = resolveHiresOnly(query, () => ['h1', 'h2']);
    expect(resolved).toEqual({
      object: 'opportunities',
      params: { snoozed: false, archive_reason_id: ['h1', 'h2'] },
      archiveReasonIn: ['h1', 'h2'],
    });
  });

  it('keeps nothing when Lever has no hired reason, and asks nothing for other queries', () => {
    const none = resolveHiresOnly(query, () => []);
    expect(none.archiveReasonIn).toEqual([]);
    const asked = jest.fn(() => ['h1']);
    const plain: ListQuery = { object: 'opportunities', params: {} };
    expect(resolveHiresOnly(plain, asked)).toBe(plain);
    expect(asked).not.toHaveBeenCalled();
  });
});

describe('matchesArchiveReason', () => {
  it('keeps records archived with a listed reason only', () => {
    const wanted = { archiveReasonIn: ['h1'] };
    const record = (archived: unknown) => ({ id: 'o', createdAt: 1, archived });
    expect(matchesArchiveReason(wanted, record({ reason: 'h1', archivedAt: 5 }))).toBe(true);
    expect(matchesArchiveReason(wanted, record({ reason: 'x', archivedAt: 5 }))).toBe(false);
    expect(matchesArchiveReason(wanted, record(null))).toBe(false);
    expect(matchesArchiveReason({}, record(null))).toBe(true);
  });
});
