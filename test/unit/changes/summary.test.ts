// The one-line refresh summary: counts of records per kind of change, for requisitions and opportunities.
import type { Change } from '../../../src/changes/diff';
import { baselineSummary, recordCount, summariseChanges } from '../../../src/changes/summary';

const added = (id: string): Change => ({ kind: 'added', id, name: id });
const removed = (id: string): Change => ({ kind: 'removed', id, name: id });
const changed = (id: string, field: string, oldValue: string, newValue: string): Change => ({
  kind: 'changed',
  id,
  name: id,
  field,
  oldValue,
  newValue,
});

describe('summariseChanges for requisitions', () => {
  it('reads like the sidebar line: new, closed, headcount', () => {
    const changes = [
      added('n1'),
      added('n2'),
      added('n3'),
      changed('a', 'status', 'open', 'closed'),
      changed('b', 'headcountTotal', '3', '4'),
      changed('c', 'headcountHired', '0', '1'),
    ];
    expect(summariseChanges('requisitions', changes)).toBe('3 new, 1 closed, headcount changed on 2');
  });

  it('counts records, not fields: two headcount fields of one requisition count once', () => {
    const changes = [changed('a', 'headcountTotal', '3', '4'), changed('a', 'headcountHired', '1', '2')];
    expect(summariseChanges('requisitions', changes)).toBe('headcount changed on 1');
  });

  it('tells closing, reopening and other status moves apart', () => {
    const changes = [
      changed('a', 'status', 'open', 'closed'),
      changed('b', 'status', 'closed', 'open'),
      changed('c', 'status', 'open', 'onHold'),
      changed('d', 'status', 'draft', 'open'),
    ];
    expect(summariseChanges('requisitions', changes)).toBe('1 closed, 1 reopened, status changed on 2');
  });

  it('names hiring manager, owner and compensation changes, and groups the rest as details', () => {
    const changes = [
      changed('a', 'hiringManager', 'Dana Kim', 'Jordan Alvarez'),
      changed('b', 'owner', 'Dana Kim', ''),
      changed('c', 'compensation', 'USD 1–2', 'USD 1–3'),
      changed('d', 'location', 'Austin', 'Remote'),
      changed('d', 'team', 'Platform', 'Infra'),
      changed('e', 'name', 'Engineer', 'Senior Engineer'),
      removed('z'),
    ];
    expect(summariseChanges('requisitions', changes)).toBe(
      'hiring manager changed on 1, owner changed on 1, compensation changed on 1, details changed on 2, 1 removed',
    );
  });

  it('says so when nothing changed', () => {
    expect(summariseChanges('requisitions', [])).toBe('No changes since the last refresh.');
    expect(summariseChanges('opportunities', [])).toBe('No changes since the last refresh.');
  });
});

describe('summariseChanges for opportunities', () => {
  it('reads like the sidebar line: new, moved stage, archived', () => {
    const changes = [
      ...Array.from({ length: 12 }, (_, i) => added(`n${i}`)),
      ...['a', 'b', 'c', 'd'].map((id) => changed(id, 'stage', 'New lead', 'Phone screen')),
      ...['e', 'f', 'g'].flatMap((id) => [
        changed(id, 'archived', 'no', 'yes'),
        changed(id, 'archiveReason', '', 'Withdrew'),
      ]),
    ];
    expect(summariseChanges('opportunities', changes)).toBe('12 new, 4 moved stage, 3 archived');
  });

  it('counts unarchiving, reason edits on archived records, and records gone from the result', () => {
    const changes = [
      changed('a', 'archived', 'yes', 'no'),
      changed('a', 'archiveReason', 'Withdrew', ''),
      changed('b', 'archiveReason', 'Withdrew', 'Hired'),
      removed('c'),
      removed('d'),
    ];
    expect(summariseChanges('opportunities', changes)).toBe('1 unarchived, archive reason changed on 1, 2 removed');
  });

  it('counts an opportunity once per category even with both stage and archive changes', () => {
    const changes = [changed('a', 'stage', 'Offer', 'Hired'), changed('a', 'archived', 'no', 'yes')];
    expect(summariseChanges('opportunities', changes)).toBe('1 moved stage, 1 archived');
  });
});

describe('baselineSummary', () => {
  it('states that the first refresh only records the starting point', () => {
    const text = baselineSummary('requisitions', 120, false);
    expect(text).toBe('Change tracking started with 120 requisitions; changes will show from the next refresh.');
  });

  it('says why tracking started again after the filters changed', () => {
    expect(baselineSummary('opportunities', 1, true)).toMatch(/filters changed.*started again from 1 opportunity;/);
  });

  it('uses singular and plural record counts', () => {
    expect(recordCount('requisitions', 1)).toBe('1 requisition');
    expect(recordCount('requisitions', 0)).toBe('0 requisitions');
    expect(recordCount('opportunities', 2)).toBe('2 opportunities');
  });
});
