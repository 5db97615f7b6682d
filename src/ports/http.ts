// The HTTP port: requests and responses as plain values (HTTP errors are values, never thrown).

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
