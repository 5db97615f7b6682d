// Where Lever lives for each environment, and how an API key becomes the Basic auth header.
import type { Base64Encoder } from '../ports/http';
import type { LeverEnvironment } from '../shared/types';

const BASE_URLS: Record<LeverEnvironment, string> = {
  production: 'https://api.lever.co/v1',
  sandbox: 'https://api.sandbox.lever.co/v1',
  eu: 'https://api.eu.lever.co/v1',
};

export const LEVER_ENVIRONMENTS = Object.keys(BASE_URLS) as LeverEnvironment[];

export function isLeverEnvironment(value: unknown): value is LeverEnvironment {
  return typeof value === 'string' && (LEVER_ENVIRONMENTS as readonly string[]).includes(value);
}

/** The API root for an environment; `customBaseUrl` (a regional host) wins when given. */
export function baseUrlFor(environment: LeverEnvironment, customBaseUrl?: string): string {
  const base = customBaseUrl ?? BASE_URLS[environment];
  return base.replace(/\/+$/, '');
}

/** Lever takes the key as the Basic-auth user name with an empty password. */
export function basicAuthHeader(apiKey: string, base64: Base64Encoder): string {
  return `Basic ${base64(`${apiKey}:`)}`;
}
