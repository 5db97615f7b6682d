// Basic auth as Lever does it (the API key as username, empty password), per-environment keys and permissions.

import { forbiddenEndpoint, unauthorized } from './errors';
import type { SimEndpoint, SimEnvironment, SimKey } from './types';

export class KeyRing {
  private readonly keys = new Map<string, SimKey>();

  constructor(keys: readonly SimKey[]) {
    for (const key of keys) this.add(key);
  }

  add(key: SimKey): void {
    const permissions = key.permissions === 'all' ? 'all' : [...key.permissions];
    this.keys.set(key.key, { ...key, permissions });
  }

  revoke(key: string): void {
    const found = this.keys.get(key);
    if (found) found.revoked = true;
  }

  find(key: string): SimKey | undefined {
    return this.keys.get(key);
  }

  /** The key of a request to a host of `environment`; a 401 for anything but a live key of that environment. */
  authenticate(headers: Record<string, string>, environment: SimEnvironment): SimKey {
    const key = keyFromBasicAuth(headerValue(headers, 'authorization'));
    const found = key === null ? undefined : this.keys.get(key);
    if (!found || found.revoked || found.environment !== environment) throw unauthorized();
    return found;
  }
}

export function requirePermission(key: SimKey, endpoint: SimEndpoint): void {
  if (key.permissions !== 'all' && !key.permissions.includes(endpoint)) throw forbiddenEndpoint();
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [header, value] of Object.entries(headers)) if (header.toLowerCase() === name) return value;
  return undefined;
}

/** `Basic base64("<key>:")` → key; null for any other scheme, a missing colon or a non-empty password. */
export function keyFromBasicAuth(header: string | undefined): string | null {
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon !== decoded.length - 1) return null;
  return decoded.slice(0, colon);
}
