// One list page as Lever sends it, `{data, hasNext, next?}`, checked before anything trusts it.

export interface LeverPage {
  data: unknown[];
  hasNext: boolean;
  /** Opaque offset token for the next page, exactly as Lever sent it. */
  next?: string;
}

export type ParsedPage =
  | { ok: true; page: LeverPage }
  /** `retryable`: a garbled body (worth another try) as opposed to a well-formed but unusable answer. */
  | { ok: false; retryable: boolean; reason: string };

export function parsePage(body: string): ParsedPage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, retryable: true, reason: 'the answer is not JSON' };
  }
  const envelope = (parsed ?? {}) as { data?: unknown; hasNext?: unknown; next?: unknown };
  if (!Array.isArray(envelope.data)) return { ok: false, retryable: true, reason: 'the answer has no list of records' };
  const hasNext = envelope.hasNext === true;
  const next = typeof envelope.next === 'string' && envelope.next !== '' ? envelope.next : undefined;
  if (hasNext && next === undefined) {
    // Stopping here would silently drop every later page, so this is an error, never the end of the list.
    return { ok: false, retryable: false, reason: 'it says more records exist but gives no way to fetch them' };
  }
  return { ok: true, page: { data: envelope.data, hasNext, next: hasNext ? next : undefined } };
}
