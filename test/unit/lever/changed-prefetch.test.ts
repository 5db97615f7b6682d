// The drift check's list asked with the records rounds: paged in later rounds, complete or not at all, and records
// edited after it was asked counted as listed (their updatedAt moved), records whose updatedAt did not move not.

import { AppError } from '../../../src/errors';
import { ChangedPrefetch } from '../../../src/lever/changed-prefetch';
import type { PageOutcome } from '../../../src/lever/client';

const QUERY = { since: 1000, confidential: true };

function page(ids: string[], next?: string): PageOutcome {
  return { kind: 'page', page: { data: ids.map((id) => ({ id })), hasNext: next !== undefined, next } };
}

function failed(status: number): PageOutcome {
  return {
    kind: 'failed',
    status,
    leverMessage: '',
    error: new AppError('INTERNAL', { reason: 'unreadableProgress' }),
  };
}

describe('ChangedPrefetch', () => {
  it('sends one unwindowed query, follows its pages and answers once the list is complete', () => {
    let now = 5000;
    const changed = new ChangedPrefetch(() => now);
    changed.want({ ...QUERY, createdFrom: 10 });
    expect(changed.waiting()).toBe(1);
    expect(changed.take(0)).toEqual([]);
    const [first] = changed.take(3);
    expect(first.params).toMatchObject({ updated_at_start: 1000, created_at_start: 10, confidentiality: 'all' });
    expect(first.params.offset).toBeUndefined();
    expect(changed.waiting()).toBe(0);
    changed.settle([page(['a'], 'token')]);
    expect(changed.answerFor({ ...QUERY, createdFrom: 10 })).toBeUndefined();
    now = 9000;
    expect(changed.take(1)[0].params.offset).toBe('token');
    changed.settle([page(['b'])]);
    expect(changed.answerFor({ ...QUERY, createdFrom: 10 })).toEqual(new Set(['a', 'b']));
    expect(changed.answerFor(QUERY)).toBeUndefined();
  });

  it('counts as listed the records read with an updatedAt at or after the moment it was asked, and no others', () => {
    const changed = new ChangedPrefetch(() => 5000);
    changed.want(QUERY);
    changed.take(1);
    changed.note([
      { id: 'edited', createdAt: 1, updatedAt: 5000 },
      { id: 'before', createdAt: 1, updatedAt: 4999 },
      { id: 'old', createdAt: 1, updatedAt: 10 },
      { id: 'never', createdAt: 1, updatedAt: null },
    ]);
    changed.settle([page(['listed'])]);
    expect(changed.answerFor(QUERY)).toEqual(new Set(['listed', 'edited']));
  });

  it('a first 403 says the key may not list changes; other failures leave no answer', () => {
    const forbidden = new ChangedPrefetch(() => 0);
    forbidden.want(QUERY);
    forbidden.take(1);
    forbidden.settle([failed(403)]);
    expect(forbidden.answerFor(QUERY)).toBeNull();
    const broken = new ChangedPrefetch(() => 0);
    broken.want(QUERY);
    broken.take(1);
    broken.settle([page(['a'], 'token')]);
    broken.take(1);
    broken.settle([failed(403)]);
    expect(broken.answerFor(QUERY)).toBeUndefined();
    expect(broken.waiting()).toBe(0);
  });
});
