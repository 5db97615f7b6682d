// Lever failures as sentences a finance user can act on.
import {
  endpointLabel,
  filterNamedIn,
  isInvalidOffsetToken,
  leverMessageOf,
  mapHttpFailure,
} from '../../../src/lever/error-mapping';

const opportunities = { path: '/opportunities', params: { limit: 100 } };

describe('mapHttpFailure', () => {
  it('401: the key is wrong or revoked', () => {
    const error = mapHttpFailure(401, opportunities, 'The request requires authentication.');
    expect(error.code).toBe('LEVER_AUTH');
    expect(error.message).toBe(
      'Lever rejected the API key: it is wrong or was revoked. Paste a new key in the sidebar.',
    );
  });

  it('403: names the endpoint the key lacks', () => {
    const generic = "Your Lever account settings don't authorize you to perform the requested operation.";
    const error = mapHttpFailure(403, { path: '/requisitions', params: {} }, generic);
    expect(error.code).toBe('LEVER_FORBIDDEN');
    expect(error.message).toBe(
      'This key cannot read requisitions. Ask a Lever Super Admin for a key with Read access to requisitions.',
    );
    expect(mapHttpFailure(403, { path: '/archive_reasons', params: {} }, generic).message).toContain('archive reasons');
  });

  it('403 about confidential data: says so when Lever does', () => {
    const error = mapHttpFailure(403, opportunities, 'This API key does not have access to confidential data.');
    expect(error.code).toBe('LEVER_FORBIDDEN');
    expect(error.message).toMatch(/cannot read confidential data/);
    expect(error.message).toMatch(/Super Admin/);
  });

  it('403 on a confidential request for an endpoint the key can read: confidential access', () => {
    const request = { path: '/opportunities', params: { confidentiality: 'all' } };
    expect(mapHttpFailure(403, request, 'Forbidden', true).message).toMatch(/confidential/);
    // When the key cannot read the endpoint at all, that is what is missing.
    expect(mapHttpFailure(403, request, 'Forbidden', false).message).toMatch(/cannot read opportunities\./);
  });

  it('400: names the filter from Lever message', () => {
    const error = mapHttpFailure(400, { path: '/opportunities', params: { stage_id: ['x'] } }, 'Invalid stage_id: x');
    expect(error.code).toBe('LEVER_BAD_REQUEST');
    expect(error.message).toContain('"Stage" filter');
    expect(error.message).toContain('Invalid stage_id: x');
  });

  it('400 without a recognisable filter: points at the filters in general', () => {
    const error = mapHttpFailure(400, opportunities, 'Something odd');
    expect(error.message).toMatch(/refused this import's filters/);
  });

  it('persistent 429 is a rate limit; 5xx and network errors mean Lever is unavailable', () => {
    expect(mapHttpFailure(429, opportunities, '').code).toBe('LEVER_RATE_LIMITED');
    expect(mapHttpFailure(503, opportunities, '').code).toBe('LEVER_UNAVAILABLE');
    expect(mapHttpFailure(503, opportunities, '').message).toContain('error 503');
    expect(mapHttpFailure(0, opportunities, '').message).toContain('network');
  });

  it('404 points at the environment', () => {
    expect(mapHttpFailure(404, opportunities, '').message).toMatch(/environment/);
  });
});

describe('helpers', () => {
  it('reads Lever error bodies and survives HTML', () => {
    expect(leverMessageOf('{"code":"BadRequestError","message":"bad"}')).toBe('bad');
    expect(leverMessageOf('<html>502 Bad Gateway</html>')).toBe('');
  });

  it('recognises the stale offset token error by its message, whatever the status (unknowns 4)', () => {
    expect(isInvalidOffsetToken('Invalid offset token: Offset token is invalid for sort')).toBe(true);
    expect(isInvalidOffsetToken('invalid offset token')).toBe(true);
    expect(isInvalidOffsetToken('Invalid stage_id')).toBe(false);
    expect(isInvalidOffsetToken('')).toBe(false);
  });

  it.each([400, 422, 500, 503])('maps "Invalid offset token" at %s to a sentence that blames no filter', (status) => {
    const error = mapHttpFailure(
      status,
      { path: '/opportunities', params: { offset: 'x', tag: ['a'] } },
      'Invalid offset token: Offset token is invalid for sort',
    );
    expect(error.code).toBe('LEVER_UNAVAILABLE');
    expect(error.message).toMatch(/Invalid offset token/);
    expect(error.message).not.toMatch(/filter|page position/i);
  });

  it('prefers the longest parameter named in the message', () => {
    expect(filterNamedIn('created_at_start must be a number', { created_at_start: 'x' })).toBe('Created after');
    expect(filterNamedIn('bad value for posting_id', { posting_id: ['p'], tag: ['t'] })).toBe('Posting');
  });

  it('labels endpoints in words', () => {
    expect(endpointLabel('/requisition_fields')).toBe('requisition fields');
    expect(endpointLabel('/users?includeDeactivated=true')).toBe('users');
  });
});
