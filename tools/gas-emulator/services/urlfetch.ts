// UrlFetchApp: requests go to the emulator's fetch handler; cost virtual time, quota, allowlist and Google's errors.
import type { EmulatorCore } from '../core';
import type { FetchRequest, FetchResponse } from '../options';
import type { Execution } from '../runtime/execution';
import { charsetArg, createBlob, decodeBytes, toSignedBytes } from './blob';
import { expectArgs, strictObject } from './strict';
import { checkUrl, type FetchParams, httpErrorMessage, type PreparedRequest, prepareRequest } from './url-request';

const SCOPE = 'script.external_request';
const MAX_REDIRECTS = 10;

interface Outcome {
  response?: FetchResponse;
  networkError?: string;
  latencyMs: number;
}

export function createUrlFetchApp(exec: Execution, core: EmulatorCore): object {
  const enter = (method: string) => {
    exec.requireScope([SCOPE], `UrlFetchApp.${method}`);
    exec.count(`UrlFetchApp.${method}`);
  };
  return strictObject(exec, 'UrlFetchApp', {
    fetch(url: unknown, params?: unknown) {
      enter('fetch');
      const prepared = prepare(exec, core, url, params, 'fetch');
      return sendAll(exec, core, [prepared])[0];
    },
    fetchAll(requests: unknown) {
      enter('fetchAll');
      expectArgs(exec, 'UrlFetchApp.fetchAll', [requests], Array.isArray(requests));
      const prepared = (requests as unknown[]).map((item) => {
        if (typeof item === 'string') return prepare(exec, core, item, undefined, 'fetchAll');
        const { url, ...params } = (item ?? {}) as { url?: unknown };
        return prepare(exec, core, url, params, 'fetchAll');
      });
      return exec.toRealm(sendAll(exec, core, prepared));
    },
    getRequest(url: unknown, params?: unknown) {
      enter('getRequest');
      exec.charge(core.costs.serviceCallMs);
      return exec.toRealm(describeRequest(prepare(exec, core, url, params, 'getRequest')));
    },
  });
}

/** Checks the arguments, the URL rules and the allowlist, and builds the request the handler will see. */
function prepare(exec: Execution, core: EmulatorCore, url: unknown, params: unknown, method: string): PreparedRequest {
  const args = params === undefined ? [url] : [url, params];
  const paramsOk = params === undefined || (typeof params === 'object' && params !== null && !Array.isArray(params));
  expectArgs(exec, `UrlFetchApp.${method}`, args, typeof url === 'string' && paramsOk);
  checkUrl(exec, url as string, core.deployment.manifest.urlFetchWhitelist, Number(core.readings.urlLength));
  return prepareRequest(exec, url as string, (params ?? {}) as FetchParams);
}

/**
 * Sends requests together (fetchAll runs them in parallel): each is handed to the handler at the same virtual
 * start and the call lasts as long as the slowest one. Any failure fails the whole call, after the time passed.
 */
function sendAll(exec: Execution, core: EmulatorCore, prepared: PreparedRequest[]): object[] {
  if (!core.quotas.tryUse(exec.user, 'urlfetch', prepared.length, core.limits.dailyUrlFetchLimit)) {
    throw exec.exception('Service invoked too many times for one day: urlfetch.');
  }
  exec.count('UrlFetchApp.requests', prepared.length);
  const startedAt = core.clock.exact();
  const outcomes = prepared.map((request) => send(exec, core, request));
  exec.chargeUntil(startedAt + Math.max(0, ...outcomes.map((o) => o.latencyMs)));
  return outcomes.map((outcome, i) => toHttpResponse(exec, outcome, prepared[i]));
}

function describeRequest({ request, muteHttpExceptions, followRedirects }: PreparedRequest): object {
  return {
    url: request.url,
    method: request.method.toLowerCase(),
    headers: request.headers,
    payload: request.payload ?? '',
    contentType: headerValue(request.headers, 'content-type') ?? null,
    muteHttpExceptions,
    followRedirects,
    validateHttpsCertificates: true,
    useIntranet: false,
  };
}

/** Hands the request to the handler, following redirects like Google does by default. */
function send(exec: Execution, core: EmulatorCore, prepared: PreparedRequest): Outcome {
  let request: FetchRequest = prepared.request;
  let latencyMs = 0;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: FetchResponse;
    try {
      if (!core.fetchHandler) throw new Error('no fetch handler');
      response = core.fetchHandler({ ...request, headers: { ...request.headers } });
    } catch {
      return { networkError: `Address unavailable: ${request.url}`, latencyMs: latencyMs + core.costs.urlFetchMs };
    }
    latencyMs += response.latencyMs ?? core.costs.urlFetchMs;
    const location = headerValue(response.headers, 'location');
    if (!prepared.followRedirects || response.status < 300 || response.status >= 400 || !location) {
      return { response, latencyMs };
    }
    const next = new URL(location, request.url).toString();
    checkUrl(exec, next, core.deployment.manifest.urlFetchWhitelist, Number(core.readings.urlLength));
    const keepMethod = response.status === 307 || response.status === 308;
    request = keepMethod
      ? { ...request, url: next }
      : { url: next, method: 'GET', headers: withoutContentType(request.headers) };
  }
  return { networkError: `Address unavailable: ${request.url}`, latencyMs };
}

function withoutContentType(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
}

function headerValue(headers: Record<string, string> | undefined, lowerName: string): string | undefined {
  return Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === lowerName)?.[1];
}

function toHttpResponse(exec: Execution, outcome: Outcome, prepared: PreparedRequest): object {
  if (outcome.networkError) throw exec.exception(outcome.networkError);
  const response = outcome.response as FetchResponse;
  const ok = response.status >= 200 && response.status < 300;
  if (!ok && !prepared.muteHttpExceptions) {
    throw exec.exception(httpErrorMessage(prepared.request.url, response.status, response.body));
  }
  return createHttpResponse(exec, response);
}

function createHttpResponse(exec: Execution, response: FetchResponse): object {
  const body = Buffer.from(response.body, 'utf8');
  const headers = { ...(response.headers ?? {}) };
  return strictObject(exec, 'UrlFetchApp.HTTPResponse', {
    getResponseCode: () => response.status,
    getContentText: (charset?: unknown) => decodeBytes(body, charsetArg(exec, charset)),
    getContent: () => toSignedBytes(exec, body),
    getBlob: () => createBlob(exec, Buffer.from(body), headerValue(headers, 'content-type') ?? null, null),
    getHeaders: () => exec.toRealm({ ...headers }),
    getAllHeaders: () => exec.toRealm({ ...headers }),
  });
}
