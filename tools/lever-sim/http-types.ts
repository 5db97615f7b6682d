// The simulator's HTTP-side shapes: requests, responses, the request log and injectable faults.

export interface SimRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload?: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface SimRequestLogEntry {
  at: number;
  method: string;
  /** The URL path as sent, e.g. `/v1/opportunities`. */
  path: string;
  /** Decoded query values (repeated keys keep every value, in order). */
  query: Record<string, string[]>;
  /** HTTP status, or 0 when an injected network fault made handle() throw. */
  status: number;
  /** The API key, once it was recognised (never the Authorization header). */
  key?: string;
}

export type SimFault =
  | { status: 429 | 500 | 502 | 503 | 504; count: number; afterRequests?: number; path?: string }
  | { network: true; count: number; afterRequests?: number; path?: string }
  /**
   * Refuses the offset token of the next `count` matching requests that carry one ("Invalid offset token", at
   * the status of `readings.invalidTokenStatus`); `afterRequests` counts only requests with a token too.
   * A refused token stays refused.
   */
  | { invalidToken: true; count: number; afterRequests?: number; path?: string };
