// Base URLs per environment and the Basic auth header.
import { baseUrlFor, basicAuthHeader, isLeverEnvironment } from '../../../src/lever/endpoints';
import { nodeBase64 } from './fakes';

describe('baseUrlFor', () => {
  it('maps each environment to its API root', () => {
    expect(baseUrlFor('production')).toBe('https://api.lever.co/v1');
    expect(baseUrlFor('sandbox')).toBe('https://api.sandbox.lever.co/v1');
    expect(baseUrlFor('eu')).toBe('https://api.eu.lever.co/v1');
  });

  it('lets a custom regional host win, without a trailing slash', () => {
    expect(baseUrlFor('production', 'https://api.example.test/v1/')).toBe('https://api.example.test/v1');
  });
});

describe('isLeverEnvironment', () => {
  it('accepts the three environments only', () => {
    expect(['production', 'sandbox', 'eu'].every(isLeverEnvironment)).toBe(true);
    expect(['Production', 'toString', '', undefined, 3].some(isLeverEnvironment)).toBe(false);
  });
});

describe('basicAuthHeader', () => {
  it('is Basic base64("key:") with an empty password', () => {
    const header = basicAuthHeader('abc123', nodeBase64);
    expect(header).toBe(`Basic ${Buffer.from('abc123:').toString('base64')}`);
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe('abc123:');
  });

  it('encodes non-ASCII keys as UTF-8', () => {
    const header = basicAuthHeader('clé', nodeBase64);
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe('clé:');
  });
});
