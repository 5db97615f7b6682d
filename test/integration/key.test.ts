// The key calls through the built bundle in the emulator, against the Lever simulator: checked before saving,
// stored in the user's properties only, and never visible in logs, document properties or sidebar values.
import type { KeyStatus } from '../../src/shared/types';
import {
  createHarness,
  FULL_KEY,
  type Harness,
  NO_CONFIDENTIAL_KEY,
  OPPS_ONLY_KEY,
  OTHER_USER,
  USER,
} from '../support/harness';
import { documentState } from '../support/state';

const ALL_KEYS = [FULL_KEY, NO_CONFIDENTIAL_KEY, OPPS_ONLY_KEY, 'wrong-key-not-known-to-lever'];

function failure(h: Harness, fn: string, args: unknown[] = [], user = USER) {
  const result = h.emu.callFromSidebar(fn, args, { user, spreadsheetId: h.ssId });
  expect(result.ok).toBe(false);
  return result.error?.message ?? '';
}

/** Everything a key could leak into: logs, every property store we can see, and what the sidebar received. */
function expectNoKeyAnywhere(h: Harness, returned: unknown[]) {
  const visible = JSON.stringify({
    logs: h.emu.logs,
    documentProperties: documentState(h.emu, h.ssId),
    otherUser: h.emu.userProperties(OTHER_USER),
    // The user's own cache holds the lookup tables the key check fetched: names, never the key.
    userCache: h.emu.userCache(USER),
    scriptProperties: h.emu.scriptProperties(),
    returned,
  });
  for (const key of ALL_KEYS) {
    expect(visible).not.toContain(key);
    expect(visible).not.toContain(Buffer.from(`${key}:`).toString('base64'));
  }
}

describe('saveApiKey', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness({ opportunities: 60, requisitions: 20, readings: { confidentialDenial: 'forbidden' } });
  });

  it('checks a good key with Lever, then saves it in the user properties only', () => {
    const status = h.call<KeyStatus>('saveApiKey', [`  ${FULL_KEY}\n`, 'production']);
    expect(status).toMatchObject({ saved: true, environment: 'production', last4: FULL_KEY.slice(-4) });
    expect(status.confidentialAccess).toBe(true);
    expect(Object.values(status.permissions ?? {})).toEqual([true, true, true, true, true, true, true]);
    const stored = JSON.parse(h.emu.userProperties(USER)['lever.key']);
    expect(stored).toMatchObject({ key: FULL_KEY, environment: 'production', confidentialAccess: true });
    // The probe: every endpoint (a lookup's list as the lookup asks it), plus the confidential checks and offers.
    const paths = h.sim.requests.map((request) => request.path);
    expect(paths).toEqual(expect.arrayContaining(['/v1/opportunities', '/v1/requisition_fields', '/v1/users']));
    expect(h.sim.requests).toHaveLength(10);
    const limits = h.sim.requests.map((request) => `${request.path} ${request.query.limit?.[0]}`);
    expect(limits.filter((limit) => limit.endsWith(' 100'))).toHaveLength(6);
    expect(limits).not.toContain('/v1/opportunities 100');
    expectNoKeyAnywhere(h, [status]);
  });

  it('refuses a wrong key without saving anything', () => {
    const message = failure(h, 'saveApiKey', ['wrong-key-not-known-to-lever', 'production']);
    expect(message).toBe('Lever rejected the API key: it is wrong or was revoked. Paste a new key in the sidebar.');
    expect(h.emu.userProperties(USER)['lever.key']).toBeUndefined();
    expectNoKeyAnywhere(h, [message]);
  });

  it('refuses a production key sent to the sandbox', () => {
    expect(failure(h, 'saveApiKey', [FULL_KEY, 'sandbox'])).toMatch(/rejected the API key/);
    expect(h.emu.userProperties(USER)['lever.key']).toBeUndefined();
  });

  it('records the endpoints a key lacks and says so', () => {
    const status = h.call<KeyStatus>('saveApiKey', [OPPS_ONLY_KEY, 'production']);
    expect(status.permissions).toEqual({
      opportunities: true,
      requisitions: false,
      stages: true,
      users: false,
      archive_reasons: false,
      postings: false,
      requisition_fields: false,
    });
    expect(status.message).toMatch(/cannot read requisitions, users, archive reasons, postings, requisition fields/);
    expectNoKeyAnywhere(h, [status]);
  });

  it('records a key without confidential access', () => {
    const status = h.call<KeyStatus>('saveApiKey', [NO_CONFIDENTIAL_KEY, 'production']);
    expect(status.confidentialAccess).toBe(false);
    expect(status.message ?? '').not.toMatch(/confidential/);
    expect(status.confidential?.state).toBe('invisible-to-key');
    expect(Object.values(status.permissions ?? {}).every(Boolean)).toBe(true);
  });

  it.each([
    ['an empty key', '', /empty/],
    ['only whitespace', '   \n ', /empty/],
    ['an absurdly long key', 'a'.repeat(500), /too long/],
    ['a key with a space inside', 'two words', /no spaces/],
  ])('rejects %s before calling Lever', (_label, key, expected) => {
    const message = failure(h, 'saveApiKey', [key, 'production']);
    expect(message).toMatch(expected);
    expect(h.sim.requests).toHaveLength(0);
  });

  it('rejects an unknown environment', () => {
    expect(failure(h, 'saveApiKey', [FULL_KEY, 'mars'])).toMatch(/production, sandbox, eu/);
    expect(h.sim.requests).toHaveLength(0);
  });

  it('rides out a burst of 503s while probing, and logs retries without the key', () => {
    h.sim.injectFaults({ status: 503, count: 3 });
    const result = h.emu.callFromSidebar('saveApiKey', [FULL_KEY, 'production'], { user: USER, spreadsheetId: h.ssId });
    expect(result.ok).toBe(true);
    expect(result.logs.join('\n')).toMatch(/retrying/);
    expectNoKeyAnywhere(h, [result.value]);
  });

  it('fails with LEVER_UNAVAILABLE wording when Lever keeps failing, saving nothing', () => {
    h.sim.injectFaults({ status: 500, count: 1000 });
    const message = failure(h, 'saveApiKey', [FULL_KEY, 'production']);
    expect(message).toMatch(/Lever kept failing \(error 500\) after several tries/);
    expect(h.emu.userProperties(USER)['lever.key']).toBeUndefined();
  });
});

describe('checkApiKey and removeApiKey', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness({ opportunities: 60, requisitions: 20 });
  });

  it('asks to connect first when no key is saved', () => {
    expect(failure(h, 'checkApiKey')).toBe('Connect Lever first: paste your API key in the sidebar.');
  });

  it('re-checks the saved key, and reports a revoked one', () => {
    h.call('saveApiKey', [FULL_KEY, 'production']);
    const before = JSON.parse(h.emu.userProperties(USER)['lever.key']).checkedAt;
    h.emu.clock.advance(60_000);
    const status = h.call<KeyStatus>('checkApiKey');
    expect(status.saved).toBe(true);
    expect(status.checkedAt).not.toBe(before);
    h.sim.revokeKey(FULL_KEY);
    const message = failure(h, 'checkApiKey');
    expect(message).toMatch(/rejected the API key/);
    expectNoKeyAnywhere(h, [status, message]);
  });

  it('keeps each user key to that user', () => {
    h.call('saveApiKey', [FULL_KEY, 'production']);
    expect(failure(h, 'checkApiKey', [], OTHER_USER)).toMatch(/Connect Lever first/);
    expect(h.emu.userProperties(OTHER_USER)['lever.key']).toBeUndefined();
  });

  it('removes the key', () => {
    h.call('saveApiKey', [FULL_KEY, 'production']);
    const status = h.call<KeyStatus>('removeApiKey');
    expect(status).toEqual({ saved: false });
    expect(h.emu.userProperties(USER)['lever.key']).toBeUndefined();
  });
});
