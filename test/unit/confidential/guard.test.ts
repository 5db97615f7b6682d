// The confidential-data guard: every filter × key combination, the sentences users act on, and the pre-fetch stop.
import {
  assertConfidentialAllowed,
  confidentialNotice,
  keyConfidentialNotice,
  withConfidentialNotice,
} from '../../../src/confidential/guard';
import { AppError } from '../../../src/errors';
import type { ImportFilters, KeyStatus, TriState } from '../../../src/shared/types';

type Access = KeyStatus['confidentialAccess'];

function filters(confidential: TriState): ImportFilters {
  return { archived: 'exclude', snoozed: 'exclude', confidential };
}

function key(confidentialAccess: Access, saved = true): KeyStatus {
  if (!saved) return { saved: false };
  const status: KeyStatus = { saved: true, environment: 'production', last4: 'ab12' };
  if (confidentialAccess !== undefined) status.confidentialAccess = confidentialAccess;
  return status;
}

const NEW_KEY = /Super Admin must create a new key with 'Allow access to confidential data' turned on/;

describe('confidentialNotice', () => {
  // [import's Confidential filter, key access (undefined: saved but never checked), saved?, expected state]
  const table: Array<[TriState, Access, boolean, string]> = [
    ['exclude', true, true, 'excluded-by-choice'],
    ['exclude', false, true, 'invisible-to-key'],
    ['exclude', 'unknown', true, 'excluded-by-choice'],
    ['exclude', undefined, true, 'excluded-by-choice'],
    ['exclude', undefined, false, 'excluded-by-choice'],
    ['include', true, true, 'included'],
    ['include', false, true, 'invisible-to-key'],
    ['include', 'unknown', true, 'unknown'],
    ['include', undefined, true, 'unknown'],
    ['include', undefined, false, 'unknown'],
    ['only', true, true, 'included'],
    ['only', false, true, 'invisible-to-key'],
    ['only', 'unknown', true, 'unknown'],
    ['only', undefined, true, 'unknown'],
    ['only', undefined, false, 'unknown'],
  ];

  it.each(table)('filter %s with key access %s (saved: %s) is %s', (choice, access, saved, expected) => {
    const result = confidentialNotice(filters(choice), key(access, saved), 'requisitions');
    expect(result.state).toBe(expected);
    expect(result.message).toMatch(/confidential/i);
    expect(result.message).toMatch(/requisitions/);
    expect(result.message).not.toMatch(/ab12/);
  });

  it('tells a user whose key cannot see confidential records to get a new key, whatever the filter', () => {
    for (const choice of ['exclude', 'include', 'only'] as const) {
      const result = confidentialNotice(filters(choice), key(false), 'opportunities');
      expect(result.message).toMatch(NEW_KEY);
      expect(result.message).toMatch(/only allows it when the key is created/);
      expect(result.message).toMatch(/opportunities/);
    }
  });

  it('warns that an import asking for confidential records with such a key stops before fetching', () => {
    const asking = confidentialNotice(filters('include'), key(false), 'requisitions').message;
    const notAsking = confidentialNotice(filters('exclude'), key(false), 'requisitions').message;
    expect(asking).toMatch(/stops before fetching/);
    expect(asking).toMatch(/set the import's Confidential filter to Exclude/);
    expect(notAsking).not.toMatch(/stops before fetching/);
  });

  it('points to the filter when the key could read what the import leaves out', () => {
    expect(confidentialNotice(filters('exclude'), key(true)).message).toMatch(/Set it to Include/);
    expect(confidentialNotice(filters('exclude'), key('unknown')).message).not.toMatch(/Set it to Include/);
  });

  it('says whether only confidential records or all records are imported', () => {
    expect(confidentialNotice(filters('only'), key(true), 'requisitions').message).toMatch(/^Only confidential/);
    expect(confidentialNotice(filters('include'), key(true), 'requisitions').message).toMatch(/alongside/);
  });

  it('explains why access is unknown', () => {
    expect(confidentialNotice(filters('include'), key('unknown')).message).toMatch(
      /cannot be told yet\. Lever returned no confidential records/,
    );
    expect(confidentialNotice(filters('include'), key(undefined, false)).message).toMatch(/until a Lever key is/);
  });

  it('says "records" when the object is not given', () => {
    expect(confidentialNotice(filters('include'), key(true)).message).toMatch(/^Confidential records are included/);
  });
});

describe('keyConfidentialNotice (connect time)', () => {
  it.each([
    [true, 'included'],
    [false, 'invisible-to-key'],
    ['unknown', 'unknown'],
    [undefined, 'unknown'],
  ] as Array<[Access, string]>)('key access %s is %s', (access, expected) => {
    expect(keyConfidentialNotice(key(access)).state).toBe(expected);
  });

  it('gives the new-key advice only to a key without access', () => {
    expect(keyConfidentialNotice(key(false)).message).toMatch(NEW_KEY);
    expect(keyConfidentialNotice(key(true)).message).not.toMatch(NEW_KEY);
    expect(keyConfidentialNotice(key('unknown')).message).not.toMatch(NEW_KEY);
  });

  it('asks for a key when none is saved', () => {
    expect(keyConfidentialNotice({ saved: false })).toEqual({
      state: 'unknown',
      message: expect.stringMatching(/Connect a Lever key/),
    });
  });

  it('is added to a saved key status only', () => {
    expect(withConfidentialNotice({ saved: false })).toEqual({ saved: false });
    const saved = withConfidentialNotice(key(false));
    expect(saved.confidential?.state).toBe('invisible-to-key');
    expect(saved.last4).toBe('ab12');
  });
});

describe('assertConfidentialAllowed', () => {
  it('stops an import asking for confidential records with a key known to lack access', () => {
    for (const choice of ['include', 'only'] as const) {
      let thrown: unknown;
      try {
        assertConfidentialAllowed(filters(choice), key(false), 'requisitions');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('LEVER_FORBIDDEN');
      expect((thrown as AppError).message).toMatch(/confidential requisitions/);
      expect((thrown as AppError).message).toMatch(NEW_KEY);
      expect((thrown as AppError).message).not.toMatch(/403/);
    }
  });

  it('lets through every other combination', () => {
    const accesses: Access[] = [true, 'unknown', undefined];
    for (const choice of ['exclude', 'include', 'only'] as const) {
      for (const access of accesses)
        expect(() => assertConfidentialAllowed(filters(choice), key(access))).not.toThrow();
      expect(() => assertConfidentialAllowed(filters(choice), key(undefined, false))).not.toThrow();
    }
    expect(() => assertConfidentialAllowed(filters('exclude'), key(false))).not.toThrow();
  });
});
