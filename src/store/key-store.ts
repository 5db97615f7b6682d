// The running user's Lever API key in their UserProperties; outside this module the key exists only as a header.

import { redact } from '../errors';
import type { KeyCheck, LeverCredential } from '../lever/credential';
import { basicAuthHeader, isLeverEnvironment } from '../lever/endpoints';
import type { Base64Encoder } from '../ports/http';
import { type KeyValueStore, readJson, writeJson } from '../ports/store';
import type { KeyStatus, LeverEnvironment } from '../shared/types';

export const KEY_PROPERTY = 'lever.key';

interface StoredKey extends KeyCheck {
  key: string;
  environment: LeverEnvironment;
}

export function credentialFor(key: string, environment: LeverEnvironment, base64: Base64Encoder): LeverCredential {
  let header: string | undefined;
  return {
    environment,
    authorizationHeader: () => {
      header ??= basicAuthHeader(key, base64);
      return header;
    },
    redact: (text) => redact(text, header ? [key, header] : [key]),
  };
}

/** The user's store must be the one passed: the key never goes to DocumentProperties. */
export function saveKey(store: KeyValueStore, key: string, environment: LeverEnvironment, check: KeyCheck): void {
  const record: StoredKey = { key, environment, ...check };
  writeJson(store, KEY_PROPERTY, record);
}

function loadRecord(store: KeyValueStore): StoredKey | null {
  const record = readJson<Partial<StoredKey>>(store, KEY_PROPERTY);
  if (!record || typeof record.key !== 'string' || !record.key || !isLeverEnvironment(record.environment)) return null;
  return record as StoredKey;
}

/**
 * Replaces the saved key's check results, keeping the key itself, only while the record is still the one checked
 * (`checkedAt` as loaded): a key saved in another sidebar meanwhile must not get this key's results (nor, cached
 * under its scope, this account's lookup tables). False when it was left alone.
 */
export function updateKeyCheck(store: KeyValueStore, check: KeyCheck, checkedAtBefore: string): boolean {
  const record = loadRecord(store);
  if (!record || record.checkedAt !== checkedAtBefore) return false;
  writeJson(store, KEY_PROPERTY, { ...record, ...check });
  return true;
}

/**
 * Records that the saved key read a confidential record (an import brought one back), when its access was not
 * known yet. Only the running user's own key record changes.
 */
export function markConfidentialReadable(store: KeyValueStore): void {
  const record = loadRecord(store);
  if (record && record.confidentialAccess === 'unknown') {
    writeJson(store, KEY_PROPERTY, { ...record, confidentialAccess: true });
  }
}

export function removeKey(store: KeyValueStore): void {
  store.delete(KEY_PROPERTY);
}

export interface SavedCredential {
  credential: LeverCredential;
  check: KeyCheck;
}

/** The saved key as a credential plus its last check, or null when none is saved. */
export function loadCredential(store: KeyValueStore, base64: Base64Encoder): SavedCredential | null {
  const record = loadRecord(store);
  if (!record) return null;
  const { key, environment, ...check } = record;
  return { credential: credentialFor(key, environment, base64), check };
}

/** Short keys get no hint at all: four characters of an eight-character key would give half of it away. */
export function maskedLast4(key: string): string {
  return key.length <= 8 ? '' : key.slice(-4);
}

/** What the sidebar may see: never the key, only its last four characters. */
export function loadKeyStatus(store: KeyValueStore): KeyStatus {
  const record = loadRecord(store);
  if (!record) return { saved: false };
  return {
    saved: true,
    environment: record.environment,
    last4: maskedLast4(record.key),
    checkedAt: record.checkedAt,
    permissions: record.permissions,
    confidentialAccess: record.confidentialAccess,
    ...(record.offersAccess === undefined ? {} : { offersAccess: record.offersAccess }),
  };
}
