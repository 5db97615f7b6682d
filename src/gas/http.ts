// HttpPort over UrlFetchApp: the only code that sends HTTP requests; HTTP errors come back as values, never thrown.

export interface HttpRequest {
  url: string;
  method?: 'get';
  headers: Record<string, string>;
}

export interface HttpResponse {
  /** HTTP status, or 0 when no response arrived (DNS, connection, timeout): see `networkError`. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Set only when the request failed before any HTTP response (status 0). */
  networkError?: string;
}

export interface HttpPort {
  fetch(request: HttpRequest): HttpResponse;
  /** Sends the requests concurrently; responses come back in request order. */
  fetchAll(requests: readonly HttpRequest[]): HttpResponse[];
}

/** Encodes text as UTF-8 then base64 (for the Basic auth header). */
export type Base64Encoder = (text: string) => string;

export function networkFailure(message: string): HttpResponse {
  return { status: 0, headers: {}, body: '', networkError: message };
}

function toParams(request: HttpRequest): GoogleAppsScript.URL_Fetch.URLFetchRequestOptions {
  return {
    method: request.method ?? 'get',
    headers: request.headers,
    muteHttpExceptions: true,
    followRedirects: true,
  };
}

function headerMap(raw: object): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw))
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  return headers;
}

function fromResponse(response: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpResponse {
  return {
    status: response.getResponseCode(),
    headers: headerMap(response.getHeaders()),
    body: response.getContentText(),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Failures that mean "no answer from the server" rather than a bug or a quota: worth a retry. */
function isNetworkError(message: string): boolean {
  return /Address unavailable|DNS error|timed? ?out|Timeout|connection|SSL|unavailable|network/i.test(message);
}

function rethrowUnlessNetwork(error: unknown): string {
  const message = messageOf(error);
  // Quota, permission and allowlist failures are not transient: let them reach the caller's error mapping.
  if (!isNetworkError(message)) throw error;
  return message;
}

export const appsScriptHttp: HttpPort = {
  fetch(request) {
    try {
      return fromResponse(UrlFetchApp.fetch(request.url, toParams(request)));
    } catch (error) {
      return networkFailure(rethrowUnlessNetwork(error));
    }
  },
  fetchAll(requests) {
    if (requests.length === 0) return [];
    try {
      return UrlFetchApp.fetchAll(requests.map((request) => ({ url: request.url, ...toParams(request) }))).map(
        fromResponse,
      );
    } catch (error) {
      // fetchAll fails as a whole when one request cannot connect, so every request in the batch is retried.
      const message = rethrowUnlessNetwork(error);
      return requests.map(() => networkFailure(message));
    }
  },
};

export const appsScriptBase64: Base64Encoder = (text) => Utilities.base64Encode(text, Utilities.Charset.UTF_8);
