// The confidential-data guard: whether confidential records reach the sheet, in sentences a user acts on (pure).
import { AppError, NEW_KEY_ADVICE } from '../errors';
import type { ConfidentialNotice, ImportFilters, ImportObject, KeyStatus } from '../shared/types';

/**
 * For a key whose confidential access cannot be told: Lever may leave confidential records out silently for a
 * key without access (unknowns 3), so an empty answer proves nothing either way.
 */
const CANNOT_TELL_ADVICE =
  'Lever returned no confidential records to it. If your account has some, the key probably lacks ' +
  "'Allow access to confidential data': a Lever Super Admin must create a new key with it turned on (Lever " +
  'only allows it when a key is created), then paste that key here. An import that includes confidential ' +
  'records still runs with this key and brings whatever the key can read; once one comes back, the key is ' +
  'known to read them.';

function noun(object: ImportObject | undefined): string {
  return object ?? 'records';
}

function wantsConfidential(filters: Pick<ImportFilters, 'confidential'>): boolean {
  return filters.confidential === 'include' || filters.confidential === 'only';
}

function notice(state: ConfidentialNotice['state'], message: string): ConfidentialNotice {
  return { state, message };
}

/** What a connected key means for confidential records, before any import is chosen (shown at connect time). */
export function keyConfidentialNotice(key: KeyStatus): ConfidentialNotice {
  if (!key.saved) return notice('unknown', 'Connect a Lever key to see whether confidential records can be imported.');
  if (key.confidentialAccess === true) {
    return notice(
      'included',
      'This key can read confidential records (Lever returned one to it): an import includes them when its ' +
        'Confidential filter is set to Include or Only.',
    );
  }
  if (key.confidentialAccess === false) {
    return notice(
      'invisible-to-key',
      `Confidential records are not visible to this API key, so every import leaves them out. ${NEW_KEY_ADVICE}`,
    );
  }
  return notice('unknown', `Whether this key can read confidential records cannot be told yet. ${CANNOT_TELL_ADVICE}`);
}

function invisibleNotice(filters: ImportFilters, what: string): ConfidentialNotice {
  if (!wantsConfidential(filters)) {
    return notice('invisible-to-key', `Confidential ${what} are not visible to this API key. ${NEW_KEY_ADVICE}`);
  }
  return notice(
    'invisible-to-key',
    `This import asks for confidential ${what}, but they are not visible to this API key, so it stops before ` +
      `fetching anything. ${NEW_KEY_ADVICE} Or set the import's Confidential filter to Exclude.`,
  );
}

function excludedNotice(what: string, keyCanRead: boolean): ConfidentialNotice {
  const hint = keyCanRead ? ' Set it to Include to add them: this key can read them.' : '';
  return notice('excluded-by-choice', `Confidential ${what} are left out by this import's Confidential filter.${hint}`);
}

function includedNotice(filters: ImportFilters, what: string): ConfidentialNotice {
  const message =
    filters.confidential === 'only'
      ? `Only confidential ${what} are imported.`
      : `Confidential ${what} are included, alongside the others.`;
  return notice('included', message);
}

/**
 * Whether an import's confidential records reach the sheet with this key: included, left out by the import's own
 * filter, invisible to the key (a new key is the only fix), or unknown (no key, or nothing to check against).
 */
export function confidentialNotice(filters: ImportFilters, key: KeyStatus, object?: ImportObject): ConfidentialNotice {
  const what = noun(object);
  if (key.saved && key.confidentialAccess === false) return invisibleNotice(filters, what);
  if (!wantsConfidential(filters)) return excludedNotice(what, key.saved && key.confidentialAccess === true);
  if (key.saved && key.confidentialAccess === true) return includedNotice(filters, what);
  if (!key.saved) {
    return notice(
      'unknown',
      `This import asks for confidential ${what}; whether they are visible cannot be told until a Lever key is ` +
        'connected.',
    );
  }
  return notice(
    'unknown',
    `This import asks for confidential ${what}, but whether this key can read them cannot be told yet. ` +
      CANNOT_TELL_ADVICE,
  );
}

/**
 * Stops an import that asks for confidential records with a key known to lack confidential access, before any
 * request: Lever would refuse with a bare 403 mid-run. Keys whose access is unknown are let through.
 */
export function assertConfidentialAllowed(filters: ImportFilters, key: KeyStatus, object?: ImportObject): void {
  if (!wantsConfidential(filters) || !key.saved || key.confidentialAccess !== false) return;
  throw new AppError('LEVER_FORBIDDEN', { reason: 'confidentialImport', object });
}

/** A key status with its confidential notice, once a key is saved (an empty status stays as it is). */
export function withConfidentialNotice(key: KeyStatus): KeyStatus {
  return key.saved ? { ...key, confidential: keyConfidentialNotice(key) } : key;
}
