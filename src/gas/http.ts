// HttpPort over UrlFetchApp: the only code that sends HTTP requests; HTTP errors come back as values, never thrown.
import { type Base64Encoder, type HttpPort, type HttpRequest, type HttpResponse, networkFailure } from '../ports/http';

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
