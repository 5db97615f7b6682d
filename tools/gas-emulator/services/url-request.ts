// UrlFetchApp request rules: URL length and scheme, the manifest allowlist, and params → the request a handler sees.
import type { FetchRequest } from '../options';
import type { Execution } from '../runtime/execution';
import { fromByteArray, isByteArray } from './blob';

const METHODS = ['get', 'delete', 'patch', 'post', 'put'];

export interface FetchParams {
  method?: unknown;
  headers?: unknown;
  payload?: unknown;
  contentType?: unknown;
  muteHttpExceptions?: unknown;
  followRedirects?: unknown;
  validateHttpsCertificates?: unknown;
  escaping?: unknown;
}

export interface PreparedRequest {
  request: FetchRequest;
  muteHttpExceptions: boolean;
  followRedirects: boolean;
}

/**
 * Validates the URL against Google's rules and the manifest allowlist; throws Google's texts. The length limit is
 * the `urlLength` reading's (airhadoken/twitter-lib#34, bradjasper/ImportJSON#75 quote the text).
 */
export function checkUrl(
  exec: Execution,
  url: string,
  allowlist: readonly string[] | undefined,
  maxUrlChars: number,
): void {
  if (url.length > maxUrlChars) throw exec.exception('Limit Exceeded: URLFetch URL Length.');
  const parsed = parseUrl(url);
  if (!parsed || !['https:', 'http:'].includes(parsed.protocol)) throw exec.exception(`Invalid argument: ${url}`);
  if (allowlist && !allowlist.some((prefix) => matchesPrefix(url, parsed, prefix))) {
    const withoutQuery = url.split('?')[0].split('#')[0];
    throw exec.exception(
      `Request to ${withoutQuery}? failed because the URL has not been whitelisted in the script manifest.`,
    );
  }
  if (parsed.protocol !== 'https:') throw exec.exception(`Unsupported in the emulator: plain http URL ${url}`);
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A prefix may start its host with `*.` to allow every subdomain. */
function matchesPrefix(url: string, parsed: URL, prefix: string): boolean {
  const wildcard = /^https:\/\/\*\.([^/]+)(\/.*)$/.exec(prefix);
  if (!wildcard) return url.startsWith(prefix);
  const [, domain, path] = wildcard;
  const hostPort = parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
  return (
    parsed.protocol === 'https:' &&
    hostPort.endsWith(`.${domain}`) &&
    `${parsed.pathname}${parsed.search}`.startsWith(path)
  );
}

export function prepareRequest(exec: Execution, url: string, params: FetchParams): PreparedRequest {
  const method = String(params.method ?? 'get').toLowerCase();
  if (!METHODS.includes(method)) throw exec.exception(`Invalid argument: method`);
  const headers = headerObject(exec, params.headers);
  const payload = encodePayload(exec, params.payload);
  if (payload !== undefined && !hasHeader(headers, 'content-type')) {
    headers['Content-Type'] =
      typeof params.contentType === 'string' ? params.contentType : 'application/x-www-form-urlencoded';
  }
  const request: FetchRequest = { url, method: method.toUpperCase(), headers };
  if (payload !== undefined) request.payload = payload;
  return {
    request,
    muteHttpExceptions: params.muteHttpExceptions === true,
    followRedirects: params.followRedirects !== false,
  };
}

function headerObject(exec: Execution, headers: unknown): Record<string, string> {
  if (headers === undefined || headers === null) return {};
  if (typeof headers !== 'object' || Array.isArray(headers)) throw exec.exception('Invalid argument: headers');
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = String(value);
  return out;
}

function hasHeader(headers: Record<string, string>, lowerName: string): boolean {
  return Object.keys(headers).some((name) => name.toLowerCase() === lowerName);
}

function encodePayload(exec: Execution, payload: unknown): string | undefined {
  if (payload === undefined || payload === null) return undefined;
  if (typeof payload === 'string') return payload;
  if (isByteArray(payload)) return fromByteArray(payload).toString('utf8');
  if (typeof payload === 'object' && !Array.isArray(payload)) {
    return Object.entries(payload)
      .map(([key, value]) => {
        if (typeof value === 'object' && value !== null)
          throw exec.exception('Unsupported in the emulator: multipart payload');
        return `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
      })
      .join('&');
  }
  return String(payload);
}

/** `Request failed for https://host returned code N. Truncated server response: … (use muteHttpExceptions …)` */
export function httpErrorMessage(url: string, status: number, body: string): string {
  const origin = parseUrl(url)?.origin ?? url;
  return (
    `Request failed for ${origin} returned code ${status}. Truncated server response: ${body.slice(0, 100)} ` +
    '(use muteHttpExceptions option to examine full response)'
  );
}
