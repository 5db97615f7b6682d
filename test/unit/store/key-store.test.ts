// The key store: the key stays in the user's store, leaves only as a header, and the sidebar sees last 4 only.

import type { KeyCheck } from '../../../src/lever/credential';
import { memoryStore } from '../../../src/ports/store';
import {
  credentialFor,
  KEY_PROPERTY,
  loadCredential,
  loadKeyStatus,
  maskedLast4,
  removeKey,
  saveKey,
  updateKeyCheck,
} from '../../../src/store/key-store';

const KEY = 'lever-key-0123456789abcdefWXYZ';
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const check: KeyCheck = {
  checkedAt: '2026-01-05T14:00:00.000Z',
  permissions: {
    opportunities: true,
    requisitions: false,
    stages: true,
    users: true,
    archive_reasons: true,
    postings: true,
    requisition_fields: true,
  },
  confidentialAccess: false,
};

describe('saveKey and loadKeyStatus', () => {
  it('stores the record as JSON under lever.key', () => {
    const store = memoryStore();
    saveKey(store, KEY, 'sandbox', check);
    expect(store.keys()).toEqual([KEY_PROPERTY]);
    expect(JSON.parse(store.get(KEY_PROPERTY) ?? '{}')).toEqual({ key: KEY, environment: 'sandbox', ...check });
  });

  it('shows the sidebar a masked status without the key', () => {
    const store = memoryStore();
    saveKey(store, KEY, 'production', check);
    const status = loadKeyStatus(store);
    expect(status).toEqual({
      saved: true,
      environment: 'production',
      last4: 'WXYZ',
      checkedAt: check.checkedAt,
      permissions: check.permissions,
      confidentialAccess: false,
    });
    expect(JSON.stringify(status)).not.toContain(KEY);
  });

  it('reports no key when none, or an unreadable one, is stored', () => {
    expect(loadKeyStatus(memoryStore())).toEqual({ saved: false });
    expect(loadKeyStatus(memoryStore({ [KEY_PROPERTY]: '{not json' }))).toEqual({ saved: false });
    expect(loadKeyStatus(memoryStore({ [KEY_PROPERTY]: '{"key":"k","environment":"mars"}' }))).toEqual({
      saved: false,
    });
  });

  it('updates the check but keeps the key, and removes it', () => {
    const store = memoryStore();
    saveKey(store, KEY, 'production', check);
    const later = { ...check, confidentialAccess: true as const, checkedAt: '2026-02-01T00:00:00.000Z' };
    expect(updateKeyCheck(store, later, check.checkedAt)).toBe(true);
    expect(loadKeyStatus(store)).toMatchObject({
      last4: 'WXYZ',
      confidentialAccess: true,
      checkedAt: '2026-02-01T00:00:00.000Z',
    });
    // A check that started before another save (this record's check is no longer the one it read) is dropped.
    expect(updateKeyCheck(store, { ...later, confidentialAccess: false }, check.checkedAt)).toBe(false);
    expect(loadKeyStatus(store).confidentialAccess).toBe(true);
    removeKey(store);
    expect(store.get(KEY_PROPERTY)).toBeNull();
    expect(loadKeyStatus(store).saved).toBe(false);
  });
});

describe('credentials', () => {
  it('turn the saved key into the Basic header and nothing else', () => {
    const store = memoryStore();
    saveKey(store, KEY, 'eu', check);
    const saved = loadCredential(store, base64);
    expect(saved?.credential.environment).toBe('eu');
    expect(saved?.credential.authorizationHeader()).toBe(`Basic ${base64(`${KEY}:`)}`);
    expect(saved?.check).toEqual(check);
    expect(JSON.stringify(saved)).not.toContain(KEY);
  });

  it('scrub the key and its header from any text', () => {
    const credential = credentialFor(KEY, 'production', base64);
    const header = credential.authorizationHeader();
    const text = credential.redact(`failed with ${KEY} and Authorization: ${header}`);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(header.slice(6));
    expect(text).toContain('[redacted]');
  });

  it('return null when no key is saved', () => {
    expect(loadCredential(memoryStore(), base64)).toBeNull();
  });
});

describe('maskedLast4', () => {
  it('gives the last four characters of a real-length key, nothing for a short one', () => {
    expect(maskedLast4(KEY)).toBe('WXYZ');
    expect(maskedLast4('12345678')).toBe('');
  });
});
