// Lever's achievable rate at a latency (unknowns 10): a fetchAll round waits for its slowest request and may spend at
// most the burst of 20, so the ceiling is min(10, 20 ÷ latency in s) requests a second of 100 records each.

export const LEVER_RATE_PER_SECOND = 10;
export const LEVER_BURST = 20;
export const RECORDS_PER_PAGE = 100;

export function ceilingRequestsPerSecond(latencyMs: number): number {
  if (!(latencyMs > 0)) return LEVER_RATE_PER_SECOND;
  return Math.min(LEVER_RATE_PER_SECOND, LEVER_BURST / (latencyMs / 1000));
}

export function ceilingRecordsPerSecond(latencyMs: number): number {
  return ceilingRequestsPerSecond(latencyMs) * RECORDS_PER_PAGE;
}

/**
 * The least virtual time any client needs to send `requests` through Lever's bucket (20, refilled at 10 a second,
 * full at the start: a rested key), one fetchAll round at a time, each round lasting `latencyMs`: every round sends
 * all the tokens it has, and a round with none waits for the next one. Sheets time and everything else count nil.
 * The ceiling above is this rate without rounds; for a run of a few rounds, the rounds decide.
 */
export function leverBoundSeconds(requests: number, latencyMs: number): number {
  let tokens = LEVER_BURST;
  let left = requests;
  let at = 0;
  while (left > 0) {
    const sent = Math.min(left, Math.floor(tokens + 1e-9));
    if (sent === 0) {
      const wait = (1 - tokens) / LEVER_RATE_PER_SECOND;
      at += wait;
      tokens += wait * LEVER_RATE_PER_SECOND;
      continue;
    }
    left -= sent;
    at += latencyMs / 1000;
    tokens = Math.min(LEVER_BURST, tokens - sent + (latencyMs / 1000) * LEVER_RATE_PER_SECOND);
  }
  return at;
}

/**
 * The best share of the ceiling a run of `rows` rows can reach: its pages (100 rows each) plus the `lookups` it
 * needs besides, sent at the bound above. Above 100% for a short run on a rested key's burst.
 */
export function boundShareOfCeiling(rows: number, lookups: number, latencyMs: number): number {
  const requests = Math.ceil(rows / RECORDS_PER_PAGE) + lookups;
  const seconds = leverBoundSeconds(requests, latencyMs);
  return seconds === 0 ? 1 : rows / seconds / ceilingRecordsPerSecond(latencyMs);
}
